/**
 * /v1/scenarios, /v1/compare, /v1/matrix and /v1/reachability on the fixture
 * network and its two scenarios (test/fixtures/network-small/README.md), with
 * every error and limit.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { PLANNING_LIMITS } from '../../src/domain/planning/limits.js';
import { PROBLEM_CODES, type ProblemCode } from '../../src/http/error-handler.js';
import { CompareResponseSchema } from '../../src/http/schemas/compare.js';
import { MatrixResponseSchema } from '../../src/http/schemas/matrix.js';
import { ProblemSchema } from '../../src/http/schemas/problem.js';
import { ReachabilityResponseSchema } from '../../src/http/schemas/reachability.js';
import { insideConvex } from '../../src/domain/network/hull.js';
import { ReachableFeatureCollectionSchema } from '../../src/http/schemas/route-geojson.js';
import { ScenarioListSchema, ScenarioSchema } from '../../src/http/schemas/scenario.js';
import { PROBLEM_TYPE } from './helper.js';
import { withPlanningApp } from './planning-helper.js';

let app: FastifyInstance;
before(async (t) => {
  ({ app } = await withPlanningApp(t));
});

/** Diesel rail well-to-wheel, kg CO2e/tkm: TTW 0.03159 + WTT 0.00691. */
const DIESEL = 0.03159 + 0.00691;
const round1 = (n: number) => Math.round(n * 10) / 10;

function problem(res: LightMyRequestResponse, code: ProblemCode) {
  assert.match(String(res.headers['content-type']), PROBLEM_TYPE, res.body);
  const body = ProblemSchema.parse(res.json());
  assert.equal(body.code, code, res.body);
  assert.equal(res.statusCode, PROBLEM_CODES[code].status);
  return body;
}
const badParams = (res: LightMyRequestResponse) => problem(res, 'VALIDATION_ERROR').errors!.map((e) => e.parameter).sort();
const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
const postMatrix = (payload: Record<string, unknown>) => app.inject({ method: 'POST', url: '/v1/matrix', payload });

describe('GET /v1/scenarios', () => {
  it('lists the named scenarios with what their overlays change and their sources', async () => {
    const res = await get('/v1/scenarios');
    assert.equal(res.statusCode, 200, res.body);
    const body = ScenarioListSchema.parse(res.json());
    assert.deepEqual(body.scenarios.map((s) => s.id), ['afghan-line-built', 'sarakhs-closed']);
    const closed = body.scenarios[1]!;
    assert.deepEqual(closed.overlays, [
      { index: 0, kind: 'set-crossing-status', summary: 'crossing saraghs--sarakhs: open → closed', linkIds: [], crossingIds: ['saraghs--sarakhs'] },
    ]);
    assert.equal(closed.sources[0]!.address, 'test fixture (network-small)');
  });

  it('gives one scenario by id, 404 with the known ids for an unknown one, 400 for a malformed id', async () => {
    const one = ScenarioSchema.parse((await get('/v1/scenarios/afghan-line-built')).json());
    assert.deepEqual(one.overlays[0]!.linkIds, ['torghundi--herat', 'herat--spin-boldak', 'spin-boldak--chaman']);
    const missing = problem(await get('/v1/scenarios/moon-rail'), 'NOT_FOUND');
    assert.equal(missing.parameter, 'id');
    assert.deepEqual(missing.known, ['afghan-line-built', 'sarakhs-closed']);
    assert.deepEqual(badParams(await get('/v1/scenarios/Moon_Rail')), ['id']);
  });
});

describe('GET /v1/compare', () => {
  it('compares today (route I) with every scenario by default: route III, and no route without Sarakhs', async () => {
    const res = await get('/v1/compare?from=Mary&to=PKKHI');
    assert.equal(res.statusCode, 200, res.body);
    const body = CompareResponseSchema.parse(res.json());
    assert.deepEqual(body.query.scenarios, ['afghan-line-built', 'sarakhs-closed']);
    const today = body.today.route!;
    assert.equal(today.distanceKm, 3205);
    assert.equal(today.transitHours.typical, 121.6);
    assert.equal(today.transitDays.typical, 5.1);
    assert.equal(today.crossings, 2);
    assert.equal(today.gaugeBreaks, 2);
    assert.equal(today.kgCo2e, round1(3205 * DIESEL));
    assert.equal(body.today.reason, null);

    const [built, closed] = body.scenarios;
    assert.deepEqual(built!.scenario, { id: 'afghan-line-built', name: 'Afghan line built' });
    assert.equal(built!.route!.distanceKm, 2065);
    assert.ok(built!.route!.places.some((p) => p.id === 'herat'));
    assert.equal(built!.differences!.distanceKm, -1140);
    assert.equal(built!.differences!.typicalHours, round1(78.35 - 121.6));
    assert.equal(built!.differences!.typicalDays, round1((78.35 - 121.6) / 24));
    assert.equal(built!.differences!.crossings, 0);
    assert.equal(built!.differences!.gaugeBreaks, -1);
    assert.equal(built!.differences!.kgCo2e, round1(-1140 * DIESEL));

    assert.equal(closed!.route, null);
    assert.match(closed!.reason!, /no route/);
    assert.equal(closed!.differences, null);
    assert.equal(closed!.differencesReason, 'no route under this scenario');
  });

  it('compares only the scenarios asked, with the cargo and objective asked', async () => {
    const body = CompareResponseSchema.parse((await get('/v1/compare?from=mary&to=karachi&scenarios=sarakhs-closed&objective=shortest&cargoTonnes=10')).json());
    assert.deepEqual(body.scenarios.map((s) => s.scenario.id), ['sarakhs-closed']);
    assert.equal(body.today.route!.distanceKm, 3116.2); // route II
    assert.equal(body.query.cargoTonnes, 10);
  });

  it('null with a reason where today has no route', async () => {
    const body = CompareResponseSchema.parse((await get('/v1/compare?from=mary&to=spin-boldak&scenarios=afghan-line-built')).json());
    assert.equal(body.today.route, null);
    assert.match(body.today.reason!, /no route/);
    assert.equal(body.scenarios[0]!.route!.distanceKm, 1065);
    assert.match(body.scenarios[0]!.differencesReason!, /no route on today/);
  });

  it('errors: unknown scenario 404, unknown place 404, same place 400, bad parameters and limits 400', async () => {
    const nf = problem(await get('/v1/compare?from=mary&to=karachi&scenarios=afghan-line-built,moon-rail'), 'NOT_FOUND');
    assert.equal(nf.value, 'moon-rail');
    assert.deepEqual(nf.known, ['afghan-line-built', 'sarakhs-closed']);
    const up = problem(await get('/v1/compare?from=Marry&to=Karachy'), 'UNKNOWN_PLACE');
    assert.deepEqual(up.errors!.map((e) => e.parameter), ['from', 'to']);
    problem(await get('/v1/compare?from=mary&to=Mary'), 'INVALID_CONSTRAINT');
    assert.deepEqual(badParams(await get('/v1/compare?from=mary')), ['to']);
    assert.deepEqual(badParams(await get('/v1/compare?from=mary&to=karachi&cargoTonnes=0&objective=cheapest&modes=plane&scenario=x')), [
      'cargoTonnes',
      'modes',
      'objective',
      'scenario',
    ]);
    const many = Array.from({ length: 21 }, (_, i) => `s${i}`).join(',');
    assert.deepEqual(badParams(await get(`/v1/compare?from=mary&to=karachi&scenarios=${many}`)), ['scenarios']);
  });
});

describe('POST /v1/matrix', () => {
  it('gives km, typical hours and crossings per pair, zeros on the diagonal and null where unreachable', async () => {
    const res = await postMatrix({ sources: ['mary', 'Quetta'], targets: ['PKKHI', 'spin-boldak', 'mary'] });
    assert.equal(res.statusCode, 200, res.body);
    const body = MatrixResponseSchema.parse(res.json());
    assert.deepEqual(body.sources.map((s) => s.id), ['mary', 'quetta']);
    assert.deepEqual(body.targets.map((s) => s.id), ['karachi', 'spin-boldak', 'mary']);
    // km, typical hours and crossings here; low ≤ typical ≤ high and gauge breaks below.
    const main = (c: (typeof body.cells)[number][number]) => c && { distanceKm: c.distanceKm, typicalHours: c.typicalHours, crossings: c.crossings };
    assert.deepEqual(body.cells.map((row) => row.map(main)), [
      [{ distanceKm: 3205, typicalHours: 121.6, crossings: 2 }, null, { distanceKm: 0, typicalHours: 0, crossings: 0 }],
      // quetta → karachi 870 km at 30 km/h; quetta → mary is route I backwards as far as quetta: 2,335 km.
      [{ distanceKm: 870, typicalHours: 29, crossings: 0 }, null, main(body.cells[1]![2]!)],
    ]);
    assert.deepEqual(body.cells[0]![2], { distanceKm: 0, typicalHours: 0, lowHours: 0, highHours: 0, crossings: 0, gaugeBreaks: 0, unscheduledLegs: 0 });
    for (const c of body.cells.flat()) if (c) assert.ok(c.lowHours <= c.typicalHours && c.typicalHours <= c.highHours);
    assert.equal(body.cells[1]![2]!.distanceKm, 2335);
    assert.equal(body.scenario, null);
  });

  it('plans on a scenario: spin-boldak becomes reachable', async () => {
    const body = MatrixResponseSchema.parse((await postMatrix({ sources: ['mary'], targets: ['spin-boldak'], scenario: 'afghan-line-built' })).json());
    assert.deepEqual(body.cells.map((row) => row.map((c) => c && { distanceKm: c.distanceKm, typicalHours: c.typicalHours, crossings: c.crossings })), [
      [{ distanceKm: 1065, typicalHours: 29.1, crossings: 1 }],
    ]);
    assert.deepEqual(body.scenario, { id: 'afghan-line-built', name: 'Afghan line built' });
  });

  it(`accepts ${PLANNING_LIMITS.maxMatrixSources} sources and rejects more, naming the member`, async () => {
    const fifty = Array.from({ length: PLANNING_LIMITS.maxMatrixSources }, () => 'mary');
    const ok = MatrixResponseSchema.parse((await postMatrix({ sources: fifty, targets: ['karachi'] })).json());
    assert.equal(ok.cells.length, PLANNING_LIMITS.maxMatrixSources);
    assert.deepEqual(badParams(await postMatrix({ sources: [...fifty, 'mary'], targets: ['karachi'] })), ['sources']);
    const targets = Array.from({ length: PLANNING_LIMITS.maxMatrixTargets + 1 }, () => 'karachi');
    assert.deepEqual(badParams(await postMatrix({ sources: ['mary'], targets })), ['targets']);
    assert.deepEqual(badParams(await postMatrix({ sources: [], targets: ['karachi'], modes: [], objective: 'cheapest', extra: 1 })), [
      'extra',
      'modes',
      'objective',
      'sources',
    ]);
  });

  it('errors: every unknown place named by position; unknown scenario 404; bad JSON 400', async () => {
    const up = problem(await postMatrix({ sources: ['mary', 'Marry'], targets: ['karachi', 'Karachy'] }), 'UNKNOWN_PLACE');
    assert.deepEqual(up.errors!.map((e) => e.parameter), ['sources[1]', 'targets[1]']);
    problem(await postMatrix({ sources: ['mary'], targets: ['karachi'], scenario: 'moon-rail' }), 'NOT_FOUND');
    problem(await app.inject({ method: 'POST', url: '/v1/matrix', headers: { 'content-type': 'application/json' }, payload: '{"sources":' }), 'MALFORMED_REQUEST');
  });
});

describe('GET /v1/reachability', () => {
  it('lists every place within the budget, nearest first, without the origin', async () => {
    const res = await get('/v1/reachability?from=mary&maxHours=15');
    assert.equal(res.statusCode, 200, res.body);
    const body = ReachabilityResponseSchema.parse(res.json());
    assert.deepEqual(
      body.places.map((p) => [p.place.id, p.typicalHours, p.distanceKm, p.crossings]),
      [
        ['saraghs', 4, 200, 0],
        ['serhetabat', 6, 300, 0],
        ['torghundi', 10.1, 305, 1],
        ['sarakhs', 14.1, 205, 1],
      ],
    );
    assert.equal(body.query.maxHours, 15);
  });

  it('GeoJSON Points by format or Accept', async () => {
    for (const res of [await get('/v1/reachability?from=mary&maxHours=15&format=geojson'), await get('/v1/reachability?from=mary&maxHours=15', { accept: 'application/geo+json' })]) {
      assert.match(String(res.headers['content-type']), /^application\/geo\+json/);
      const fc = ReachableFeatureCollectionSchema.parse(res.json());
      const points = fc.features.flatMap((f) => (f.properties.kind === 'place' ? [f.properties.id] : []));
      assert.deepEqual(points, ['saraghs', 'serhetabat', 'torghundi', 'sarakhs']);
      // The areas come first, largest band first, so smaller bands and the points draw on top.
      assert.deepEqual(
        fc.features.slice(0, 4).map((f) => [f.geometry.type, f.properties.kind === 'area' ? f.properties.maxHours : null]),
        [['MultiPolygon', 15], ['MultiPolygon', 11.3], ['MultiPolygon', 7.5], ['MultiPolygon', 3.8]],
      );
    }
  });

  it('areas per quarter of the budget: each holds the origin and the places of its band, disjoint, 50 km around each', async () => {
    const body = ReachabilityResponseSchema.parse((await get('/v1/reachability?from=mary&maxHours=15')).json());
    // Bands 3.8, 7.5, 11.3 and 15 h: Saraghs (4 h) and Serhetabat (6 h) are in the second, Torghundi (10.1 h) the third, Sarakhs (14.1 h) the last.
    assert.deepEqual(body.areas.map((a) => [a.maxHours, a.places]), [[3.8, 0], [7.5, 2], [11.3, 3], [15, 4]]);
    const mary: [number, number] = [61.83, 37.6];
    for (const a of body.areas) {
      const polygons = a.geometry.coordinates.map((p) => p[0]!);
      const members = [mary, ...body.places.filter((p) => p.typicalHours <= a.maxHours).map((p) => p.coordinates)];
      for (const m of members) assert.equal(polygons.filter((ring) => insideConvex(m, ring)).length, 1, `band ${a.maxHours}`);
      for (const ring of polygons) assert.deepEqual(ring[0], ring.at(-1));
    }
    // The first band holds only the origin: one area around Mary, whose circle reaches 50 km (0.45 degrees of latitude) north.
    const [only] = body.areas[0]!.geometry.coordinates;
    assert.ok(Math.max(...only![0]!.map(([, lat]) => lat)) >= 37.6 + 50 / 111.19);
  });

  it('a scenario reaches further: spin-boldak within 30 h with the Afghan line', async () => {
    const body = ReachabilityResponseSchema.parse((await get('/v1/reachability?from=mary&maxHours=30&scenario=afghan-line-built')).json());
    assert.equal(body.places.find((p) => p.place.id === 'spin-boldak')!.typicalHours, 29.1);
    const today = ReachabilityResponseSchema.parse((await get('/v1/reachability?from=mary&maxHours=30')).json());
    assert.ok(!today.places.some((p) => p.place.id === 'spin-boldak'));
  });

  it(`errors: maxHours missing, 0 or above ${PLANNING_LIMITS.maxReachabilityHours} is a 400; unknown place and scenario 404`, async () => {
    assert.deepEqual(badParams(await get('/v1/reachability?from=mary')), ['maxHours']);
    assert.deepEqual(badParams(await get('/v1/reachability?from=mary&maxHours=0')), ['maxHours']);
    assert.deepEqual(badParams(await get(`/v1/reachability?from=mary&maxHours=${PLANNING_LIMITS.maxReachabilityHours + 1}`)), ['maxHours']);
    assert.deepEqual(badParams(await get('/v1/reachability?from=mary&maxHours=5&format=csv&include=built')), ['format', 'include']);
    problem(await get('/v1/reachability?from=Marry&maxHours=5'), 'UNKNOWN_PLACE');
    problem(await get('/v1/reachability?from=mary&maxHours=5&scenario=moon-rail'), 'NOT_FOUND');
  });
});

describe('GET /v1/info planning limits', () => {
  it('states every planning limit, the scenario ids and the formats', async () => {
    const body = (await get('/v1/info')).json() as { limits: Record<string, number>; scenarios: string[]; formats: string[]; defaults: { cargoTonnes: number } };
    assert.equal(body.limits.maxMatrixSources, PLANNING_LIMITS.maxMatrixSources);
    assert.ok(body.limits.maxMatrixSources! >= 50 && body.limits.maxMatrixTargets! >= 50);
    assert.equal(body.limits.maxReachabilityHours, PLANNING_LIMITS.maxReachabilityHours);
    assert.equal(body.limits.maxRequestOverlays, PLANNING_LIMITS.maxRequestOverlays);
    assert.equal(body.limits.maxCargoTonnes, PLANNING_LIMITS.maxCargoTonnes);
    assert.equal(body.limits.maxCompareScenarios, 20);
    assert.deepEqual(body.scenarios, ['afghan-line-built', 'sarakhs-closed']);
    assert.deepEqual(body.formats, ['json', 'geojson', 'csv']);
    assert.equal(body.defaults.cargoTonnes, 1);
  });
});
