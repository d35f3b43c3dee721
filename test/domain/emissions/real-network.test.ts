/**
 * Emission factors against the real network: every electrified link lies in a
 * country with its own grid figure, so electric rail never counts as 0 nor
 * falls back to another country's grid.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadEmissionFactors } from '../../../src/domain/emissions/load-emission-factors.js';
import { routeEmissions } from '../../../src/domain/emissions/route-emissions.js';
import { loadNetwork } from '../../../src/domain/network/load-network.js';
import type { Route } from '../../../src/domain/routing/route-types.js';

describe('emission factors on the real network', async () => {
  const [net, factors] = await Promise.all([loadNetwork('data'), loadEmissionFactors('data')]);
  const zero = { low: 0, typical: 0, high: 0 };
  const oneLeg = (l: (typeof net.links)[number]): Route => ({
    places: [l.from, l.to],
    legs: [{ linkId: l.id, from: l.from, to: l.to, mode: l.mode, km: l.lengthKm, hours: zero, status: l.status, corridors: [], sources: [], estimated: false }],
    crossings: [],
    gaugeBreaks: [],
    transfers: [],
    terminals: [],
    distanceKm: l.lengthKm,
    distanceKmByMode: {},
    hours: { total: zero, running: zero, borderDwell: zero, gaugeChange: zero, ferry: zero, sea: zero, transfer: zero, terminal: zero },
    countries: [],
    corridors: [],
    warnings: [],
    cost: 0,
    legStretch: [0],
  });

  it('every electrified link counts its own country\'s grid: WTT > 0, TTW 0, no fallback (KZ and UZ today)', () => {
    const electric = net.links.filter((l) => l.mode === 'rail' && l.electrified === true);
    assert.ok(electric.length >= 10, `expected the Turksib and Uzbek electrified links, found ${electric.length}`);
    const countries = new Set<string>();
    for (const l of electric) {
      const e = routeEmissions(oneLeg(l), net, factors, 1).byLeg[0]!;
      assert.equal(e.ttwKgCo2e, 0, l.id);
      assert.ok(e.wttKgCo2e > 0, `${l.id} counts as 0`);
      assert.equal(e.grid?.fallback, false, `${l.id}: no grid figure for ${e.grid?.country}`);
      countries.add(e.grid!.country);
    }
    assert.deepEqual([...countries].sort(), ['KZ', 'UZ']);
  });

  it('Shu–Taraz (250 km, KZ) for 1 t: 250 × 0.0322 × 641.102 / 1000 = 5.1608711 kg WTW', () => {
    const l = net.links.find((x) => x.id === 'shu--taraz')!;
    assert.equal(l.lengthKm, 250);
    const e = routeEmissions(oneLeg(l), net, factors, 1);
    assert.ok(Math.abs(e.wtwKgCo2e - 5.1608711) < 1e-6, String(e.wtwKgCo2e));
  });
});
