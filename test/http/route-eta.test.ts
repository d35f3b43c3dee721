/**
 * departAt and arriveBy on /v1/routes (GET and POST) on the real data set:
 * the windows, waits and calendar entries of the answer, the same lane in
 * July and December, and bad dates answered as 400 problems.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, REAL_DATA_DIR, type TestApp } from './helper.js';

describe('dated ETAs on /v1/routes', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(REAL_DATA_DIR);
  });
  after(async () => {
    await t.app.close();
  });
  const get = async (qs: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/v1/routes?${qs}` });
    return { status: res.statusCode, body: res.json() as Record<string, any> };
  };

  it('without departAt or arriveBy a route has no eta', async () => {
    const { status, body } = await get('from=Aktau&to=Baku');
    assert.equal(status, 200);
    assert.equal(body.routes[0].eta, undefined);
  });

  it('Aktau → Baku in July: windows from the model hours, no waits', async () => {
    const { status, body } = await get('from=Aktau&to=Baku&departAt=2027-07-15T00:00:00Z');
    assert.equal(status, 200);
    const r = body.routes[0];
    assert.equal(r.eta.departAt, '2027-07-15T00:00:00.000Z');
    assert.deepEqual(r.eta.waits, []);
    assert.deepEqual(r.eta.waitHours, { low: 0, typical: 0, high: 0 });
    assert.deepEqual(r.eta.totalHours, r.transitHours);
    assert.equal(r.eta.legs.length, r.legs.length);
    for (const b of ['low', 'typical', 'high']) {
      const h = (Date.parse(r.eta.arrival[b]) - Date.parse('2027-07-15T00:00:00Z')) / 3_600_000;
      assert.ok(Math.abs(h - r.transitHours[b]) <= 0.05, `${b}: ${h} h vs ${r.transitHours[b]} h`);
    }
    assert.equal(r.eta.legs.at(-1).arrival.typical <= r.eta.arrival.typical, true);
  });

  it('Aktau → Baku in December waits for the winter storms entry, and says so', async () => {
    const { body } = await get('from=Aktau&to=Baku&departAt=2027-12-15T00:00:00Z');
    const r = body.routes[0];
    assert.deepEqual(r.eta.waits.map((w: any) => [w.entry, w.kind, w.waitHours]), [['aktau-winter-storms', 'seasonal', { low: 0, typical: 30, high: 120 }]]);
    const ferryLeg = r.legs.findIndex((l: any) => l.mode === 'ferry') + 1;
    assert.equal(r.eta.waits[0].leg, ferryLeg);
    assert.deepEqual(r.eta.totalHours, { low: r.transitHours.low, typical: Math.round((r.transitHours.typical + 30) * 10) / 10, high: Math.round((r.transitHours.high + 120) * 10) / 10 });
  });

  it('Altynkol → Poti by POST in December: the Kuryk storms; arriveBy gives the latest departures', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/routes',
      payload: { from: 'Altynkol', to: 'Poti', departAt: '2027-12-15T00:00:00Z', arriveBy: '2027-12-31T00:00:00+04:00' },
    });
    assert.equal(res.statusCode, 200);
    const eta = res.json().routes[0].eta;
    assert.deepEqual(eta.waits.map((w: any) => w.entry), ['kuryk-winter-storms']);
    assert.equal(eta.arriveBy.deadline, '2027-12-30T20:00:00.000Z');
    assert.equal(eta.arriveBy.granularityHours, 1);
    for (const b of ['low', 'typical', 'high']) {
      assert.ok(eta.arriveBy.latestDeparture[b].endsWith(':00:00.000Z'), b);
      assert.ok(eta.arriveBy.arrival[b] <= '2027-12-30T20:00:00.000Z', b);
    }
    assert.ok(eta.arriveBy.latestDeparture.high < eta.arriveBy.latestDeparture.typical);
  });

  it('arriveBy alone: no windows, the latest departures', async () => {
    const { status, body } = await get('from=Aktau&to=Baku&arriveBy=2027-07-20T00:00:00Z');
    assert.equal(status, 200);
    const eta = body.routes[0].eta;
    assert.equal(eta.departAt, null);
    assert.equal(eta.arrival, null);
    assert.deepEqual(eta.legs, []);
    assert.ok(eta.arriveBy.latestDeparture.typical < '2027-07-20T00:00:00.000Z');
  });

  it('a departure on Nowruz waits at Taftan', async () => {
    const { body } = await get('from=Quetta&to=Zahedan&departAt=2027-03-20T12:00:00Z');
    const eta = body.routes[0].eta;
    const x = eta.crossings.find((c: any) => c.crossingId === 'koh-i-taftan--mirjaveh');
    assert.ok(x.waitHours.typical > 300, JSON.stringify(x));
    assert.equal(eta.waits[0].entry, 'taftan-nowruz-closure');
    assert.equal(eta.waits[0].crossingId, 'koh-i-taftan--mirjaveh');
    assert.equal(eta.waits[0].leg, null);
  });

  for (const [param, value] of [
    ['departAt', '2027-07-15'],
    ['departAt', 'tomorrow'],
    ['departAt', '2027-02-30T00:00:00Z'],
    ['departAt', '2027-07-15T25:00:00Z'],
    ['arriveBy', '2027-07-15T08:00:00'],
    ['arriveBy', '1999-12-31T00:00:00Z'],
  ] as const) {
    it(`${param}=${value} is a 400 VALIDATION_ERROR naming ${param}`, async () => {
      const res = await t.app.inject({ method: 'GET', url: `/v1/routes?from=Aktau&to=Baku&${param}=${encodeURIComponent(value)}` });
      assert.equal(res.statusCode, 400);
      const p = res.json();
      assert.equal(p.code, 'VALIDATION_ERROR');
      assert.ok(p.errors.some((e: any) => String(e.parameter ?? e.path ?? e.field ?? JSON.stringify(e)).includes(param)), JSON.stringify(p.errors));
    });
  }

  it('/v1/compare carries the dated ETA of today and of each scenario', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/compare?from=Altynkol&to=Poti&scenarios=rasht-astara-built&departAt=2027-12-15T00:00:00Z&arriveBy=2028-01-10T00:00:00Z' });
    assert.equal(res.statusCode, 200);
    const b = res.json();
    assert.deepEqual(b.today.route.eta.waits.map((w: any) => w.entry), ['kuryk-winter-storms']);
    assert.deepEqual(b.today.route.eta.waitHours, { low: 0, typical: 30, high: 120 });
    assert.ok(b.today.route.eta.latestDeparture.typical < '2028-01-10T00:00:00.000Z');
    assert.ok(b.scenarios[0].route.eta.arrival.typical);
    const plain = await t.app.inject({ method: 'GET', url: '/v1/compare?from=Altynkol&to=Poti&scenarios=rasht-astara-built' });
    assert.equal(plain.json().today.route.eta, undefined);
  });

  it('/v1/matrix dates every reachable cell', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/matrix',
      payload: { sources: ['Aktau', 'Altynkol'], targets: ['Baku', 'Poti'], departAt: '2027-07-15T00:00:00Z' },
    });
    assert.equal(res.statusCode, 200);
    const cells = res.json().cells;
    for (const row of cells) {
      for (const c of row) {
        assert.ok(c.eta.arrival.typical > '2027-07-15T00:00:00.000Z');
        assert.deepEqual(c.eta.waits, []);
        assert.ok(Math.abs(c.eta.totalHours.typical - c.typicalHours) <= 0.1, JSON.stringify(c));
      }
    }
    const dec = await t.app.inject({ method: 'POST', url: '/v1/matrix', payload: { sources: ['Aktau'], targets: ['Baku'], departAt: '2027-12-15T00:00:00Z' } });
    assert.deepEqual(dec.json().cells[0][0].eta.waitHours, { low: 0, typical: 30, high: 120 });
    const bad = await t.app.inject({ method: 'POST', url: '/v1/matrix', payload: { sources: ['Aktau'], targets: ['Baku'], arriveBy: '15/12/2027' } });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().code, 'VALIDATION_ERROR');
  });

  it('a bad departAt in a POST body is a 400 too', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/v1/routes', payload: { from: 'Aktau', to: 'Baku', departAt: 20270715 } });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().code, 'VALIDATION_ERROR');
  });
});
