/**
 * The service logger: JSON lines on stdout (or `destination`), with every
 * place a secret could appear redacted, so an API key never reaches the log
 * even when a request or its headers are logged whole.
 */
import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from '../../config.js';

export const REDACTED = '[redacted]';

/** Header paths as they appear in fastify/pino request serialisations and in ad-hoc log objects. */
export const REDACT_PATHS = [
  'req.headers["x-api-key"]',
  'req.headers.authorization',
  'request.headers["x-api-key"]',
  'request.headers.authorization',
  'headers["x-api-key"]',
  'headers.authorization',
  'apiKey',
  'apiKeys',
];

export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream): Logger {
  const options = {
    level: config.logLevel,
    base: { service: 'corridor-route-planner' },
    redact: { paths: REDACT_PATHS, censor: REDACTED },
  };
  return destination ? pino(options, destination) : pino(options);
}
