/** Cargo in tonnes, TEU or FEU: known answers for the conversion to tonnes. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../../../src/domain/errors.js';
import { resolveCargo } from '../../../src/domain/emissions/cargo.js';
import { loadEmissionFactors } from '../../../src/domain/emissions/load-emission-factors.js';
import { routeEmissions } from '../../../src/domain/emissions/route-emissions.js';
import { literalNetwork } from '../scenarios/literal-network.js';
import type { Route } from '../../../src/domain/routing/route-types.js';

describe('resolveCargo', async () => {
  const f = await loadEmissionFactors('data');
  const d = f.cargo;

  it('the data set states a default load per TEU with its provenance and sources', () => {
    assert.equal(d.defaultTonnesPerTeu, 10);
    assert.equal(d.teuPerFeu, 2);
    assert.ok(d.sources.length > 0 && (d.provenance.basis === 'sourced' || (d.provenance.method?.length ?? 0) > 20));
  });

  it('tonnes as given; nothing given → the fallback mass', () => {
    assert.deepEqual(resolveCargo({ tonnes: 25 }, d, 1), { unit: 'tonnes', count: 25, tonnes: 25, teu: null, tonnesPerTeu: null, defaultLoad: false });
    assert.equal(resolveCargo({}, d, 1).tonnes, 1);
  });

  it('2 TEU at the default 10 t/TEU = 20 t; 1 FEU at 12 t/TEU = 2 TEU = 24 t', () => {
    assert.deepEqual(resolveCargo({ teu: 2 }, d, 1), { unit: 'TEU', count: 2, tonnes: 20, teu: 2, tonnesPerTeu: 10, defaultLoad: true });
    assert.deepEqual(resolveCargo({ feu: 1, tonnesPerTeu: 12 }, d, 1), { unit: 'FEU', count: 1, tonnes: 24, teu: 2, tonnesPerTeu: 12, defaultLoad: false });
  });

  it('rejects two units at once, tonnesPerTeu without containers, and non-positive numbers, naming the field', () => {
    const bad: [Parameters<typeof resolveCargo>[0], string][] = [
      [{ tonnes: 5, teu: 1 }, 'cargoTeu'],
      [{ teu: 1, feu: 1 }, 'cargoFeu'],
      [{ tonnesPerTeu: 8 }, 'tonnesPerTeu'],
      [{ teu: 0 }, 'cargoTeu'],
      [{ teu: 1, tonnesPerTeu: -1 }, 'tonnesPerTeu'],
    ];
    for (const [input, field] of bad) {
      assert.throws(
        () => resolveCargo(input, d, 1),
        (e: unknown) => e instanceof DomainError && e.code === 'INVALID_CONSTRAINT' && e.details.field === field,
        JSON.stringify(input),
      );
    }
  });

  it('1 TEU gives the same emissions as 10 t, and 1 FEU as 2 TEU', () => {
    const zero = { low: 0, typical: 0, high: 0 };
    const r: Route = {
      places: ['bravo', 'charlie'],
      legs: [{ linkId: 'bravo--charlie', from: 'bravo', to: 'charlie', mode: 'rail', km: 160, hours: zero, status: 'operational', corridors: [], sources: [], estimated: false }],
      crossings: [],
      gaugeBreaks: [],
      transfers: [],
    terminals: [],
      distanceKm: 160,
      distanceKmByMode: {},
      hours: { total: zero, running: zero, borderDwell: zero, gaugeChange: zero, ferry: zero, sea: zero, transfer: zero, terminal: zero },
      countries: [],
      corridors: [],
      warnings: [],
      cost: 0,
      legStretch: [0],
    };
    const net = literalNetwork();
    const per = (c: ReturnType<typeof resolveCargo>) => routeEmissions(r, net, f, c.tonnes).totalKgCo2e;
    assert.equal(per(resolveCargo({ teu: 1 }, d, 1)), per(resolveCargo({ tonnes: 10 }, d, 1)));
    assert.equal(per(resolveCargo({ feu: 1 }, d, 1)), per(resolveCargo({ teu: 2 }, d, 1)));
    // 160 km × 10 t × (0.03159 + 0.00691) kg/tkm = 61.6 kg
    assert.ok(Math.abs(per(resolveCargo({ teu: 1 }, d, 1)) - 61.6) < 1e-9);
  });
});
