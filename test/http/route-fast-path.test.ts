/**
 * The raw-URL front of the route cache (GET /v1/routes): a URL answered
 * before is answered again without validation, parsing or place resolution,
 * with the same bytes and headers as the normal path, after API keys, rate
 * limiting and the other request hooks have run, and never for another
 * Accept header.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { PlaceIndex } from '../../src/domain/network/place-index.js';
import { buildTestApp, FIXTURE_DIR, loadOnce, type TestApp, testConfig } from './helper.js';

const KEY = 'key-fast-0123456789abcdef';

/** An app on the fixture with these settings, whose place index counts how often it is used. */
async function countingApp(env: Record<string, string> = {}): Promise<{ t: TestApp; placeUses: () => number }> {
  let uses = 0;
  const places = new Proxy(new PlaceIndex((await loadOnce(FIXTURE_DIR)).places), {
    get(target, prop, receiver) {
      uses++;
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
  const t = await buildTestApp(FIXTURE_DIR, { places, config: testConfig({ DATA_DIR: FIXTURE_DIR, ...env }) });
  return { t, placeUses: () => uses };
}

/** Every header but the date (changes by the second) and the rate limiter's count of this client's requests. */
function headersOf(res: LightMyRequestResponse): Record<string, unknown> {
  const { date: _date, 'x-ratelimit-remaining': remaining, ...rest } = res.headers;
  assert.ok(remaining !== undefined, 'rate limited like any request');
  return rest;
}

describe('GET /v1/routes raw-URL fast path', () => {
  let fast: { t: TestApp; placeUses: () => number };
  let plain: TestApp;
  before(async () => {
    fast = await countingApp();
    plain = await buildTestApp(FIXTURE_DIR, { config: testConfig({ DATA_DIR: FIXTURE_DIR, ROUTE_CACHE_ENTRIES: '0' }) });
  });
  after(async () => {
    await fast.t.app.close();
    await plain.app.close();
  });

  const QUERIES = [
    'from=mary&to=karachi',
    'from=Mary&to=PKKHI&alternatives=2&objective=shortest',
    'from=mary&to=karachi&include=planned,proposed&avoidCountries=af',
    'from=mary&to=karachi&format=csv',
    'from=mary&to=karachi&format=geojson',
    'from=turkmenbashi&to=karachi&scenario=afghan-line-built',
  ];

  it('answers a repeated URL without resolving places, byte for byte and header for header as the normal path', async () => {
    for (const q of QUERIES) {
      const url = `/v1/routes?${q}`;
      const headers = { 'x-request-id': 'same-id' };
      const want = await plain.app.inject({ method: 'GET', url, headers });
      assert.equal(want.statusCode, 200, `${q}: ${want.body}`);
      const miss = await fast.t.app.inject({ method: 'GET', url, headers });
      const usesAfterMiss = fast.placeUses();
      const hit = await fast.t.app.inject({ method: 'GET', url, headers });
      assert.equal(fast.placeUses(), usesAfterMiss, `${q}: the second asking resolved places again`);
      for (const [pass, got] of [['miss', miss], ['fast hit', hit]] as const) {
        assert.equal(got.statusCode, 200, `${q} (${pass})`);
        assert.ok(got.rawPayload.equals(want.rawPayload), `${q} (${pass}): bytes differ`);
        assert.deepEqual(headersOf(got), headersOf(want), `${q} (${pass})`);
      }
      assert.equal(hit.headers.vary, 'Accept');
    }
  });

  it('logs a fast hit exactly as a hit on the normal path', async () => {
    // Planned under one spelling; another spelling is then a hit through validation and resolution.
    await fast.t.app.inject({ method: 'GET', url: '/v1/routes?from=mary&to=karachi&alternatives=3' });
    const normal = '/v1/routes?from=MARY&to=Karachi&alternatives=3&objective=fastest';
    const before = fast.t.logs.length;
    await fast.t.app.inject({ method: 'GET', url: normal, headers: { 'x-request-id': 'normal-hit' } });
    await fast.t.app.inject({ method: 'GET', url: normal, headers: { 'x-request-id': 'fast-hit' } });
    const [a, b] = fast.t.logs.slice(before).filter((l) => l.msg === 'request');
    assert.ok(a && b);
    assert.equal(a.reqId, 'normal-hit');
    assert.equal(b.reqId, 'fast-hit');
    const fields = (l: Record<string, unknown>) => {
      const { time: _t, ms: _ms, reqId: _r, ...rest } = l;
      return rest;
    };
    assert.deepEqual(fields(b), fields(a));
    assert.deepEqual(Object.keys(fields(b)), Object.keys(fields(a)), 'same field order');
    assert.equal(a.cache, 'hit');
    assert.equal(a.planMs, undefined);
    assert.equal(b.from, 'mary');
    assert.equal(b.to, 'karachi');
    assert.equal(b.routes, a.routes);
    assert.equal(typeof b.km, 'number');
  });

  it('never serves an answer made for another Accept header', async () => {
    const url = '/v1/routes?from=mary&to=spin-boldak&modes=rail,road';
    const json = await fast.t.app.inject({ method: 'GET', url });
    assert.match(String(json.headers['content-type']), /^application\/json/);
    await fast.t.app.inject({ method: 'GET', url });
    const csv = await fast.t.app.inject({ method: 'GET', url, headers: { accept: 'text/csv' } });
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    assert.match(csv.body, /^routeIndex,kind,/);
    const jsonAgain = await fast.t.app.inject({ method: 'GET', url });
    assert.equal(jsonAgain.body, json.body);
  });

  it('keeps problems per request: a URL that failed is not kept', async () => {
    const url = '/v1/routes?from=mary&to=atlantis';
    for (const id of ['p-1', 'p-2']) {
      const res = await fast.t.app.inject({ method: 'GET', url, headers: { 'x-request-id': id } });
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().requestId, id);
    }
  });
});

describe('fast path after the API key check', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(FIXTURE_DIR, { config: testConfig({ DATA_DIR: FIXTURE_DIR, API_KEYS: KEY }) });
  });
  after(() => t.app.close());

  it('answers 401 without a key and 403 with a wrong one for a URL it has kept', async () => {
    const url = '/v1/routes?from=mary&to=karachi';
    for (let i = 0; i < 2; i++) {
      assert.equal((await t.app.inject({ method: 'GET', url, headers: { 'x-api-key': KEY } })).statusCode, 200);
    }
    const missing = await t.app.inject({ method: 'GET', url });
    assert.equal(missing.statusCode, 401);
    assert.equal(missing.json().code, 'UNAUTHORIZED');
    const wrong = await t.app.inject({ method: 'GET', url, headers: { 'x-api-key': `${KEY}x` } });
    assert.equal(wrong.statusCode, 403);
    assert.equal(wrong.json().code, 'FORBIDDEN');
  });
});

describe('fast path and rate limiting', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(FIXTURE_DIR, {
      config: testConfig({ DATA_DIR: FIXTURE_DIR, RATE_LIMIT_MAX: '4', RATE_LIMIT_WINDOW_MS: '60000' }),
    });
  });
  after(() => t.app.close());

  it('counts fast-path answers against the limit', async () => {
    const url = '/v1/routes?from=mary&to=karachi';
    for (let i = 0; i < 4; i++) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, `request ${i + 1}`);
      assert.equal(res.headers['x-ratelimit-remaining'], String(3 - i));
    }
    const limited = await t.app.inject({ method: 'GET', url });
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.json().code, 'RATE_LIMITED');
  });
});
