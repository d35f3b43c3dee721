/**
 * Closure impact on the small fixture network (known answers: Mary → Karachi
 * has no route without Sarakhs; without Zahedan–Taftan it takes the sea from
 * Bandar Abbas, 88.8 km shorter and 7.5 h slower) and, as a property, against
 * the brute-force reference router: every element's "best route without it"
 * costs what the cheapest loopless path avoiding it costs.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { DomainError } from '../../../src/domain/errors.js';
import { loadNetwork } from '../../../src/domain/network/load-network.js';
import { elementsOf, laneResilience, rankImpacts, resilienceMatrix, type ElementImpact } from '../../../src/domain/planning/resilience.js';
import { DEFAULT_QUERY } from '../../../src/domain/routing/defaults.js';
import { prepareNetwork } from '../../../src/domain/routing/prepare.js';
import type { Objective, RouteQuery } from '../../../src/domain/routing/route-types.js';
import { bruteForce } from '../routing/brute-force.js';

const FIXTURE = fileURLToPath(new URL('../../fixtures/network-small', import.meta.url));

describe('laneResilience on the fixture network', async () => {
  const net = await loadNetwork(FIXTURE);
  const p = prepareNetwork(net);
  const q = (from: string, to: string, objective: Objective = 'fastest'): RouteQuery => ({ ...DEFAULT_QUERY, from, to, objective });

  it('Mary → Karachi: the 8 elements of route I in travel order, Sarakhs and its approach first (no route), then the five elements past Sarakhs (+7.5 h, −88.8 km by sea)', () => {
    const r = laneResilience(p, q('mary', 'karachi'), { maxElements: 60 });
    assert.equal(r.best.distanceKm, 3205);
    assert.deepEqual(
      r.elements.map((e) => `${e.kind}:${e.id}`),
      [
        'link:mary--saraghs',
        'crossing:saraghs--sarakhs',
        'link:saraghs--sarakhs',
        'link:sarakhs--zahedan',
        'crossing:zahedan--taftan',
        'link:zahedan--taftan',
        'link:taftan--quetta',
        'link:quetta--karachi',
      ],
    );
    const top = r.impacts.slice(0, 3);
    assert.deepEqual(top.map((i) => [i.element.id, i.route]), [['mary--saraghs', null], ['saraghs--sarakhs', null], ['saraghs--sarakhs', null]]);
    assert.deepEqual(top.map((i) => i.element.kind), ['link', 'crossing', 'link']);
    assert.ok(top.every((i) => i.reason !== null && /no route/.test(i.reason)));
    for (const i of r.impacts.slice(3)) {
      assert.equal(i.route!.distanceKm, 3116.2);
      assert.ok(Math.abs(i.kmLost! - -88.8) < 1e-6);
      assert.ok(Math.abs(i.hoursLost!.typical - 7.5) < 1e-6);
      assert.ok(i.route!.places.includes('bandar-abbas'));
    }
    assert.deepEqual(r.unchecked, []);
  });

  it('checks at most maxElements and lists the rest as unchecked', () => {
    const r = laneResilience(p, q('mary', 'karachi'), { maxElements: 3 });
    assert.equal(r.impacts.length, 3);
    assert.deepEqual(r.unchecked.map((e) => e.id), ['sarakhs--zahedan', 'zahedan--taftan', 'zahedan--taftan', 'taftan--quetta', 'quetta--karachi']);
  });

  it('throws NO_ROUTE when the lane has no route to start from', () => {
    assert.throws(
      () => laneResilience(p, { ...q('mary', 'karachi'), avoidCrossings: ['saraghs--sarakhs'] }, { maxElements: 10 }),
      (e: unknown) => e instanceof DomainError && e.code === 'NO_ROUTE',
    );
  });

  it('matrix over three lanes: the Sarakhs crossing cuts Mary → Karachi and Mary → Bandar Abbas, is off Karachi → Bandar Abbas (by sea), and ranks first', () => {
    const m = resilienceMatrix(p, q('mary', 'karachi'), [
      { from: 'mary', to: 'karachi' },
      { from: 'mary', to: 'bandar-abbas' },
      { from: 'karachi', to: 'bandar-abbas' },
    ], { maxElements: 60, maxTotalElements: 100 });
    assert.equal(m.lanes.length, 3);
    const sarakhs = m.elements.find((e) => e.element.kind === 'crossing' && e.element.id === 'saraghs--sarakhs')!;
    assert.equal(sarakhs.lanesCut, 2);
    assert.deepEqual(sarakhs.impacts.map((i) => (i === null ? 'off-route' : i.route === null ? 'cut' : 'rerouted')), ['cut', 'cut', 'off-route']);
    assert.equal(m.elements[0]!.lanesCut, 2);
    // Ranked: lanes cut never rise down the list.
    for (let i = 1; i < m.elements.length; i++) assert.ok(m.elements[i - 1]!.lanesCut >= m.elements[i]!.lanesCut);
  });

  it('matrix: a lane without a route is reported with its reason, and the total budget caps the elements checked', () => {
    const m = resilienceMatrix(p, { ...q('mary', 'karachi'), avoidCrossings: ['saraghs--sarakhs'] }, [
      { from: 'mary', to: 'karachi' },
      { from: 'karachi', to: 'bandar-abbas' },
    ], { maxElements: 60, maxTotalElements: 1 });
    assert.equal(m.lanes[0]!.resilience, null);
    assert.match(m.lanes[0]!.reason!, /no route/);
    const second = m.lanes[1]!.resilience!;
    assert.equal(second.impacts.length, 1);
    assert.equal(second.unchecked.length, second.elements.length - 1);
  });

  it('rankImpacts: no route first, then cost lost, then km lost, ties in travel order', () => {
    const mk = (id: string, cost: number | null, km: number | null): ElementImpact => ({
      element: { kind: 'link', id },
      route: cost === null ? null : ({} as never),
      kmLost: km,
      hoursLost: null,
      costLost: cost,
      reason: null,
    });
    const ranked = rankImpacts([mk('a', 1, 5), mk('b', null, null), mk('c', 3, 0), mk('d', 1, 9), mk('e', null, null), mk('f', 1, 5)]);
    assert.deepEqual(ranked.map((x) => x.element.id), ['b', 'e', 'c', 'd', 'a', 'f']);
  });

  it('property: each element\'s best route without it costs what the brute-force cheapest path avoiding it costs (or none exists)', () => {
    const ids = net.places.map((x) => x.id);
    fc.assert(
      fc.property(
        fc.constantFrom(...ids),
        fc.constantFrom(...ids),
        fc.constantFrom<Objective>('fastest', 'shortest'),
        (from, to, objective) => {
          fc.pre(from !== to);
          const query = q(from, to, objective);
          const ref = bruteForce(net, query);
          if (ref.length === 0) {
            assert.throws(() => laneResilience(p, query, { maxElements: 60 }), (e: unknown) => e instanceof DomainError && e.code === 'NO_ROUTE');
            return;
          }
          const r = laneResilience(p, query, { maxElements: 60 });
          assert.ok(Math.abs(r.best.cost - ref[0]!.cost) < 1e-6);
          assert.equal(r.impacts.length, elementsOf(r.best).length);
          for (const i of r.impacts) {
            const avoided =
              i.element.kind === 'crossing'
                ? { ...query, avoidCrossings: [i.element.id] }
                : { ...query, avoidLinks: [i.element.id] };
            const without = bruteForce(net, avoided);
            if (i.route === null) assert.equal(without.length, 0, `${from}→${to} without ${i.element.id}: reference finds ${without[0]?.places.join('>')}`);
            else {
              assert.ok(without.length > 0);
              assert.ok(Math.abs(i.route.cost - without[0]!.cost) < 1e-6, `${i.element.id}: ${i.route.cost} vs ${without[0]!.cost}`);
              assert.ok(i.costLost! >= -1e-9, 'closing an element never makes the best route cheaper');
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
