/**
 * The layered graph read backwards (forEachIn) is the one forEachOut gives,
 * edge for edge, and the costs to the sink that Yen's spur searches use as
 * their A* bound are the costs a forward search finds from each node.
 * On the real data set, over real questions with via places and masks.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { unlimitedBudget } from '../../../src/domain/graph/budget.js';
import { loadNetwork } from '../../../src/domain/network/load-network.js';
import { LayeredSearch } from '../../../src/domain/routing/layered-search.js';
import { prepareNetwork } from '../../../src/domain/routing/prepare.js';
import { layeredQuery, queryMaskFor } from '../../../src/domain/routing/query-mask.js';
import { validatedStops } from '../../../src/domain/routing/validate-query.js';
import { realQueries } from './real-queries.js';

const DATA = fileURLToPath(new URL('../../../data', import.meta.url));

async function searches(count: number) {
  const p = prepareNetwork(await loadNetwork(DATA));
  const out: { label: string; search: LayeredSearch }[] = [];
  for (const q of realQueries(p.network)) {
    let stops: readonly string[];
    try {
      stops = validatedStops(p.index, q);
    } catch {
      continue; // unknown or repeated places: refused before any search
    }
    out.push({ label: JSON.stringify(q), search: new LayeredSearch(layeredQuery(p, stops, queryMaskFor(p, q), q.objective), unlimitedBudget()) });
    if (out.length === count) break;
  }
  return out;
}

test('forEachIn lists every edge forEachOut lists (but those out of the source), from the other end', async () => {
  const all = await searches(60);
  assert.equal(all.length, 60);
  let withVia = 0;
  let edges = 0;
  for (const { label, search } of all) {
    if (search.q.layers > 1) withVia++;
    const forward: string[] = [];
    const backward: string[] = [];
    for (let v = 0; v <= search.sink; v++) {
      if (v !== search.source) search.forEachOut(v, (e, t, w) => forward.push(`${v}>${e}>${t}:${w}`));
      search.forEachIn(v, (e, s, w) => backward.push(`${s}>${e}>${v}:${w}`));
    }
    forward.sort();
    backward.sort();
    assert.deepEqual(backward, forward, label);
    edges += forward.length;
  }
  assert.ok(withVia >= 5, `only ${withVia} questions with via places`);
  assert.ok(edges > 10_000, `only ${edges} edges compared`);
});

test('costsToSink: the cost of a forward search from each node to the sink (to rounding), Infinity where it cannot reach it', async () => {
  let reached = 0;
  let unreached = 0;
  for (const { label, search } of await searches(25)) {
    const toSink = search.costsToSink();
    for (let v = 0; v < search.sink; v += 7) {
      const st = search.run(v, search.sink, null);
      if (search.settledIn(search.sink, st)) {
        // Summed from the other end, so equal up to rounding (1e-9 h on costs of hundreds of hours).
        const d = search.distance(search.sink);
        assert.ok(Math.abs(toSink[v]! - d) <= 1e-9 * Math.max(1, d), `${label}: node ${v}: ${toSink[v]} against ${d}`);
        reached++;
      } else {
        assert.equal(toSink[v], Infinity, `${label}: node ${v}`);
        unreached++;
      }
    }
  }
  assert.ok(reached > 500 && unreached > 500, `reached ${reached}, unreached ${unreached}`);
});
