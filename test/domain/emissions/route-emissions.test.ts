import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../../../src/domain/errors.js';
import { loadEmissionFactors } from '../../../src/domain/emissions/load-emission-factors.js';
import { routeEmissions } from '../../../src/domain/emissions/route-emissions.js';
import type { Mode } from '../../../src/domain/network/schema.js';
import type { Route, RouteLeg } from '../../../src/domain/routing/route-types.js';
import { literalNetwork } from '../scenarios/literal-network.js';

const zero = { low: 0, typical: 0, high: 0 };

function leg(linkId: string, from: string, to: string, mode: Mode, km: number): RouteLeg {
  return { linkId, from, to, mode, km, hours: zero, status: 'operational', corridors: [], sources: [], estimated: false };
}

function route(legs: RouteLeg[]): Route {
  const km = legs.reduce((s, l) => s + l.km, 0);
  return {
    places: [legs[0]!.from, ...legs.map((l) => l.to)],
    legs,
    crossings: [],
    gaugeBreaks: [],
    transfers: [],
    distanceKm: km,
    distanceKmByMode: {},
    hours: { total: zero, running: zero, borderDwell: zero, gaugeChange: zero, ferry: zero, sea: zero, transfer: zero },
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

  it('100 km of non-electrified rail × 10 t × 0.03159 kg/tkm = 31.59 kg CO2e', () => {
    // bravo--charlie has no `electrified` flag: diesel.
    const r = routeEmissions(route([leg('bravo--charlie', 'bravo', 'charlie', 'rail', 100)]), net, factors, 10);
    close(r.totalKgCo2e, 31.59);
    assert.deepEqual(r.byLeg.map((l) => l.factorId), ['rail-diesel']);
    assert.equal(r.scope, 'TTW');
    assert.ok(r.notes.some((n) => n.includes('bravo--charlie')), 'expected a note on the unknown electrification');
  });

  it('electrified rail counts at the TTW electric factor (0) and says so; ferry 300 km × 20 t × 0.05136 = 308.16 kg', () => {
    const r = routeEmissions(
      route([leg('alpha--golf', 'golf', 'alpha', 'ferry', 300), leg('alpha--bravo', 'alpha', 'bravo', 'rail', 400)]),
      net,
      factors,
      20,
    );
    assert.deepEqual(
      r.byLeg.map((l) => l.factorId),
      ['ferry-ro-ro', 'rail-electric'],
    );
    close(r.byLeg[0]!.kgCo2e, 308.16);
    close(r.byLeg[1]!.kgCo2e, 0);
    close(r.totalKgCo2e, 308.16);
    assert.ok(r.notes.some((n) => n.includes('400 km on electrified rail')));
  });

  it('road 20 km × 25 t × 0.12631 = 63.155 kg, plus sea 500 km × 25 t × 0.029703 = 371.2875 kg', () => {
    const r = routeEmissions(
      route([leg('delta--echo--road', 'delta', 'echo', 'road', 20), leg('echo--sea', 'echo', 'golf', 'sea', 500)]),
      net,
      factors,
      25,
    );
    close(r.byLeg[0]!.kgCo2e, 63.155);
    close(r.byLeg[1]!.kgCo2e, 371.2875);
    close(r.totalKgCo2e, 434.4425);
    assert.equal(r.byLeg[1]!.factorId, 'sea-short-sea-container');
  });

  it('rejects a cargo mass that is not a positive number', () => {
    for (const t of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.throws(
        () => routeEmissions(route([leg('bravo--charlie', 'bravo', 'charlie', 'rail', 100)]), net, factors, t),
        (e: unknown) => e instanceof DomainError && e.code === 'INVALID_CONSTRAINT',
      );
    }
  });
});

describe('routeEmissions with a hand-made factor set', () => {
  it('uses the defaults map, so a different diesel factor changes the answer (200 km × 3 t × 0.05 = 30 kg)', () => {
    const src = [{ source: 'test', statement: 'made up' }];
    const f = (id: string, mode: Mode, kg: number, traction?: 'diesel' | 'electric') => ({
      id,
      mode,
      ...(traction ? { traction } : {}),
      kgCo2ePerTkm: kg,
      scope: 'WTW' as const,
      provenance: { basis: 'estimate' as const, method: 'test' },
      sources: src,
    });
    const factors = {
      scope: 'WTW' as const,
      scopeNote: 'well-to-wheel test set',
      defaults: { 'rail-diesel': 'd', 'rail-electric': 'e', ferry: 'f', sea: 's', road: 'r' },
      factors: [f('d', 'rail', 0.05, 'diesel'), f('e', 'rail', 0.01, 'electric'), f('f', 'ferry', 0.1), f('s', 'sea', 0.02), f('r', 'road', 0.2)],
    };
    const r = routeEmissions(
      route([leg('charlie--delta', 'charlie', 'delta', 'rail', 200), leg('alpha--bravo', 'bravo', 'alpha', 'rail', 100)]),
      literalNetwork(),
      factors,
      3,
    );
    close(r.byLeg[0]!.kgCo2e, 30);
    close(r.byLeg[1]!.kgCo2e, 3);
    close(r.totalKgCo2e, 33);
    assert.equal(r.scope, 'WTW');
  });
});
