/** Link selection by mode, status, country and corridor on the small fixture. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { filterLinks, type LinkFilter } from '../../../src/domain/network/link-filter.js';
import { loadNetwork } from '../../../src/domain/network/load-network.js';
import { NetworkIndex } from '../../../src/domain/network/network-index.js';
import type { Network } from '../../../src/domain/network/schema.js';
import { SMALL_FIXTURE } from './fixture-copy.js';

let net: Network;
let index: NetworkIndex;
before(async () => {
  net = await loadNetwork(SMALL_FIXTURE);
  index = new NetworkIndex(net);
});

const ids = (f: LinkFilter) => filterLinks(net.links, f, index).map((l) => l.id).sort();

describe('filterLinks', () => {
  it('keeps every link without a filter, or with empty lists', () => {
    assert.equal(ids({}).length, 19);
    assert.equal(ids({ modes: [], statuses: [], countries: [], corridors: [] }).length, 19);
  });

  it('filters by mode', () => {
    assert.deepEqual(ids({ modes: ['road'] }), ['herat--spin-boldak--road', 'spin-boldak--chaman--road', 'torghundi--herat--road']);
    assert.deepEqual(ids({ modes: ['ferry', 'sea'] }), ['alat-port--turkmenbashi', 'bandar-abbas--karachi']);
  });

  it('filters by status', () => {
    assert.deepEqual(ids({ statuses: ['planned', 'proposed'] }), ['herat--spin-boldak', 'spin-boldak--chaman', 'torghundi--herat']);
    assert.deepEqual(ids({ statuses: ['suspended'] }), []);
  });

  it('keeps a link when either end lies in one of the countries', () => {
    assert.deepEqual(ids({ countries: ['AF'] }), [
      'herat--spin-boldak',
      'herat--spin-boldak--road',
      'serhetabat--torghundi',
      'spin-boldak--chaman',
      'spin-boldak--chaman--road',
      'torghundi--herat',
      'torghundi--herat--road',
    ]);
    // The ferry ends in AZ and TM.
    assert.deepEqual(ids({ countries: ['AZ'] }), ['alat-port--turkmenbashi']);
  });

  it('filters by corridor, a link of two corridors matching either', () => {
    assert.deepEqual(ids({ corridors: ['eco-iti'] }), ['quetta--karachi', 'sarakhs--zahedan', 'taftan--quetta', 'zahedan--taftan']);
    assert.ok(ids({ corridors: ['kz-tm-af-pk'] }).includes('quetta--karachi'));
    assert.deepEqual(ids({ corridors: ['no-such-corridor'] }), []);
  });

  it('requires every criterion at once', () => {
    assert.deepEqual(ids({ countries: ['AF'], modes: ['rail'], statuses: ['operational'] }), ['serhetabat--torghundi']);
  });
});
