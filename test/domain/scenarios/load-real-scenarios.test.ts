import assert from 'node:assert/strict';
import { it } from 'node:test';
import { loadNetwork } from '../../../src/domain/network/load-network.js';
import { loadScenarios } from '../../../src/domain/scenarios/load-scenarios.js';

it('every scenario in data/scenarios loads and validates against the real network', async () => {
  const net = await loadNetwork('data');
  const ids = (await loadScenarios('data', net)).map((s) => s.id);
  assert.deepEqual(ids, ['chabahar-zahedan-open', 'chaman-closed', 'khaf-herat-complete', 'kz-tm-af-pk-built', 'rasht-astara-built', 'trans-afghan-built']);
});
