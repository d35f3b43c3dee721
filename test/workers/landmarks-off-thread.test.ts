/**
 * The landmark tables built on a worker thread (as the server does at
 * start-up) are the ones built in place, on the real data set, and a build
 * stopped before it ends leaves the search space without landmarks.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadNetwork } from '../../src/domain/network/load-network.js';
import { prepareNetwork } from '../../src/domain/routing/prepare.js';
import { OBJECTIVES } from '../../src/domain/routing/search-space.js';
import { buildLandmarksOffThread } from '../../src/workers/landmarks-off-thread.js';

const DATA = fileURLToPath(new URL('../../data', import.meta.url));

test('landmark tables from the worker equal the ones built in place', async () => {
  const network = await loadNetwork(DATA);
  const inPlace = prepareNetwork(network).space.landmarks;
  const space = prepareNetwork(network, { landmarks: 'later' }).space;
  assert.equal(space.landmarks.count, 0);
  const build = buildLandmarksOffThread(space);
  const ms = await build.done;
  assert.ok(ms >= 0);
  const lm = space.landmarks;
  assert.ok(inPlace.count > 0);
  assert.equal(lm.count, inPlace.count);
  assert.deepEqual([...lm.nodes], [...inPlace.nodes]);
  for (const o of OBJECTIVES) {
    assert.equal(lm.from[o].length, space.nodeCount * lm.count, o);
    assert.deepEqual(lm.from[o], inPlace.from[o], `from, ${o}`);
    assert.deepEqual(lm.to[o], inPlace.to[o], `to, ${o}`);
  }
  // Fewest-borders shares fastest's tables, in the worker's answer too.
  assert.equal(lm.from['fewest-borders'], lm.from.fastest);
  await build.stop();
});

test('a build stopped before it answers rejects and leaves the space without landmarks', async () => {
  const space = prepareNetwork(await loadNetwork(DATA), { landmarks: 'later' }).space;
  const build = buildLandmarksOffThread(space);
  await build.stop();
  await assert.rejects(build.done, /exited/);
  assert.equal(space.landmarks.count, 0);
});
