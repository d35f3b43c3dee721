/**
 * Property tests against the brute-force reference on random small networks
 * (≤ 7 places, random countries, gauges, modes, statuses, crossings and
 * gauge-change facilities, some of them included in the crossing's dwell): best cost per objective, the k cheapest loopless
 * routes in order, the overlap filter, via and avoid semantics, filters,
 * one-to-many costs, matrix and reachability against single questions, and
 * the fast search against the graphology reference search.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Crossing, Gauge, Link, Network, Place } from '../../../src/domain/network/schema.js';
import { prepareNetwork } from '../../../src/domain/routing/prepare.js';
import { planRoutes, type PlanOptions } from '../../../src/domain/routing/plan-routes.js';
import { greatCircleKm } from '../../../src/domain/routing/geo-bound.js';
import { dominates, LANDMARK_COUNT, landmarkBound, targetTerms } from '../../../src/domain/routing/landmarks.js';
import { travelCosts } from '../../../src/domain/routing/one-to-many.js';
import { DEFAULT_QUERY, LIMITS } from '../../../src/domain/routing/defaults.js';
import { matrixRow } from '../../../src/domain/planning/matrix.js';
import { reachableWithin } from '../../../src/domain/planning/reachability.js';
import { DomainError } from '../../../src/domain/errors.js';
import type { Objective, Route, RouteQuery } from '../../../src/domain/routing/route-types.js';
import { crossing, ferry, network, place, rail, range, road, sea } from './build-network.js';
import { bruteForce, linkAllowed } from './brute-force.js';

const COUNTRIES = ['AA', 'BB', 'CC'];
const GAUGES: Gauge[] = [1520, 1435, 1676];

const placeArb = (id: string) =>
  fc
    .record({
      country: fc.constantFrom(...COUNTRIES),
      facility: fc.constantFrom('none', 'transshipment', 'rail-to-road'),
      hours: fc.integer({ min: 1, max: 20 }),
    })
    .map(({ country, facility, hours }): Place =>
      place(id, country, facility === 'none' ? {} : { transshipment: { handling: facility as 'transshipment' | 'rail-to-road', hours: range(hours, hours, hours), sources: [] } }),
    );

const linkArb = (n: number) =>
  fc.record({
    a: fc.integer({ min: 0, max: n - 1 }),
    b: fc.integer({ min: 0, max: n - 1 }),
    mode: fc.constantFrom('rail', 'rail', 'rail', 'road', 'ferry', 'sea'),
    gauge: fc.constantFrom(...GAUGES),
    km: fc.integer({ min: 1, max: 500 }),
    status: fc.constantFrom('operational', 'operational', 'operational', 'planned', 'proposed'),
    ownSpeed: fc.option(fc.integer({ min: 10, max: 100 }), { nil: undefined }),
    corridor: fc.constantFrom(undefined, 'k1', 'k2'),
  });

const crossingArb = fc.record({
  status: fc.constantFrom('open', 'open', 'restricted', 'closed', 'planned'),
  dwell: fc.integer({ min: 0, max: 30 }),
  directed: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
  gauges: fc.option(fc.tuple(fc.constantFrom(...GAUGES), fc.constantFrom(...GAUGES)), { nil: undefined }),
  gaugeHours: fc.integer({ min: 1, max: 10 }),
  includedInDwell: fc.boolean(),
  modes: fc.subarray(['rail', 'road', 'ferry', 'sea'] as const, { minLength: 1 }),
});

const networkArb: fc.Arbitrary<Network> = fc.integer({ min: 2, max: 7 }).chain((n) =>
  fc
    .record({
      places: fc.tuple(...Array.from({ length: n }, (_, i) => placeArb(`p${i}`))),
      links: fc.array(linkArb(n), { minLength: n - 1, maxLength: 14 }),
      crossings: fc.array(crossingArb, { minLength: n * n, maxLength: n * n }),
      knots: fc.integer({ min: 5, max: 20 }),
    })
    .map(({ places, links, crossings, knots }) => {
      const ls: Link[] = [];
      links.forEach((l, i) => {
        if (l.a === l.b) return;
        const from = `p${l.a}`;
        const to = `p${l.b}`;
        const extra: Partial<Link> = {
          status: l.status as Link['status'],
          corridors: l.corridor ? [l.corridor] : [],
          ...(l.ownSpeed !== undefined && (l.mode === 'rail' || l.mode === 'road') ? { speedKmh: range(l.ownSpeed, l.ownSpeed, l.ownSpeed) } : {}),
        };
        const id = `l${i}`;
        if (l.mode === 'rail') ls.push(rail(id, from, to, l.km, l.gauge, extra));
        else if (l.mode === 'road') ls.push(road(id, from, to, l.km, extra));
        else if (l.mode === 'ferry') ls.push(ferry(id, from, to, l.km, l.km / 20, 5, 3, extra));
        else ls.push(sea(id, from, to, l.km, 4, extra));
      });
      // At most one crossing per pair of places in different countries.
      const cs: Crossing[] = [];
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const pi = places[i]!;
          const pj = places[j]!;
          const spec = crossings[i * n + j]!;
          if (pi.country === pj.country || (i + j) % 2 === 1) continue;
          const dwell = [{ hours: range(spec.dwell, spec.dwell, spec.dwell), sources: [] }];
          if (spec.directed !== undefined) dwell.push({ direction: `${pi.country}>${pj.country}`, hours: range(spec.directed, spec.directed, spec.directed), sources: [] } as never);
          cs.push(
            crossing(`x${i}-${j}`, [pi.id, pj.id], [pi.country, pj.country], spec.dwell, {
              status: spec.status as Crossing['status'],
              modes: [...spec.modes],
              dwell,
              gaugeChange: spec.gauges
                ? { gauges: spec.gauges, handling: 'bogie-exchange', hours: range(spec.gaugeHours, spec.gaugeHours, spec.gaugeHours), includedInDwell: spec.includedInDwell }
                : { handling: 'none', includedInDwell: false },
            }),
          );
        }
      }
      const net = network(places, ls, cs, ['k1', 'k2']);
      net.parameters.seaSpeedKnots = range(knots, knots, knots);
      return net;
    }),
);

const objectiveArb = fc.constantFrom<Objective>('fastest', 'shortest', 'fewest-borders');
const modesArb = fc.constantFrom<RouteQuery['modes']>(['rail', 'ferry', 'sea'], ['rail', 'road', 'ferry', 'sea'], ['rail'], ['rail', 'road']);
const includeArb = fc.constantFrom<RouteQuery['include']>([], ['planned'], ['planned', 'proposed']);

const tol = (x: number) => 1e-9 * Math.max(1, Math.abs(x));
const legKey = (r: Route) => r.legs.map((l) => `${l.linkId}>${l.to}`).join(' ');

/**
 * The network with link i longer by 2^-(i+12) km (and a ferry's crossing longer by as many hours): distinct links
 * then never sum to the same km or hours, so no two routes tie on any objective (ties would let two correct
 * searches pick different, equally good routes).
 */
function untie(net: Network): Network {
  const links = net.links.map((l, i): Link => {
    const e = 2 ** -(i + 12);
    const ferry = l.ferry && { ...l.ferry, crossingHours: range(l.ferry.crossingHours.low + e, l.ferry.crossingHours.typical + e, l.ferry.crossingHours.high + e) };
    return { ...l, lengthKm: l.lengthKm + e, ...(ferry ? { ferry } : {}) };
  });
  return { ...net, links };
}

/** Runs planRoutes and checks it against the brute force; returns nothing, asserts. */
function checkAgainstBrute(net: Network, q: RouteQuery, options: PlanOptions = {}): void {
  const brute = bruteForce(net, q);
  let routes: Route[];
  try {
    routes = planRoutes(prepareNetwork(net), q, options);
  } catch (e) {
    assert.ok(e instanceof DomainError && e.code === 'NO_ROUTE', String(e));
    assert.equal(brute.length, 0, `NO_ROUTE but brute force found ${brute[0]?.key}`);
    return;
  }
  const expected = brute.slice(0, q.alternatives);
  assert.equal(routes.length, expected.length, `routes ${routes.map(legKey)} vs ${expected.map((b) => b.key)}`);
  const byKey = new Map(brute.map((b) => [b.key, b]));
  const keys = new Set<string>();
  routes.forEach((r, i) => {
    const ref = byKey.get(legKey(r));
    assert.ok(ref, `route ${legKey(r)} is not an allowed loopless path`);
    assert.ok(Math.abs(ref.cost - r.cost) < tol(r.cost), `cost ${r.cost} vs brute ${ref.cost}`);
    assert.ok(Math.abs(expected[i]!.cost - r.cost) < tol(r.cost), `route ${i}: cost ${r.cost}, brute ${expected[i]!.cost}`);
    assert.equal(new Set(r.places).size, r.places.length, 'a place visited twice');
    assert.ok(!keys.has(ref.key), 'the same route twice');
    keys.add(ref.key);
    for (const l of r.legs) assert.ok(linkAllowed(net, q, net.links.find((x) => x.id === l.linkId)!), `excluded link ${l.linkId} used`);
    // The hours components add up to the total.
    const h = r.hours;
    const sum = h.running.typical + h.borderDwell.typical + h.gaugeChange.typical + h.ferry.typical + h.sea.typical + h.transfer.typical;
    assert.ok(Math.abs(sum - h.total.typical) < tol(sum));
    assert.equal(r.legStretch.length, r.legs.length);
  });
}

const stopsArb = (net: Network) => fc.shuffledSubarray(net.places.map((p) => p.id), { minLength: 2, maxLength: 2 });

test('best route per objective equals the brute-force optimum', () => {
  fc.assert(
    fc.property(
      networkArb.chain((net) => fc.tuple(fc.constant(net), stopsArb(net), objectiveArb, modesArb, includeArb)),
      ([net, [from, to], objective, modes, include]) => {
        checkAgainstBrute(net, { ...DEFAULT_QUERY, from: from!, to: to!, objective, modes, include, alternatives: 1 });
      },
    ),
    { numRuns: 300 },
  );
});

test('k routes are the k cheapest loopless paths, in order (maxOverlap 1)', () => {
  fc.assert(
    fc.property(
      networkArb.chain((net) => fc.tuple(fc.constant(net), stopsArb(net), objectiveArb, modesArb, includeArb, fc.integer({ min: 2, max: 5 }))),
      ([net, [from, to], objective, modes, include, k]) => {
        checkAgainstBrute(net, { ...DEFAULT_QUERY, from: from!, to: to!, objective, modes, include, alternatives: k, maxOverlap: 1 });
      },
    ),
    { numRuns: 300 },
  );
});

test('via places: routes pass them in order and are the cheapest loopless ones that do', () => {
  fc.assert(
    fc.property(
      networkArb
        .filter((n) => n.places.length >= 3)
        .chain((net) =>
          fc.tuple(
            fc.constant(net),
            fc.shuffledSubarray(net.places.map((p) => p.id), { minLength: 3, maxLength: Math.min(4, net.places.length) }),
            objectiveArb,
            modesArb,
            includeArb,
            fc.integer({ min: 1, max: 4 }),
          ),
        ),
      ([net, stops, objective, modes, include, k]) => {
        const q: RouteQuery = { ...DEFAULT_QUERY, from: stops[0]!, to: stops[stops.length - 1]!, via: stops.slice(1, -1), objective, modes, include, alternatives: k, maxOverlap: 1 };
        checkAgainstBrute(net, q);
      },
    ),
    { numRuns: 300 },
  );
});

test('avoid lists: never used, and the result is the best route without them', () => {
  fc.assert(
    fc.property(
      networkArb.chain((net) =>
        fc.tuple(
          fc.constant(net),
          stopsArb(net),
          objectiveArb,
          modesArb,
          fc.subarray(net.places.map((p) => p.id), { maxLength: Math.min(2, net.places.length) }),
          fc.subarray(net.links.map((l) => l.id), { maxLength: Math.min(3, net.links.length) }),
          fc.subarray([...new Set(net.places.map((p) => p.country))], { maxLength: 1 }),
          fc.subarray(net.crossings.map((c) => c.id), { maxLength: Math.min(2, net.crossings.length) }),
          fc.subarray(['k1', 'k2'], { maxLength: 1 }),
        ),
      ),
      ([net, [from, to], objective, modes, avoidPlaces, avoidLinks, avoidCountries, avoidCrossings, avoidCorridors]) => {
        const q: RouteQuery = { ...DEFAULT_QUERY, from: from!, to: to!, objective, modes, include: ['planned'], alternatives: 3, maxOverlap: 1, avoidPlaces, avoidLinks, avoidCountries, avoidCrossings, avoidCorridors };
        const country = (id: string) => net.places.find((p) => p.id === id)!.country;
        const conflict = [from!, to!].some((s) => avoidPlaces.includes(s) || avoidCountries.includes(country(s)));
        if (conflict) {
          assert.throws(() => planRoutes(prepareNetwork(net), q), (e: unknown) => e instanceof DomainError && e.code === 'INVALID_CONSTRAINT');
          return;
        }
        checkAgainstBrute(net, q);
      },
    ),
    { numRuns: 300 },
  );
});

test('travelCosts equal the brute-force best to every place', () => {
  fc.assert(
    fc.property(
      networkArb.chain((net) => fc.tuple(fc.constant(net), fc.constantFrom(...net.places.map((p) => p.id)), objectiveArb, modesArb, includeArb)),
      ([net, from, objective, modes, include]) => {
        const costs = travelCosts(prepareNetwork(net), from, { ...DEFAULT_QUERY, objective, modes, include });
        for (const pl of net.places) {
          if (pl.id === from) continue;
          const best = bruteForce(net, { ...DEFAULT_QUERY, from, to: pl.id, objective, modes, include })[0];
          const got = costs.get(pl.id);
          assert.equal(got === undefined, best === undefined, `reachability of ${pl.id}`);
          if (!got || !best) continue;
          const cost = objective === 'fastest' ? got.hours : objective === 'shortest' ? got.km : got.crossings * 1e6 + got.hours;
          assert.ok(Math.abs(cost - best.cost) < tol(cost), `${pl.id}: ${cost} vs ${best.cost}`);
        }
      },
    ),
    { numRuns: 200 },
  );
});

/** Links (km) of a brute-force key "linkId>to linkId>to …". */
const keyLinks = (key: string) => (key === '' ? [] : key.split(' ').map((leg) => leg.slice(0, leg.lastIndexOf('>'))));

test('maxOverlap < 1: the routes are the brute-force paths in cost order, each kept unless it shares more than maxOverlap of its km with a kept one', () => {
  fc.assert(
    fc.property(
      networkArb.chain((net) =>
        fc.tuple(fc.constant(net), stopsArb(net), objectiveArb, modesArb, includeArb, fc.integer({ min: 2, max: 5 }), fc.constantFrom(0, 0.3, 0.5, 0.8, 0.99)),
      ),
      ([net, [from, to], objective, modes, include, k, maxOverlap]) => {
        const q: RouteQuery = { ...DEFAULT_QUERY, from: from!, to: to!, objective, modes, include, alternatives: k, maxOverlap };
        const brute = bruteForce(net, q);
        // Equal costs leave the order (and so what is kept) open: only questions without ties are decided here.
        fc.pre(brute.every((b, i) => i === 0 || b.cost - brute[i - 1]!.cost > tol(b.cost)));
        const km = new Map(net.links.map((l) => [l.id, l.lengthKm]));
        const kept: string[][] = [];
        for (const b of brute.slice(0, Math.max(LIMITS.maxCandidatesScanned, k))) {
          const links = keyLinks(b.key);
          const total = links.reduce((s, l) => s + km.get(l)!, 0);
          const fits = kept.every((other) => {
            const used = new Set(other);
            const shared = links.filter((l) => used.has(l)).reduce((s, l) => s + km.get(l)!, 0);
            return (total === 0 ? 1 : shared / total) <= maxOverlap;
          });
          if (fits) kept.push(links);
          if (kept.length >= k) break;
        }
        let routes: Route[] = [];
        try {
          routes = planRoutes(prepareNetwork(net), q);
        } catch (e) {
          assert.ok(e instanceof DomainError && e.code === 'NO_ROUTE', String(e));
        }
        assert.deepEqual(routes.map((r) => r.legs.map((l) => l.linkId)), kept);
      },
    ),
    { numRuns: 300 },
  );
});

test('fast and graphology reference searches agree on random via places and avoid lists', () => {
  fc.assert(
    fc.property(
      networkArb
        .filter((n) => n.places.length >= 3)
        .chain((net) =>
          fc.tuple(
            fc.constant(net),
            fc.shuffledSubarray(net.places.map((p) => p.id), { minLength: 2, maxLength: Math.min(4, net.places.length) }),
            objectiveArb,
            modesArb,
            includeArb,
            fc.integer({ min: 1, max: 5 }),
            fc.constantFrom(0.5, 0.8, 1),
            fc.subarray(net.links.map((l) => l.id), { maxLength: Math.min(3, net.links.length) }),
            fc.subarray(net.crossings.map((c) => c.id), { maxLength: Math.min(2, net.crossings.length) }),
          ),
        ),
      ([net, stops, objective, modes, include, k, maxOverlap, avoidLinks, avoidCrossings]) => {
        const q: RouteQuery = {
          ...DEFAULT_QUERY,
          from: stops[0]!,
          to: stops[stops.length - 1]!,
          via: stops.slice(1, -1),
          objective,
          modes,
          include,
          alternatives: k,
          maxOverlap,
          avoidLinks,
          avoidCrossings,
        };
        const run = (n: Network, reference: boolean): Route[] | string => {
          try {
            return planRoutes(prepareNetwork(n), q, { reference });
          } catch (e) {
            if (e instanceof DomainError) return e.code;
            throw e;
          }
        };
        // Without ties the two searches give the same answer to the byte.
        const untied = untie(net);
        assert.equal(JSON.stringify(run(untied, false)), JSON.stringify(run(untied, true)));
        // With ties (equal-km links, whole-hour dwells) each may pick a different one of equally good routes: the
        // outcome and the best cost agree, and with no overlap filter so do all k costs.
        const fast = run(net, false);
        const ref = run(net, true);
        if (typeof fast === 'string' || typeof ref === 'string') {
          assert.equal(fast, ref);
          return;
        }
        assert.ok(Math.abs(fast[0]!.cost - ref[0]!.cost) < tol(ref[0]!.cost), `best cost ${fast[0]!.cost} vs ${ref[0]!.cost}`);
        if (maxOverlap === 1) assert.deepEqual(fast.map((r) => r.cost.toFixed(9)), ref.map((r) => r.cost.toFixed(9)));
      },
    ),
    { numRuns: 300 },
  );
});

test('matrix cells and reachability equal single route questions', () => {
  fc.assert(
    fc.property(
      networkArb.chain((net) => fc.tuple(fc.constant(net), fc.constantFrom(...net.places.map((p) => p.id)), objectiveArb, modesArb, includeArb, fc.integer({ min: 0, max: 80 }))),
      ([net, from, objective, modes, include, maxHours]) => {
        const p = prepareNetwork(net);
        const opts = { ...DEFAULT_QUERY, objective, modes, include };
        const targets = net.places.map((x) => x.id);
        const row = matrixRow(p, from, targets, opts);
        const reach = new Map(reachableWithin(p, from, maxHours, opts).map((r) => [r.placeId, r]));
        targets.forEach((to, i) => {
          const cell = row[i];
          if (to === from) {
            assert.deepEqual(cell, { hours: 0, lowHours: 0, highHours: 0, km: 0, crossings: 0, gaugeBreaks: 0, unscheduledLegs: 0 });
            return;
          }
          let best: Route | undefined;
          try {
            best = planRoutes(p, { ...opts, from, to })[0];
          } catch (e) {
            assert.ok(e instanceof DomainError && e.code === 'NO_ROUTE', String(e));
          }
          if (!best) {
            assert.equal(cell, null, `${from} → ${to}`);
            assert.ok(!reach.has(to));
            return;
          }
          assert.ok(cell, `${from} → ${to} has a route but no cell`);
          const crossings = best.legs.filter((l) => net.places.find((x) => x.id === l.from)!.country !== net.places.find((x) => x.id === l.to)!.country).length;
          // Equal-cost routes may differ in the figures the objective does not rank by: compare the ranked cost exactly.
          const cost = objective === 'shortest' ? cell.km : objective === 'fastest' ? cell.hours : cell.crossings * 1e6 + cell.hours;
          assert.ok(Math.abs(cost - best.cost) <= tol(best.cost), `${from} → ${to}: ${cost} vs ${best.cost}`);
          assert.ok(cell.lowHours <= cell.hours + tol(cell.hours) && cell.hours <= cell.highHours + tol(cell.hours));
          if (objective === 'fastest') assert.equal(reach.has(to), cell.hours <= maxHours, `${to} within ${maxHours} h`);
          if (reach.has(to)) assert.equal(reach.get(to)!.km, cell.km);
          // Without ties the cell is that route's own figures.
          if (cell.km === best.distanceKm && Math.abs(cell.hours - best.hours.total.typical) <= tol(cell.hours)) {
            assert.equal(cell.crossings, crossings);
            assert.ok(Math.abs(cell.lowHours - best.hours.total.low) <= tol(cell.lowHours));
            assert.ok(Math.abs(cell.highHours - best.hours.total.high) <= tol(cell.highHours));
            assert.equal(cell.gaugeBreaks, best.gaugeBreaks.length);
          }
        });
      },
    ),
    { numRuns: 200 },
  );
});

/** The random networks with places scattered over a 10° box, link km drawn independently (some shorter than the straight line). */
const geoNetworkArb: fc.Arbitrary<Network> = networkArb.chain((net) =>
  fc
    .array(fc.tuple(fc.double({ min: 30, max: 40, noNaN: true }), fc.double({ min: 50, max: 60, noNaN: true })), {
      minLength: net.places.length,
      maxLength: net.places.length,
    })
    .map((coords) => ({ ...net, places: net.places.map((p, i) => ({ ...p, lat: coords[i]![0], lon: coords[i]![1] })) })),
);

test('A* bound: factor × great-circle km never exceeds the brute-force best cost, and no link edge undercuts it', () => {
  fc.assert(
    fc.property(
      geoNetworkArb.chain((net) => fc.tuple(fc.constant(net), stopsArb(net), objectiveArb, modesArb, includeArb)),
      ([net, [from, to], objective, modes, include]) => {
        const sp = prepareNetwork(net).space;
        const f = sp.boundFactor[objective];
        assert.ok(f >= 0 && Number.isFinite(f));
        const rad = Math.PI / 180;
        const gc = (a: string, b: string) => {
          const pa = net.places.find((p) => p.id === a)!;
          const pb = net.places.find((p) => p.id === b)!;
          return greatCircleKm(pa.lat * rad, pa.lon * rad, pb.lat * rad, pb.lon * rad);
        };
        // Consistency edge by edge (so the bound is exact with a closed set).
        for (let e = 0; e < sp.edgeCount; e++) {
          if (sp.edgeKind[e] !== 0) continue;
          const link = net.links[sp.edgeLink[e]!]!;
          assert.ok(f * gc(link.from, link.to) <= sp.weights[objective][e]!, `edge ${e} of ${link.id}`);
        }
        // Admissibility end to end, against the independent brute force (terminal, dwell, gauge and waits included).
        const best = bruteForce(net, { ...DEFAULT_QUERY, from: from!, to: to!, objective, modes, include })[0];
        if (best) assert.ok(f * gc(from!, to!) <= best.cost + tol(best.cost), `bound ${f * gc(from!, to!)} > best ${best.cost}`);
      },
    ),
    { numRuns: 300 },
  );
});

test('landmark bound: never above the brute-force best cost, under any filter', () => {
  fc.assert(
    fc.property(
      networkArb.chain((net) =>
        fc.tuple(fc.constant(net), stopsArb(net), objectiveArb, modesArb, includeArb, fc.subarray(net.links.map((l) => l.id), { maxLength: Math.min(2, net.links.length) })),
      ),
      ([net, [from, to], objective, modes, include, avoidLinks]) => {
        const sp = prepareNetwork(net).space;
        const lm = sp.landmarks;
        assert.equal(lm.count, Math.min(LANDMARK_COUNT, sp.nodeCount));
        // A shared table is sound only where the objective's weights dominate the one it borrows from.
        if (lm.from['fewest-borders'] === lm.from.fastest) assert.ok(dominates(sp.weights, 'fewest-borders', 'fastest'));
        const toMax = new Float64Array(lm.count);
        const fromMin = new Float64Array(lm.count);
        const t = sp.placeIndex.get(to!)!;
        targetTerms(lm, objective, [sp.depNodes[t]!, sp.arrNodes[t]!], toMax, fromMin, 0);
        let bound = Infinity;
        for (const n of sp.depNodes[sp.placeIndex.get(from!)!]!) bound = Math.min(bound, landmarkBound(lm, objective, n, toMax, fromMin, 0));
        const best = bruteForce(net, { ...DEFAULT_QUERY, from: from!, to: to!, objective, modes, include, avoidLinks })[0];
        if (best) assert.ok(bound <= best.cost + tol(best.cost), `${from} → ${to}: bound ${bound} > best ${best.cost}`);
      },
    ),
    { numRuns: 300 },
  );
});

test('A* search: best route, k routes and via places equal the brute force (as plain Dijkstra does)', () => {
  fc.assert(
    fc.property(
      geoNetworkArb.chain((net) =>
        fc.tuple(
          fc.constant(net),
          fc.shuffledSubarray(net.places.map((p) => p.id), { minLength: 2, maxLength: Math.min(3, net.places.length) }),
          objectiveArb,
          modesArb,
          includeArb,
          fc.integer({ min: 1, max: 4 }),
        ),
      ),
      ([net, stops, objective, modes, include, k]) => {
        const q: RouteQuery = { ...DEFAULT_QUERY, from: stops[0]!, to: stops[stops.length - 1]!, via: stops.slice(1, -1), objective, modes, include, alternatives: k, maxOverlap: 1 };
        checkAgainstBrute(net, q, { astar: true });
        checkAgainstBrute(net, q, { astar: false });
      },
    ),
    { numRuns: 300 },
  );
});
