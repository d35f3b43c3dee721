/** Dwell per direction and gauge changes of the fixture crossings (README table). */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { dwellByDirection, gaugesDiffer } from '../../../src/domain/network/crossing-directions.js';
import { loadNetwork } from '../../../src/domain/network/load-network.js';
import type { Crossing, Network } from '../../../src/domain/network/schema.js';
import { crossingDwell } from '../../../src/domain/transit/crossing-dwell.js';
import { SMALL_FIXTURE } from './fixture-copy.js';

let net: Network;
before(async () => {
  net = await loadNetwork(SMALL_FIXTURE);
});

const crossing = (id: string): Crossing => {
  const c = net.crossings.find((x) => x.id === id);
  assert.ok(c, `no crossing ${id}`);
  return c;
};

const view = (c: Crossing) =>
  dwellByDirection(c).map((d) => [`${d.fromCountry}>${d.toCountry}`, d.entry.hours.typical, d.directionSpecific]);

describe('dwellByDirection', () => {
  it('uses the direction entry where there is one and the direction-less one otherwise', () => {
    assert.deepEqual(view(crossing('saraghs--sarakhs')), [
      ['TM>IR', 6, true],
      ['IR>TM', 8, false],
    ]);
    assert.deepEqual(view(crossing('serhetabat--torghundi')), [
      ['TM>AF', 4, false],
      ['AF>TM', 5, true],
    ]);
    assert.deepEqual(view(crossing('spin-boldak--chaman--road')), [
      ['AF>PK', 20, false],
      ['PK>AF', 20, false],
    ]);
  });

  it('agrees with the dwell the router uses, for every crossing and direction', () => {
    for (const c of net.crossings) {
      for (const d of dwellByDirection(c)) {
        const h = crossingDwell(c, d.fromCountry, d.toCountry);
        assert.deepEqual([d.entry.hours.low, d.entry.hours.typical, d.entry.hours.high], [h.low, h.typical, h.high], c.id);
      }
    }
  });
});

describe('gaugesDiffer', () => {
  it('is true only where the two sides have different gauges', () => {
    assert.equal(gaugesDiffer(crossing('saraghs--sarakhs')), true); // 1520 / 1435
    assert.equal(gaugesDiffer(crossing('spin-boldak--chaman--rail')), true); // 1520 / 1676
    assert.equal(gaugesDiffer(crossing('serhetabat--torghundi')), false); // 1520 / 1520
    assert.equal(gaugesDiffer(crossing('zahedan--taftan')), false); // 1676 / 1676, the break is at Zahedan
    assert.equal(gaugesDiffer(crossing('spin-boldak--chaman--road')), false); // road: no gauges
  });
});
