/**
 * Known answers on the REAL data set for the parts of the transit model that
 * the calibration services put right (numbers worked by hand from data/):
 *
 * - Khorgos CN>KZ dwell: low 3 h (a hub-to-hub train's transshipment, Xinhua
 *   2025), typical 78 h (CPMM inbound 2022), high 117 h; Chinese rail speeds
 *   16.8 / 39.7 / 58.1 km/h from the Xi'an – Alashankou timetables.
 * - ML-1 north of Bahawalpur from published sections: Bahawalpur – Multan 93.0,
 *   Multan – Khanewal 45.6, Khanewal – Lahore 293.0 km, so Lahore – Karachi City
 *   is 1,257.6 km; a block train passing the Pipri yard spends 0 / 2 / 24 h there.
 * - electrified: false where the sources say there is no electric traction.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LinkSchema } from '../../src/http/schemas/link.js';
import { bestRoute, buildTestApp, REAL_DATA_DIR, type TestApp } from '../http/helper.js';

let t: TestApp;
before(async () => {
  t = await buildTestApp(REAL_DATA_DIR);
});
after(async () => {
  await t.app.close();
});

const best = (from: string, to: string) => bestRoute(t.app, from, to);

describe('Khorgos inbound: the best case is a priority train, not the best annual average', () => {
  it('urumqi → altynkol: dwell 3 / 78 / 117 h, Chinese running at 58.1 / 39.7 / 16.8 km/h', async () => {
    const r = await best('urumqi', 'altynkol');
    assert.deepEqual(r.legs.map((l) => l.linkId), ['urumqi--khorgos', 'altynkol--khorgos']);
    assert.equal(r.distanceKm, 677.5);
    // 677.5 km left from China: low 677.5/58.1 = 11.661; typical 677.5/39.7 = 17.065; high 677.5/16.8 = 40.327
    assert.deepEqual(r.hoursByComponent.running, { low: 11.7, typical: 17.1, high: 40.3 });
    assert.deepEqual(r.hoursByComponent.borderDwell, { low: 3, typical: 78, high: 117 });
    assert.deepEqual(r.hoursByComponent.gaugeChange, { low: 0, typical: 0, high: 0 });
    // + terminals 2 × 4 / 12 / 24 h: 11.661 + 3 + 8 = 22.66; 17.065 + 78 + 24 = 119.07; 40.327 + 117 + 48 = 205.33
    assert.deepEqual(r.transitHours, { low: 22.7, typical: 119.1, high: 205.3 });
  });
});

describe('ML-1 Lahore – Karachi on published section lengths', () => {
  it('lahore → karachi-city: 1,257.6 km, the Pipri yard 0 / 2 / 24 h for a through block train', async () => {
    const r = await best('lahore', 'karachi-city');
    assert.equal(r.distanceKm, 1257.6);
    assert.deepEqual(r.legs.slice(0, 3).map((l) => [l.linkId, l.km]), [
      ['khanewal--lahore', 293],
      ['multan--khanewal', 45.6],
      ['bahawalpur--multan', 93],
    ]);
    // 1,257.6 km at 39.3 / 33.0 / 22.2 km/h: 32.000 / 38.109 / 56.649 h
    assert.deepEqual(r.hoursByComponent.running, { low: 32, typical: 38.1, high: 56.6 });
    // origin and destination 4 / 12 / 24 h each, plus the Pipri yard 0 / 2 / 24 h
    assert.deepEqual(r.hoursByComponent.terminal, { low: 8, typical: 26, high: 72 });
  });
});

describe('electrified where the sources say so', () => {
  const electrified = async (id: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/v1/links/${id}` });
    assert.equal(res.statusCode, 200, res.body);
    return LinkSchema.parse(res.json()).electrified;
  };
  it('Pakistan, Iran and Turkmenistan lines: false; Uzbek main line: true; an Afghan line without a source: unknown', async () => {
    assert.equal(await electrified('khanewal--lahore'), false);
    assert.equal(await electrified('bafq--bandar-abbas'), false);
    assert.equal(await electrified('bereket--etrek'), false);
    assert.equal(await electrified('tashkent--samarkand'), true);
    assert.equal(await electrified('hairatan--naibabad'), null);
  });
});
