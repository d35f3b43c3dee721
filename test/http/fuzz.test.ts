/**
 * HTTP fuzzing over every documented operation (read from the app's own
 * OpenAPI document, so endpoints added later are fuzzed too), plus the docs
 * and unknown paths: hostile query strings, path ids, JSON bodies, content
 * types, methods and headers. Whatever is sent, the service never answers
 * 5xx, every 4xx is application/problem+json with a code from the code table
 * and the matching status, and /health still answers 200 afterwards. The
 * fuzzed requests to the planning operations must also get past validation to
 * the planner often enough (an answer, or its NO_ROUTE / BUDGET_EXCEEDED), or
 * the fuzzing would only ever test the validator.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import '@fastify/swagger';
import fc from 'fast-check';
import type { FastifyInstance, HTTPMethods, LightMyRequestResponse } from 'fastify';
import { parseConfig } from '../../src/config.js';
import { PROBLEM_CODES } from '../../src/http/error-handler.js';
import { PROBLEM_TYPE, type TestApp, withApp } from './helper.js';

/** Runs per property; 8 properties below give several thousand requests in about half a minute on 2 cores. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

interface SchemaLike {
  type?: string;
  enum?: unknown[];
  items?: SchemaLike;
  properties?: Record<string, SchemaLike>;
  $ref?: string;
  anyOf?: SchemaLike[];
}
interface Operation {
  method: string;
  path: string;
  query: { name: string; schema: SchemaLike }[];
  pathParams: string[];
  body?: SchemaLike;
}

let t: TestApp;
let app: FastifyInstance;
let operations: Operation[];
let placeWords: string[];
let cases = 0;
/** Answers by status, printed at the end. */
const byStatus = new Map<number, number>();

/** The operations that plan: fuzzing them must reach the planner, not only the validator. */
const PLANNING_OPERATIONS = [
  'GET /v1/routes', 'POST /v1/routes', 'GET /v1/compare', 'POST /v1/matrix', 'GET /v1/reachability', 'GET /v1/resilience', 'POST /v1/resilience',
];
/** Problem codes only the planner answers with: the question was valid and was planned. */
const PLANNER_CODES = new Set(['NO_ROUTE', 'BUDGET_EXCEEDED']);
/**
 * Least share of the fuzzed requests to each planning operation that the planner answers. With the default runs
 * it answered 8–20 % of them in trial runs (the rest are refused by validation, as most fuzzed input should be);
 * 2 % leaves room for chance while catching generators that no longer get past validation.
 */
const MIN_PLANNED_SHARE = 0.02;
const answeredByPlanner = (res: LightMyRequestResponse): boolean =>
  res.statusCode === 200 || (res.statusCode >= 400 && PLANNER_CODES.has(String((JSON.parse(res.body) as { code?: unknown }).code)));
/** Fuzzed requests to each planning operation: how many were sent, how many the planner answered. */
const planned = new Map<string, { sent: number; planned: number }>();

before(async (ctx) => {
  // Limiter and load shedding off: they would answer 429/503 to the fuzzer's pace, which is not what is tested here.
  t = await withApp(ctx, undefined, {
    config: parseConfig({ NODE_ENV: 'test', RATE_LIMIT_MAX: '0', MAX_EVENT_LOOP_DELAY_MS: '0' }),
  });
  app = t.app;
  const doc = app.swagger() as unknown as {
    paths: Record<string, Record<string, { parameters?: { in: string; name: string; schema: SchemaLike }[]; requestBody?: { content: Record<string, { schema: SchemaLike }> } }>>;
    components: { schemas: Record<string, SchemaLike> };
  };
  const resolve = (s: SchemaLike | undefined): SchemaLike | undefined =>
    s?.$ref ? doc.components.schemas[s.$ref.replace('#/components/schemas/', '')] : s;
  operations = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const params = op.parameters ?? [];
      operations.push({
        method: method.toUpperCase(),
        path,
        query: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema })),
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        body: resolve(op.requestBody?.content['application/json']?.schema),
      });
    }
  }
  const places = t.deps.network.places;
  placeWords = [...places.map((p) => p.id), ...places.map((p) => p.name), 'almaty', 'karachi', 'mary'];
});

after(async () => {
  const statuses = [...byStatus].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}: ${n}`).join(', ');
  console.log(`fuzz: ${cases} HTTP cases run over ${operations.length} documented operations (${statuses})`);
  const shares = [...planned].map(([name, { sent, planned: n }]) => `${name} ${n}/${sent}`).join(', ');
  console.log(`fuzz: answered by the planner: ${shares}`);
});

// ---- values ---------------------------------------------------------------

const NASTY_STRINGS = [
  '', ' ', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'NaN', 'Infinity', '-Infinity',
  '-1', '0', '-0', '1e309', '-1e309', '9007199254740993', '1.7976931348623157e308', '0x1F', '1_000', '1,5', 'null',
  'undefined', 'true', '[]', '{}', '%', '%%', '%00', '%zz', '%E0%A4%A', '%ED%A0%80', '%C0%AF', '../../etc/passwd', '<script>alert(1)</script>',
  "' OR 1=1 --", '\u0000', '\uFFFF', '\uD800', '\u202E', 'ü', 'Алматы', 'کراچی', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '🚂', ',,,', ',', 'a,,b',
  'rail,plane', 'x'.repeat(5000),
];

const nastyString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 1000, maxLength: 3000 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double()).map(String) },
);

/** A plausible value for a documented parameter: enum members, place names, numbers near limits, lists of them. */
function plausible(schema: SchemaLike | undefined): fc.Arbitrary<string> {
  const enums = schema?.enum ?? schema?.items?.enum ?? schema?.anyOf?.flatMap((s) => s.enum ?? s.items?.enum ?? []) ?? [];
  const words = enums.length > 0 ? enums.map(String) : placeWords;
  const t = schema?.type ?? schema?.anyOf?.[0]?.type;
  if (t === 'integer' || t === 'number') {
    return fc.oneof(fc.integer({ min: -5, max: 30 }).map(String), fc.constantFrom('1', '2', '5', '0.5', '100000', '-1', '1e3'));
  }
  if (t === 'boolean') return fc.constantFrom('true', 'false', '1', '0', 'yes');
  return fc.oneof(fc.constantFrom(...words), fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 6 }).map((a) => a.join(',')));
}

const junkKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'from[]', 'from[0]', 'to.x', 'a[b][c]', '', '%', 'objective[]'),
  fc.string({ maxLength: 12 }),
);

/** Percent-encoding that survives lone surrogates: they go out as the (invalid) UTF-8 bytes ED A0 80. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const pct = (s: string): string => encodeURIComponent(s.replace(LONE_SURROGATE, '\u0001')).replaceAll('%01', '%ED%A0%80');

/** Percent-encodes, but when `raw` leaves any % as it is, so malformed escapes reach the server. */
const enc = (s: string, raw: boolean): string => (raw ? s.replace(/[^%A-Za-z0-9._~-]/g, (c) => pct(c)) : pct(s));

/**
 * Valid questions on the fixture network that the generators start from, by path, so that the fuzzed options
 * reach the planner rather than stop at validation; '' (nothing required given) is among them.
 */
const QUERY_BASES: Record<string, string[]> = {
  '/v1/reachability': ['', 'from=mary&maxHours=72', 'from=herat&maxHours=200'],
};
/** Almaty is not in the fixture: an UNKNOWN_PLACE, the one base the planner is not meant to answer. */
const UNKNOWN_PLACE_QUERY = 'from=Almaty&to=Karachi';
const DEFAULT_QUERY_BASES = ['', 'from=mary&to=karachi', UNKNOWN_PLACE_QUERY, 'from=herat&to=mary'];
const BODY_BASES: Record<string, object[]> = {
  '/v1/routes': [{}, { from: 'mary', to: 'karachi' }, { from: 'herat', to: 'mary' }],
  '/v1/matrix': [{}, { sources: ['mary'], targets: ['karachi'] }, { sources: ['herat', 'mary'], targets: ['karachi'] }],
  '/v1/resilience': [{}, { lanes: [{ from: 'mary', to: 'karachi' }] }, { lanes: [{ from: 'herat', to: 'mary' }, { from: 'mary', to: 'karachi' }] }],
};
const DEFAULT_BODY_BASES: object[] = [{}, { from: 'mary', to: 'karachi' }];

function queryArb(op: Operation): fc.Arbitrary<string> {
  const known = op.query.length > 0 ? op.query : [{ name: 'q', schema: {} }];
  const pair = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...known).chain((p) => fc.tuple(fc.constant(p.name), fc.oneof(plausible(p.schema), nastyString))) },
    { weight: 1, arbitrary: fc.tuple(junkKey, nastyString) },
  );
  const base = fc.constantFrom(...(QUERY_BASES[op.path] ?? DEFAULT_QUERY_BASES));
  const join = ([b, pairs]: [string, [[string, string], boolean][]]) =>
    [b, ...pairs.map(([[k, v], raw]) => `${enc(k, raw)}=${enc(v, raw)}`)].filter((s) => s !== '').join('&');
  // Mostly hostile; one in three only adds documented parameters with plausible values, which often pass validation.
  const plausiblePair = fc.constantFrom(...known).chain((p) => fc.tuple(fc.constant(p.name), plausible(p.schema)));
  return fc.oneof(
    { weight: 2, arbitrary: fc.tuple(base, fc.array(fc.tuple(pair, fc.boolean()), { maxLength: 8 })).map(join) },
    { weight: 1, arbitrary: fc.tuple(base, fc.array(fc.tuple(plausiblePair, fc.constant(false)), { maxLength: 3 })).map(join) },
  );
}

/** Any JSON value, with deep nesting and hostile keys. */
const jsonValue = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(null, true, false, 0, -1, 1e308, -1e308, 2 ** 53 + 1, 0.1, 'mary', 'karachi'),
    nastyString,
    fc.double(),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.oneof(junkKey, fc.string({ maxLength: 8 })), tie('value'), { maxKeys: 5 }),
  ),
}));

function bodyArb(op: Operation): fc.Arbitrary<string> {
  const props = Object.keys(op.body?.properties ?? {});
  const names = props.length > 0 ? props : ['from', 'to'];
  const field = fc.constantFrom(...names).chain((name) =>
    fc.tuple(fc.constant(name), fc.oneof(jsonValue.value, plausible(op.body?.properties?.[name]), fc.array(plausible(op.body?.properties?.[name]), { maxLength: 4 }))),
  );
  const object = fc
    .tuple(fc.constantFrom(...(BODY_BASES[op.path] ?? DEFAULT_BODY_BASES)), fc.array(field, { maxLength: 6 }))
    .map(([base, fields]) => JSON.stringify({ ...base, ...Object.fromEntries(fields) }));
  const plausibleField = fc.constantFrom(...names).chain((name) => fc.tuple(fc.constant(name), plausible(op.body?.properties?.[name])));
  const plausibleObject = fc
    .tuple(fc.constantFrom(...(BODY_BASES[op.path] ?? DEFAULT_BODY_BASES)), fc.array(plausibleField, { maxLength: 2 }))
    .map(([base, fields]) => JSON.stringify({ ...base, ...Object.fromEntries(fields) }));
  const depth = fc.integer({ min: 1, max: 20_000 });
  return fc.oneof(
    { weight: 6, arbitrary: object },
    // Documented fields with plausible values on a valid base: these often get past validation to the planner.
    { weight: 4, arbitrary: plausibleObject },
    { weight: 1, arbitrary: jsonValue.value.map((v) => JSON.stringify(v) ?? 'null') },
    // Prototype-poisoning keys as they arrive on the wire (JSON.stringify cannot produce __proto__ keys).
    { weight: 1, arbitrary: fc.constantFrom('{"__proto__":{"admin":true},"from":"mary","to":"karachi"}', '{"constructor":{"prototype":{"x":1}},"from":"mary","to":"karachi"}', '{"from":"mary","to":"karachi","__proto__":null}') },
    { weight: 1, arbitrary: depth.map((n) => `${'['.repeat(n)}${']'.repeat(n)}`) },
    { weight: 1, arbitrary: depth.map((n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`) },
    { weight: 1, arbitrary: fc.constantFrom('', '{', '{"from":', 'null', '[]', '"mary"', '{"from":"mary","to":"karachi"', '\u0000', 'NaN', '{"from":NaN}', `{"avoidLinks":["${'a'.repeat(70_000)}"]}`) },
  );
}

const CONTENT_TYPES = [
  'application/json', 'application/json; charset=utf-8', 'application/JSON', 'application/json; charset=latin1',
  'application/problem+json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x',
  'application/xml', 'x/y', 'application/json;;', '',
];

// ---- checking -------------------------------------------------------------

/** Checks one answer; `op` (method and path template) counts it for the planning operations. */
function check(res: LightMyRequestResponse, what: string, op?: Operation): void {
  cases++;
  byStatus.set(res.statusCode, (byStatus.get(res.statusCode) ?? 0) + 1);
  assert.ok(res.statusCode < 500, `${what} → ${res.statusCode} ${res.body.slice(0, 300)}`);
  const name = op && `${op.method} ${op.path}`;
  const tally = name !== undefined && PLANNING_OPERATIONS.includes(name) ? (planned.get(name) ?? { sent: 0, planned: 0 }) : undefined;
  if (tally) {
    planned.set(name!, tally);
    tally.sent++;
    if (answeredByPlanner(res)) tally.planned++;
  }
  if (res.statusCode < 400 || res.raw.req.method === 'HEAD') return;
  assert.match(String(res.headers['content-type']), PROBLEM_TYPE, `${what} → ${res.statusCode} ${res.headers['content-type']}`);
  const body = JSON.parse(res.body) as { code?: string; status?: number };
  const entry = PROBLEM_CODES[body.code as keyof typeof PROBLEM_CODES];
  assert.ok(entry, `${what} → unknown code ${body.code}`);
  assert.equal(entry.status, res.statusCode, `${what} → ${body.code}`);
  assert.equal(body.status, res.statusCode);
}

const short = (s: string) => (s.length > 200 ? `${s.slice(0, 200)}…(${s.length})` : s);

function fillPath(op: Operation, id: string, raw: boolean): string {
  return op.path.replace(/\{[^}]+\}/g, () => enc(id, raw));
}

// ---- properties -----------------------------------------------------------

describe('HTTP fuzz: never 5xx, every 4xx a problem from the code table', () => {
  it('finds the documented operations to fuzz', () => {
    const names = operations.map((o) => `${o.method} ${o.path}`);
    for (const must of ['GET /v1/routes', 'POST /v1/routes', 'GET /v1/info', 'GET /health', 'GET /ready', 'GET /metrics']) {
      assert.ok(names.includes(must), must);
    }
  });

  it('starts from questions the planner answers: every base that asks something is planned as it is', async () => {
    for (const name of PLANNING_OPERATIONS) {
      const [method, path] = name.split(' ') as ['GET' | 'POST', string];
      const requests =
        method === 'GET'
          ? (QUERY_BASES[path] ?? DEFAULT_QUERY_BASES).filter((q) => q !== '' && q !== UNKNOWN_PLACE_QUERY).map((q) => ({ method, url: `${path}?${q}` }))
          : (BODY_BASES[path] ?? DEFAULT_BODY_BASES).filter((b) => Object.keys(b).length > 0).map((payload) => ({ method, url: path, payload }));
      for (const r of requests) {
        const res = await app.inject(r);
        assert.ok(answeredByPlanner(res), `${name} ${JSON.stringify(r)} → ${res.statusCode} ${res.body.slice(0, 300)}`);
      }
    }
  });

  it('GET operations with hostile query strings and path ids', async () => {
    const gets = operations.filter((o) => o.method === 'GET');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...gets), fc.nat(), fc.oneof(fc.constantFrom(...placeWords), nastyString), fc.boolean(), async (op, seed, id, raw) => {
        const q = fc.sample(queryArb(op), { numRuns: 1, seed })[0]!;
        const url = `${fillPath(op, id, raw)}${q ? `?${q}` : ''}`;
        check(await app.inject({ method: 'GET', url }), `GET ${short(url)}`, op);
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('POST operations with hostile JSON bodies', async () => {
    const posts = operations.filter((o) => o.method === 'POST');
    assert.ok(posts.length > 0);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...posts).chain((op) => fc.tuple(fc.constant(op), bodyArb(op))), async ([op, payload]) => {
        const res = await app.inject({ method: 'POST', url: op.path, headers: { 'content-type': 'application/json' }, payload });
        check(res, `POST ${op.path} ${short(payload)}`, op);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('POST operations with wrong or odd content types', async () => {
    const posts = operations.filter((o) => o.method === 'POST');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...posts),
        fc.constantFrom(...CONTENT_TYPES),
        fc.oneof(fc.constant('{"from":"mary","to":"karachi"}'), fc.constant('from=mary&to=karachi'), nastyString),
        async (op, type, payload) => {
          const headers: Record<string, string> = type === '' ? {} : { 'content-type': type };
          check(await app.inject({ method: 'POST', url: op.path, headers, payload }), `POST ${op.path} [${type}] ${short(payload)}`);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('every method on every path, and unknown paths', async () => {
    const paths = [...new Set(operations.map((o) => o.path)), '/docs', '/docs/json', '/', '/v1', '/v2/routes', '/v1/routes/', '//v1//routes'];
    const methods: HTTPMethods[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.constantFrom(...methods), fc.oneof(fc.constantFrom(...placeWords), nastyString), async (path, method, id) => {
        const url = path.replace(/\{[^}]+\}/g, () => pct(id));
        const payload = method === 'GET' || method === 'HEAD' ? undefined : '{"from":"mary","to":"karachi"}';
        const headers = payload ? { 'content-type': 'application/json' } : {};
        check(await app.inject({ method, url, payload, headers }), `${method} ${short(url)}`);
      }),
      { numRuns: RUNS },
    );
  });

  it('hostile headers: request ids, conditional requests, accept, forwarded addresses', async () => {
    const gets = operations.filter((o) => o.method === 'GET' && o.pathParams.length === 0);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...gets), fc.dictionary(fc.constantFrom('x-request-id', 'if-none-match', 'accept', 'x-forwarded-for', 'x-api-key', 'origin', 'accept-encoding'), nastyString.filter((s) => /^[\t\x20-\x7e\x80-\xff]*$/.test(s)), { maxKeys: 4 }), async (op, headers) => {
        const url = op.query.some((p) => p.name === 'from') ? `${op.path}?from=mary&to=karachi` : op.path;
        check(await app.inject({ method: 'GET', url, headers }), `GET ${url} ${short(JSON.stringify(headers))}`);
      }),
      { numRuns: RUNS },
    );
  });

  it('the fuzzed requests to every planning operation reach the planner, not only the validator', () => {
    const names = operations.map((o) => `${o.method} ${o.path}`);
    for (const name of PLANNING_OPERATIONS) {
      assert.ok(names.includes(name), `${name} is documented`);
      const tally = planned.get(name);
      assert.ok(tally && tally.sent > 0, `${name} was fuzzed`);
      assert.ok(
        tally.planned >= MIN_PLANNED_SHARE * tally.sent,
        `${name}: the planner answered ${tally.planned} of ${tally.sent} fuzzed requests, under ${MIN_PLANNED_SHARE * 100} %`,
      );
    }
  });

  it('/health still answers 200 after the fuzzing', async () => {
    const res = await app.inject({ method: 'GET', url: '/health' });
    assert.equal(res.statusCode, 200);
    assert.ok(cases >= RUNS * 8, `${cases} cases`);
  });
});
