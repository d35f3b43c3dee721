/**
 * Route and reachability questions in a worker thread (PLAN_WORKERS=1) on the
 * REAL data set: byte for byte the answer of the main thread (today, under a
 * scenario, with explanations and cargo in TEU, and a NO_ROUTE problem with
 * its diagnosis), and /health answered while the worker plans.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { REAL_DATA_DIR } from './helper.js';
import { planningTestApp, probeHealthDuring } from './planning-helper.js';

let pooled: FastifyInstance;
let inline: FastifyInstance;
before(async () => {
  // No answer cache: every request below is planned, by the worker in `pooled`.
  const env = { PLAN_DEADLINE_MS: '60000', ROUTE_CACHE_ENTRIES: '0' };
  ({ app: pooled } = await planningTestApp(REAL_DATA_DIR, { ...env, PLAN_WORKERS: '1' }));
  ({ app: inline } = await planningTestApp(REAL_DATA_DIR, env));
});
after(async () => {
  await pooled.close();
  await inline.close();
});

const URLS = [
  '/v1/routes?from=Almaty&to=Karachi&alternatives=3&explain=true',
  '/v1/routes?from=Aktau&to=Gwadar&scenario=kz-tm-af-pk-built&include=planned&cargoTeu=90&format=csv',
  '/v1/routes?from=Dostyk&to=Poti&objective=fewest-borders&avoidCountries=IR',
  // No route: the 422 with what would open one comes from the worker too.
  '/v1/routes?from=Almaty&to=Gwadar&modes=rail',
  '/v1/reachability?from=Almaty&maxHours=72',
  '/v1/reachability?from=Tashkent&maxHours=120&objective=shortest&scenario=kz-tm-af-pk-built&format=geojson',
];

test('a worker answers routes and reachability exactly as the main thread', async () => {
  let noRoute = 0;
  for (const url of URLS) {
    const [a, b] = await Promise.all([pooled.inject({ method: 'GET', url }), inline.inject({ method: 'GET', url })]);
    assert.equal(a.statusCode, b.statusCode, `${url}: ${a.body}`);
    assert.ok(a.statusCode === 200 || a.statusCode === 422, `${url}: ${a.statusCode} ${a.body}`);
    if (a.statusCode === 422) {
      noRoute++;
      // The problem names the request (instance, requestId): compare the rest.
      const { requestId: _a, ...pa } = a.json();
      const { requestId: _b, ...pb } = b.json();
      assert.deepEqual(pa, pb, url);
    } else {
      assert.equal(a.body, b.body, url);
    }
  }
  assert.equal(noRoute, 1, 'the no-route question must stay one');
});

test('/health answers while the worker plans routes', async () => {
  // Thirty questions (the three route questions ten times, none cached): enough work for the worker that the
  // probes cannot all come after it, since each of them takes only a few ms now.
  const work = Array.from({ length: 10 }, () => URLS.slice(0, 3)).flat();
  const routes = Promise.all(work.map((url) => pooled.inject({ method: 'GET', url })));
  const { result, probes } = await probeHealthDuring(pooled, routes, 2);
  for (const r of result) assert.equal(r.statusCode, 200, r.body);
  assert.ok(probes >= 2, `only ${probes} /health answers while the routes were planned`);
});
