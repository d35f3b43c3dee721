/**
 * Terminal and yard time, waiting for a sailing, and the terminal component of
 * a planned route: literal known answers on made-up parameters, and a property
 * test that the components still add up to the total.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { linkHours } from '../../../src/domain/transit/link-hours.js';
import { transitionAt } from '../../../src/domain/transit/place-transition.js';
import { terminalHours } from '../../../src/domain/transit/terminal-hours.js';
import { prepareNetwork } from '../../../src/domain/routing/prepare.js';
import { planRoutes } from '../../../src/domain/routing/plan-routes.js';
import { DEFAULT_QUERY } from '../../../src/domain/routing/defaults.js';
import type { Parameters } from '../../../src/domain/network/schema.js';
import { ferry, network, parameters, place, rail, range, sea } from '../routing/build-network.js';

const close = (a: { low: number; typical: number; high: number }, b: { low: number; typical: number; high: number }) => {
  for (const k of ['low', 'typical', 'high'] as const) assert.ok(Math.abs(a[k] - b[k]) < 1e-9, `${k}: ${a[k]} vs ${b[k]}`);
};

// Rail 50 km/h everywhere; origin 4/12/24 h, destination 2/8/16 h; port "p" leaves faster (1/2/3 h);
// yard "y" 2/6/24 h; sea wait 0/84/168 h.
function withTerminals(countries: string[]): Parameters {
  return {
    ...parameters(countries),
    seaWaitHours: range(0, 84, 168),
    terminal: {
      originHours: range(4, 12, 24),
      destinationHours: range(2, 8, 16),
      places: [{ placeId: 'p', originHours: range(1, 2, 3), sources: [] }],
      yards: [{ placeId: 'y', hours: range(2, 6, 24), sources: [] }],
      sources: [],
    },
  };
}

test('terminal hours at an end reached by rail; none at an end reached by ferry or sea', () => {
  const params = withTerminals(['KZ']);
  close(terminalHours(params, 'a', 'origin', 'rail-1520'), { low: 4, typical: 12, high: 24 });
  close(terminalHours(params, 'a', 'destination', 'rail-1435'), { low: 2, typical: 8, high: 16 });
  // A place's own entry replaces the default for that end only.
  close(terminalHours(params, 'p', 'origin', 'rail-1520'), { low: 1, typical: 2, high: 3 });
  close(terminalHours(params, 'p', 'destination', 'rail-1520'), { low: 2, typical: 8, high: 16 });
  close(terminalHours(params, 'a', 'origin', 'ferry'), { low: 0, typical: 0, high: 0 });
  close(terminalHours(params, 'a', 'destination', 'sea'), { low: 0, typical: 0, high: 0 });
  // No terminal parameters (small test networks): nothing.
  close(terminalHours(parameters(['KZ']), 'a', 'origin', 'rail-1520'), { low: 0, typical: 0, high: 0 });
});

test('a marshalling yard adds its hours to a rail route passing it; other places and modes add nothing', () => {
  const params = withTerminals(['KZ']);
  const t = transitionAt(place('y', 'KZ'), [], params, 'rail-1520', 'rail-1520')!;
  assert.equal(t.kind, 'continue');
  close(t.hours, { low: 2, typical: 6, high: 24 });
  assert.equal(t.kind === 'continue' && t.yard, true);
  close(transitionAt(place('q', 'KZ'), [], params, 'rail-1520', 'rail-1520')!.hours, { low: 0, typical: 0, high: 0 });
  close(transitionAt(place('y', 'KZ'), [], params, 'ferry', 'ferry')!.hours, { low: 0, typical: 0, high: 0 });
});

test('rail ↔ ferry or sea at a port: the rail terminal time of the train that ends or starts there', () => {
  const params = withTerminals(['KZ']);
  const arrive = transitionAt(place('k', 'KZ'), [], params, 'rail-1520', 'ferry')!;
  close(arrive.hours, { low: 2, typical: 8, high: 16 }); // destination hours
  assert.equal(arrive.kind === 'mode-change' && arrive.terminal, true);
  close(transitionAt(place('p', 'KZ'), [], params, 'sea', 'rail-1520')!.hours, { low: 1, typical: 2, high: 3 }); // p's own origin
  close(transitionAt(place('k', 'KZ'), [], params, 'ferry', 'sea')!.hours, { low: 0, typical: 0, high: 0 });
});

test('sea = sailing + waiting for a sailing + handling', () => {
  // 555.6 km at 10 kn = 18.52 km/h → 30 h in every column; + 0/84/168 h wait + 5 h handling.
  close(linkHours(sea('s', 'a', 'b', 555.6, 5), withTerminals(['IR']), 'IR'), { low: 35, typical: 119, high: 203 });
});

test('a planned route: terminal = origin + yard + port (rail → ferry) terminals; the components add up to the total', () => {
  // a —100 km— y —100 km— k ~ferry~ m. Rail 50 km/h: 4 h running.
  const places = [place('a', 'KZ'), place('y', 'KZ'), place('k', 'KZ', { kind: 'port' }), place('m', 'AZ', { kind: 'port' })];
  const links = [rail('a--y', 'a', 'y', 100, 1520), rail('y--k', 'y', 'k', 100, 1520), ferry('k--m', 'k', 'm', 400, 18, 24, 2)];
  const net = network(places, links, [], [], withTerminals(['KZ', 'AZ']));
  const [r] = planRoutes(prepareNetwork(net), { ...DEFAULT_QUERY, from: 'a', to: 'm' });
  close(r!.hours.running, { low: 4, typical: 4, high: 4 });
  // origin at a 4/12/24 + yard y 2/6/24 + destination of the train at port k 2/8/16; none at m (reached by ferry).
  close(r!.hours.terminal, { low: 8, typical: 26, high: 64 });
  close(r!.hours.ferry, { low: 44, typical: 44, high: 44 });
  close(r!.hours.total, { low: 56, typical: 74, high: 112 });
});

test('property: with random terminal, yard and sea figures the components add up to the total', () => {
  fc.assert(
    fc.property(
      fc.tuple(fc.nat(20), fc.nat(20), fc.nat(20)),
      fc.tuple(fc.nat(20), fc.nat(20), fc.nat(20)),
      fc.integer({ min: 10, max: 900 }),
      (o, y, km) => {
        const sorted = (t: [number, number, number]) => [...t].sort((p, q) => p - q) as [number, number, number];
        const [ol, ot, oh] = sorted(o);
        const [yl, yt, yh] = sorted(y);
        const params = withTerminals(['KZ', 'IR']);
        params.terminal!.originHours = range(ol, ot, oh);
        params.terminal!.yards = [{ placeId: 'y', hours: range(yl, yt, yh), sources: [] }];
        const places = [place('a', 'KZ'), place('y', 'KZ'), place('b', 'KZ', { kind: 'port' }), place('c', 'IR', { kind: 'port' })];
        const links = [rail('a--y', 'a', 'y', km, 1520), rail('y--b', 'y', 'b', 50, 1520), sea('b--c', 'b', 'c', 300, 4)];
        const [r] = planRoutes(prepareNetwork(network(places, links, [], [], params)), { ...DEFAULT_QUERY, from: 'a', to: 'c' });
        const h = r!.hours;
        for (const k of ['low', 'typical', 'high'] as const) {
          const sum = h.running[k] + h.borderDwell[k] + h.gaugeChange[k] + h.ferry[k] + h.sea[k] + h.transfer[k] + h.terminal[k];
          assert.ok(Math.abs(sum - h.total[k]) < 1e-6, `${k}: ${sum} vs ${h.total[k]}`);
        }
        // The terminal component is the origin, the yard and the port (train ends at b): an independent sum.
        assert.ok(Math.abs(h.terminal.typical - (ot + yt + 8)) < 1e-9);
      },
    ),
    { numRuns: 60 },
  );
});
