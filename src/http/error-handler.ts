/**
 * The one place that turns an error into an HTTP answer: RFC 9457
 * application/problem+json with a stable `code`. Route handlers throw
 * (DomainError, validation errors, fastify's own errors) and never build
 * error bodies themselves. The table of problem codes (status and title of
 * each), which the README lists, lives here too.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { drainRequestBody } from './hooks/drain-body.js';
import { RateLimitStoreDown, STORE_DOWN_RETRY_AFTER_S } from './fleet/rate-limit-store.js';
import { DomainError, type DomainErrorCode } from '../domain/errors.js';
import { levenshtein } from '../domain/network/place-index.js';

/** Every problem code the service answers with: its HTTP status and fixed title. */
export const PROBLEM_CODES = {
  VALIDATION_ERROR: { status: 400, title: 'Invalid request parameters' },
  MALFORMED_REQUEST: { status: 400, title: 'Malformed request' },
  INVALID_CONSTRAINT: { status: 400, title: 'Invalid route constraint' },
  UNAUTHORIZED: { status: 401, title: 'API key required' },
  FORBIDDEN: { status: 403, title: 'API key not accepted' },
  UNKNOWN_PLACE: { status: 404, title: 'Unknown place' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
  REQUEST_TIMEOUT: { status: 408, title: 'Request timeout' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'Payload too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
  HEADERS_TOO_LARGE: { status: 431, title: 'Request headers too large' },
  NO_ROUTE: { status: 422, title: 'No route' },
  BUDGET_EXCEEDED: { status: 422, title: 'Question too costly to plan' },
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  INTERNAL: { status: 500, title: 'Internal error' },
  SERVICE_UNAVAILABLE: { status: 503, title: 'Service unavailable' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemCode = keyof typeof PROBLEM_CODES;
export const PROBLEM_CODE_LIST = Object.keys(PROBLEM_CODES) as [ProblemCode, ...ProblemCode[]];

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** `type` URI of a code: stable, and not pretending to be a page that can be fetched. */
export function problemType(code: ProblemCode): string {
  return `urn:corridor-route-planner:problem:${code.toLowerCase().replaceAll('_', '-')}`;
}

/** One offending request parameter (query parameter or body field). */
export interface ParameterIssue {
  parameter: string;
  message: string;
}

/** Everything about a problem except what the request supplies (instance, requestId). */
export interface ProblemInit {
  code: ProblemCode;
  detail: string;
  /** Extension members (errors, suggestions, parameter, value, allow, …). */
  extensions?: Record<string, unknown>;
  headers?: Record<string, string>;
}

const DOMAIN_STATUS: Record<DomainErrorCode, ProblemCode> = {
  UNKNOWN_PLACE: 'UNKNOWN_PLACE',
  NO_ROUTE: 'NO_ROUTE',
  INVALID_CONSTRAINT: 'INVALID_CONSTRAINT',
  NOT_FOUND: 'NOT_FOUND',
  BUDGET_EXCEEDED: 'BUDGET_EXCEEDED',
  // The data set is validated at start-up; meeting it at request time is a server fault.
  INVALID_DATA: 'INTERNAL',
};

/** Members a DomainError's details may not overwrite. */
const RESERVED = new Set(['type', 'title', 'status', 'detail', 'instance', 'code', 'requestId']);

/** Writes a problem answer. The body is serialised here, so no response schema can reshape it. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, p: ProblemInit): FastifyReply {
  const { status, title } = PROBLEM_CODES[p.code];
  const body = {
    type: problemType(p.code),
    title,
    status,
    detail: p.detail,
    instance: request.url,
    code: p.code,
    requestId: String(request.id),
    ...p.extensions,
  };
  // logFields is unset when the request failed before its first hook (e.g. a malformed URL).
  if (request.logFields) request.logFields.code = p.code;
  for (const [name, value] of Object.entries(p.headers ?? {})) reply.header(name, value);
  return reply.code(status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}

/**
 * A complete raw HTTP/1.1 problem answer for errors met before any request
 * exists (e.g. the request timeout, found at socket level). The request line
 * may never have arrived, so `instance` is empty; the connection is closed
 * after it.
 */
export function rawProblemResponse(code: ProblemCode, detail: string, requestId: string): string {
  const { status, title } = PROBLEM_CODES[code];
  const body = JSON.stringify({ type: problemType(code), title, status, detail, instance: '', code, requestId });
  return (
    `HTTP/1.1 ${status} ${title}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  );
}

/** "/via/2" (zod issue path from fastify-type-provider-zod) → "via[2]". */
function parameterName(instancePath: string, context: string | undefined): string {
  const parts = instancePath.split('/').filter((s) => s !== '');
  if (parts.length === 0) return context === 'body' ? 'body' : (context ?? 'request');
  return parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** What the request sent and accepts, for validation messages: its parameters or body, and the names its schema knows. */
export interface ValidationContext {
  /** The query string or body as parsed, before validation. */
  input?: unknown;
  /** Parameter (or top-level body member) names the schema accepts. */
  known?: readonly string[];
}

/** The known name nearest to a misspelt one, if near enough to be meant (at most a third of its letters off, at least 1). */
export function didYouMean(name: string, known: readonly string[]): string | undefined {
  const low = name.toLowerCase();
  let best: { key: string; d: number } | undefined;
  for (const key of known) {
    const d = key.toLowerCase() === low ? 0 : levenshtein(low, key.toLowerCase());
    if (best === undefined || d < best.d) best = { key, d };
  }
  // A missing or extra tail ("alternativ", "avoidCountry") is a misspelling too, however long.
  const prefix = known.find((k) => k.toLowerCase().startsWith(low) || low.startsWith(k.toLowerCase()));
  if (best && best.d <= Math.max(1, Math.floor(name.length / 3))) return best.key;
  return prefix !== undefined && Math.min(low.length, prefix.length) >= 4 ? prefix : undefined;
}

/** The value sent at a zod issue path ("/via/2"), for quoting it back. */
function valueAt(input: unknown, instancePath: string): unknown {
  let v = input;
  for (const part of instancePath.split('/').filter((x) => x !== '')) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

const quote = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : Array.isArray(v) ? `${v.length} values` : String(v));

const listInWords = (values: readonly unknown[]): string => {
  const words = values.map((v) => String(v));
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
};

/**
 * A zod issue in words a planner reads: "must be a number, got "abc"" rather
 * than "Invalid input: expected number, received NaN". Messages the schemas
 * write themselves (custom issues) are kept as they are.
 */
export function plainMessage(keyword: string, params: Record<string, unknown>, zodMessage: string, sent: unknown): string {
  const got = sent === undefined ? '' : `, got ${quote(sent)}`;
  const limit = (bound: unknown, inclusive: unknown, word: 'least' | 'most'): string =>
    inclusive === false ? `${word === 'least' ? 'more' : 'less'} than ${String(bound)}` : `at ${word} ${String(bound)}`;
  switch (keyword) {
    case 'invalid_type': {
      if (Array.isArray(sent)) return `given ${sent.length} times; give it once`;
      if (sent === undefined) return 'is required';
      if (params.expected === 'int') return `must be a whole number${got}`;
      if (params.expected === 'number') return `must be a number${got}`;
      if (params.expected === 'boolean') return `must be true or false${got}`;
      if (params.expected === 'string') return `must be text${got}`;
      if (params.expected === 'array') return `must be a list${got}`;
      if (params.expected === 'object') return `must be an object${got}`;
      return zodMessage;
    }
    case 'too_small':
      if (params.origin === 'number' || params.origin === 'int') return `must be ${limit(params.minimum, params.inclusive, 'least')}${got}`;
      if (params.origin === 'array') return `needs at least ${String(params.minimum)} item${params.minimum === 1 ? '' : 's'}`;
      if (params.origin === 'string') return params.minimum === 1 ? 'must not be empty' : `needs at least ${String(params.minimum)} characters`;
      return zodMessage;
    case 'too_big':
      if (params.origin === 'number' || params.origin === 'int') return `must be ${limit(params.maximum, params.inclusive, 'most')}${got}`;
      if (params.origin === 'array') return `takes at most ${String(params.maximum)} item${params.maximum === 1 ? '' : 's'}${Array.isArray(sent) ? `, got ${sent.length}` : ''}`;
      if (params.origin === 'string') return `takes at most ${String(params.maximum)} characters`;
      return zodMessage;
    case 'invalid_value':
      return Array.isArray(params.values) ? `must be one of ${listInWords(params.values)}${got}` : zodMessage;
    case 'invalid_format':
      return `is not in the expected form${got}`;
    default:
      return zodMessage;
  }
}

/** One entry per offending parameter; an unknown-keys issue yields one entry per unknown key, with a did-you-mean when one is near. */
export function validationIssues(error: FastifyError, ctx: ValidationContext = {}): ParameterIssue[] {
  const context = error.validationContext;
  if (!hasZodFastifySchemaValidationErrors(error)) {
    return (error.validation ?? []).map((v) => ({ parameter: parameterName(v.instancePath, context), message: v.message ?? 'invalid value' }));
  }
  const issues: ParameterIssue[] = [];
  for (const v of error.validation) {
    const params = v.params as Record<string, unknown>;
    const keys = params.keys;
    if (v.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
      const prefix = parameterName(v.instancePath, undefined);
      const topLevel = v.instancePath === '/' || v.instancePath === '';
      for (const key of keys) {
        const name = topLevel ? String(key) : `${prefix}.${String(key)}`;
        const near = topLevel && ctx.known ? didYouMean(String(key), ctx.known) : undefined;
        issues.push({ parameter: name, message: near === undefined ? 'unknown parameter' : `unknown parameter; did you mean "${near}"?` });
      }
      continue;
    }
    const message = plainMessage(v.keyword, params, v.message ?? 'invalid value', valueAt(ctx.input, v.instancePath));
    issues.push({ parameter: parameterName(v.instancePath, context), message });
  }
  return issues;
}

/** The input and known names of the request's schema for the part that failed validation (querystring, body, params). */
export function validationContextOf(request: FastifyRequest, error: FastifyError): ValidationContext {
  const part = error.validationContext;
  if (part === undefined) return {};
  const schema = (request.routeOptions?.schema as Record<string, unknown> | undefined)?.[part];
  const shape = typeof schema === 'object' && schema !== null ? (schema as { shape?: unknown }).shape : undefined;
  const input = part === 'querystring' ? request.query : part === 'body' ? request.body : part === 'params' ? request.params : undefined;
  return { input, ...(typeof shape === 'object' && shape !== null ? { known: Object.keys(shape) } : {}) };
}

/** Maps fastify's own request errors (parsing, size, media type) to a problem. */
function fastifyProblem(error: FastifyError): ProblemInit | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { code: 'MALFORMED_REQUEST', detail: 'The request body is not valid JSON.' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'MALFORMED_REQUEST', detail: 'The request body is empty but its content type is application/json.' };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { code: 'MALFORMED_REQUEST', detail: 'The request body size does not match Content-Length.' };
    case 'FST_ERR_BAD_URL':
      return { code: 'MALFORMED_REQUEST', detail: 'The request URL is malformed.' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'PAYLOAD_TOO_LARGE', detail: 'The request body is larger than this service accepts.' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { code: 'UNSUPPORTED_MEDIA_TYPE', detail: 'Send the request body as application/json.' };
    default:
      return undefined;
  }
}

function domainProblem(error: DomainError): ProblemInit {
  const extensions: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error.details)) {
    if (key === 'field') extensions.parameter = value;
    else if (!RESERVED.has(key)) extensions[key] = value;
  }
  return { code: DOMAIN_STATUS[error.code], detail: error.message, extensions };
}

/** Status-based fallback for errors from plugins (rate limit, load shedding) that carry a statusCode. */
function statusProblem(status: number): ProblemInit | undefined {
  if (status === 429) return { code: 'RATE_LIMITED', detail: 'Too many requests; retry later.' };
  if (status === 503) return { code: 'SERVICE_UNAVAILABLE', detail: 'The service is temporarily unable to answer; retry later.' };
  if (status === 413) return { code: 'PAYLOAD_TOO_LARGE', detail: 'The request is larger than this service accepts.' };
  if (status === 415) return { code: 'UNSUPPORTED_MEDIA_TYPE', detail: 'Send the request body as application/json.' };
  if (status === 401) return { code: 'UNAUTHORIZED', detail: 'Send a valid API key in the X-API-Key header.' };
  // The API-key check answers its own 403 (hooks/api-key.ts); a 403 thrown here comes from the static
  // file server refusing a path outside its folder (/docs/static/%2e%2e/…): there is nothing at that address.
  if (status === 403) return { code: 'NOT_FOUND', detail: 'Nothing was found at this address.' };
  if (status === 408) return { code: 'REQUEST_TIMEOUT', detail: 'The request was not received in time.' };
  if (status === 404) return { code: 'NOT_FOUND', detail: 'Nothing was found at this address.' };
  if (status === 405) return { code: 'METHOD_NOT_ALLOWED', detail: 'This method is not allowed here.' };
  if (status >= 400 && status < 500) return { code: 'MALFORMED_REQUEST', detail: 'The request could not be processed as sent.' };
  return undefined;
}

/** A request body refused by the body parser (hooks/json-body.ts), with the problem to answer. */
export class BodyRefused extends Error {
  readonly problem: ProblemInit;
  constructor(problem: ProblemInit) {
    super(problem.detail);
    this.name = 'BodyRefused';
    this.problem = problem;
  }
}

/** Turns any thrown value into a problem; unknown errors become a generic INTERNAL. `request` lets validation messages quote the values sent. */
export function toProblem(error: unknown, request?: FastifyRequest): ProblemInit {
  if (error instanceof DomainError) return domainProblem(error);
  if (error instanceof BodyRefused) return error.problem;
  if (error instanceof RateLimitStoreDown) {
    return {
      code: 'SERVICE_UNAVAILABLE',
      detail: 'Requests cannot be counted against the rate limit now (its shared store does not answer), and this service refuses what it cannot count; retry shortly.',
      headers: { 'retry-after': String(STORE_DOWN_RETRY_AFTER_S) },
    };
  }
  if (typeof error === 'object' && error !== null) {
    const e = error as FastifyError;
    if (Array.isArray(e.validation) && e.validation.length > 0) {
      const errors = validationIssues(e, request ? validationContextOf(request, e) : {});
      return {
        code: 'VALIDATION_ERROR',
        detail: `${errors.length} request parameter${errors.length === 1 ? ' is' : 's are'} invalid: ${[...new Set(errors.map((x) => x.parameter))].join(', ')}.`,
        extensions: { errors },
      };
    }
    const known = fastifyProblem(e);
    if (known) return known;
    const status = typeof e.statusCode === 'number' ? e.statusCode : undefined;
    const byStatus = status === undefined ? undefined : statusProblem(status);
    if (byStatus) return byStatus;
  }
  return { code: 'INTERNAL', detail: 'An unexpected error occurred. It has been logged; quote the requestId when reporting it.' };
}

/**
 * fastify's `frameworkErrors` option: errors found while routing, before any
 * hook or the error handler (a malformed URL such as /v1/links/%zz). Without
 * it fastify answers them with its own JSON body.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  sendProblem(request, reply, toProblem(error));
}

/** Paths of the registered routes, for telling 404 (no such URL) from 405 (wrong method). */
interface RoutePattern {
  regex: RegExp;
  methods: Set<string>;
}

function patternFor(url: string): RegExp {
  const escaped = url
    .split('/')
    .map((seg) => (seg.startsWith(':') ? '[^/]+' : seg === '*' ? '.*' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${escaped}/?$`);
}

/**
 * Installs the error handler and the not-found handler on `app`. Call before
 * registering routes so that the route collector sees every route.
 */
export function installProblemHandlers(app: FastifyInstance): void {
  const routes = new Map<string, RoutePattern>();
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const entry = routes.get(route.url) ?? { regex: patternFor(route.url), methods: new Set<string>() };
    for (const m of methods) entry.methods.add(m.toUpperCase());
    routes.set(route.url, entry);
  });

  app.setErrorHandler((error, request, reply) => {
    const problem = toProblem(error, request);
    if (problem.code === 'INTERNAL') {
      // The real error goes to the log only: its message, stack and paths never reach the client.
      request.log.error({ err: error }, 'request failed');
    } else if (PROBLEM_CODES[problem.code].status >= 500) {
      request.log.warn({ err: error }, 'request refused');
    }
    if (problem.code === 'PAYLOAD_TOO_LARGE' && !request.raw.complete) {
      // Read the rest of the body before answering, so the client gets its 413 and not a reset (drain-body.ts);
      // then close, since the connection carried bytes nobody parsed.
      return drainRequestBody(request.raw).then(() =>
        sendProblem(request, reply, { ...problem, headers: { ...problem.headers, connection: 'close' } }),
      );
    }
    // Plugins such as the rate limiter set their own headers (Retry-After); keep them.
    return sendProblem(request, reply, problem);
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? request.url;
    const allowed = new Set<string>();
    for (const r of routes.values()) if (r.regex.test(path)) for (const m of r.methods) allowed.add(m);
    // A URL that matches a route pattern with this very method (a wildcard such as /docs/static/*) and still
    // arrives here was not found by that route: 404, not 405.
    if (allowed.size > 0 && !allowed.has(request.method)) {
      const allow = [...allowed].sort().join(', ');
      return sendProblem(request, reply, {
        code: 'METHOD_NOT_ALLOWED',
        detail: `${request.method} is not allowed on ${path}; allowed: ${allow}.`,
        extensions: { allow: [...allowed].sort() },
        headers: { allow },
      });
    }
    return sendProblem(request, reply, { code: 'NOT_FOUND', detail: `No resource at ${path}. The API is described at /docs.` });
  });
}
