/** Areas around places: convex hull known answers, and properties of areasAround against brute-force checks. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { greatCircleKm } from '../../../src/domain/network/geo.js';
import { areasAround, circleAround, convexHull, convexOverlap, insideConvex, ringArea, type Position } from '../../../src/domain/network/hull.js';

describe('convexHull', () => {
  it('a square with a point inside and one on an edge: the four corners, counter-clockwise', () => {
    assert.deepEqual(convexHull([[0, 0], [2, 0], [2, 2], [0, 2], [1, 1], [1, 0]]), [[0, 0], [2, 0], [2, 2], [0, 2]]);
  });

  it('contains every point and is counter-clockwise (brute force: every point left of every edge)', () => {
    const pt = fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 }));
    fc.assert(
      fc.property(fc.array(pt, { minLength: 3, maxLength: 40 }), (raw) => {
        const pts = raw as Position[];
        const h = convexHull(pts);
        if (h.length < 3) return; // all collinear
        for (const p of pts) assert.ok(insideConvex(p, h));
        assert.ok(ringArea(h) > 0);
      }),
    );
  });
});

describe('convexOverlap', () => {
  it('tells touching and apart squares', () => {
    const sq = (x: number): Position[] => [[x, 0], [x + 1, 0], [x + 1, 1], [x, 1]];
    assert.equal(convexOverlap(sq(0), sq(0.5)), true);
    assert.equal(convexOverlap(sq(0), sq(1)), true);
    assert.equal(convexOverlap(sq(0), sq(1.01)), false);
  });
});

describe('areasAround', () => {
  const opts = { bufferKm: 50, linkKm: 250 };

  it('Almaty and Tashkent (about 680 km apart) are two areas; Almaty and Shymkent-near points one area when linked', () => {
    const almaty: Position = [76.95, 43.24];
    const tashkent: Position = [69.28, 41.31];
    assert.equal(areasAround([almaty, tashkent], opts).length, 2);
    assert.equal(areasAround([almaty, tashkent], { bufferKm: 50, linkKm: 700 }).length, 1);
    assert.deepEqual(areasAround([], opts), []);
  });

  it('a circle keeps every point of its rim at least bufferKm from the place', () => {
    for (const lat of [0, 25, 45]) {
      const c: Position = [60, lat];
      const ring = circleAround(c, 50);
      for (let i = 0; i < ring.length; i++) {
        const a = ring[i]!;
        const b = ring[(i + 1) % ring.length]!;
        const mid: Position = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
        // The side's midpoint is the nearest point of the polygon to the centre: at least 50 km (to the sphere's 0.5 %).
        assert.ok(greatCircleKm(lat, 60, mid[1], mid[0]) >= 50 * 0.995, `lat ${lat} side ${i}`);
      }
    }
  });

  it('areas are closed, counter-clockwise, pairwise disjoint, and every place lies in one with its circle inside', () => {
    const place = fc.tuple(fc.double({ min: 45, max: 80, noNaN: true }), fc.double({ min: 20, max: 48, noNaN: true }));
    fc.assert(
      fc.property(fc.array(place, { minLength: 1, maxLength: 25 }), (raw) => {
        const places = raw as Position[];
        const areas = areasAround(places, opts);
        for (const ring of areas) {
          assert.deepEqual(ring[0], ring.at(-1));
          assert.ok(ringArea(ring.slice(0, -1)) > 0);
        }
        for (let i = 0; i < areas.length; i++) {
          for (let j = i + 1; j < areas.length; j++) assert.ok(!convexOverlap(areas[i]!.slice(0, -1), areas[j]!.slice(0, -1)));
        }
        for (const p of places) {
          const home = areas.filter((a) => insideConvex(p, a));
          assert.equal(home.length, 1);
          for (const corner of circleAround(p, opts.bufferKm)) assert.ok(insideConvex(corner, home[0]!));
        }
        // Places closer than linkKm share an area.
        for (const a of places) {
          for (const b of places) {
            if (greatCircleKm(a[1], a[0], b[1], b[0]) <= opts.linkKm) assert.ok(areas.some((r) => insideConvex(a, r) && insideConvex(b, r)));
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
