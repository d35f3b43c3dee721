/** The small fixture network with its scenarios and the real emission factors, loaded once per test file. */
import { fileURLToPath } from 'node:url';
import { loadEmissionFactors } from '../../../src/domain/emissions/load-emission-factors.js';
import type { EmissionFactors } from '../../../src/domain/emissions/emission-schema.js';
import { loadNetwork } from '../../../src/domain/network/load-network.js';
import { prepareNetwork } from '../../../src/domain/routing/prepare.js';
import { loadScenarios } from '../../../src/domain/scenarios/load-scenarios.js';
import { ScenarioRegistry } from '../../../src/domain/scenarios/scenario-registry.js';

const FIXTURE = fileURLToPath(new URL('../../fixtures/network-small', import.meta.url));
const DATA = fileURLToPath(new URL('../../../data', import.meta.url));

export async function fixtureRegistry(): Promise<{ reg: ScenarioRegistry; factors: EmissionFactors }> {
  const net = await loadNetwork(FIXTURE);
  const reg = new ScenarioRegistry(prepareNetwork(net), await loadScenarios(FIXTURE, net));
  return { reg, factors: await loadEmissionFactors(DATA) };
}
