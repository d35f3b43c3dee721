/** Corridor km by status, countries and crossings on the small fixture, worked out by hand from its README. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { summariseCorridors, type CorridorSummary } from '../../../src/domain/network/corridor-summary.js';
import { loadNetwork } from '../../../src/domain/network/load-network.js';
import { NetworkIndex } from '../../../src/domain/network/network-index.js';
import type { Network } from '../../../src/domain/network/schema.js';
import { SMALL_FIXTURE } from './fixture-copy.js';

let net: Network;
let summaries: Map<string, CorridorSummary>;
before(async () => {
  net = await loadNetwork(SMALL_FIXTURE);
  summaries = summariseCorridors(net, new NetworkIndex(net));
});

const summary = (id: string): CorridorSummary => {
  const s = summaries.get(id);
  assert.ok(s, `no summary for ${id}`);
  return s;
};

describe('summariseCorridors', () => {
  it('has one summary per corridor', () => {
    assert.deepEqual([...summaries.keys()].sort(), ['eco-iti', 'kz-tm-af-pk', 'lapis-lazuli', 'nstc']);
  });

  it('splits kz-tm-af-pk into what runs today and what is planned or proposed', () => {
    const s = summary('kz-tm-af-pk');
    assert.deepEqual(s.linkIds.slice().sort(), [
      'chaman--quetta',
      'herat--spin-boldak',
      'mary--serhetabat',
      'quetta--karachi',
      'serhetabat--torghundi',
      'spin-boldak--chaman',
      'torghundi--herat',
    ]);
    // operational 300 + 5 + 120 + 870 = 1295; planned torghundi–herat 120; proposed 640 + 10 = 650.
    assert.deepEqual(s.lengthKmByStatus, { operational: 1295, 'under-construction': 0, planned: 120, proposed: 650, suspended: 0 });
    // Route III of the README runs the whole corridor: 2065 km.
    assert.equal(s.lengthKm, 2065);
    assert.deepEqual(s.countries, ['AF', 'PK', 'TM']);
    assert.deepEqual(s.crossingIds.slice().sort(), ['serhetabat--torghundi', 'spin-boldak--chaman--rail']);
  });

  it('counts a link in every corridor it belongs to (quetta–karachi is in eco-iti too)', () => {
    const s = summary('eco-iti');
    // 1400 + 100 + 630 + 870
    assert.equal(s.lengthKm, 3000);
    assert.equal(s.lengthKmByStatus.operational, 3000);
    assert.deepEqual(s.countries, ['IR', 'PK']);
    assert.deepEqual(s.crossingIds, ['zahedan--taftan']);
  });

  it('gives a ferry corridor no crossing (the Caspian ferry has no crossing record)', () => {
    const s = summary('lapis-lazuli');
    assert.deepEqual(s.linkIds.slice().sort(), ['alat-port--turkmenbashi', 'turkmenbashi--mary']);
    assert.equal(s.lengthKm, 1270); // 320 + 950
    assert.deepEqual(s.countries, ['AZ', 'TM']);
    assert.deepEqual(s.crossingIds, []);
  });

  it('adds up: km by status total the corridor km, and only member links count', () => {
    for (const s of summaries.values()) {
      const byStatus = Object.values(s.lengthKmByStatus).reduce((a, b) => a + b, 0);
      assert.ok(Math.abs(byStatus - s.lengthKm) < 1e-9, s.corridor.id);
      const members = net.links.filter((l) => l.corridors.includes(s.corridor.id));
      assert.deepEqual(s.linkIds, members.map((l) => l.id), s.corridor.id);
    }
  });

  it('counts a link that names the same corridor twice once', () => {
    const twice = { ...net, links: net.links.map((l) => (l.id === 'mary--saraghs' ? { ...l, corridors: ['nstc', 'nstc'] } : l)) };
    const s = summariseCorridors(twice, new NetworkIndex(twice)).get('nstc')!;
    assert.equal(s.lengthKm, 2005); // 200 + 5 + 1800
  });
});
