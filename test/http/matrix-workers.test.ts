/**
 * Matrices in worker threads (PLAN_WORKERS=1) on the REAL data set: the same
 * answer as on the main thread, and /health answered while a worker computes
 * three 50 × 142 matrices (the event loop only waits for messages).
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { REAL_DATA_DIR } from './helper.js';
import { probeHealthDuring, withPlanningApp } from './planning-helper.js';

let pooled: FastifyInstance;
let inline: FastifyInstance;
let ids: string[];
before(async (t) => {
  let deps;
  ({ app: pooled, deps } = await withPlanningApp(t, REAL_DATA_DIR, { PLAN_WORKERS: '1', PLAN_DEADLINE_MS: '60000' }));
  ({ app: inline } = await withPlanningApp(t, REAL_DATA_DIR, { PLAN_DEADLINE_MS: '60000' }));
  ids = deps.network.places.map((p) => p.id);
});

const matrix = (app: FastifyInstance, k: number, scenario?: string) =>
  app.inject({
    method: 'POST',
    url: '/v1/matrix',
    payload: { sources: ids.slice(k * 10, k * 10 + 50), targets: ids.slice(0, 142), include: ['planned'], ...(scenario ? { scenario } : {}) },
  });

test('a worker answers a matrix exactly as the main thread, today and under a scenario', async () => {
  for (const scenario of [undefined, 'kz-tm-af-pk-built']) {
    const [a, b] = await Promise.all([matrix(pooled, 0, scenario), matrix(inline, 0, scenario)]);
    assert.equal(a.statusCode, 200, a.body);
    assert.equal(a.body, b.body);
  }
});

test('/health answers while the worker computes three 50 × 142 matrices', async () => {
  const { result, probes } = await probeHealthDuring(pooled, Promise.all([matrix(pooled, 0), matrix(pooled, 1), matrix(pooled, 2)]), 5);
  for (const r of result) assert.equal(r.statusCode, 200, r.body);
  assert.ok(probes >= 3, `only ${probes} /health answers while the matrices ran`);
});
