/**
 * GET and POST /v1/resilience through app.inject on the fixture network
 * (Mary → Karachi: no route without Sarakhs; via Bandar Abbas by sea without
 * Zahedan–Taftan), and the known answers on the real network: Almaty →
 * Karachi and Tashkent → Karachi (the Iranian line to Zahedan is the single
 * point of failure of both).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { PLANNING_LIMITS } from '../../src/domain/planning/limits.js';
import { ResilienceMatrixResponseSchema, ResilienceResponseSchema } from '../../src/http/schemas/resilience.js';
import { REAL_DATA_DIR } from './helper.js';
import { planningTestApp } from './planning-helper.js';

const problem = (res: LightMyRequestResponse, code: string) => {
  assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8', res.body);
  assert.equal((res.json() as { code: string }).code, code, res.body);
};
const badParams = (res: LightMyRequestResponse) => {
  problem(res, 'VALIDATION_ERROR');
  return (res.json() as { errors: { parameter: string }[] }).errors.map((e) => e.parameter);
};

describe('/v1/resilience on the fixture network', () => {
  let app: FastifyInstance;
  before(async () => {
    ({ app } = await planningTestApp());
  });
  after(async () => {
    await app.close();
  });
  const get = (qs: string) => app.inject({ method: 'GET', url: `/v1/resilience?${qs}` });

  it('Mary → Karachi: 8 elements ranked, the approach to Sarakhs and the Sarakhs crossing first (no route), then +7.5 h via Bandar Abbas', async () => {
    const res = await get('from=Mary&to=Karachi');
    assert.equal(res.statusCode, 200, res.body);
    const body = ResilienceResponseSchema.parse(res.json());
    assert.equal(body.best.distanceKm, 3205);
    assert.equal(body.elementsOnRoute, 8);
    assert.equal(body.elementsChecked, 8);
    assert.deepEqual(body.unchecked, []);
    assert.deepEqual(body.impacts.map((i) => i.rank), [1, 2, 3, 4, 5, 6, 7, 8]);
    const [a, b, c, d] = body.impacts;
    assert.deepEqual([a!.element.id, a!.outcome, a!.route, a!.distanceKmLost], ['mary--saraghs', 'no-route', null, null]);
    assert.deepEqual(b!.element, { kind: 'crossing', id: 'saraghs--sarakhs', name: b!.element.name, mode: null });
    assert.equal(b!.outcome, 'no-route');
    assert.equal(c!.element.kind, 'link');
    assert.equal(d!.outcome, 'rerouted');
    assert.equal(d!.distanceKmLost, -88.8);
    assert.equal(d!.typicalHoursLost, 7.5);
    assert.equal(d!.typicalDaysLost, 0.3);
    assert.ok(d!.route!.places.some((p) => p.id === 'bandar-abbas'));
    assert.match(body.method, /closed alone/);
  });

  it('maxElements caps the work and lists the rest as unchecked', async () => {
    const body = ResilienceResponseSchema.parse((await get('from=mary&to=karachi&maxElements=2')).json());
    assert.equal(body.elementsChecked, 2);
    assert.equal(body.unchecked.length, 6);
    assert.equal(body.unchecked[0]!.id, 'saraghs--sarakhs');
  });

  it('bad input: unknown place 404, maxElements over the cap and a bad mode 400 naming them, no route 422', async () => {
    problem(await get('from=Marry&to=Karachi'), 'UNKNOWN_PLACE');
    assert.deepEqual(badParams(await get(`from=mary&to=karachi&maxElements=${PLANNING_LIMITS.maxResilienceElements + 1}&modes=plane`)).sort(), ['maxElements', 'modes']);
    problem(await get('from=mary&to=karachi&avoidCrossings=saraghs--sarakhs'), 'NO_ROUTE');
    problem(await get('from=mary&to=mary'), 'INVALID_CONSTRAINT');
    problem(await get('from=mary&to=karachi&scenario=moon-rail'), 'NOT_FOUND');
  });

  it('POST: lanes matrix ranks the Sarakhs crossing and its approach first (2 of 3 lanes cut)', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/resilience',
      payload: { lanes: [{ from: 'Mary', to: 'Karachi' }, { from: 'mary', to: 'bandar-abbas' }, { from: 'karachi', to: 'bandar-abbas' }] },
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = ResilienceMatrixResponseSchema.parse(res.json());
    assert.equal(body.lanes.length, 3);
    const top = body.elements.filter((e) => e.lanesCut === 2).map((e) => `${e.element.kind}:${e.element.id}`);
    assert.ok(top.includes('crossing:saraghs--sarakhs'), top.join(' '));
    assert.equal(body.elements[0]!.lanesCut, 2);
    const sarakhs = body.elements.find((e) => e.element.kind === 'crossing' && e.element.id === 'saraghs--sarakhs')!;
    assert.deepEqual(sarakhs.impacts.map((i) => i?.outcome ?? null), ['no-route', 'no-route', null]);
    assert.equal(body.query.maxTotalElements, PLANNING_LIMITS.maxResilienceTotalElements);
  });

  it('POST: too many lanes and an unknown lane end are named', async () => {
    const lanes = Array.from({ length: PLANNING_LIMITS.maxResilienceLanes + 1 }, () => ({ from: 'mary', to: 'karachi' }));
    assert.deepEqual(badParams(await app.inject({ method: 'POST', url: '/v1/resilience', payload: { lanes } })), ['lanes']);
    const res = await app.inject({ method: 'POST', url: '/v1/resilience', payload: { lanes: [{ from: 'mary', to: 'Karachy' }] } });
    problem(res, 'UNKNOWN_PLACE');
    assert.equal((res.json() as { parameter: string }).parameter, 'lanes[0].to');
  });
});

describe('/v1/resilience on the real network (known answers)', () => {
  let app: FastifyInstance;
  before(async () => {
    ({ app } = await planningTestApp(REAL_DATA_DIR));
  });
  after(async () => {
    await app.close();
  });

  it('Almaty → Karachi: the Iranian line to Zahedan and Taftan is the single point of failure (no sea way round since India–Pakistan calls are suspended); the Turksib has the Moyinty – Shu bypass; Sarakhs closed costs 1,947.6 km via Bolashak and Etrek', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/resilience?from=Almaty&to=Karachi' });
    assert.equal(res.statusCode, 200, res.body);
    const body = ResilienceResponseSchema.parse(res.json());
    assert.equal(body.best.distanceKm, 5541.6);
    assert.equal(body.elementsOnRoute, 50);
    assert.deepEqual(body.unchecked, []);
    assert.deepEqual(
      body.impacts.slice(0, 8).map((i) => [i.element.id, i.outcome]),
      [
        ['bafq--kerman', 'no-route'],
        ['kerman--bam', 'no-route'],
        ['bam--zahedan', 'no-route'],
        ['mirjaveh--zahedan', 'no-route'],
        ['koh-i-taftan--mirjaveh', 'no-route'],
        ['koh-i-taftan--mirjaveh', 'no-route'],
        ['nok-kundi--koh-i-taftan', 'no-route'],
        ['dalbandin--nok-kundi', 'no-route'],
      ],
    );
    const turksib = body.impacts.find((i) => i.element.id === 'almaty--almaty-bypass-junction')!;
    assert.equal(turksib.outcome, 'rerouted');
    const sarakhs = body.impacts.find((i) => i.element.kind === 'crossing' && i.element.id === 'saraghs--sarakhs')!;
    assert.equal(sarakhs.distanceKmLost, 1947.6);
    assert.ok(sarakhs.route!.crossingIds.includes('bolashak--serhetyaka') && sarakhs.route!.crossingIds.includes('etrek--incheh-borun'));
  });

  it('Tashkent → Karachi: the same Iranian stretch is its single point of failure; Sarakhs closed costs 986.6 km', async () => {
    const body = ResilienceResponseSchema.parse((await app.inject({ method: 'GET', url: '/v1/resilience?from=Tashkent&to=Karachi' })).json());
    assert.equal(body.best.distanceKm, 4552.6);
    const top = body.impacts[0]!;
    assert.deepEqual([top.element.id, top.outcome], ['bafq--kerman', 'no-route']);
    const sarakhs = body.impacts.find((i) => i.element.kind === 'crossing' && i.element.id === 'saraghs--sarakhs')!;
    assert.equal(sarakhs.distanceKmLost, 986.6);
  });
});
