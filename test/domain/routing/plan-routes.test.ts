/**
 * Known answers on two literal networks, worked out by hand.
 *
 * N1 (rail KZ 40/50/100 km/h, TM 20/25/50; road 40; rail–road transfer 3 h):
 *   a(KZ) ==100 (1520)== b(KZ) ==50 (1520)== c(TM) ==200 (1435)== d(TM) ==100 (1435)== e(TM)
 *   d ==120 (1435)== e (parallel, "de2");  a ==400 (1520)== d;  d --60 road-- e
 *   crossing x-bc (b|c, KZ|TM): restricted, dwell 4 h, "KZ>TM" 2 h, bogie exchange 1520/1435 5 h.
 *   Gauge 1520 and 1435 meet at d with no facility, so a–d cannot go on by rail.
 * N2 (rail TM 25, AF 50; 10 kn; ferry 10 + 20 + 6 h):
 *   p(AZ) ~ferry 300~ q(TM) ==500 (1520)== r(TM) ~sea 926~ s(PK)
 *   r ==100 (1520, planned)== t(AF) ==300 (1676)== s(PK);  t: transshipment 10 h; crossing r|t planned, dwell 6 h.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prepareNetwork } from '../../../src/domain/routing/prepare.js';
import { planRoutes } from '../../../src/domain/routing/plan-routes.js';
import { DEFAULT_QUERY } from '../../../src/domain/routing/defaults.js';
import { DomainError } from '../../../src/domain/errors.js';
import type { RouteQuery } from '../../../src/domain/routing/route-types.js';
import { crossing, ferry, network, parameters, place, rail, range, road, sea } from './build-network.js';

/** Sailings on N2's ferry and sea link are scheduled, so routes over them carry no service warning. */
const scheduled = { service: { kind: 'scheduled' as const, asOf: '2025', sources: [{ source: 'test', statement: 'made up for a test' }] } };

const near = (a: number, b: number, msg = '') => assert.ok(Math.abs(a - b) < 1e-9, `${msg} ${a} vs ${b}`);

function n1() {
  const params = parameters(['KZ'], { rail: range(40, 50, 100), road: range(40, 40, 40), transfer: range(3, 3, 3) });
  params.speedRules.push(
    { id: 'tm-rail', country: 'TM', mode: 'rail', speedKmh: range(20, 25, 50), sources: [] },
    { id: 'tm-road', country: 'TM', mode: 'road', speedKmh: range(40, 40, 40), sources: [] },
  );
  return prepareNetwork(
    network(
      [place('a', 'KZ'), place('b', 'KZ'), place('c', 'TM'), place('d', 'TM'), place('e', 'TM')],
      [
        rail('ab', 'a', 'b', 100, 1520, { corridors: ['north'] }),
        rail('bc', 'b', 'c', 50, 1520, { corridors: ['north'] }),
        rail('cd', 'c', 'd', 200, 1435),
        rail('de', 'd', 'e', 100, 1435),
        rail('de2', 'd', 'e', 120, 1435),
        rail('ad', 'a', 'd', 400, 1520),
        road('de-road', 'd', 'e', 60),
      ],
      [
        crossing('x-bc', ['b', 'c'], ['KZ', 'TM'], 4, {
          status: 'restricted',
          dwell: [
            { hours: range(4, 4, 4), sources: [] },
            { direction: 'KZ>TM', hours: range(2, 2, 2), sources: [] },
          ],
          gaugeChange: { gauges: [1520, 1435], handling: 'bogie-exchange', hours: range(5, 5, 5), includedInDwell: false },
        }),
      ],
      ['north'],
      params,
    ),
  );
}

function n2() {
  const params = parameters([], { knots: range(10, 10, 10) });
  params.speedRules.push(
    { id: 'tm-rail', country: 'TM', mode: 'rail', speedKmh: range(25, 25, 25), sources: [] },
    { id: 'af-rail', country: 'AF', mode: 'rail', speedKmh: range(50, 50, 50), sources: [] },
    { id: 'pk-rail', country: 'PK', mode: 'rail', speedKmh: range(50, 50, 50), sources: [] },
  );
  return prepareNetwork(
    network(
      [
        place('p', 'AZ'),
        place('q', 'TM'),
        place('r', 'TM'),
        place('s', 'PK'),
        place('t', 'AF', { transshipment: { handling: 'transshipment', hours: range(10, 10, 10), sources: [] } }),
      ],
      [
        ferry('pq', 'p', 'q', 300, 10, 20, 6, scheduled),
        rail('qr', 'q', 'r', 500, 1520),
        sea('rs', 'r', 's', 926, 10, scheduled),
        rail('rt', 'r', 't', 100, 1520, { status: 'planned' }),
        rail('ts', 't', 's', 300, 1676),
      ],
      [crossing('x-rt', ['r', 't'], ['TM', 'AF'], 6, { status: 'planned' })],
      [],
      params,
    ),
  );
}

const q = (from: string, to: string, extra: Partial<RouteQuery> = {}): RouteQuery => ({ ...DEFAULT_QUERY, from, to, ...extra });

test('N1 fastest a → e: rail through the restricted crossing with a bogie exchange at c', () => {
  const [r, ...rest] = planRoutes(n1(), q('a', 'e'));
  assert.equal(rest.length, 0);
  assert.deepEqual(r!.places, ['a', 'b', 'c', 'd', 'e']);
  // 100/50 + 50/50 (left from KZ) + dwell KZ>TM 2 + bogie 5 + 200/25 + 100/25 = 2 + 1 + 2 + 5 + 8 + 4
  near(r!.hours.total.typical, 22);
  near(r!.hours.running.typical, 15);
  near(r!.hours.borderDwell.typical, 2);
  near(r!.hours.gaugeChange.typical, 5);
  // low: 100/100 + 50/100 + 2 + 5 + 200/50 + 100/50 = 14.5; high: 100/40 + 50/40 + 2 + 5 + 200/20 + 100/20 = 25.75
  near(r!.hours.total.low, 14.5);
  near(r!.hours.total.high, 25.75);
  assert.equal(r!.distanceKm, 450);
  assert.equal(r!.cost, r!.hours.total.typical);
  assert.deepEqual(r!.countries, ['KZ', 'TM']);
  assert.deepEqual(r!.corridors, [{ id: 'north', km: 150 }]);
  assert.equal(r!.crossings.length, 1);
  assert.deepEqual(r!.crossings[0]!.countries, ['KZ', 'TM']);
  assert.deepEqual(r!.crossings[0]!.gaugeChange, { fromGaugeMm: 1520, toGaugeMm: 1435, handling: 'bogie-exchange', hours: { low: 5, typical: 5, high: 5 } });
  assert.deepEqual(r!.gaugeBreaks, [{ placeId: 'c', fromGaugeMm: 1520, toGaugeMm: 1435, handling: 'bogie-exchange', hours: { low: 5, typical: 5, high: 5 }, crossingId: 'x-bc' }]);
  assert.deepEqual(r!.legs.map((l) => l.linkId), ['ab', 'bc', 'cd', 'de']);
  assert.deepEqual(r!.warnings.map((w) => w.code), ['RESTRICTED_CROSSING']);
  assert.deepEqual(r!.legStretch, [0, 0, 0, 0]);
});

test('N1 e → a: dwell without a direction entry (4 h) and speeds of the country left from', () => {
  const [r] = planRoutes(n1(), q('e', 'a'));
  // 100/25 + 200/25 + bogie 5 + 50/25 (left from TM) + dwell 4 + 100/50 = 4 + 8 + 5 + 2 + 4 + 2
  near(r!.hours.total.typical, 25);
  assert.deepEqual(r!.crossings[0]!.countries, ['TM', 'KZ']);
  assert.equal(r!.crossings[0]!.from, 'c');
});

test('N1 with road: rail to d, transfer, road to e', () => {
  const p = n1();
  const [fast] = planRoutes(p, q('a', 'e', { modes: ['rail', 'road'] }));
  // 400/50 + transfer 3 + 60/40 = 12.5 h, 460 km
  near(fast!.hours.total.typical, 12.5);
  near(fast!.hours.transfer.typical, 3);
  assert.equal(fast!.distanceKm, 460);
  assert.deepEqual(fast!.transfers, [{ placeId: 'd', fromMode: 'rail', toMode: 'road', hours: { low: 3, typical: 3, high: 3 } }]);
  assert.deepEqual(fast!.distanceKmByMode, { rail: 400, road: 60 });
  assert.ok(fast!.warnings.some((w) => w.code === 'ROAD_LEG' && w.refs[0] === 'de-road'));
  // Shortest: rail a–b–c–d (350 km) then road d–e (60 km) = 410 km beats 450 by rail and 460 via a–d.
  const [short] = planRoutes(p, q('a', 'e', { modes: ['rail', 'road'], objective: 'shortest' }));
  assert.deepEqual(short!.legs.map((l) => l.linkId), ['ab', 'bc', 'cd', 'de-road']);
  assert.equal(short!.cost, 410);
  // Fewest borders: one border each (b→c, a→d); the faster one wins.
  const [few] = planRoutes(p, q('a', 'e', { modes: ['rail', 'road'], objective: 'fewest-borders' }));
  assert.deepEqual(few!.places, ['a', 'd', 'e']);
  near(few!.cost, 1e6 + 12.5);
});

test('N1 alternatives: the parallel link is the second route; overlap filter drops it below 350/470', () => {
  const p = n1();
  const both = planRoutes(p, q('a', 'e', { alternatives: 3, maxOverlap: 1 }));
  assert.deepEqual(both.map((r) => r.legs.map((l) => l.linkId)), [['ab', 'bc', 'cd', 'de'], ['ab', 'bc', 'cd', 'de2']]);
  near(both[1]!.hours.total.typical, 22.8); // 120/25 = 4.8 instead of 4
  assert.equal(planRoutes(p, q('a', 'e', { alternatives: 3, maxOverlap: 0.75 })).length, 2); // 350/470 = 0.745
  assert.equal(planRoutes(p, q('a', 'e', { alternatives: 3, maxOverlap: 0.74 })).length, 1);
});

test('N1 avoid lists', () => {
  const p = n1();
  const [r] = planRoutes(p, q('a', 'e', { avoidLinks: ['de'] }));
  assert.deepEqual(r!.legs.map((l) => l.linkId), ['ab', 'bc', 'cd', 'de2']);
  assert.throws(() => planRoutes(p, q('a', 'e', { avoidCrossings: ['x-bc'] })), (e: unknown) => e instanceof DomainError && e.code === 'NO_ROUTE');
  const [viaRoad] = planRoutes(p, q('a', 'e', { avoidCrossings: ['x-bc'], modes: ['rail', 'road'] }));
  assert.deepEqual(viaRoad!.places, ['a', 'd', 'e']);
  const [noCorr] = planRoutes(p, q('a', 'e', { avoidCorridors: ['north'], modes: ['rail', 'road'] }));
  assert.deepEqual(noCorr!.places, ['a', 'd', 'e']);
  assert.throws(() => planRoutes(p, q('a', 'e', { avoidPlaces: ['b'] })), (e: unknown) => e instanceof DomainError && e.code === 'NO_ROUTE');
});

test('N1 via d splits the legs into stretches', () => {
  const [r] = planRoutes(n1(), q('a', 'e', { via: ['d'] }));
  assert.deepEqual(r!.places, ['a', 'b', 'c', 'd', 'e']);
  assert.deepEqual(r!.legStretch, [0, 0, 0, 1]);
  near(r!.hours.total.typical, 22);
});

test('constraint errors name the field and the id', () => {
  const p = n1();
  const code = (f: () => unknown, c: string, field?: string, value?: unknown) =>
    assert.throws(f, (e: unknown) => e instanceof DomainError && e.code === c && (field === undefined || e.details['field'] === field) && (value === undefined || e.details['value'] === value));
  code(() => planRoutes(p, q('a', 'a')), 'INVALID_CONSTRAINT', 'to');
  code(() => planRoutes(p, q('a', 'e', { via: ['a'] })), 'INVALID_CONSTRAINT', 'via');
  code(() => planRoutes(p, q('a', 'e', { via: ['d', 'd'] })), 'INVALID_CONSTRAINT', 'via');
  code(() => planRoutes(p, q('a', 'e', { avoidCountries: ['XX'] })), 'INVALID_CONSTRAINT', 'avoidCountries', 'XX');
  code(() => planRoutes(p, q('a', 'e', { avoidPlaces: ['nowhere'] })), 'INVALID_CONSTRAINT', 'avoidPlaces', 'nowhere');
  code(() => planRoutes(p, q('a', 'e', { avoidCrossings: ['x-zz'] })), 'INVALID_CONSTRAINT', 'avoidCrossings', 'x-zz');
  code(() => planRoutes(p, q('a', 'e', { avoidCorridors: ['south'] })), 'INVALID_CONSTRAINT', 'avoidCorridors', 'south');
  code(() => planRoutes(p, q('a', 'e', { avoidLinks: ['zz'] })), 'INVALID_CONSTRAINT', 'avoidLinks', 'zz');
  code(() => planRoutes(p, q('a', 'e', { avoidPlaces: ['e'] })), 'INVALID_CONSTRAINT', 'avoidPlaces', 'e');
  code(() => planRoutes(p, q('a', 'e', { alternatives: 99 })), 'INVALID_CONSTRAINT', 'alternatives');
  code(() => planRoutes(p, q('a', 'zz')), 'UNKNOWN_PLACE', 'to', 'zz');
});

test('N2 default: ferry, rail and sea; mode changes cost nothing', () => {
  const [r] = planRoutes(n2(), q('p', 's'));
  assert.deepEqual(r!.places, ['p', 'q', 'r', 's']);
  // ferry 10 + 20 + 6 = 36; 500/25 = 20; sea 926 / 18.52 = 50 + 10 = 60
  near(r!.hours.total.typical, 116);
  near(r!.hours.ferry.typical, 36);
  near(r!.hours.sea.typical, 60);
  near(r!.hours.transfer.typical, 0);
  assert.equal(r!.distanceKm, 1726);
  assert.deepEqual(r!.transfers.map((t) => [t.placeId, t.fromMode, t.toMode]), [['q', 'ferry', 'rail'], ['r', 'rail', 'sea']]);
  assert.deepEqual(r!.countries, ['AZ', 'TM', 'PK']);
  assert.equal(r!.warnings.length, 0);
});

test('N2 with planned lines: the planned crossing and the transshipment at t', () => {
  const p = n2();
  const [r] = planRoutes(p, q('p', 's', { include: ['planned'] }));
  // 36 + 20 + 100/25 = 4 + dwell 6 + transshipment 10 + 300/50 = 6 → 82 h, 1200 km
  near(r!.hours.total.typical, 82);
  assert.equal(r!.distanceKm, 1200);
  assert.deepEqual(r!.gaugeBreaks, [{ placeId: 't', fromGaugeMm: 1520, toGaugeMm: 1676, handling: 'transshipment', hours: { low: 10, typical: 10, high: 10 } }]);
  assert.deepEqual(r!.warnings.map((w) => w.code).sort(), ['NON_OPERATIONAL_LINK', 'PLANNED_CROSSING']);
  // Fewest borders: the sea route crosses 2 (AZ→TM, TM→PK), the planned one 3.
  const [few] = planRoutes(p, q('p', 's', { include: ['planned'], objective: 'fewest-borders' }));
  assert.deepEqual(few!.places, ['p', 'q', 'r', 's']);
  near(few!.cost, 2e6 + 116);
});
