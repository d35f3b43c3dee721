import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { greatCircleKm } from '../../../src/domain/network/geo.js';

/** |actual − expected| ≤ tol (km). */
function near(actual: number, expected: number, tol: number): void {
  assert.ok(Math.abs(actual - expected) <= tol, `${actual} is not within ${tol} of ${expected}`);
}

describe('greatCircleKm', () => {
  it('is zero for the same point', () => {
    assert.equal(greatCircleKm(37.6, 61.83, 37.6, 61.83), 0);
  });

  it('gives R·Δλ along the equator: one degree = 6371·π/180 = 111.195 km', () => {
    near(greatCircleKm(0, 0, 0, 1), 111.19492664455873, 1e-9);
  });

  it('gives a quarter meridian (equator to pole) = 6371·π/2 = 10007.543 km', () => {
    near(greatCircleKm(0, 0, 90, 0), 10007.543398010286, 1e-6);
  });

  it('gives half the circumference for antipodes = 6371·π = 20015.087 km', () => {
    near(greatCircleKm(0, 0, 0, 180), 20015.086796020572, 1e-6);
    // asin near 1 loses precision: a few decimetres off away from the equator.
    near(greatCircleKm(10, 20, -10, -160), 20015.086796020572, 1e-3);
  });

  it('matches the usual London–Paris haversine figure (343.5 km)', () => {
    near(greatCircleKm(51.5074, -0.1278, 48.8566, 2.3522), 343.5, 0.5);
  });

  it('shrinks a degree of longitude by cos(latitude): at 60° N about 55.6 km', () => {
    // Along a parallel the great circle is slightly shorter than the parallel arc (55.597 km).
    near(greatCircleKm(60, 0, 60, 1), 55.597, 0.01);
  });

  it('is symmetric', () => {
    assert.equal(greatCircleKm(24.82, 66.98, 30.19, 67.01), greatCircleKm(30.19, 67.01, 24.82, 66.98));
  });
});
