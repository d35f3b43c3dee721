/**
 * Builds the HTTP app on the small fixture network (or another data folder)
 * with a silent logger, for app.inject() tests. The network is loaded once per
 * test process and shared.
 */
import { fileURLToPath } from 'node:url';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { parseConfig } from '../../src/config.js';
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
    // No load shedding on event-loop delay and a long planning deadline: a busy test machine must not turn answers
    // into 503s or BUDGET_EXCEEDED (shedding and the deadline have their own tests).
    config: parseConfig({ DATA_DIR: dataDir, NODE_ENV: 'test', MAX_EVENT_LOOP_DELAY_MS: '0', PLAN_DEADLINE_MS: '60000' }),
    places: new PlaceIndex(network.places),
    scenarios: overrides.scenarios ?? new ScenarioRegistry(prepared, await loadScenarios(dataDir, network)),
    // The factors are not network-specific: the fixture uses the data set's.
    emissionFactors: await loadEmissionFactors(REAL_DATA_DIR),
    logger,
    ...overrides,
  };
  const app = await buildApp(deps);
  await app.ready();
  return { app, deps: routeDeps(deps), logs };
}

export const PROBLEM_TYPE = /^application\/problem\+json/;
