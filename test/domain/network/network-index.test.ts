import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { DomainError } from '../../../src/domain/errors.js';
import { loadNetwork } from '../../../src/domain/network/load-network.js';
import { NetworkIndex } from '../../../src/domain/network/network-index.js';
import type { Link } from '../../../src/domain/network/schema.js';
import { SMALL_FIXTURE } from './fixture-copy.js';

let index: NetworkIndex;
before(async () => {
  index = new NetworkIndex(await loadNetwork(SMALL_FIXTURE));
});

const link = (id: string): Link => {
  const l = index.linkById.get(id);
  assert.ok(l, `no link ${id}`);
  return l;
};

describe('NetworkIndex', () => {
  it('maps every record by id', () => {
    assert.equal(index.placeById.size, 15);
    assert.equal(index.linkById.size, 19);
    assert.equal(index.crossingById.size, 5);
    assert.equal(index.corridorById.size, 4);
    assert.equal(index.corridorById.get('nstc')?.name, 'North–South Transport Corridor');
  });

  it('lists the links at a place whichever end it is', () => {
    assert.deepEqual(index.linksAt('quetta').map((l) => l.id).sort(), ['chaman--quetta', 'quetta--karachi', 'taftan--quetta']);
    assert.deepEqual(
      index.linksAt('herat').map((l) => l.id).sort(),
      ['herat--spin-boldak', 'herat--spin-boldak--road', 'torghundi--herat', 'torghundi--herat--road'],
    );
    assert.deepEqual(index.linksAt('nowhere'), []);
  });

  it('lists the crossings at a place', () => {
    assert.deepEqual(index.crossingsAt('chaman').map((c) => c.id).sort(), ['spin-boldak--chaman--rail', 'spin-boldak--chaman--road']);
    assert.deepEqual(index.crossingsAt('mary'), []);
  });

  it('finds the crossing of a link by place pair and mode', () => {
    assert.equal(index.crossingForLink(link('spin-boldak--chaman'))?.id, 'spin-boldak--chaman--rail');
    assert.equal(index.crossingForLink(link('spin-boldak--chaman--road'))?.id, 'spin-boldak--chaman--road');
    assert.equal(index.crossingForLink(link('saraghs--sarakhs'))?.id, 'saraghs--sarakhs');
    assert.equal(index.crossingForLink(link('mary--saraghs')), undefined);
    // reversed direction: the same crossing
    const l = link('serhetabat--torghundi');
    assert.equal(index.crossingForLink({ ...l, from: l.to, to: l.from })?.id, 'serhetabat--torghundi');
  });

  it('gives the country of a place and NOT_FOUND for an unknown id', () => {
    assert.equal(index.countryOf('herat'), 'AF');
    assert.equal(index.countryOf('alat-port'), 'AZ');
    assert.throws(() => index.countryOf('nowhere'), (e: unknown) => e instanceof DomainError && e.code === 'NOT_FOUND');
  });

  it('hands out copies, so a caller cannot change the index', () => {
    index.linksAt('quetta').pop();
    assert.equal(index.linksAt('quetta').length, 3);
  });
});
