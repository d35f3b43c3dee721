import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MultiDirectedGraph } from 'graphology';
import { shortestPath, shortestPathsFrom, WeightError } from '../../../src/domain/graph/shortest-path.js';
import { kShortestLooplessPaths, isGroupLoopless } from '../../../src/domain/graph/k-shortest.js';
import { prepareNetwork } from '../../../src/domain/routing/prepare.js';
import { planRoutes } from '../../../src/domain/routing/plan-routes.js';
import { DEFAULT_QUERY } from '../../../src/domain/routing/defaults.js';
import { network, place, rail } from './build-network.js';

function graph(edges: [string, string, string, unknown][]) {
  const g = new MultiDirectedGraph();
  for (const [k, s, t, w] of edges) {
    g.mergeNode(s);
    g.mergeNode(t);
    g.addDirectedEdgeWithKey(k, s, t, w === undefined ? {} : { w });
  }
  return g;
}

test('the cheapest parallel edge is chosen, not the last added', () => {
  const g = graph([
    ['cheap', 'a', 'b', 1],
    ['dear', 'a', 'b', 5],
    ['bc', 'b', 'c', 2],
  ]);
  assert.deepEqual(shortestPath(g, 'a', 'c', 'w'), { nodes: ['a', 'b', 'c'], edges: ['cheap', 'bc'], cost: 3 });
});

test('unreachable target: null, not a bogus path', () => {
  const g = graph([['ab', 'a', 'b', 1]]);
  g.addNode('z');
  assert.equal(shortestPath(g, 'a', 'z', 'w'), null);
  assert.equal(shortestPathsFrom(g, 'a', 'w').has('z'), false);
});

test('a NaN, missing, negative, infinite or non-number weight is rejected before running', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.double({ min: 0, max: 100, noNaN: true })), { minLength: 1, maxLength: 15 }),
      fc.nat(),
      fc.constantFrom(Number.NaN, undefined, -1, Infinity, '3', null),
      (edges, pick, bad) => {
        const g = graph(edges.map(([s, t, w], i) => [`e${i}`, `n${s}`, `n${t}`, w]));
        const victim = `e${pick % edges.length}`;
        if (bad === undefined) g.removeEdgeAttribute(victim, 'w');
        else g.setEdgeAttribute(victim, 'w', bad);
        assert.throws(() => shortestPath(g, 'n0', 'n1', 'w'), (e: unknown) => e instanceof WeightError && e.edge === victim);
        assert.throws(() => shortestPathsFrom(g, 'n0', 'w'), WeightError);
      },
    ),
  );
});

test('a NaN length in the data is caught by the weight check, not read as 1', () => {
  const net = network([place('a', 'KZ'), place('b', 'KZ')], [rail('ab', 'a', 'b', Number.NaN, 1520)]);
  assert.throws(() => planRoutes(prepareNetwork(net), { ...DEFAULT_QUERY, from: 'a', to: 'b' }), WeightError);
});

test('group-loopless k-shortest: a path that comes back to a group is never yielded', () => {
  // Groups X (x1, x2), Y, Z. s=x1 … the cheapest node path x1→y→x2→z (cost 3) returns to X.
  const g = graph([
    ['x1y', 'x1', 'y', 1],
    ['yx2', 'y', 'x2', 1],
    ['x2z', 'x2', 'z', 1],
    ['yz', 'y', 'z', 5],
    ['x1x2', 'x1', 'x2', 4],
  ]);
  const groupOf = (n: string) => (n.startsWith('x') ? 'X' : n.toUpperCase());
  const paths = [...kShortestLooplessPaths(g, 'x1', 'z', 'w', groupOf)];
  assert.deepEqual(paths.map((p) => [p.edges, p.cost]), [
    [['x1x2', 'x2z'], 5],
    [['x1y', 'yz'], 6],
  ]);
  assert.equal(isGroupLoopless(['x1', 'y', 'x2'], groupOf), false);
  assert.equal(isGroupLoopless(['x1', 'x2', 'y'], groupOf), true);
  // The graph is restored after the search.
  assert.equal(g.size, 5);
});
