/**
 * The service logger: JSON lines on stdout (or `destination`), with every
 * place a secret could appear redacted, so an API key never reaches the log
 * even when a request or its headers are logged whole.
 */
import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from '../config.js';

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

/**
 * stdout, written in batches: lines are joined here into batches of at least
 * LOG_BATCH_CHARS characters, and whatever is waiting is handed on every
 * LOG_FLUSH_MS. pino's default writes each line with its own asynchronous
 * write, i.e. one hand-off to a libuv thread per line, which on a busy
 * instance cost more CPU per request than everything else the request log
 * does. Lines still never block the event loop; they reach stdout at most
 * LOG_FLUSH_MS late, and are written synchronously when the process exits
 * (also on process.exit after a fatal error; a batch whose asynchronous
 * write is still under way then can land after them). Only a process killed
 * outright (SIGKILL, OOM kill) loses the last LOG_FLUSH_MS.
 */
/** Characters; about 40 request lines. */
const LOG_BATCH_CHARS = 16_000;
/** ms */
const LOG_FLUSH_MS = 100;

/** flushSync of every destination, called when the process exits (one listener for all). */
const flushAtExit = new Set<() => void>();

export interface BatchedDestination extends DestinationStream {
  /** Writes every waiting line now, synchronously. */
  flushSync(): void;
  /** Hands every waiting line on; `cb` once they are written (pino's logger.flush). */
  flush(cb?: (err?: Error) => void): void;
}

/**
 * The batching destination on file descriptor `fd` (1: stdout). The batches
 * are joined here and handed to sonic-boom whole, one write each: given
 * line by line, sonic-boom measures the UTF-8 length of its growing batch
 * string on every line (string mode: about 4.5 µs per line with 38-line
 * batches) or copies each line into a Buffer of its own (buffer mode); one
 * join per batch costs less than either.
 */
export function batchedDestination(fd: number): BatchedDestination {
  // minLength 1: each batch handed on is written at once, as with 0, but sonic-boom's flush(cb) then waits for
  // the write (with 0 it calls back at once).
  const boom = pino.destination({ dest: fd, sync: false, minLength: 1 });
  let lines: string[] = [];
  let chars = 0;
  const handOn = (): void => {
    if (lines.length === 0) return;
    const batch = lines.join('');
    lines = [];
    chars = 0;
    boom.write(batch);
  };
  // The flush every LOG_FLUSH_MS is this timer's, not sonic-boom's periodicFlush: that one writes even when
  // nothing waits (an empty write through the libuv thread pool ten times a second on an idle instance).
  setInterval(handOn, LOG_FLUSH_MS).unref();
  const flushSync = (): void => {
    handOn();
    boom.flushSync();
  };
  // sonic-boom's own exit hook (pino registers one) may have run already: it only flushes, never ends the stream.
  if (flushAtExit.size === 0) {
    process.on('exit', () => {
      for (const flush of flushAtExit) {
        try {
          flush();
        } catch {
          // A destination whose descriptor is gone (closed by a test) has nothing left to write.
        }
      }
    });
  }
  flushAtExit.add(flushSync);
  return {
    write: (line: string) => {
      lines.push(line);
      chars += line.length;
      if (chars >= LOG_BATCH_CHARS) handOn();
      return true;
    },
    flushSync,
    flush: (cb) => {
      handOn();
      boom.flush(cb);
    },
  };
}

export function stdoutDestination(): DestinationStream {
  return batchedDestination(1);
}

export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream): Logger {
  const options = {
    level: config.logLevel,
    base: { service: 'corridor-route-planner' },
    redact: { paths: REDACT_PATHS, censor: REDACTED },
  };
  return pino(options, destination ?? stdoutDestination());
}
