/**
 * Builds the HTTP app on the small fixture network (or another data folder)
 * with a silent logger, for app.inject() tests. The network is loaded once per
 * test process and shared.
 */
import { loadCalendars } from '../../src/domain/calendar/load-calendars.js';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import type { SuiteContext, TestContext } from 'node:test';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { type Config, parseConfig } from '../../src/config.js';
import { loadNetwork } from '../../src/domain/network/load-network.js';
import { loadSourceRegister } from '../../src/domain/network/load-sources.js';
import { PlaceIndex } from '../../src/domain/network/place-index.js';
import type { Network } from '../../src/domain/network/schema.js';
import { prepareNetwork, type PreparedNetwork } from '../../src/domain/routing/prepare.js';
import { loadEmissionFactors } from '../../src/domain/emissions/load-emission-factors.js';
import { loadScenarios } from '../../src/domain/scenarios/load-scenarios.js';
import { ScenarioRegistry } from '../../src/domain/scenarios/scenario-registry.js';
import { buildApp } from '../../src/http/app.js';
import { routeDeps, type AppDeps, type RouteDeps } from '../../src/http/deps.js';
import { RouteResponseSchema, type RouteResponse } from '../../src/http/schemas/route-response.js';

export const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/network-small', import.meta.url));
export const REAL_DATA_DIR = fileURLToPath(new URL('../../data', import.meta.url));

const networks = new Map<string, Promise<Network>>();

export function loadOnce(dataDir: string): Promise<Network> {
  let p = networks.get(dataDir);
  if (!p) {
    p = loadNetwork(dataDir).then(async (network) => {
      if (dataDir === REAL_DATA_DIR) return network;
      // The fixture is planned with the data set's emission factors (below): its register also holds the
      // entries those factors cite, as the server tests' fixture copies do (server/fixture-copy.ts).
      const real = await loadSourceRegister(REAL_DATA_DIR);
      const have = new Set(network.sources.map((e) => e.id));
      return { ...network, sources: [...network.sources, ...real.filter((e) => !have.has(e.id))] };
    });
    networks.set(dataDir, p);
  }
  return p;
}

export interface TestApp {
  app: FastifyInstance;
  deps: RouteDeps;
  /** Log lines written by the app, parsed. */
  logs: Record<string, unknown>[];
}

/**
 * Settings for a test app: `env` on top of NODE_ENV=test, no load shedding on event-loop delay and a long planning
 * deadline, so a busy test machine does not turn answers into 503s or BUDGET_EXCEEDED (shedding and the deadline
 * have their own tests, which set them in `env`).
 */
export function testConfig(env: Record<string, string> = {}): Config {
  return parseConfig({ NODE_ENV: 'test', MAX_EVENT_LOOP_DELAY_MS: '0', PLAN_DEADLINE_MS: '60000', ...env });
}

/** What a test may put in place of the loaded data: any dependency, or today's network (then also prepared from it), or today's prepared network. */
export type TestOverrides = Partial<AppDeps> & { network?: Network; prepared?: PreparedNetwork };

/** The app on `dataDir` (fixture by default); logs go to `logs`, not to the console. */
export async function buildTestApp(dataDir: string = FIXTURE_DIR, testOverrides: TestOverrides = {}): Promise<TestApp> {
  const { network: networkOverride, prepared: preparedOverride, ...overrides } = testOverrides;
  const network = preparedOverride?.network ?? networkOverride ?? (await loadOnce(dataDir));
  const prepared = preparedOverride ?? prepareNetwork(network);
  const logs: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'info' },
    { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) },
  ) as FastifyBaseLogger;
  const deps: AppDeps = {
    config: testConfig({ DATA_DIR: dataDir }),
    places: new PlaceIndex(network.places),
    scenarios: overrides.scenarios ?? new ScenarioRegistry(prepared, await loadScenarios(dataDir, network)),
    // The factors are not network-specific: the fixture uses the data set's.
    emissionFactors: await loadEmissionFactors(REAL_DATA_DIR),
    // Calendars name the data set's ports and crossings: only the real data set has them.
    calendars: await loadCalendars(dataDir, network),
    logger,
    ...overrides,
  };
  const app = await buildApp(deps);
  await app.ready();
  return { app, deps: routeDeps(deps), logs };
}

/**
 * buildTestApp, closed when `t` is done: a test's context closes it after that
 * test, the context a top-level before() hook receives after the file's last
 * test. (A describe block's hooks get a suite context, which has no after() on
 * Node 20: such suites close their app in their own after hook.)
 */
export async function withApp(t: TestContext | SuiteContext, dataDir: string = FIXTURE_DIR, overrides: TestOverrides = {}): Promise<TestApp> {
  // The hook types say either context; only a test context can close the app.
  if (!('after' in t)) throw new Error('withApp: a describe block\'s hooks get a suite context, which cannot close the app');
  const built = await buildTestApp(dataDir, overrides);
  t.after(() => built.app.close());
  return built;
}

export const PROBLEM_TYPE = /^application\/problem\+json/;

/** The best route of GET /v1/routes from `from` to `to`, checked against the response schema; fails the test without one. */
export async function bestRoute(app: FastifyInstance, from: string, to: string): Promise<RouteResponse['routes'][number]> {
  const res = await app.inject({ method: 'GET', url: `/v1/routes?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}` });
  assert.equal(res.statusCode, 200, res.body);
  const r = RouteResponseSchema.parse(res.json()).routes[0];
  assert.ok(r, `expected a route from ${from} to ${to}`);
  return r;
}
