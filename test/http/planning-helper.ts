/**
 * The test app for the planning endpoints' tests, with load shedding and the
 * rate limiter off and a long planning deadline: these tests check answers,
 * and a busy test machine must not turn them into 503s, 429s or
 * BUDGET_EXCEEDED (each is tested on its own elsewhere).
 */
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { parseConfig } from '../../src/config.js';
import { buildTestApp, FIXTURE_DIR, type TestApp } from './helper.js';

export function planningTestApp(dataDir: string = FIXTURE_DIR, extraEnv: Record<string, string> = {}): Promise<TestApp> {
  const config = parseConfig({ DATA_DIR: dataDir, NODE_ENV: 'test', MAX_EVENT_LOOP_DELAY_MS: '0', RATE_LIMIT_MAX: '0', PLAN_DEADLINE_MS: '60000', ...extraEnv });
  return buildTestApp(dataDir, { config });
}

/**
 * Asks GET /health every `everyMs` until `work` settles; each probe must
 * answer 200. Gives the work's result and how many probes answered meanwhile.
 */
export async function probeHealthDuring<T>(app: FastifyInstance, work: Promise<T>, everyMs: number): Promise<{ result: T; probes: number }> {
  let done = false;
  const settled = work.finally(() => {
    done = true;
  });
  let probes = 0;
  while (!done) {
    const res = await app.inject({ method: 'GET', url: '/health' });
    assert.equal(res.statusCode, 200);
    probes++;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return { result: await settled, probes };
}
