/**
 * The typed search space and the graphology state graph (built on first use)
 * describe the same graph: node i and edge j of one are node i and edge j of
 * the other, with the same place, side, kind, reference and weights. The
 * fast search relies on this to meet ties in the reference's order.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadNetwork } from '../../../src/domain/network/load-network.js';
import { prepareNetwork } from '../../../src/domain/routing/prepare.js';
import { weightFor } from '../../../src/domain/routing/objective.js';
import { OBJECTIVES } from '../../../src/domain/routing/search-space.js';

const DATA = fileURLToPath(new URL('../../../data', import.meta.url));

test('search space and graphology state graph: same nodes and edges in the same order', async () => {
  const p = prepareNetwork(await loadNetwork(DATA));
  const sp = p.space;
  const g = p.graph;
  assert.equal(g.order, sp.nodeCount);
  assert.equal(g.size, sp.edgeCount);
  assert.ok(sp.edgeCount > 500);
  const nodeIndex = new Map<string, number>();
  let i = 0;
  g.forEachNode((key, a) => {
    nodeIndex.set(key, i);
    assert.equal(sp.placeIds[sp.nodePlace[i]!], a.place, `node ${i} ${key}`);
    assert.equal(sp.nodeIsArrival[i], a.arrival ? 1 : 0, `node ${i} ${key}`);
    i++;
  });
  let j = 0;
  const targets: number[] = [];
  g.forEachEdge((key, a, source, target) => {
    assert.equal(sp.edgeKind[j], a.kind === 'link' ? 0 : 1, `edge ${j} ${key}`);
    assert.equal(sp.edgeRef[j], a.ref, `edge ${j} ${key}`);
    assert.equal(sp.edgeTarget[j], nodeIndex.get(target), `edge ${j} ${key}`);
    for (const o of OBJECTIVES) assert.equal(sp.weights[o][j], weightFor(o, a), `edge ${j} ${key} ${o}`);
    // Out-edges of the source node list this edge.
    const n = nodeIndex.get(source)!;
    assert.ok(sp.outEdge.subarray(sp.outStart[n]!, sp.outStart[n + 1]!).includes(j), `edge ${j} ${key} not out of its source`);
    targets.push(j);
    j++;
  });
  assert.equal(targets.length, sp.edgeCount);
  // The flat edge list the reference search filters is the graph's, in its order.
  assert.equal(p.edgeList.length, sp.edgeCount);
  assert.equal(p.edgeList[0]!.key, g.edges()[0]);
});
