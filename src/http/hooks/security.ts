/**
 * Protective layers around every route: security headers with a CSP that the
 * documentation UI at /docs works under, CORS for the configured origins,
 * per-client rate limiting (429) and load shedding when the process is
 * saturated (503), plus the server options that bound request size and time.
 * Every refusal goes through the app's error handler, so it is a problem+json
 * answer from the code table, with Retry-After where a retry makes sense.
 */
import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import fastifyCors from '@fastify/cors';
import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import type { Server } from 'node:http';
import Fastify, { type FastifyHttpOptions, type FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';
import type { Fleet } from '../fleet/fleet.js';
import { redisRateLimitStore } from '../fleet/rate-limit-store.js';
import { rawProblemResponse } from '../error-handler.js';
import { PressureMonitor } from './load-shedding.js';

/** Probes and the metrics scrape come from the platform, not from clients: never limited or shed. */
const INFRA_ROUTES = new Set(['/health', '/ready', '/metrics']);
/** Liveness and metrics must answer even when the process sheds load. */
const NEVER_SHED = new Set(['/health', '/metrics']);

/** Seconds a shed client should wait before retrying (Retry-After on 503). */
export const PRESSURE_RETRY_AFTER_S = 10;

/**
 * Content-Security-Policy. Swagger UI (/docs) loads its scripts and styles
 * from /docs/static (no inline <script>), sets inline style attributes from
 * React (hence 'unsafe-inline' for styles only), shows data: images, and
 * fetches the document from /docs/json. No upgrade-insecure-requests: the
 * service is often reached over plain HTTP behind a TLS-terminating proxy,
 * and the directive would break /docs there.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'", 'data:'],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  imgSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
};

/** helmet's defaults with the CSP above: the same headers on every answer, /docs included. */
export const HELMET_OPTIONS: FastifyHelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
};

/** The planner page and its assets (src/http/routes/page.ts): the only answers with PAGE_CSP_DIRECTIVES. */
export const PAGE_ROUTES = new Set(['/', '/ui/*']);

/**
 * Content-Security-Policy of the planner page at / and its assets under /ui:
 * the service's policy with one change, and that one makes it stricter, not
 * looser. Scripts stay 'self' only: the page is plain ES modules from /ui
 * with no inline script, no inline event handler and no eval. Styles lose
 * 'unsafe-inline', which only Swagger UI needs: the page has no style
 * attribute or <style> in its markup, and Leaflet and the page's scripts set
 * positions, widths and colours through the CSSOM (element.style), which CSP
 * does not govern. The page is the one document that puts data-set text
 * (place and source names) into the DOM, so it gets the tightest policy that
 * works; the browser test fails on any CSP violation it reports.
 */
export const PAGE_CSP_DIRECTIVES = {
  ...CSP_DIRECTIVES,
  styleSrc: ["'self'"],
};

export const PAGE_HELMET_OPTIONS: FastifyHelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: PAGE_CSP_DIRECTIVES },
};

/**
 * The headers @fastify/helmet sets with `options`, found once by running the
 * plugin on a throwaway instance (lower-case names). Registered as a plugin,
 * helmet rebuilds its middleware and re-parses the CSP directives on every
 * request (about an eighth of the CPU of a cached route answer), although
 * with static options its headers never change.
 */
export async function helmetHeaders(options: FastifyHelmetOptions = HELMET_OPTIONS): Promise<Record<string, string>> {
  const probe = Fastify();
  try {
    await probe.register(fastifyHelmet, options);
    // helmet writes to the raw response in its onRequest hooks; nothing else has set a header yet.
    probe.get('/', async (_request, reply) => reply.raw.getHeaders());
    const res = await probe.inject({ method: 'GET', url: '/' });
    const headers = res.json() as Record<string, unknown>;
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (typeof value !== 'string') throw new Error(`helmet header ${name} is not a single string value`);
      out[name] = value;
    }
    return out;
  } finally {
    await probe.close();
  }
}

/** Headers a browser client may send and read across origins. */
const CORS_ALLOWED_HEADERS = ['Content-Type', 'X-API-Key', 'X-Request-Id', 'If-None-Match'];
const CORS_EXPOSED_HEADERS = ['X-Request-Id', 'Retry-After', 'ETag', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'];

/**
 * Errors met at socket level, before fastify has a request: a request that
 * did not arrive within REQUEST_TIMEOUT_MS, oversized headers, unparsable
 * HTTP. Answered as problem+json and the connection closed.
 */
function clientErrorHandler(this: FastifyInstance, err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const requestId = randomUUID();
  let response: string;
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    response = rawProblemResponse('REQUEST_TIMEOUT', 'The request was not received in time; the connection is closed.', requestId);
  } else if (err.code === 'HPE_HEADER_OVERFLOW') {
    response = rawProblemResponse('HEADERS_TOO_LARGE', 'The request line and headers are larger than this service accepts.', requestId);
  } else {
    response = rawProblemResponse('MALFORMED_REQUEST', 'The request is not valid HTTP.', requestId);
  }
  this.log.debug({ err, requestId }, 'client error');
  if (socket.writable) socket.write(response);
  socket.destroy();
}

/** Options for the Fastify() factory: trust, size and time bounds. */
export function securityServerOptions(config: Config): Pick<
  FastifyHttpOptions<Server>,
  'bodyLimit' | 'requestTimeout' | 'connectionTimeout' | 'keepAliveTimeout' | 'trustProxy' | 'clientErrorHandler' | 'http'
> {
  return {
    bodyLimit: config.bodyLimitBytes,
    requestTimeout: config.requestTimeoutMs,
    http: {
      // Node checks request timeouts every 30 s by default, so a 10 s limit could fire after 40 s; check every 0.25–1 s.
      connectionsCheckingInterval: Math.max(250, Math.min(1000, Math.floor(config.requestTimeoutMs / 4))),
      // Measured on Node 20: with headersTimeout (default 60 s) above requestTimeout, a request whose body
      // stalls is never timed out by requestTimeout; Node's own default is the smaller of the two.
      ...(config.requestTimeoutMs > 0 ? { headersTimeout: Math.min(60_000, config.requestTimeoutMs) } : {}),
    },
    connectionTimeout: config.connectionTimeoutMs,
    keepAliveTimeout: config.keepAliveTimeoutMs,
    trustProxy: trustProxyOption(config.trustProxy),
    clientErrorHandler,
  };
}

/**
 * fastify's trustProxy from TRUST_PROXY. A hop count N trusts the N proxies
 * nearest to the service, whatever their addresses (the client address is the
 * N-th entry of X-Forwarded-For counted from the right): fastify itself takes
 * a bare number as "trust nothing", which put every client behind one load
 * balancer into one rate-limit bucket.
 */
export function trustProxyOption(trust: Config['trustProxy']): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address: string, hop: number) => hop < trust;
  return trust;
}

/**
 * Registers the security headers (helmet's, computed once), CORS, the rate limiter and load shedding. Call before
 * installProblemHandlers: the CORS plugin adds a catch-all OPTIONS route that
 * the 405 logic must not count as a resource.
 */
export async function registerSecurity(app: FastifyInstance, config: Config, fleet: Fleet | null = null): Promise<void> {
  const securityHeaders = await helmetHeaders(HELMET_OPTIONS);
  const pageHeaders = await helmetHeaders(PAGE_HELMET_OPTIONS);
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(PAGE_ROUTES.has(request.routeUrl ?? '') ? pageHeaders : securityHeaders);
    done();
  });

  if (config.corsOrigins.length > 0) {
    await app.register(fastifyCors, {
      origin: config.corsOrigins.includes('*') ? '*' : config.corsOrigins,
      methods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
      allowedHeaders: CORS_ALLOWED_HEADERS,
      exposedHeaders: CORS_EXPOSED_HEADERS,
      // A preflight without Origin is answered 204 rather than with a non-problem 400.
      strictPreflight: false,
      maxAge: 600,
    });
  }

  if (config.rateLimit.max > 0) {
    await app.register(fastifyRateLimit, {
      global: true,
      max: config.rateLimit.max,
      timeWindow: config.rateLimit.windowMs,
      allowList: (request) => INFRA_ROUTES.has(request.routeUrl ?? ''),
      // With REDIS_URL every replica counts against one limit per client (fleet/rate-limit-store.ts);
      // skipOnError is the fail-open policy, the store itself turns errors into 503 for the refuse policy.
      ...(fleet
        ? {
            store: redisRateLimitStore(fleet.redis.client, fleet.rateLimit.policy, fleet.rateLimit.stats),
            skipOnError: fleet.rateLimit.policy === 'allow',
          }
        : {}),
    });
  }

  // Load shedding (hooks/load-shedding.ts); a rejection goes to the error handler as a 503 problem.
  const monitor = new PressureMonitor(config.pressure);
  if (monitor.active) {
    monitor.start();
    app.addHook('onClose', async () => monitor.stop());
    app.addHook('onRequest', (request, reply, done) => {
      const pressure = monitor.pressure;
      if (pressure === null || NEVER_SHED.has(request.routeUrl ?? '')) return done();
      request.log.warn({ pressure: pressure.kind, value: pressure.value }, 'shedding load');
      reply.header('retry-after', String(PRESSURE_RETRY_AFTER_S));
      done(Object.assign(new Error(`under pressure: ${pressure.kind}`), { statusCode: 503 }));
    });
  }
}
