/**
 * The Kazakhstan–China crossings on the REAL data set: their dwell is CPMM TFI1,
 * which already contains the gauge change (gaugeChange.includedInDwell), so a
 * route through Dostyk gets the dwell and no gauge-change time on top.
 *
 * Worked by hand from data/: alashankou – dostyk 14 km (1435), dostyk – aktogay
 * 314 km (1520); rail speeds low / typical / high KZ 28.8 / 39.2 / 57.9 km/h,
 * CN 16.8 / 39.7 / 58.1 km/h (a leg runs at the speed of the country it leaves);
 * terminal time at origin and destination 4 / 12 / 24 h each;
 * Dostyk dwell CN>KZ 54.4 / 78 / 117 h, KZ>CN 6.8 / 6.8 / 11.4 h; the Dostyk gauge
 * change 4.25 / 4.25 / 9 h is reported but not added.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CrossingSchema } from '../../src/http/schemas/crossing.js';
import { bestRoute, buildTestApp, REAL_DATA_DIR, type TestApp } from '../http/helper.js';

let t: TestApp;
before(async () => {
  t = await buildTestApp(REAL_DATA_DIR);
});
after(async () => {
  await t.app.close();
});

const best = (from: string, to: string) => bestRoute(t.app, from, to);

const DOSTYK_CHANGE = { low: 4.3, typical: 4.3, high: 9 }; // 4.25 h shown at 0.1 h

describe('Dostyk – Alashankou: gauge change included in the CPMM dwell', () => {
  it('alashankou → aktogay (inbound): dwell 78 h, no gauge-change time', async () => {
    const r = await best('alashankou', 'aktogay');
    assert.deepEqual(r.legs.map((l) => l.linkId), ['dostyk--alashankou', 'dostyk--aktogay']);
    // running: 14/39.7 + 314/39.2 = 0.3526 + 8.0102 = 8.3628; low 14/58.1 + 314/57.9 = 0.2410 + 5.4231 = 5.6641;
    // high 14/16.8 + 314/28.8 = 0.8333 + 10.9028 = 11.7361
    assert.deepEqual(r.hoursByComponent.running, { low: 5.7, typical: 8.4, high: 11.7 });
    assert.deepEqual(r.hoursByComponent.borderDwell, { low: 54.4, typical: 78, high: 117 });
    assert.deepEqual(r.hoursByComponent.gaugeChange, { low: 0, typical: 0, high: 0 });
    // terminals at alashankou and aktogay: 2 × 4 / 12 / 24 h
    assert.deepEqual(r.hoursByComponent.terminal, { low: 8, typical: 24, high: 48 });
    // 5.6641 + 54.4 + 8 = 68.06; 8.3628 + 78 + 24 = 110.36 (114.61 with the change added); 11.7361 + 117 + 48 = 176.74
    assert.deepEqual(r.transitHours, { low: 68.1, typical: 110.4, high: 176.7 });
    assert.deepEqual(r.gaugeBreaks.map((g) => [g.place.id, g.fromGaugeMm, g.toGaugeMm, g.hours, g.crossingId, g.includedInDwell]), [
      ['dostyk', 1435, 1520, DOSTYK_CHANGE, 'dostyk--alashankou', true],
    ]);
    assert.deepEqual(r.borderCrossings[0]!.gaugeChange, {
      fromGaugeMm: 1435,
      toGaugeMm: 1520,
      handling: 'bogie-exchange-or-transshipment',
      hours: DOSTYK_CHANGE,
      includedInDwell: true,
    });
  });

  it('aktogay → alashankou (outbound): dwell 6.8 h, no gauge-change time', async () => {
    const r = await best('aktogay', 'alashankou');
    // running 328 km left from KZ: 328/39.2 = 8.3673; low 328/57.9 = 5.6649; high 328/28.8 = 11.3889
    assert.deepEqual(r.hoursByComponent.running, { low: 5.7, typical: 8.4, high: 11.4 });
    assert.deepEqual(r.hoursByComponent.gaugeChange, { low: 0, typical: 0, high: 0 });
    // + terminals 8 / 24 / 48 h: 5.6649 + 6.8 + 8 = 20.46; 8.3673 + 6.8 + 24 = 39.17; 11.3889 + 11.4 + 48 = 70.79
    assert.deepEqual(r.transitHours, { low: 20.5, typical: 39.2, high: 70.8 });
    assert.deepEqual(r.gaugeBreaks.map((g) => [g.place.id, g.fromGaugeMm, g.toGaugeMm, g.includedInDwell]), [['dostyk', 1520, 1435, true]]);
  });

  it('the border-crossing answers say which crossings have the change in their dwell', async () => {
    const included = async (id: string) => {
      const res = await t.app.inject({ method: 'GET', url: `/v1/border-crossings/${id}` });
      assert.equal(res.statusCode, 200, res.body);
      return CrossingSchema.parse(res.json()).gaugeChange.includedInDwell;
    };
    assert.equal(await included('dostyk--alashankou'), true);
    assert.equal(await included('altynkol--khorgos'), true);
    assert.equal(await included('saraghs--sarakhs'), false);
  });
});
