/**
 * The fast masked search against the graphology reference search on the REAL
 * data set: the 500 fixed questions of real-queries.ts (objectives, statuses,
 * via places, avoid lists, modes, alternatives, overlap) must get the same
 * answer, route for route and leg for leg, or the same error; and the
 * one-to-many costs from a sample of places must agree for every place.
 * The fast search with A* forced on answers them the same way too.
 * Both run under the same work budget; a question that exceeds it in either
 * search is counted, not compared (there must be few).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { WorkBudget } from '../../../src/domain/graph/budget.js';
import { DomainError } from '../../../src/domain/errors.js';
import { loadNetwork } from '../../../src/domain/network/load-network.js';
import { DEFAULT_QUERY } from '../../../src/domain/routing/defaults.js';
import { travelCosts } from '../../../src/domain/routing/one-to-many.js';
import { planRoutes } from '../../../src/domain/routing/plan-routes.js';
import { prepareNetwork } from '../../../src/domain/routing/prepare.js';
import type { RouteQuery } from '../../../src/domain/routing/route-types.js';
import { realQueries, rng } from './real-queries.js';

const DATA = fileURLToPath(new URL('../../../data', import.meta.url));
const LIMITS = { maxSettledNodes: Infinity, maxSpurSearches: 1500, maxCandidatesScanned: 5000, deadlineMs: Infinity };

const answer = (fn: () => unknown): string => {
  try {
    return JSON.stringify(fn());
  } catch (err) {
    if (err instanceof DomainError) return `${err.code}: ${err.message}`;
    throw err;
  }
};

test('the fast search answers the 500 real questions exactly as the graphology reference', async () => {
  const network = await loadNetwork(DATA);
  const p = prepareNetwork(network);
  // The same graph before its landmark tables are in (the server builds them on a worker thread after start-up).
  const unmarked = prepareNetwork(network, { landmarks: 'later' });
  assert.equal(unmarked.space.landmarks.count, 0);
  const queries = realQueries(p.network);
  assert.equal(queries.length, 500);
  let compared = 0;
  let routes = 0;
  let overBudget = 0;
  for (const [i, q] of queries.entries()) {
    const fast = answer(() => planRoutes(p, q, { budget: new WorkBudget(LIMITS) }));
    const ref = answer(() => planRoutes(p, q, { budget: new WorkBudget(LIMITS), reference: true }));
    if (fast.startsWith('BUDGET_EXCEEDED') || ref.startsWith('BUDGET_EXCEEDED')) {
      overBudget++;
      continue;
    }
    assert.equal(fast, ref, `question ${i}: ${JSON.stringify(q)}`);
    // A* (on by default only for large networks) forced on: the same answer too.
    const astar = answer(() => planRoutes(p, q, { budget: new WorkBudget(LIMITS), astar: true }));
    if (!astar.startsWith('BUDGET_EXCEEDED')) assert.equal(astar, ref, `question ${i} with A*: ${JSON.stringify(q)}`);
    // A* on the great-circle bound alone (no landmarks yet): the same answer.
    const geoOnly = answer(() => planRoutes(unmarked, q, { budget: new WorkBudget(LIMITS), astar: true }));
    if (!geoOnly.startsWith('BUDGET_EXCEEDED')) assert.equal(geoOnly, ref, `question ${i} with A* and no landmarks: ${JSON.stringify(q)}`);
    compared++;
    if (!fast.startsWith('NO_ROUTE')) routes++;
  }
  assert.ok(overBudget <= 10, `${overBudget} questions over budget`);
  assert.ok(routes >= 200, `only ${routes} questions with routes`);
  assert.equal(compared + overBudget, 500);
});

test('one-to-many costs: fast and reference agree for every place from 25 origins', async () => {
  const p = prepareNetwork(await loadNetwork(DATA));
  const r = rng(7);
  const ids = p.network.places.map((x) => x.id).sort();
  for (let k = 0; k < 25; k++) {
    const from = ids[Math.floor(r() * ids.length)]!;
    const opts = {
      ...DEFAULT_QUERY,
      objective: (['fastest', 'shortest', 'fewest-borders'] as const)[k % 3]!,
      include: (k % 2 === 0 ? ['planned', 'under-construction'] : []) as RouteQuery['include'],
    };
    const fast = travelCosts(p, from, opts);
    const ref = travelCosts(p, from, opts, { reference: true });
    assert.deepEqual([...fast].sort(), [...ref].sort(), `from ${from} ${opts.objective}`);
  }
});
