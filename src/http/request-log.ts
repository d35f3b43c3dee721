/**
 * One log line per request, written when the answer has gone out (fastify's
 * own "incoming request" / "request completed" lines are off, app.ts).
 * Handlers add fields to `request.logFields` (the route planner adds from,
 * to, objective, km, hours, planMs, cache; the error handler adds the
 * problem code), so a planned route is one line with everything needed to
 * read it later; the request id is the logger's reqId.
 *
 * The line is `request.logFields` itself: one object per request, created
 * with its fixed fields first (so they lead the line) and completed with the
 * status and time at the end, rather than copied into a new object.
 *
 * It is written by the app's own logger with the request id as its first
 * field, which gives the same line as the request's child logger (whose
 * binding reqId leads its fields) at about half the CPU: pino's write
 * through a child made for this request alone cost about 4 µs more per line
 * than through the one long-lived logger (measured on Node 20).
 */
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** Fields merged into this request's single log line. */
    logFields: Record<string, unknown>;
    /**
     * The matched route pattern ("/v1/routes"), undefined when no route
     * matched (a 404). Read once per request for every hook that needs it:
     * fastify's `routeOptions` getter builds a 12-field object and asks the
     * router about version constraints on every read.
     */
    routeUrl: string | undefined;
  }
}

/** Probes hit these every few seconds; they are logged at debug level only. */
const QUIET_PATHS = new Set(['/health', '/ready']);

/** True for a probe: /health or /ready, with or without a query string. */
function isQuiet(url: string): boolean {
  // Nearly every request is neither, and is told apart without allocating the path.
  if (!url.startsWith('/health') && !url.startsWith('/ready')) return false;
  const q = url.indexOf('?');
  return QUIET_PATHS.has(q === -1 ? url : url.slice(0, q));
}

export function installRequestLog(app: FastifyInstance): void {
  app.decorateRequest('logFields', null as unknown as Record<string, unknown>);
  app.decorateRequest('routeUrl', undefined);
  app.addHook('onRequest', (request, _reply, done) => {
    request.routeUrl = request.routeOptions.url;
    // client: the address the rate limiter keys on (X-Forwarded-For as far as TRUST_PROXY trusts it).
    request.logFields = { reqId: request.id, method: request.method, url: request.url, client: request.ip, statusCode: 0, ms: 0 };
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    // Unset when the request failed before its first hook (e.g. a malformed URL).
    const line = request.logFields ?? { reqId: request.id, method: request.method, url: request.url };
    line.statusCode = reply.statusCode;
    // ms, to 0.1 ms.
    line.ms = Math.round(reply.elapsedTime * 10) / 10;
    if (isQuiet(request.url)) app.log.debug(line, 'request');
    else app.log.info(line, 'request');
    done();
  });
}
