/**
 * The border count (routing/borders.ts): known answers, and on the real
 * network the count of a whole route (what explanations, comparisons and the
 * matrix report) equals the sum of its edges' counts (what the fewest-borders
 * search minimises).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { WorkBudget } from '../../../src/domain/graph/budget.js';
import { DomainError } from '../../../src/domain/errors.js';
import { loadNetwork } from '../../../src/domain/network/load-network.js';
import { bordersOf } from '../../../src/domain/planning/explain.js';
import { bordersAlong, legBorders } from '../../../src/domain/routing/borders.js';
import { BORDER_WEIGHT } from '../../../src/domain/routing/objective.js';
import { costOfRoute } from '../../../src/domain/routing/one-to-many.js';
import { planRoutes } from '../../../src/domain/routing/plan-routes.js';
import { prepareNetwork } from '../../../src/domain/routing/prepare.js';
import type { Route } from '../../../src/domain/routing/route-types.js';
import { realQueries } from './real-queries.js';

const DATA = fileURLToPath(new URL('../../../data', import.meta.url));

test('a leg crosses one border exactly when its ends are in different countries', () => {
  const table: [string, string, 0 | 1][] = [
    ['KZ', 'KZ', 0],
    ['KZ', 'UZ', 1],
    ['UZ', 'KZ', 1],
    ['AZ', 'TM', 1], // a Caspian ferry has no crossing record and still crosses a border
  ];
  for (const [a, b, n] of table) assert.equal(legBorders(a, b), n, `${a} → ${b}`);
});

test('borders along a country sequence: one per change, none for repeats', () => {
  const table: [string[], number][] = [
    [[], 0],
    [['KZ'], 0],
    [['KZ', 'KZ', 'KZ'], 0],
    [['KZ', 'UZ'], 1],
    [['KZ', 'KZ', 'UZ', 'UZ', 'TM'], 2],
    [['KZ', 'UZ', 'KZ'], 2],
    [['CN', 'KZ', 'UZ', 'TM', 'IR', 'TR'], 5],
  ];
  for (const [countries, n] of table) assert.equal(bordersAlong(countries), n, countries.join(' → '));
});

test('on real routes the route count equals the sum of its edges (and the fewest-borders cost counts the same)', async () => {
  const p = prepareNetwork(await loadNetwork(DATA));
  // The edge counts as prepared for the search: traversal of link L from place A → its borders.
  const edgeBorders = new Map(Array.from({ length: p.traversals.length }, (_, j) => p.traversals.at(j)!).map((t) => [`${t.link.id}|${t.from}`, t.borders]));
  const limits = { maxSettledNodes: Infinity, maxSpurSearches: 300, maxCandidatesScanned: 1000, deadlineMs: Infinity };
  const routesOf = (seed: number): Route[] => {
    const out: Route[] = [];
    for (const q of realQueries(p.network, 8, seed)) {
      try {
        out.push(...planRoutes(p, q, { budget: new WorkBudget(limits) }));
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
      }
    }
    return out;
  };
  let checked = 0;
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
      for (const route of routesOf(seed)) {
        const perEdge = route.legs.reduce((n, l) => n + edgeBorders.get(`${l.linkId}|${l.from}`)!, 0);
        assert.equal(bordersOf(route), perEdge);
        assert.equal(costOfRoute(p, route).crossings, perEdge);
        checked++;
      }
    }),
    { numRuns: 25 },
  );
  assert.ok(checked >= 50, `only ${checked} routes checked`);
  // The fewest-borders cost is borders × BORDER_WEIGHT + hours, hours far below BORDER_WEIGHT.
  let fewestBorders = 0;
  for (const q of realQueries(p.network, 60, 99).filter((x) => x.objective === 'fewest-borders')) {
    try {
      for (const r of planRoutes(p, q, { budget: new WorkBudget(limits) })) {
        assert.equal(Math.floor(r.cost / BORDER_WEIGHT), bordersOf(r));
        fewestBorders++;
      }
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
    }
  }
  assert.ok(fewestBorders >= 5, `only ${fewestBorders} fewest-borders routes checked`);
});
