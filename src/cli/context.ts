/**
 * What every sub-command plans on: the data set loaded, validated and
 * prepared in this process, as the service does at start-up (no server).
 * The data folder is --data, else DATA_DIR, else the project's data/.
 */
import { fileURLToPath } from 'node:url';
import { loadEmissionFactors } from '../domain/emissions/load-emission-factors.js';
import type { EmissionFactors } from '../domain/emissions/emission-schema.js';
import { loadNetwork } from '../domain/network/load-network.js';
import { PlaceIndex } from '../domain/network/place-index.js';
import type { Network } from '../domain/network/schema.js';
import type { PlanningData } from '../domain/planning/answer.js';
import { prepareNetwork, type PreparedNetwork } from '../domain/routing/prepare.js';
import { loadScenarios } from '../domain/scenarios/load-scenarios.js';
import { ScenarioRegistry } from '../domain/scenarios/scenario-registry.js';

export interface CliContext {
  network: Network;
  prepared: PreparedNetwork;
  places: PlaceIndex;
  scenarios: ScenarioRegistry;
  emissionFactors: EmissionFactors;
}

/** What the planning use case plans on; no work budget, as a command runs alone. */
export function planningOf(ctx: CliContext): PlanningData {
  return { scenarios: ctx.scenarios, places: ctx.places, emissionFactors: ctx.emissionFactors };
}

export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data', import.meta.url));

export async function loadContext(dataDir: string | undefined): Promise<CliContext> {
  const dir = dataDir ?? process.env.DATA_DIR ?? DEFAULT_DATA_DIR;
  const network = await loadNetwork(dir);
  const prepared = prepareNetwork(network);
  return {
    network,
    prepared,
    places: new PlaceIndex(network.places),
    scenarios: new ScenarioRegistry(prepared, await loadScenarios(dir, network)),
    emissionFactors: await loadEmissionFactors(dir),
  };
}
