/**
 * Known answers for routeEmissions, hand-computed from data/emission-factors.json:
 * rail diesel TTW 0.03159 + WTT 0.00691 kg/tkm; electric rail TTW 0, WTT
 * 0.0322 kWh/tkm × the grid of the leg's country (KZ 641.102 g/kWh); ferry
 * TTW 0.1664 + WTT 0.0289; road TTW 0.12631 + WTT 0.02627; sea TTW 0.029703 +
 * WTT 0.005161 kg/tkm.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DomainError } from '../../../src/domain/errors.js';
import { loadEmissionFactors } from '../../../src/domain/emissions/load-emission-factors.js';
import { routeEmissions } from '../../../src/domain/emissions/route-emissions.js';
import type { EmissionFactors } from '../../../src/domain/emissions/emission-schema.js';
import type { Mode } from '../../../src/domain/network/schema.js';
import type { GaugeBreak, Route, RouteLeg } from '../../../src/domain/routing/route-types.js';
import { literalNetwork } from '../scenarios/literal-network.js';

const zero = { low: 0, typical: 0, high: 0 };

function leg(linkId: string, from: string, to: string, mode: Mode, km: number): RouteLeg {
  return { linkId, from, to, mode, km, hours: zero, status: 'operational', corridors: [], sources: [], estimated: false };
}

function route(legs: RouteLeg[], gaugeBreaks: GaugeBreak[] = []): Route {
  const km = legs.reduce((s, l) => s + l.km, 0);
  return {
    places: [legs[0]!.from, ...legs.map((l) => l.to)],
    legs,
    crossings: [],
    gaugeBreaks,
    transfers: [],
    terminals: [],
    distanceKm: km,
    distanceKmByMode: {},
    hours: { total: zero, running: zero, borderDwell: zero, gaugeChange: zero, ferry: zero, sea: zero, transfer: zero, terminal: zero },
    countries: [],
    corridors: [],
    warnings: [],
    cost: 0,
    legStretch: legs.map(() => 0),
  };
}

const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);

describe('routeEmissions on data/emission-factors.json', async () => {
  const factors = await loadEmissionFactors('data');
  const net = literalNetwork();

  it('100 km of rail without an electrification record × 10 t: TTW 31.59, WTT 6.91, WTW 38.5 kg, diesel by default and said so', () => {
    const r = routeEmissions(route([leg('bravo--charlie', 'bravo', 'charlie', 'rail', 100)]), net, factors, 10);
    const l = r.byLeg[0]!;
    close(l.ttwKgCo2e, 31.59);
    close(l.wttKgCo2e, 6.91);
    close(l.wtwKgCo2e, 38.5);
    close(r.totalKgCo2e, 38.5);
    assert.equal(r.scope, 'WTW');
    assert.deepEqual([l.factorId, l.traction, l.tractionKnown], ['rail-diesel', 'diesel', false]);
    assert.ok(r.notes.some((n) => n.includes('bravo--charlie') && n.includes('diesel')));
    assert.match(r.method, /ISO 14083/);
  });

  it('electric rail in KZ is not 0: 400 km × 20 t × 0.0322 kWh/tkm × 641.102 g/kWh = 165.1478752 kg WTT, TTW 0; ferry 300 km × 20 t: TTW 998.4, WTT 173.4', () => {
    const r = routeEmissions(
      route([leg('alpha--golf', 'golf', 'alpha', 'ferry', 300), leg('alpha--bravo', 'alpha', 'bravo', 'rail', 400)]),
      net,
      factors,
      20,
    );
    const [ferry, rail] = r.byLeg as [(typeof r.byLeg)[0], (typeof r.byLeg)[0]];
    assert.deepEqual([ferry.factorId, rail.factorId], ['ferry-ro-pax-caspian', 'rail-electric']);
    close(ferry.ttwKgCo2e, 998.4);
    close(ferry.wttKgCo2e, 173.4);
    close(rail.ttwKgCo2e, 0);
    close(rail.wttKgCo2e, 165.1478752);
    assert.deepEqual(rail.grid, { country: 'KZ', gCo2ePerKwh: 641.102, year: 2021, fallback: false });
    assert.equal(rail.tractionKnown, true);
    close(r.ttwKgCo2e, 998.4);
    close(r.wttKgCo2e, 173.4 + 165.1478752);
    close(r.wtwKgCo2e, 998.4 + 173.4 + 165.1478752);
    assert.ok(r.notes.some((n) => n.includes('400 km on electrified rail in KZ') && n.includes('641.102')));
  });

  it('an electrified link in a country without a grid figure (PK) counts at the highest listed grid (IN 713 g/kWh) and says so', () => {
    const n = literalNetwork();
    n.links = n.links.map((l) => (l.id === 'echo--foxtrot' ? { ...l, electrified: true } : l));
    const r = routeEmissions(route([leg('echo--foxtrot', 'echo', 'foxtrot', 'rail', 260)]), n, factors, 1);
    // 260 km × 1 t × 0.0322 kWh/tkm × 713 g/kWh = 5.969236 kg
    close(r.byLeg[0]!.wttKgCo2e, 5.969236);
    assert.deepEqual(r.byLeg[0]!.grid, { country: 'PK', gCo2ePerKwh: 713, year: 2023, fallback: true });
    assert.ok(r.notes.some((n) => n.includes('no grid figure for PK')));
  });

  it('road 20 km × 25 t: TTW 63.155, WTT 13.135; sea 500 km × 25 t: TTW 371.2875, WTT 64.5125', () => {
    const r = routeEmissions(
      route([leg('delta--echo--road', 'delta', 'echo', 'road', 20), leg('echo--sea', 'echo', 'golf', 'sea', 500)]),
      net,
      factors,
      25,
    );
    close(r.byLeg[0]!.ttwKgCo2e, 63.155);
    close(r.byLeg[0]!.wttKgCo2e, 13.135);
    close(r.byLeg[1]!.ttwKgCo2e, 371.2875);
    close(r.byLeg[1]!.wttKgCo2e, 64.5125);
    close(r.totalKgCo2e, 63.155 + 13.135 + 371.2875 + 64.5125);
    assert.equal(r.byLeg[1]!.factorId, 'sea-short-sea-container');
    assert.equal(r.byLeg[0]!.traction, undefined);
  });

  it('a gauge change without a hub factor adds nothing and the notes say terminal emissions are left out', () => {
    const gb: GaugeBreak = { placeId: 'echo', fromGaugeMm: 1520, toGaugeMm: 1676, handling: 'transshipment', hours: zero };
    const r = routeEmissions(route([leg('echo--foxtrot', 'echo', 'foxtrot', 'rail', 100)], [gb]), net, factors, 1);
    assert.deepEqual(r.hubs, []);
    assert.ok(r.notes.some((n) => n.includes('1 gauge change(s)') && n.includes('not counted')));
  });

  it('rejects a cargo mass that is not a positive number', () => {
    for (const t of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.throws(
        () => routeEmissions(route([leg('bravo--charlie', 'bravo', 'charlie', 'rail', 100)]), net, factors, t),
        (e: unknown) => e instanceof DomainError && e.code === 'INVALID_CONSTRAINT',
      );
    }
  });

  it('property: WTW = TTW + WTT per leg and in total, and every figure scales linearly with the cargo (independent reference)', () => {
    const links = literalNetwork().links.filter((l) => l.mode !== 'road' || l.id === 'delta--echo--road');
    const raw = new Map(factors.factors.map((f) => [f.id, f]));
    const grid = new Map(factors.grid.map((g) => [g.country, g.gCo2ePerKwh]));
    const country = new Map(net.places.map((p) => [p.id, p.country]));
    // Reference: the same arithmetic written out per mode, straight from the factor table.
    const expectWtw = (l: (typeof links)[number], km: number, t: number): number => {
      const id = l.mode === 'rail' ? (l.electrified === true ? 'rail-electric' : 'rail-diesel') : factors.defaults[l.mode];
      const f = raw.get(id)!;
      if (f.energyKwhPerTkm !== undefined) return (km * t * f.energyKwhPerTkm * grid.get(country.get(l.from)!)!) / 1000;
      return km * t * (f.ttwKgCo2ePerTkm + f.wttKgCo2ePerTkm!);
    };
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: links.length - 1 }), fc.double({ min: 1, max: 2000, noNaN: true })), { minLength: 1, maxLength: 6 }),
        fc.double({ min: 0.1, max: 5000, noNaN: true }),
        (picks, tonnes) => {
          const legs = picks.map(([i, km]) => leg(links[i]!.id, links[i]!.from, links[i]!.to, links[i]!.mode, km));
          const r = routeEmissions(route(legs), net, factors, tonnes);
          const r1 = routeEmissions(route(legs), net, factors, 1);
          let want = 0;
          r.byLeg.forEach((l, k) => {
            assert.ok(Math.abs(l.wtwKgCo2e - (l.ttwKgCo2e + l.wttKgCo2e)) < 1e-6);
            const e = expectWtw(links[picks[k]![0]]!, picks[k]![1], tonnes);
            assert.ok(Math.abs(l.wtwKgCo2e - e) <= 1e-9 * Math.max(1, e), `${l.linkId}: ${l.wtwKgCo2e} vs ${e}`);
            want += e;
          });
          assert.ok(Math.abs(r.totalKgCo2e - want) <= 1e-9 * Math.max(1, want));
          assert.ok(Math.abs(r.totalKgCo2e - r1.totalKgCo2e * tonnes) <= 1e-9 * Math.max(1, r.totalKgCo2e));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('routeEmissions with a hand-made factor set', () => {
  const src = [{ source: 'test', statement: 'made up' }];
  const est = { basis: 'estimate' as const, method: 'test figure' };
  const f = (id: string, mode: Mode, ttw: number, wtt: number | undefined, traction?: 'diesel' | 'electric') => ({
    id,
    mode,
    ...(traction ? { traction } : {}),
    ttwKgCo2ePerTkm: ttw,
    ...(traction === 'electric' ? { energyKwhPerTkm: 0.05 } : { wttKgCo2ePerTkm: wtt }),
    provenance: est,
    sources: src,
  });
  const factors: EmissionFactors = {
    method: 'test method, ISO 14083 style',
    scopeNote: 'well-to-wheel test set',
    defaults: { 'rail-diesel': 'd', 'rail-electric': 'e', ferry: 'f', sea: 's', road: 'r' },
    factors: [f('d', 'rail', 0.05, 0.01, 'diesel'), f('e', 'rail', 0, undefined, 'electric'), f('f', 'ferry', 0.1, 0.02), f('s', 'sea', 0.02, 0.004), f('r', 'road', 0.2, 0.04)],
    grid: [{ country: 'KZ', gCo2ePerKwh: 400, year: 2022, provenance: est, sources: src }],
    cargo: { defaultTonnesPerTeu: 8, teuPerFeu: 2, provenance: est, sources: src },
    hubs: [{ id: 'gc', kind: 'gauge-change', ttwKgCo2ePerTonne: 1.5, wttKgCo2ePerTonne: 0.5, provenance: est, sources: src }],
  };

  it('uses the defaults map and the grid: 200 km × 3 t diesel = 30 + 6 kg; 100 km × 3 t electric in KZ = 300 × 0.05 × 400 / 1000 = 6 kg WTT', () => {
    const r = routeEmissions(
      route([leg('charlie--delta', 'charlie', 'delta', 'rail', 200), leg('alpha--bravo', 'alpha', 'bravo', 'rail', 100)]),
      literalNetwork(),
      factors,
      3,
    );
    close(r.byLeg[0]!.ttwKgCo2e, 30);
    close(r.byLeg[0]!.wttKgCo2e, 6);
    close(r.byLeg[1]!.ttwKgCo2e, 0);
    close(r.byLeg[1]!.wttKgCo2e, 6);
    close(r.totalKgCo2e, 42);
  });

  it('counts a hub factor at each gauge change: 3 t × (1.5 + 0.5) kg/t = 6 kg at echo', () => {
    const gb: GaugeBreak = { placeId: 'echo', fromGaugeMm: 1520, toGaugeMm: 1676, handling: 'transshipment', hours: zero };
    const r = routeEmissions(route([leg('echo--foxtrot', 'echo', 'foxtrot', 'rail', 10)], [gb]), literalNetwork(), factors, 3);
    assert.deepEqual(r.hubs, [{ placeId: 'echo', kind: 'gauge-change', factorId: 'gc', ttwKgCo2e: 4.5, wttKgCo2e: 1.5, wtwKgCo2e: 6 }]);
    // leg: 10 km × 3 t × (0.05 + 0.01) = 1.8 kg
    close(r.totalKgCo2e, 7.8);
    assert.ok(!r.notes.some((n) => n.includes('terminal emissions not counted')));
  });
});
