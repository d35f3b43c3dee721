/**
 * scripts/synthetic-data-dir.ts: a 1k-place synthetic grid written as a data
 * folder passes every loader the server runs at start-up (network, scenarios,
 * emission factors, calendars), and what they read back is the grid that was
 * written: 32 stations a row, 31 full rows and 8 stations in the last.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { loadCalendars } from '../../src/domain/calendar/load-calendars.js';
import { loadEmissionFactors } from '../../src/domain/emissions/load-emission-factors.js';
import { greatCircleKm } from '../../src/domain/network/geo.js';
import { loadNetwork } from '../../src/domain/network/load-network.js';
import { loadScenarios } from '../../src/domain/scenarios/load-scenarios.js';
import { writeSyntheticDataDir } from '../../scripts/synthetic-data-dir.js';
import { gridCorners } from '../../scripts/synthetic-network.js';

const root = mkdtempSync(path.join(tmpdir(), 'synthetic-data-'));
after(() => rmSync(root, { recursive: true, force: true }));

describe('synthetic data folder', () => {
  it('writes 1k places that the real loaders accept, as written', async () => {
    const dir = writeSyntheticDataDir(1000, path.join(root, 'grid-1k'));
    const network = await loadNetwork(dir);
    assert.equal(network.places.length, 1000);
    // Right links: 31 in each of the 31 full rows, 7 in the last; down links: 32 from each of rows 0–29, 8 from row 30.
    assert.equal(network.links.length, 31 * 31 + 7 + 30 * 32 + 8);
    // Columns 0–15 are AA, 16–31 BB: one border link (15 → 16) in each full row, none in the short last row.
    assert.equal(network.crossings.length, 31);
    const byId = new Map(network.places.map((p) => [p.id, p]));
    for (const c of network.crossings) {
      assert.deepEqual(c.countries, ['AA', 'BB']);
      assert.ok(network.links.some((l) => l.from === c.places[0] && l.to === c.places[1]), `${c.id} has its link`);
    }
    for (const l of network.links) {
      const a = byId.get(l.from)!;
      const b = byId.get(l.to)!;
      const ratio = l.lengthKm / greatCircleKm(a.lat, a.lon, b.lat, b.lon);
      assert.ok(ratio >= 1.45 && ratio <= 2.05, `${l.id}: ${l.lengthKm} km is ${ratio.toFixed(3)}× the great circle`);
    }
    assert.deepEqual(gridCorners(1000), ['g0-0', 'g30-31']);
    assert.ok(byId.has('g30-31') && byId.has('g31-7') && !byId.has('g31-8'));
    assert.equal(network.parameters.dataVersion, 'synthetic-grid-1000');

    const scenarios = await loadScenarios(dir, network);
    assert.deepEqual(scenarios.map((s) => s.id), ['border-closed']);
    const factors = await loadEmissionFactors(dir);
    assert.ok(factors.factors.length > 0);
    await loadCalendars(dir, network);
  });
});
