/**
 * Optional API keys. When API_KEYS is set, every /v1 request must carry one
 * of them in X-API-Key: missing → 401 UNAUTHORIZED, wrong → 403 FORBIDDEN.
 * Probes (/health, /ready), the documentation (/docs) and /metrics stay open.
 * Keys are compared as SHA-256 digests with crypto.timingSafeEqual (equal
 * lengths, constant time) against every configured key, so neither the
 * length nor the matching prefix of a key leaks through response timing.
 * The key itself is never logged (see ../logger.ts); a short fingerprint is.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { SwaggerTransform } from '@fastify/swagger';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendProblem } from '../error-handler.js';

export const API_KEY_HEADER = 'x-api-key';
export const API_KEY_SCHEME = 'ApiKey';

/** Routes under this prefix are the API proper; everything else is infrastructure. */
const PROTECTED_PREFIX = '/v1';

const digest = (key: string): Buffer => createHash('sha256').update(key, 'utf8').digest();

/** 8 hex digits naming a key in logs without revealing it. */
export const keyFingerprint = (key: string): string => digest(key).subarray(0, 4).toString('hex');

function isProtected(request: FastifyRequest): boolean {
  // The matched route pattern when there is one (so /v1/x?y cannot dodge the prefix), else the raw path (404s under /v1).
  const path = request.routeUrl ?? request.url.split('?')[0] ?? request.url;
  return path === PROTECTED_PREFIX || path.startsWith(`${PROTECTED_PREFIX}/`);
}

/** True when `given` equals one of `digests`; always compares against all of them. */
function matches(given: string, digests: readonly Buffer[]): boolean {
  const d = digest(given);
  let ok = false;
  for (const known of digests) ok = timingSafeEqual(d, known) || ok;
  return ok;
}

/** Installs the check when `keys` is non-empty; with no keys the API is open. */
export function installApiKey(app: FastifyInstance, keys: readonly string[]): void {
  if (keys.length === 0) return;
  const digests = keys.map(digest);
  app.addHook('onRequest', async (request, reply) => {
    if (!isProtected(request)) return;
    const given = request.headers[API_KEY_HEADER];
    if (typeof given !== 'string' || given === '') {
      return sendProblem(request, reply, {
        code: 'UNAUTHORIZED',
        detail: 'This API needs a key: send it in the X-API-Key header.',
        headers: { 'www-authenticate': `${API_KEY_SCHEME} header="X-API-Key"` },
      });
    }
    if (!matches(given, digests)) {
      return sendProblem(request, reply, { code: 'FORBIDDEN', detail: 'The key in X-API-Key is not accepted.' });
    }
    request.logFields.apiKeyId = keyFingerprint(given);
  });
}

/** components.securitySchemes entry of the OpenAPI document. */
export const API_KEY_SECURITY_SCHEME = {
  type: 'apiKey' as const,
  in: 'header' as const,
  name: 'X-API-Key',
  description:
    'Used only when the service is deployed with API_KEYS set (see docs/deploying.md): its operations then list this ' +
    'scheme, and a missing key is 401 UNAUTHORIZED, a wrong one 403 FORBIDDEN. This document describes the service as ' +
    'it runs by default, open: every operation has `security: []`.',
};

/**
 * Wraps the OpenAPI route transform with each operation's security: with keys
 * configured, every /v1 operation names the ApiKey scheme (Swagger UI shows
 * its lock and an Authorize button); without, every operation says
 * `security: []`, so the document and Swagger UI show an open API, as it is.
 * Infrastructure routes (/health, /ready, /metrics, /docs) are always open.
 */
export function withApiKeySecurity(transform: SwaggerTransform, keysConfigured: boolean): SwaggerTransform {
  return (input) => {
    const out = transform(input);
    const isApi = input.url === PROTECTED_PREFIX || input.url.startsWith(`${PROTECTED_PREFIX}/`);
    return { ...out, schema: { ...out.schema, security: isApi && keysConfigured ? [{ [API_KEY_SCHEME]: [] }] : [] } };
  };
}
