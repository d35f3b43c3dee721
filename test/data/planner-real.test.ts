/**
 * The planning endpoints on the REAL data set: Almaty → Karachi today against
 * the KZ–TM–AF–PK line built (km from test/data/scenarios.test.ts: 5,541.6 km
 * through Iran, 4,247.5 km through Herat and Kandahar), scenarios never
 * leaking into the base network, and the matrix's shape and nulls.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { CompareResponseSchema } from '../../src/http/schemas/compare.js';
import { MatrixResponseSchema } from '../../src/http/schemas/matrix.js';
import { RouteResponseSchema } from '../../src/http/schemas/route-response.js';
import { REAL_DATA_DIR } from '../http/helper.js';
import { withPlanningApp } from '../http/planning-helper.js';

let app: FastifyInstance;
before(async (t) => {
  // No answer cache: a repeated question must be planned again, so a scenario leaking into the base would show.
  ({ app } = await withPlanningApp(t, REAL_DATA_DIR, { ROUTE_CACHE_ENTRIES: '0' }));
});

const get = (url: string) => app.inject({ method: 'GET', url });

describe('compare on the real network', () => {
  it('Almaty → Karachi: kz-tm-af-pk-built is 1,294.1 km shorter than today and passes Herat and Kandahar', async () => {
    const res = await get('/v1/compare?from=Almaty&to=Karachi&scenarios=kz-tm-af-pk-built');
    assert.equal(res.statusCode, 200, res.body);
    const body = CompareResponseSchema.parse(res.json());
    const today = body.today.route!;
    const built = body.scenarios[0]!.route!;
    assert.equal(today.distanceKm, 5541.6);
    assert.equal(built.distanceKm, 4247.5);
    assert.ok(built.distanceKm < today.distanceKm);
    assert.equal(body.scenarios[0]!.differences!.distanceKm, -1294.1);
    const passes = (r: typeof built, id: string) => r.places.some((p) => p.id === id);
    assert.ok(passes(built, 'herat') && passes(built, 'kandahar'));
    assert.ok(!passes(today, 'herat') && passes(today, 'zahedan'));
    assert.ok(built.crossingIds.includes('spin-boldak--chaman--rail'));
    assert.ok(body.scenarios[0]!.differences!.typicalDays < 0, 'the built line is also faster');
  });

  it('compares with every named scenario by default, each with a route or a reason', async () => {
    const body = CompareResponseSchema.parse((await get('/v1/compare?from=Almaty&to=Karachi')).json());
    assert.deepEqual(body.scenarios.map((s) => s.scenario.id), [
      'chabahar-zahedan-open',
      'chaman-closed',
      'khaf-herat-complete',
      'kz-tm-af-pk-built',
      'rasht-astara-built',
      'trans-afghan-built',
    ]);
    for (const s of body.scenarios) assert.ok((s.route === null) !== (s.reason === null), s.scenario.id);
    // Chaman closed: the line is built but its only border point is shut, so the route stays as today.
    assert.equal(body.scenarios[1]!.differences!.distanceKm, 0);
  });
});

describe('scenarios never change the base network', () => {
  it('the same question before and after scenario and overlay requests gets the identical answer', async () => {
    const url = '/v1/routes?from=Almaty&to=Karachi&alternatives=3&explain=true';
    const before = await get(url);
    assert.equal(before.statusCode, 200, before.body);

    const scenario = await get(`${url}&scenario=kz-tm-af-pk-built`);
    assert.equal(RouteResponseSchema.parse(scenario.json()).routes[0]!.distanceKm, 4247.5);
    const overlays = await app.inject({
      method: 'POST',
      url: '/v1/routes',
      payload: { from: 'Almaty', to: 'Karachi', scenario: 'trans-afghan-built', overlays: [{ kind: 'set-crossing-status', crossingId: 'saraghs--sarakhs', status: 'closed' }] },
    });
    assert.equal(overlays.statusCode, 200, overlays.body);
    await get('/v1/compare?from=Almaty&to=Karachi');
    await get('/v1/reachability?from=Almaty&maxHours=100&scenario=khaf-herat-complete');

    const after = await get(url);
    assert.equal(after.body, before.body);
    assert.equal(RouteResponseSchema.parse(after.json()).routes[0]!.distanceKm, 5541.6);
  });
});

describe('matrix on the real network', () => {
  it('has one row per source and one cell per target, null where unreachable, zero on the diagonal', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/matrix',
      payload: { sources: ['Almaty', 'Tashkent', 'Aktau'], targets: ['Karachi', 'Gwadar', 'Herat', 'Almaty'] },
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = MatrixResponseSchema.parse(res.json());
    assert.equal(body.cells.length, 3);
    for (const row of body.cells) assert.equal(row.length, 4);
    // Almaty → Kiamari as in the compare test; no operational rail reaches Herat today.
    assert.equal(body.cells[0]![0]!.distanceKm, 5541.6);
    for (const row of body.cells) assert.equal(row[2], null);
    assert.deepEqual(body.cells[0]![3], { distanceKm: 0, typicalHours: 0, lowHours: 0, highHours: 0, crossings: 0, gaugeBreaks: 0, unscheduledLegs: 0 });
    assert.ok(body.cells[1]![3]!.distanceKm > 0);

    const built = MatrixResponseSchema.parse(
      (await app.inject({ method: 'POST', url: '/v1/matrix', payload: { sources: ['Almaty'], targets: ['Herat'], scenario: 'kz-tm-af-pk-built' } })).json(),
    );
    assert.notEqual(built.cells[0]![0], null);
  });
});
