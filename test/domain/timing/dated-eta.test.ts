/**
 * Dated ETAs on the real data set (the same lane in July and December, a
 * crossing on a holiday) and on a hand-made route (a weekly sailing), and
 * properties: a later departure never arrives earlier, waits are never
 * negative, and the latest departure for a deadline matches a brute-force
 * scan over the hourly grid.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { loadCalendars } from '../../../src/domain/calendar/load-calendars.js';
import { EMPTY_CALENDARS, type Calendars } from '../../../src/domain/calendar/calendar-schema.js';
import { loadNetwork } from '../../../src/domain/network/load-network.js';
import { DEFAULT_QUERY } from '../../../src/domain/routing/defaults.js';
import { planRoutes } from '../../../src/domain/routing/plan-routes.js';
import { prepareNetwork } from '../../../src/domain/routing/prepare.js';
import type { Hours, Route, RouteLeg } from '../../../src/domain/routing/route-types.js';
import { arrivalFunction, datedRoute, timingContext, type TimingContext } from '../../../src/domain/timing/dated-eta.js';
import { ARRIVE_BY_HORIZON_DAYS, arriveBy, latestDeparture } from '../../../src/domain/timing/arrive-by.js';
import { BANDS } from '../../../src/domain/timing/calendar-rules.js';
import { routeSteps } from '../../../src/domain/timing/route-steps.js';

const DATA = fileURLToPath(new URL('../../../data', import.meta.url));
const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const close = (a: number, b: number, msg: string) => assert.ok(Math.abs(a - b) < 1e-6 * H, `${msg}: ${new Date(a).toISOString()} vs ${new Date(b).toISOString()}`);

describe('dated ETAs on the real data set', async () => {
  const network = await loadNetwork(DATA);
  const calendars = await loadCalendars(DATA, network);
  const prepared = prepareNetwork(network);
  const ctx = timingContext(network, calendars);
  const plan = (from: string, to: string) => planRoutes(prepared, { ...DEFAULT_QUERY, from, to })[0]!;

  it('the steps of a route add up to its hours, band by band', () => {
    for (const [from, to] of [['altynkol', 'poti'], ['almaty', 'kiamari'], ['quetta', 'zahedan'], ['tashkent', 'bandar-abbas']] as const) {
      const r = plan(from, to);
      const steps = routeSteps(r);
      for (const b of BANDS) assert.ok(Math.abs(steps.reduce((s, x) => s + x.hours[b], 0) - r.hours.total[b]) < 1e-6, `${from} → ${to} ${b}`);
    }
  });

  it('Aktau → Alat in July: no calendar entry holds, the windows are the model hours', () => {
    const r = plan('aktau', 'alat-port');
    const d = at('2027-07-15T00:00:00Z');
    const t = datedRoute(r, ctx, d);
    assert.deepEqual(t.applied, []);
    for (const b of BANDS) close(t.arrival[b], d + r.hours.total[b] * H, b);
  });

  it('Aktau → Alat in December: the winter storms entry adds 0 / 30 / 120 h before the ferry', () => {
    const r = plan('aktau', 'alat-port');
    const d = at('2027-12-15T00:00:00Z');
    const t = datedRoute(r, ctx, d);
    assert.deepEqual(t.applied.map((a) => [a.entry, a.kind, a.waitHours]), [['aktau-winter-storms', 'seasonal', { low: 0, typical: 30, high: 120 }]]);
    const ferry = t.legs.find((l) => l.linkId === 'aktau--alat-port')!;
    assert.deepEqual(ferry.waitHours, { low: 0, typical: 30, high: 120 });
    for (const b of BANDS) close(t.arrival[b], d + (r.hours.total[b] + t.waitHours[b]) * H, b);
  });

  it('Altynkol → Poti: July has no wait, December waits for the Kuryk storms', () => {
    const r = plan('altynkol', 'poti');
    assert.ok(r.legs.some((l) => l.linkId === 'kuryk--alat-port'), 'the lane crosses from Kuryk');
    const july = datedRoute(r, ctx, at('2027-07-15T00:00:00Z'));
    assert.deepEqual(july.waitHours, { low: 0, typical: 0, high: 0 });
    const dec = datedRoute(r, ctx, at('2027-12-15T00:00:00Z'));
    assert.deepEqual(dec.applied.map((a) => a.entry), ['kuryk-winter-storms']);
    assert.deepEqual(dec.waitHours, { low: 0, typical: 30, high: 120 });
    for (const b of BANDS) close(dec.totalHours[b], july.totalHours[b] + dec.waitHours[b], b);
  });

  it('Quetta → Zahedan on Nowruz: Taftan is closed for 14 days from 21 March 00:00 Tehran time and the train waits', () => {
    const r = plan('quetta', 'zahedan');
    const t = datedRoute(r, ctx, at('2027-03-20T12:00:00Z'));
    const x = t.crossings.find((c) => c.crossingId === 'koh-i-taftan--mirjaveh')!;
    const reopen = at('2027-03-20T20:30:00Z') + 14 * 24 * H; // 21 March 00:00 at +03:30, plus 14 days
    const dwell = r.crossings.find((c) => c.crossingId === 'koh-i-taftan--mirjaveh')!.dwellHours;
    for (const b of BANDS) {
      assert.ok(x.arrival[b] < reopen && x.arrival[b] >= at('2027-03-20T20:30:00Z'), `${b}: the train reaches the border while it is closed`);
      close(x.departure[b], reopen + dwell[b] * H, b);
      close(x.waitHours[b], (reopen - x.arrival[b]) / H, b);
    }
    assert.deepEqual(x.applied.map((a) => a.entry), ['taftan-nowruz-closure']);
    // In July the same lane does not wait.
    assert.deepEqual(datedRoute(r, ctx, at('2027-07-15T00:00:00Z')).applied, []);
  });

  it('Termez → Kabul by road over the Salang: a winter closure only in the high band, nothing in July', () => {
    const r = planRoutes(prepared, { ...DEFAULT_QUERY, from: 'termez', to: 'kabul', modes: ['rail', 'road'] })[0]!;
    const road = r.legs.findIndex((l) => l.linkId === 'naibabad--kabul--road');
    assert.ok(road >= 0, 'the lane takes the Salang road');
    const winter = datedRoute(r, ctx, at('2027-01-15T00:00:00Z'));
    assert.deepEqual(winter.applied.map((a) => [a.entry, a.legIndex, a.waitHours]), [['salang-winter-closures', road, { low: 0, typical: 0, high: 48 }]]);
    assert.deepEqual(datedRoute(r, ctx, at('2027-07-15T00:00:00Z')).applied, []);
  });

  it('a year without a dated holiday is said, not guessed', () => {
    const t = datedRoute(plan('quetta', 'zahedan'), ctx, at('2028-03-20T12:00:00Z'));
    assert.deepEqual(t.applied, []);
    assert.ok(t.notes.some((n) => n.includes('ir-nowruz') && n.includes('2028')), t.notes.join('; '));
  });

  it('arriveBy: the latest hourly departure arrives in time and one hour later does not', () => {
    const r = plan('altynkol', 'poti');
    const deadline = at('2027-12-25T12:00:00Z');
    const ab = arriveBy(r, ctx, deadline);
    for (const b of BANDS) {
      const dep = ab[b].departure!;
      assert.equal(dep % H, 0, `${b} on the hour`);
      const arrive = arrivalFunction(r, ctx, b);
      assert.ok(arrive(dep) <= deadline, b);
      assert.ok(arrive(dep + H) > deadline, b);
    }
    assert.ok(ab.high.departure! <= ab.typical.departure! && ab.typical.departure! <= ab.low.departure!);
  });
});

// A hand-made route: legs and dwells of given hours, no places visited twice.
function leg(i: number, mode: RouteLeg['mode'], hours: Hours): RouteLeg {
  return { linkId: `l${i}`, from: `p${i}`, to: `p${i + 1}`, mode, km: 100, hours, status: 'operational', corridors: [], sources: [], estimated: false };
}
function route(legs: RouteLeg[], dwellAfter: { legIndex: number; crossingId: string; hours: Hours }[] = []): Route {
  const total = { low: 0, typical: 0, high: 0 };
  for (const h of [...legs.map((l) => l.hours), ...dwellAfter.map((d) => d.hours)]) for (const b of BANDS) total[b] += h[b];
  const zero = { low: 0, typical: 0, high: 0 };
  return {
    places: [legs[0]!.from, ...legs.map((l) => l.to)],
    legs,
    crossings: dwellAfter.map((d) => ({
      crossingId: d.crossingId,
      name: d.crossingId,
      from: legs[d.legIndex]!.from,
      to: legs[d.legIndex]!.to,
      countries: ['AA', 'BB'] as const,
      dwellHours: d.hours,
      gaugeChange: null,
      status: 'open',
    })),
    gaugeBreaks: [],
    transfers: [],
    terminals: [],
    distanceKm: legs.length * 100,
    distanceKmByMode: {},
    hours: { total, running: zero, borderDwell: zero, gaugeChange: zero, ferry: zero, sea: zero, transfer: zero, terminal: zero },
    countries: ['AA', 'BB'],
    corridors: [],
    warnings: [],
    cost: total.typical,
    legStretch: legs.map(() => 0),
  };
}
const fakeNetwork = (waits: Record<string, Hours>) =>
  ({
    places: [],
    crossings: [],
    corridors: [],
    sources: [],
    parameters: {},
    links: Object.entries(waits).map(([id, w]) => ({ id, mode: 'ferry', ferry: { waitHours: { ...w, provenance: { basis: 'sourced' } } } })),
  }) as never;
const SRC = [{ source: 'test', statement: 'test' }];
const prov = { basis: 'estimate' as const, method: 'test calendar' };

describe('a ferry with a weekly sailing (hand-made route and timetable)', () => {
  const calendars: Calendars = {
    ...EMPTY_CALENDARS,
    sailings: [{ id: 'weekly', link: 'l0', timetable: { weekdays: [3], departureUtc: '18:00', provenance: prov }, frequency: 'weekly, Wednesdays', sources: SRC }],
  };
  const ctx = timingContext(fakeNetwork({ l0: { low: 24, typical: 48, high: 120 } }), calendars);
  const r = route([leg(0, 'ferry', { low: 30, typical: 50, high: 100 })]);

  it('waits for Wednesday 18:00 UTC; high misses it and takes the next week; the timetable replaces the model wait', () => {
    // 2027-07-15 is a Thursday.
    const t = datedRoute(r, ctx, at('2027-07-15T00:00:00Z'));
    const l = t.legs[0]!;
    assert.deepEqual(l.departure, { low: at('2027-07-21T18:00:00Z'), typical: at('2027-07-21T18:00:00Z'), high: at('2027-07-28T18:00:00Z') });
    // Leg hours less the model's wait: 30 − 24 = 6, 50 − 48 = 2, max(0, 100 − 120) = 0.
    assert.deepEqual(t.arrival, { low: at('2027-07-22T00:00:00Z'), typical: at('2027-07-21T20:00:00Z'), high: at('2027-07-28T18:00:00Z') });
    assert.deepEqual(l.waitHours, { low: 162, typical: 162, high: 330 });
    assert.deepEqual(l.applied.map((a) => a.entry), ['weekly']);
  });

  it('a train ready at the sailing sails at once', () => {
    const t = datedRoute(r, ctx, at('2027-07-21T18:00:00Z'));
    assert.equal(t.legs[0]!.departure.typical, at('2027-07-21T18:00:00Z'));
    assert.equal(t.legs[0]!.waitHours.typical, 0);
  });
});

describe('properties of dated routes', () => {
  const hoursArb = fc
    .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }))
    .map(([a, b, c]) => [a, b, c].sort((x, y) => x - y))
    .map(([low, typical, high]) => ({ low: low!, typical: typical!, high: high! }));
  const md = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([m, d]) => `${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  const scenario = fc.record({
    legs: fc.array(fc.tuple(fc.constantFrom('rail', 'ferry') as fc.Arbitrary<'rail' | 'ferry'>, hoursArb), { minLength: 1, maxLength: 5 }),
    dwell: hoursArb,
    weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 3 }),
    window: fc.record({ from: md, to: md }),
    closed: fc.boolean(),
    extra: hoursArb,
    holidayDay: fc.integer({ min: 0, max: 364 }),
    days: fc.integer({ min: 1, max: 20 }),
  });
  type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;
  function build(s: Scenario): { r: Route; ctx: TimingContext } {
    // A ferry leg's hours are its moving time plus the model's wait (1 / 2 / 3 h here), as the transit model adds them.
    const legs = s.legs.map(([mode, h], i) =>
      leg(i, mode, mode === 'ferry' ? { low: h.low + 1, typical: h.typical + 2, high: h.high + 3 } : h),
    );
    const r = route(legs, [{ legIndex: 0, crossingId: 'x0', hours: s.dwell }]);
    const day = new Date(Date.UTC(2027, 0, 1) + s.holidayDay * 24 * H).toISOString().slice(0, 10);
    const calendars: Calendars = {
      sailings: legs.filter((l) => l.mode === 'ferry').map((l) => ({ id: `s-${l.linkId}`, link: l.linkId, timetable: { weekdays: s.weekdays, departureUtc: '06:30', provenance: prov }, frequency: 'f', sources: SRC })),
      seasonal: legs.map((l) => ({
        id: `e-${l.linkId}`,
        name: 'storms',
        places: [l.from],
        links: [],
        modes: ['ferry' as const],
        window: s.window,
        utcOffset: '+05:00',
        effect: s.closed ? { kind: 'closed' as const } : { kind: 'slowed' as const, extraWaitHours: { ...s.extra, provenance: prov } },
        sources: SRC,
      })),
      holidays: [{ id: 'h', country: 'AA', name: 'holiday', utcOffset: '+03:30', dates: [2026, 2027, 2028].map((y) => ({ year: y, start: `${y}${day.slice(4)}`, end: `${y}${day.slice(4)}`, provenance: prov })), sources: SRC }],
      borderRules: [{ id: 'rule', crossing: 'x0', holiday: 'h', effect: { kind: 'closed', days: s.days, provenance: prov }, sources: SRC }],
    };
    const waits = Object.fromEntries(legs.filter((l) => l.mode === 'ferry').map((l) => [l.linkId, { low: 1, typical: 2, high: 3 }]));
    return { r, ctx: timingContext(fakeNetwork(waits), calendars) };
  }
  const instant = fc.integer({ min: at('2026-06-01T00:00:00Z'), max: at('2028-06-01T00:00:00Z') });

  it('a later departure never arrives earlier, in any band, and every wait is ≥ 0', () => {
    fc.assert(
      fc.property(scenario, instant, fc.integer({ min: 0, max: 40 * 24 * H }), (s, t1, dt) => {
        const { r, ctx } = build(s);
        const a = datedRoute(r, ctx, t1);
        const b = datedRoute(r, ctx, t1 + dt);
        for (const band of BANDS) {
          assert.ok(b.arrival[band] >= a.arrival[band], band);
          assert.ok(a.waitHours[band] >= 0 && a.applied.every((x) => x.waitHours[band] >= 0), band);
          for (const l of a.legs) assert.ok(l.arrival[band] >= l.departure[band]);
        }
        assert.ok(a.arrival.low <= a.arrival.typical && a.arrival.typical <= a.arrival.high);
      }),
      { numRuns: 200 },
    );
  });

  it('the latest departure for a deadline is the one a brute-force hourly scan finds', () => {
    fc.assert(
      fc.property(scenario, instant, fc.constantFrom(...BANDS), (s, deadline, band) => {
        const { r, ctx } = build(s);
        const arrive = arrivalFunction(r, ctx, band);
        const found = latestDeparture(arrive, deadline);
        // Brute force: every whole hour from the deadline back over the horizon.
        let brute: number | null = null;
        for (let t = Math.floor(deadline / H) * H; t >= deadline - ARRIVE_BY_HORIZON_DAYS * 24 * H; t -= H) {
          if (arrive(t) <= deadline) {
            brute = t;
            break;
          }
        }
        assert.equal(found, brute);
      }),
      { numRuns: 60 },
    );
  });
});
