/**
 * The typed query masks (mask-facts.ts) decide exactly as the filter
 * (filters.ts): on the real data set, for the 500 fixed questions and for
 * random statuses, modes, allowUnscheduled and avoid lists drawn from the
 * data's own ids.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { loadNetwork } from '../../../src/domain/network/load-network.js';
import { makeFilter, type FilterOptions } from '../../../src/domain/routing/filters.js';
import { prepareNetwork, type PreparedNetwork } from '../../../src/domain/routing/prepare.js';
import { queryMask, queryMaskFor } from '../../../src/domain/routing/query-mask.js';
import { realQueries } from './real-queries.js';

const DATA = fileURLToPath(new URL('../../../data', import.meta.url));

const same = (p: PreparedNetwork, o: FilterOptions): void => {
  const ref = queryMask(p, makeFilter(p.index, o));
  const fast = queryMaskFor(p, o);
  assert.deepEqual(fast.placeOk, ref.placeOk, `places: ${JSON.stringify(o)}`);
  assert.deepEqual(fast.linkOk, ref.linkOk, `links: ${JSON.stringify(o)}`);
};

test('typed masks equal the filter on the real network', async (t) => {
  const p = prepareNetwork(await loadNetwork(DATA));
  const net = p.network;
  await t.test('the 500 fixed questions', () => {
    for (const q of realQueries(net)) same(p, q);
  });
  await t.test('random options', () => {
    const ids = <T extends { id: string }>(xs: readonly T[]) => xs.map((x) => x.id).sort();
    const sub = (xs: readonly string[]) => fc.subarray([...xs], { maxLength: 4 });
    const countries = [...new Set(net.places.map((x) => x.country))].sort();
    fc.assert(
      fc.property(
        fc.record({
          include: fc.subarray(['under-construction', 'planned', 'proposed', 'suspended'] as const),
          modes: fc.subarray(['rail', 'ferry', 'sea', 'road'] as const),
          allowUnscheduled: fc.boolean(),
          avoidCountries: sub(countries),
          avoidPlaces: sub(ids(net.places)),
          avoidCrossings: sub(ids(net.crossings)),
          avoidCorridors: sub(ids(net.corridors)),
          avoidLinks: sub(ids(net.links)),
        }),
        (o) => same(p, o),
      ),
      { numRuns: 300 },
    );
  });
  // The data has closed crossings and unscheduled hops, so those paths of the mask are exercised above.
  assert.ok(net.crossings.some((c) => c.status === 'closed'));
});
