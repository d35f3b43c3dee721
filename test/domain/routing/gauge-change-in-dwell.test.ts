/**
 * A crossing whose dwell already contains its gauge change (gaugeChange.includedInDwell):
 * known answers on a literal network, worked out by hand, with and without the flag.
 *
 * Rail 40 / 50 / 100 km/h (low speed / typical / high speed) in KZ and CN.
 *   k(KZ) ==100 (1520)== dk(KZ) ==10 (1435)== ak(CN) ==200 (1435)== u(CN)
 *   k(KZ) ==150 (1520)== y(KZ)  ==10 (1435)== z(CN)  ==100 (1435)== u(CN)
 *   dk(KZ) ==60 (1435)== s(KZ)   (a standard-gauge spur that does not cross the border)
 *   crossing x-dk (dk|ak): dwell 10 / 20 / 30 h, transshipment 1520/1435 at 4 / 5 / 9 h,
 *     includedInDwell as the test says;
 *   crossing x-y (y|z): dwell 22 h, bogie exchange 1520/1435 2 h, not included.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prepareNetwork } from '../../../src/domain/routing/prepare.js';
import { planRoutes } from '../../../src/domain/routing/plan-routes.js';
import { DEFAULT_QUERY } from '../../../src/domain/routing/defaults.js';
import { transitionAt } from '../../../src/domain/transit/place-transition.js';
import type { Hours, RouteQuery } from '../../../src/domain/routing/route-types.js';
import { crossing, network, parameters, place, rail, range } from './build-network.js';

const near = (a: number, b: number, msg = '') => assert.ok(Math.abs(a - b) < 1e-9, `${msg} ${a} vs ${b}`);
const nearHours = (h: Hours, low: number, typical: number, high: number, msg = '') => {
  near(h.low, low, `${msg} low`);
  near(h.typical, typical, `${msg} typical`);
  near(h.high, high, `${msg} high`);
};

function net(includedInDwell: boolean) {
  return network(
    [place('k', 'KZ'), place('dk', 'KZ'), place('ak', 'CN'), place('u', 'CN'), place('y', 'KZ'), place('z', 'CN'), place('s', 'KZ')],
    [
      rail('k-dk', 'k', 'dk', 100, 1520),
      rail('dk-ak', 'dk', 'ak', 10, 1435),
      rail('ak-u', 'ak', 'u', 200, 1435),
      rail('k-y', 'k', 'y', 150, 1520),
      rail('y-z', 'y', 'z', 10, 1435),
      rail('z-u', 'z', 'u', 100, 1435),
      rail('dk-s', 'dk', 's', 60, 1435),
    ],
    [
      crossing('x-dk', ['dk', 'ak'], ['KZ', 'CN'], 20, {
        dwell: [{ hours: range(10, 20, 30), sources: [] }],
        gaugeChange: { gauges: [1520, 1435], handling: 'transshipment', hours: range(4, 5, 9), includedInDwell },
      }),
      crossing('x-y', ['y', 'z'], ['KZ', 'CN'], 22, {
        gaugeChange: { gauges: [1520, 1435], handling: 'bogie-exchange', hours: range(2, 2, 2), includedInDwell: false },
      }),
    ],
    [],
    parameters(['KZ', 'CN'], { rail: range(40, 50, 100) }),
  );
}

const q = (from: string, to: string, extra: Partial<RouteQuery> = {}): RouteQuery => ({ ...DEFAULT_QUERY, from, to, ...extra });

test('transition: no time when a leg passes the crossing whose dwell includes the change, full time otherwise', () => {
  const n = net(true);
  const dk = n.places.find((p) => p.id === 'dk')!;
  const passing = transitionAt(dk, n.crossings.slice(0, 1), n.parameters, 'rail-1520', 'rail-1435', ['x-dk']);
  assert.deepEqual(passing, {
    kind: 'gauge-change',
    hours: { low: 0, typical: 0, high: 0 },
    estimated: false,
    fromGaugeMm: 1520,
    toGaugeMm: 1435,
    handling: 'transshipment',
    crossingId: 'x-dk',
    facilityHours: { low: 4, typical: 5, high: 9 },
    includedInDwell: true,
  });
  const notPassing = transitionAt(dk, n.crossings.slice(0, 1), n.parameters, 'rail-1520', 'rail-1435');
  assert.deepEqual(notPassing, {
    kind: 'gauge-change',
    hours: { low: 4, typical: 5, high: 9 },
    estimated: false,
    fromGaugeMm: 1520,
    toGaugeMm: 1435,
    handling: 'transshipment',
    crossingId: 'x-dk',
    facilityHours: { low: 4, typical: 5, high: 9 },
  });
});

test('included: k → u goes by dk, the change reported with its hours but not added', () => {
  const [r, second] = planRoutes(prepareNetwork(net(true)), q('k', 'u', { alternatives: 2, maxOverlap: 1 }));
  assert.deepEqual(r!.places, ['k', 'dk', 'ak', 'u']);
  // running 100/50 + 10/50 (left from KZ) + 200/50 = 2 + 0.2 + 4 = 6.2; dwell 20; change 0 → 26.2
  // low: 100/100 + 10/100 + 200/100 = 3.1, + 10 = 13.1; high: 100/40 + 10/40 + 200/40 = 7.75, + 30 = 37.75
  nearHours(r!.hours.running, 3.1, 6.2, 7.75, 'running');
  nearHours(r!.hours.borderDwell, 10, 20, 30, 'dwell');
  nearHours(r!.hours.gaugeChange, 0, 0, 0, 'gauge change');
  nearHours(r!.hours.total, 13.1, 26.2, 37.75, 'total');
  assert.deepEqual(r!.gaugeBreaks, [
    { placeId: 'dk', fromGaugeMm: 1520, toGaugeMm: 1435, handling: 'transshipment', hours: { low: 4, typical: 5, high: 9 }, crossingId: 'x-dk', includedInDwell: true },
  ]);
  assert.deepEqual(r!.crossings.map((c) => c.gaugeChange), [
    { fromGaugeMm: 1520, toGaugeMm: 1435, handling: 'transshipment', hours: { low: 4, typical: 5, high: 9 }, includedInDwell: true },
  ]);
  // The other way: 150/50 + 10/50 + 100/50 = 5.2, + dwell 22 + bogie exchange 2 = 29.2
  assert.deepEqual(second!.places, ['k', 'y', 'z', 'u']);
  near(second!.hours.total.typical, 29.2);
  near(second!.hours.gaugeChange.typical, 2);
});

test('included, inbound u → k: the arriving leg passes the crossing, so again no time for the change at dk', () => {
  const [r] = planRoutes(prepareNetwork(net(true)), q('u', 'k'));
  assert.deepEqual(r!.places, ['u', 'ak', 'dk', 'k']);
  // 200/50 + 10/50 (left from CN) + 100/50 = 6.2, + dwell 20 = 26.2 (by y: 2 + 0.2 + 3 + 22 + 2 = 29.2)
  near(r!.hours.total.typical, 26.2);
  near(r!.hours.gaugeChange.typical, 0);
  assert.deepEqual(r!.gaugeBreaks.map((g) => [g.placeId, g.fromGaugeMm, g.toGaugeMm, g.hours.typical, g.includedInDwell]), [['dk', 1435, 1520, 5, true]]);
});

test('not included: the change is added and k → u goes by y instead; by dk it costs 5 h more', () => {
  const p = prepareNetwork(net(false));
  const [best] = planRoutes(p, q('k', 'u'));
  // by y: 29.2 h; by dk: 6.2 + 20 + 5 = 31.2 h
  assert.deepEqual(best!.places, ['k', 'y', 'z', 'u']);
  near(best!.hours.total.typical, 29.2);
  const [r] = planRoutes(p, q('k', 'u', { avoidCrossings: ['x-y'] }));
  assert.deepEqual(r!.places, ['k', 'dk', 'ak', 'u']);
  nearHours(r!.hours.gaugeChange, 4, 5, 9, 'gauge change');
  // 13.1 + 4 = 17.1; 26.2 + 5 = 31.2; 37.75 + 9 = 46.75
  nearHours(r!.hours.total, 17.1, 31.2, 46.75, 'total');
  assert.deepEqual(r!.gaugeBreaks, [{ placeId: 'dk', fromGaugeMm: 1520, toGaugeMm: 1435, handling: 'transshipment', hours: { low: 4, typical: 5, high: 9 }, crossingId: 'x-dk' }]);
});

test('included, but the route does not pass the crossing: k → s changes gauge at dk and pays the full time', () => {
  const [r] = planRoutes(prepareNetwork(net(true)), q('k', 's'));
  assert.deepEqual(r!.places, ['k', 'dk', 's']);
  // 100/50 + 5 + 60/50 = 2 + 5 + 1.2 = 8.2; low 1 + 4 + 0.6 = 5.6; high 2.5 + 9 + 1.5 = 13
  nearHours(r!.hours.total, 5.6, 8.2, 13, 'total');
  nearHours(r!.hours.gaugeChange, 4, 5, 9, 'gauge change');
  near(r!.hours.borderDwell.typical, 0);
  // The facility is the crossing's, but the route does not pass it: an inland break.
  assert.deepEqual(r!.gaugeBreaks, [{ placeId: 'dk', fromGaugeMm: 1520, toGaugeMm: 1435, handling: 'transshipment', hours: { low: 4, typical: 5, high: 9 } }]);
});
