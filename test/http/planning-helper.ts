/**
 * The test app for the planning endpoints' tests, with load shedding and the
 * rate limiter off and a long planning deadline: these tests check answers,
 * and a busy test machine must not turn them into 503s, 429s or
 * BUDGET_EXCEEDED (each is tested on its own elsewhere).
 */
import assert from 'node:assert/strict';
import type { SuiteContext, TestContext } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { parseConfig } from '../../src/config.js';
import { buildTestApp, FIXTURE_DIR, withApp, type TestApp } from './helper.js';

const planningConfig = (dataDir: string, extraEnv: Record<string, string>) =>
  parseConfig({ DATA_DIR: dataDir, NODE_ENV: 'test', MAX_EVENT_LOOP_DELAY_MS: '0', RATE_LIMIT_MAX: '0', PLAN_DEADLINE_MS: '60000', ...extraEnv });

export function planningTestApp(dataDir: string = FIXTURE_DIR, extraEnv: Record<string, string> = {}): Promise<TestApp> {
  return buildTestApp(dataDir, { config: planningConfig(dataDir, extraEnv) });
}

/** planningTestApp, closed when `t` is done (see withApp). */
export function withPlanningApp(t: TestContext | SuiteContext, dataDir: string = FIXTURE_DIR, extraEnv: Record<string, string> = {}): Promise<TestApp> {
  return withApp(t, dataDir, { config: planningConfig(dataDir, extraEnv) });
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
