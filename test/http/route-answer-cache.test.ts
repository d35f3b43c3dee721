/**
 * The route answer cache: the LRU's bound and eviction order, one key for
 * every spelling of one question, and through the app: answers byte-identical
 * with and without the cache, hits that do not plan again, errors kept as
 * errors, and per-request state (request id, log line) on hits.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PreparedNetwork } from '../../src/domain/routing/prepare.js';
import { routeQuestion, type PlanningData } from '../../src/domain/planning/answer.js';
import { queryToRequest, routeAsk } from '../../src/http/mappers/route-request.js';
import { LruCache, routeCacheKey } from '../../src/http/route-answer-cache.js';
import { RouteQuerySchema } from '../../src/http/schemas/route-query.js';
import { buildTestApp, FIXTURE_DIR, REAL_DATA_DIR, type TestApp, testConfig } from './helper.js';

describe('LruCache', () => {
  it('never holds more than its capacity, dropping the oldest first', () => {
    const c = new LruCache<number>(3);
    for (const [i, k] of ['a', 'b', 'c', 'd', 'e'].entries()) c.set(k, i);
    assert.equal(c.size, 3);
    assert.deepEqual(c.keys(), ['c', 'd', 'e']);
    assert.equal(c.get('a'), undefined);
    assert.equal(c.get('b'), undefined);
    assert.equal(c.get('e'), 4);
  });

  it('counts a read as a use: the least recently USED entry goes, not the oldest written', () => {
    const c = new LruCache<string>(3);
    c.set('a', 'A');
    c.set('b', 'B');
    c.set('c', 'C');
    assert.equal(c.get('a'), 'A'); // order of use now b, c, a
    c.set('d', 'D'); // evicts b
    assert.deepEqual(c.keys(), ['c', 'a', 'd']);
    assert.equal(c.has('b'), false);
    c.set('c', 'C2'); // rewrite: replaced in place of growing, now most recent
    assert.equal(c.size, 3);
    assert.deepEqual(c.keys(), ['a', 'd', 'c']);
    assert.equal(c.get('c'), 'C2');
  });

  it('at a larger capacity, never evicts an entry used within the last quarter of capacity writes', () => {
    const capacity = 40;
    const c = new LruCache<number>(capacity);
    for (let i = 0; i < capacity; i++) c.set(`k${i}`, i);
    // k0 is the oldest; used now, it moves to the end like in exact LRU.
    assert.equal(c.get('k0'), 0);
    assert.equal(c.keys().at(-1), 'k0');
    // Used again within capacity / 4 writes, it is not moved (still recent enough) ...
    for (let i = 0; i < capacity / 4 - 1; i++) c.set(`n${i}`, i);
    assert.equal(c.get('k0'), 0);
    assert.notEqual(c.keys().at(-1), 'k0');
    // ... but it survives every eviction up to a full capacity of writes after its last move,
    for (let i = capacity / 4 - 1; i < capacity - 1; i++) c.set(`n${i}`, i);
    assert.equal(c.keys()[0], 'k0');
    // and used now, it goes to the end again;
    assert.equal(c.get('k0'), 0);
    assert.equal(c.keys().at(-1), 'k0');
    // a hot entry used once every capacity / 4 writes lives on indefinitely.
    for (let round = 0; round < 20; round++) {
      for (let i = 0; i < capacity / 4; i++) c.set(`r${round}-${i}`, i);
      assert.equal(c.get('k0'), 0, `round ${round}`);
    }
    assert.equal(c.size, capacity);
    // Unused, it goes once a capacity of other entries was written after it.
    for (let i = 0; i < capacity; i++) c.set(`z${i}`, i);
    assert.equal(c.has('k0'), false);
  });

  it('with a weight bound, keeps the total weight within it, dropping the least recently used first', () => {
    const weigh = (_key: string, v: string) => v.length;
    const c = new LruCache<string>(100, { maxWeight: 10, weigh });
    assert.equal(c.set('a', 'xxxx'), true); // 4
    assert.equal(c.set('b', 'xxx'), true); // 7
    assert.equal(c.get('a'), 'xxxx'); // order of use now b, a
    assert.equal(c.set('c', 'xxxx'), true); // 11 > 10: b (least recently used) goes
    assert.deepEqual(c.keys(), ['a', 'c']);
    assert.equal(c.weight, 8);
    // One heavy entry pushes out as many as it needs, oldest first.
    assert.equal(c.set('d', 'xxxxxxxxx'), true);
    assert.deepEqual(c.keys(), ['d']);
    assert.equal(c.weight, 9);
    // Rewriting a key replaces its weight, never counts it twice.
    assert.equal(c.set('d', 'x'), true);
    assert.equal(c.weight, 1);
    c.delete('d');
    assert.equal(c.weight, 0);
    assert.equal(c.size, 0);
  });

  it('does not keep an entry heavier than the weight bound by itself, and drops the key it replaces', () => {
    const c = new LruCache<string>(100, { maxWeight: 5, weigh: (_k, v) => v.length });
    c.set('a', 'xx');
    c.set('b', 'xx');
    assert.equal(c.set('a', 'xxxxxx'), false);
    assert.equal(c.has('a'), false, 'the old value of the key is not served instead');
    assert.deepEqual(c.keys(), ['b'], 'nothing else was evicted for it');
    assert.equal(c.weight, 2);
  });

  it('bounds by entries and weight at once, whichever is reached first', () => {
    const c = new LruCache<number>(3, { maxWeight: 1_000, weigh: () => 1 });
    for (const k of ['a', 'b', 'c', 'd']) c.set(k, 0);
    assert.deepEqual(c.keys(), ['b', 'c', 'd']);
    assert.equal(c.weight, 3);
  });

  it('rejects a weight bound that is not a whole number > 0', () => {
    for (const maxWeight of [0, -1, 1.5, Number.NaN]) {
      assert.throws(() => new LruCache(3, { maxWeight, weigh: () => 1 }), RangeError, String(maxWeight));
    }
  });

  it('keeps nothing at capacity 0 and rejects a capacity that is not a whole number ≥ 0', () => {
    const c = new LruCache<number>(0);
    c.set('a', 1);
    assert.equal(c.size, 0);
    assert.equal(c.get('a'), undefined);
    assert.throws(() => new LruCache(-1), RangeError);
    assert.throws(() => new LruCache(1.5), RangeError);
  });
});

describe('the answer cache’s byte bound (ROUTE_CACHE_MAX_BYTES)', () => {
  const QUESTIONS = ['from=mary&to=karachi', 'from=mary&to=bandar-abbas', 'from=turkmenbashi&to=karachi', 'from=mary&to=chaman'];
  /** The series of /metrics named `name` (no labels), as a number. */
  const gauge = (text: string, name: string): number => {
    const line = text.split('\n').find((l) => l.startsWith(`${name} `));
    assert.ok(line, `${name} is on /metrics`);
    return Number(line.slice(name.length + 1));
  };
  const sizes: number[] = [];
  before(async () => {
    const t = await buildTestApp(FIXTURE_DIR);
    for (const q of QUESTIONS) {
      const res = await t.app.inject({ method: 'GET', url: `/v1/routes?${q}` });
      assert.equal(res.statusCode, 200, `${q}: ${res.body}`);
      sizes.push(Buffer.byteLength(res.body));
    }
    await t.app.close();
  });

  it('holds no more bytes than the bound, keeping the most recent answers, and reports both on /metrics', async () => {
    // Room for about two of the four answers: bodies and keys.
    const bound = Math.max(...sizes) * 2 + 4_000;
    const t = await buildTestApp(FIXTURE_DIR, { config: testConfig({ DATA_DIR: FIXTURE_DIR, ROUTE_CACHE_MAX_BYTES: String(bound) }) });
    try {
      for (const q of QUESTIONS) assert.equal((await t.app.inject({ method: 'GET', url: `/v1/routes?${q}` })).statusCode, 200);
      const metrics = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
      const entries = gauge(metrics, 'corridor_route_cache_entries');
      const bytes = gauge(metrics, 'corridor_route_cache_bytes');
      assert.ok(entries >= 1 && entries < QUESTIONS.length, `entries ${entries}`);
      assert.ok(bytes <= bound, `bytes ${bytes} within ${bound}`);
      // Every held answer's body is counted: the bytes are at least the bodies of the newest `entries` answers.
      const newest = sizes.slice(-entries).reduce((a, b) => a + b, 0);
      assert.ok(bytes >= newest, `bytes ${bytes} count the bodies held (${newest})`);
      // The newest answer is held (a hit), the first one was pushed out (planned again).
      const logged = async (q: string) => {
        const before = t.logs.length;
        await t.app.inject({ method: 'GET', url: `/v1/routes?${q}` });
        return t.logs.slice(before).find((l) => l.msg === 'request')?.cache;
      };
      assert.equal(await logged(QUESTIONS.at(-1)!), 'hit');
      assert.equal(await logged(QUESTIONS[0]!), 'miss');
    } finally {
      await t.app.close();
    }
  });

  it('answers a question heavier than the bound every time, planning it each time, and keeps nothing for it', async () => {
    const t = await buildTestApp(FIXTURE_DIR, { config: testConfig({ DATA_DIR: FIXTURE_DIR, ROUTE_CACHE_MAX_BYTES: String(Math.min(...sizes) - 1) }) });
    try {
      const url = `/v1/routes?${QUESTIONS[0]}`;
      const before = t.logs.length;
      const first = await t.app.inject({ method: 'GET', url });
      const second = await t.app.inject({ method: 'GET', url });
      assert.equal(first.statusCode, 200);
      assert.equal(second.body, first.body);
      const lines = t.logs.slice(before).filter((l) => l.msg === 'request');
      assert.deepEqual(lines.map((l) => l.cache), ['miss', 'miss']);
      const metrics = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
      assert.equal(gauge(metrics, 'corridor_route_cache_bytes'), 0);
      assert.equal(gauge(metrics, 'corridor_route_cache_entries'), 0);
    } finally {
      await t.app.close();
    }
  });
});

describe('routeCacheKey on the real network', () => {
  let data: PlanningData;
  before(async () => {
    const t = await buildTestApp(REAL_DATA_DIR);
    data = t.deps.planning;
    await t.app.close();
  });
  const resolved = (query: Record<string, string>) => {
    const ask = routeAsk(queryToRequest(RouteQuerySchema.parse(query)));
    return routeQuestion(data, ask.query, ask.options);
  };
  /** The key of a GET query string, through the same parsing and resolution as the endpoint. */
  const keyOf = (query: Record<string, string>) => routeCacheKey('v1', resolved(query));

  it('gives one key for a place by name, alias, UN/LOCODE (either way printed) and id', () => {
    const keys = ['Karachi', 'PKKHI', 'PK KHI', 'kiamari', ' karachi ', 'Keamari'].map((to) => keyOf({ from: 'Almaty', to }));
    assert.equal(new Set(keys).size, 1, keys.join('\n'));
    assert.equal(keyOf({ from: 'almaty-1', to: 'Karachi' }), keys[0]);
  });

  it('gives one key with defaults omitted or spelt out, duplicates repeated, country codes in any case', () => {
    const short = keyOf({ from: 'Tashkent', to: 'Bandar Abbas', avoidCountries: 'af' });
    const long = keyOf({
      from: 'tashkent',
      to: 'IRBND',
      objective: 'fastest',
      modes: 'rail,ferry,sea',
      alternatives: '1',
      maxOverlap: '0.8',
      avoidCountries: 'AF,af',
    });
    assert.equal(long, short);
  });

  it('gives different keys for different questions, data sets, via orders and echoed list orders', () => {
    const base = { from: 'Dostyk', to: 'Alat' };
    const k = keyOf(base);
    assert.notEqual(keyOf({ ...base, objective: 'shortest' }), k);
    assert.notEqual(keyOf({ ...base, alternatives: '2' }), k);
    assert.notEqual(keyOf({ ...base, include: 'planned' }), k);
    assert.notEqual(routeCacheKey('v2', resolved(base)), k);
    assert.notEqual(keyOf({ ...base, via: 'Aktau,Beyneu' }), keyOf({ ...base, via: 'Beyneu,Aktau' }));
    // The answer echoes include in the order asked, so the two answers differ in bytes.
    assert.notEqual(keyOf({ ...base, include: 'planned,proposed' }), keyOf({ ...base, include: 'proposed,planned' }));
  });
});

describe('/v1/routes with and without the cache', () => {
  let cached: TestApp;
  let plain: TestApp;
  /**
   * Reads of the prepared network's index in the cached app: planning and
   * rendering read it; a hit must not touch it.
   */
  let indexReads = 0;
  before(async () => {
    cached = await buildTestApp(FIXTURE_DIR);
    const counting = new Proxy(cached.deps.prepared, {
      get(target, prop, receiver) {
        if (prop === 'index') indexReads++;
        return Reflect.get(target, prop, receiver) as unknown;
      },
    }) as PreparedNetwork;
    await cached.app.close();
    cached = await buildTestApp(FIXTURE_DIR, { prepared: counting });
    plain = await buildTestApp(FIXTURE_DIR, { config: testConfig({ DATA_DIR: FIXTURE_DIR, ROUTE_CACHE_ENTRIES: '0' }) });
  });
  after(async () => {
    await cached.app.close();
    await plain.app.close();
  });

  const QUERIES = [
    'from=mary&to=karachi',
    'from=mary&to=karachi&objective=shortest&alternatives=3&maxOverlap=1',
    'from=mary&to=karachi&include=planned,proposed&objective=fewest-borders&alternatives=2&avoidCountries=af',
    'from=mary&to=spin-boldak&modes=rail,road',
    'from=turkmenbashi&to=PKKHI&modes=rail,ferry,sea,road&include=proposed,planned',
    'from=mary&to=karachi&format=csv',
    'from=mary&to=karachi&format=geojson&alternatives=2',
  ];

  it('answers byte for byte the same, on the miss and on the hit, with the same content type', async () => {
    for (const q of QUERIES) {
      const want = await plain.app.inject({ method: 'GET', url: `/v1/routes?${q}` });
      assert.equal(want.statusCode, 200, `${q}: ${want.body}`);
      for (const pass of ['miss', 'hit']) {
        const got = await cached.app.inject({ method: 'GET', url: `/v1/routes?${q}` });
        assert.equal(got.statusCode, 200, `${q} (${pass})`);
        assert.equal(got.body, want.body, `${q} (${pass})`);
        assert.equal(got.headers['content-type'], want.headers['content-type']);
        assert.equal(got.headers['content-length'], want.headers['content-length']);
      }
    }
  });

  it('plans a question once, whatever the spelling, and shares the answer between GET and POST', async () => {
    const before = indexReads;
    const first = await cached.app.inject({ method: 'GET', url: '/v1/routes?from=Mary&to=Bandar%20Abbas&alternatives=2' });
    assert.equal(first.statusCode, 200, first.body);
    const planned = indexReads;
    assert.ok(planned > before, 'the first asking plans');
    const again = await cached.app.inject({ method: 'GET', url: '/v1/routes?from=mary&to=IRBND&alternatives=2&objective=fastest' });
    const posted = await cached.app.inject({ method: 'POST', url: '/v1/routes', payload: { from: 'MARY', to: 'bandar-abbas', alternatives: 2 } });
    assert.equal(indexReads, planned, 'hits do not plan');
    assert.equal(again.body, first.body);
    assert.equal(posted.statusCode, 200);
    assert.equal(posted.body, first.body);
    const plainPost = await plain.app.inject({ method: 'POST', url: '/v1/routes', payload: { from: 'MARY', to: 'bandar-abbas', alternatives: 2 } });
    assert.equal(posted.body, plainPost.body);
  });

  it('keeps per-request state on a hit: own request id, one log line with the answer and "hit"', async () => {
    const url = '/v1/routes?from=mary&to=karachi&objective=shortest';
    await cached.app.inject({ method: 'GET', url });
    const before = cached.logs.length;
    const a = await cached.app.inject({ method: 'GET', url, headers: { 'x-request-id': 'bench-a' } });
    const b = await cached.app.inject({ method: 'GET', url, headers: { 'x-request-id': 'bench-b' } });
    assert.equal(a.headers['x-request-id'], 'bench-a');
    assert.equal(b.headers['x-request-id'], 'bench-b');
    const lines = cached.logs.slice(before).filter((l) => l.msg === 'request');
    assert.equal(lines.length, 2);
    for (const line of lines) {
      assert.equal(line.cache, 'hit');
      assert.equal(line.from, 'mary');
      assert.equal(line.to, 'karachi');
      assert.equal(line.objective, 'shortest');
      assert.equal(line.km, 3116.2); // the shortest route's km, as on the planned request (routes.test.ts)
      assert.equal(line.hours, 129.1);
      assert.equal(line.routes, 1);
      assert.equal(line.planMs, undefined, 'nothing was planned');
    }
    assert.deepEqual(lines.map((l) => l.reqId), ['bench-a', 'bench-b']);
  });

  it('keeps NO_ROUTE as an error: same problem each time, with this request’s id and url', async () => {
    const before = indexReads;
    const url = '/v1/routes?from=mary&to=spin-boldak';
    const first = await cached.app.inject({ method: 'GET', url, headers: { 'x-request-id': 'nr-1' } });
    const planned = indexReads;
    assert.ok(planned > before, 'the first asking plans');
    const second = await cached.app.inject({ method: 'GET', url: `${url}&objective=fastest`, headers: { 'x-request-id': 'nr-2' } });
    const want = await plain.app.inject({ method: 'GET', url, headers: { 'x-request-id': 'nr-1' } });
    assert.equal(indexReads, planned, 'the kept error is thrown again without planning');
    assert.equal(first.statusCode, 422);
    assert.equal(second.statusCode, 422);
    assert.equal(first.body, want.body);
    assert.equal(first.headers['content-type'], want.headers['content-type']);
    const a = first.json();
    const b = second.json();
    assert.equal(b.code, 'NO_ROUTE');
    assert.equal(b.detail, a.detail);
    assert.equal(b.requestId, 'nr-2');
    assert.equal(b.instance, `${url}&objective=fastest`);
  });

  it('does not keep unknown places: each asks again and gets its own suggestions', async () => {
    const before = cached.logs.length;
    for (const from of ['Karachii', 'Mray']) {
      const res = await cached.app.inject({ method: 'GET', url: `/v1/routes?from=${from}&to=mary` });
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().value, from);
    }
    const lines = cached.logs.slice(before).filter((l) => l.msg === 'request');
    assert.deepEqual(lines.map((l) => [l.code, l.cache]), [
      ['UNKNOWN_PLACE', undefined],
      ['UNKNOWN_PLACE', undefined],
    ]);
  });
});
