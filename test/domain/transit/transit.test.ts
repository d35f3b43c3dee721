import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkHours, linkEstimated } from '../../../src/domain/transit/link-hours.js';
import { crossingDwell } from '../../../src/domain/transit/crossing-dwell.js';
import { transitionAt } from '../../../src/domain/transit/place-transition.js';
import { DomainError } from '../../../src/domain/errors.js';
import { crossing, ferry, parameters, place, rail, range, road, sea } from '../routing/build-network.js';

const close = (a: { low: number; typical: number; high: number }, b: { low: number; typical: number; high: number }) => {
  for (const k of ['low', 'typical', 'high'] as const) assert.ok(Math.abs(a[k] - b[k]) < 1e-9, `${k}: ${a[k]} vs ${b[k]}`);
};

// Speed rules: KZ rail 40/50/80 km/h, TM rail 20/25/40, road 30/40/60; 10/15/20 kn; transfer 2/3/5 h.
const params = parameters(['KZ'], { rail: range(40, 50, 80), road: range(30, 40, 60), knots: range(10, 15, 20), transfer: range(2, 3, 5) });
params.speedRules.push({ id: 'tm-rail', country: 'TM', mode: 'rail', speedKmh: range(20, 25, 40), sources: [] });

test('rail hours = km / speed rule of the country left from; low hours use the high speed', () => {
  const l = rail('a--b', 'a', 'b', 400, 1520);
  close(linkHours(l, params, 'KZ'), { low: 400 / 80, typical: 400 / 50, high: 400 / 40 }); // 5 / 8 / 10 h
  close(linkHours(l, params, 'TM'), { low: 10, typical: 16, high: 20 }); // 400 km at 40 / 25 / 20 km/h
});

test("a link's own speedKmh overrides the rule", () => {
  const l = rail('a--b', 'a', 'b', 120, 1520, { speedKmh: range(20, 30, 60) });
  close(linkHours(l, params, 'KZ'), { low: 2, typical: 4, high: 6 });
});

test('road hours use the road rule', () => {
  close(linkHours(road('a--b', 'a', 'b', 120), params, 'KZ'), { low: 2, typical: 3, high: 4 });
});

test('no speed rule for the country: INVALID_DATA naming the link', () => {
  assert.throws(() => linkHours(rail('x--y', 'x', 'y', 10, 1520), params, 'PK'), (e: unknown) => e instanceof DomainError && e.code === 'INVALID_DATA' && /x--y/.test(e.message));
});

test('ferry = crossing + wait + handling', () => {
  const f = ferry('f', 'a', 'b', 300, 18, 48, 10);
  close(linkHours(f, params, 'KZ'), { low: 76, typical: 76, high: 76 });
});

test('sea = km / (knots × 1.852) + handling', () => {
  // 555.6 km: at 15 kn = 27.78 km/h → 20 h; 20 kn → 15 h; 10 kn → 30 h; + 5 h handling.
  close(linkHours(sea('s', 'a', 'b', 555.6, 5), params, 'IR'), { low: 20, typical: 25, high: 35 });
});

test('estimated flag follows length and speed provenance', () => {
  assert.equal(linkEstimated(rail('a--b', 'a', 'b', 10, 1520), params, 'KZ'), false);
  assert.equal(linkEstimated(rail('a--b', 'a', 'b', 10, 1520, { length: { basis: 'estimate', method: 'great circle' } }), params, 'KZ'), true);
  assert.equal(linkEstimated(rail('a--b', 'a', 'b', 10, 1520, { speedKmh: range(1, 2, 3, 'estimate') }), params, 'KZ'), true);
});

test('crossing dwell: direction entry first, else the direction-less one', () => {
  const c = crossing('x', ['a', 'b'], ['KZ', 'TM'], 8, {
    dwell: [
      { hours: range(4, 8, 12), sources: [] },
      { direction: 'TM>KZ', hours: range(50, 78, 100), sources: [] },
    ],
  });
  close(crossingDwell(c, 'TM', 'KZ'), { low: 50, typical: 78, high: 100 });
  close(crossingDwell(c, 'KZ', 'TM'), { low: 4, typical: 8, high: 12 });
});

test('gauge change: crossing facility at its places, place transshipment elsewhere, none otherwise', () => {
  const border = place('b', 'IR');
  const c = crossing('x', ['a', 'b'], ['TM', 'IR'], 6, { gaugeChange: { gauges: [1520, 1435], handling: 'bogie-exchange', hours: range(2, 4, 8), includedInDwell: false } });
  const t1 = transitionAt(border, [c], params, 'rail-1520', 'rail-1435');
  assert.equal(t1?.kind, 'gauge-change');
  close(t1!.hours, { low: 2, typical: 4, high: 8 });
  assert.equal(t1?.kind === 'gauge-change' && t1.crossingId, 'x');
  // The crossing's facility covers 1520/1435 only.
  assert.equal(transitionAt(border, [c], params, 'rail-1435', 'rail-1676'), null);
  const z = place('z', 'IR', { transshipment: { handling: 'transshipment', hours: range(6, 12, 24), sources: [] } });
  close(transitionAt(z, [], params, 'rail-1435', 'rail-1676')!.hours, { low: 6, typical: 12, high: 24 });
  assert.equal(transitionAt(place('p', 'IR'), [], params, 'rail-1435', 'rail-1520'), null);
});

test('rail ↔ road: railhead transshipment hours, else the parameter; ferry and sea changes cost nothing', () => {
  const head = place('h', 'AF', { transshipment: { handling: 'rail-to-road', hours: range(1, 2, 4), sources: [] } });
  close(transitionAt(head, [], params, 'rail-1520', 'road')!.hours, { low: 1, typical: 2, high: 4 });
  close(transitionAt(place('p', 'AF'), [], params, 'road', 'rail-1520')!.hours, { low: 2, typical: 3, high: 5 });
  close(transitionAt(place('p', 'AF'), [], params, 'rail-1520', 'ferry')!.hours, { low: 0, typical: 0, high: 0 });
  close(transitionAt(place('p', 'AF'), [], params, 'sea', 'rail-1676')!.hours, { low: 0, typical: 0, high: 0 });
  assert.equal(transitionAt(place('p', 'AF'), [], params, 'rail-1520', 'rail-1520')!.kind, 'continue');
});
