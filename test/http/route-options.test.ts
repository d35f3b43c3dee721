/**
 * /v1/routes planning options on the fixture network: scenario, request
 * overlays, cargoTonnes (CO2), explain, and the GeoJSON and CSV formats, with
 * every error and limit. Expected figures come from
 * test/fixtures/network-small/README.md (routes I, II, III).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { PLANNING_LIMITS } from '../../src/domain/planning/limits.js';
import { CSV_COLUMNS } from '../../src/http/mappers/route-csv.js';
import { PROBLEM_CODES, type ProblemCode } from '../../src/http/error-handler.js';
import { ProblemSchema } from '../../src/http/schemas/problem.js';
import { RouteFeatureCollectionSchema } from '../../src/http/schemas/route-geojson.js';
import { RouteResponseSchema, type RouteResponse } from '../../src/http/schemas/route-response.js';
import { PROBLEM_TYPE } from './helper.js';
import { withPlanningApp } from './planning-helper.js';

let app: FastifyInstance;
before(async (t) => {
  ({ app } = await withPlanningApp(t));
});

/** Fixture rail links record no electrification: diesel, kg CO2e per tonne-km (data/emission-factors.json). */
const DIESEL = 0.03159;
/** Diesel rail WTT, kg CO2e/tkm (WTW = DIESEL + DIESEL_WTT). */
const DIESEL_WTT = 0.00691;
const round1 = (n: number) => Math.round(n * 10) / 10;

async function get(query: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url: `/v1/routes?${query}`, headers });
}

async function ok(res: LightMyRequestResponse): Promise<RouteResponse> {
  assert.equal(res.statusCode, 200, res.body);
  assert.match(String(res.headers['content-type']), /^application\/json/);
  return RouteResponseSchema.parse(res.json());
}

function problem(res: LightMyRequestResponse, code: ProblemCode) {
  assert.match(String(res.headers['content-type']), PROBLEM_TYPE, res.body);
  const body = ProblemSchema.parse(res.json());
  assert.equal(body.code, code, res.body);
  assert.equal(res.statusCode, PROBLEM_CODES[code].status);
  return body;
}

const badParams = (res: LightMyRequestResponse) => problem(res, 'VALIDATION_ERROR').errors!.map((e) => e.parameter).sort();

describe('/v1/routes scenario', () => {
  it('plans on the named scenario: route III, operational, with the scenario and its overlay echoed', async () => {
    const body = await ok(await get('from=mary&to=karachi&scenario=afghan-line-built'));
    const r = body.routes[0]!;
    assert.equal(r.distanceKm, 2065);
    assert.equal(r.transitHours.typical, 78.4); // 78.35 h
    assert.ok(!r.warnings.some((w) => w.code === 'NON_OPERATIONAL_LINK'), 'the scenario makes the links operational');
    assert.deepEqual(body.scenario, { id: 'afghan-line-built', name: 'Afghan line built' });
    assert.equal(body.query.scenario, 'afghan-line-built');
    assert.deepEqual(
      body.appliedOverlays.map((a) => [a.source, a.index, a.kind, a.linkIds, a.crossingIds]),
      [['scenario', 0, 'build-corridor', ['torghundi--herat', 'herat--spin-boldak', 'spin-boldak--chaman'], ['spin-boldak--chaman--rail']]],
    );
  });

  it('today without a scenario: route I, no overlays, scenario null', async () => {
    const body = await ok(await get('from=mary&to=karachi'));
    assert.equal(body.routes[0]!.distanceKm, 3205);
    assert.equal(body.scenario, null);
    assert.equal(body.query.scenario, null);
    assert.deepEqual(body.appliedOverlays, []);
  });

  it('a scenario without a route is a 422 NO_ROUTE', async () => {
    problem(await get('from=mary&to=karachi&scenario=sarakhs-closed'), 'NO_ROUTE');
  });

  it('an unknown scenario is a 404 naming the parameter and listing the known ids', async () => {
    const body = problem(await get('from=mary&to=karachi&scenario=moon-rail'), 'NOT_FOUND');
    assert.equal(body.parameter, 'scenario');
    assert.equal(body.value, 'moon-rail');
    assert.deepEqual(body.known, ['afghan-line-built', 'sarakhs-closed']);
  });

  it('a malformed scenario id is a 400 naming scenario', async () => {
    assert.deepEqual(badParams(await get('from=mary&to=karachi&scenario=Moon%20Rail')), ['scenario']);
  });
});

describe('POST /v1/routes overlays', () => {
  const post = (body: Record<string, unknown>) => app.inject({ method: 'POST', url: '/v1/routes', payload: { from: 'mary', to: 'karachi', ...body } });

  it('applies request overlays and echoes them', async () => {
    const body = await ok(await post({ overlays: [{ kind: 'build-corridor', corridorId: 'kz-tm-af-pk' }] }));
    assert.equal(body.routes[0]!.distanceKm, 2065);
    assert.deepEqual(body.appliedOverlays.map((a) => [a.source, a.index, a.kind]), [['request', 0, 'build-corridor']]);
    assert.equal(body.scenario, null);
  });

  it('applies request overlays after the scenario: closing Chaman again gives route I back', async () => {
    const body = await ok(
      await post({ scenario: 'afghan-line-built', overlays: [{ kind: 'set-crossing-status', crossingId: 'spin-boldak--chaman--rail', status: 'closed' }] }),
    );
    assert.equal(body.routes[0]!.distanceKm, 3205);
    assert.deepEqual(
      body.appliedOverlays.map((a) => [a.source, a.index, a.kind]),
      [
        ['scenario', 0, 'build-corridor'],
        ['request', 0, 'set-crossing-status'],
      ],
    );
    assert.match(body.appliedOverlays[1]!.summary, /spin-boldak--chaman--rail: open → closed/);
  });

  it('an overlay naming an unknown id is a 400 INVALID_CONSTRAINT naming overlays[i].field', async () => {
    const body = problem(
      await post({ overlays: [{ kind: 'build-corridor', corridorId: 'kz-tm-af-pk' }, { kind: 'set-link-status', linkId: 'no-such-link', status: 'operational' }] }),
      'INVALID_CONSTRAINT',
    );
    assert.equal(body.parameter, 'overlays[1].linkId');
    assert.equal(body.value, 'no-such-link');
  });

  it('a malformed overlay is a 400 VALIDATION_ERROR naming it', async () => {
    const res = await post({ overlays: [{ kind: 'scale-speed', country: 'TM', factor: -2 }] });
    assert.deepEqual(badParams(res), ['overlays[0].factor']);
    assert.deepEqual(badParams(await post({ overlays: [{ kind: 'demolish', linkId: 'mary--saraghs' }] })), ['overlays[0].kind']);
  });

  it(`more than ${PLANNING_LIMITS.maxRequestOverlays} overlays is a 400 naming overlays`, async () => {
    const one = { kind: 'set-crossing-status', crossingId: 'saraghs--sarakhs', status: 'open' };
    const res = await post({ overlays: Array.from({ length: PLANNING_LIMITS.maxRequestOverlays + 1 }, () => one) });
    assert.deepEqual(badParams(res), ['overlays']);
    // Exactly the limit is fine.
    await ok(await post({ overlays: Array.from({ length: PLANNING_LIMITS.maxRequestOverlays }, () => one) }));
  });

  it('request overlays never change the network of later requests', async () => {
    const closed = await post({ overlays: [{ kind: 'set-crossing-status', crossingId: 'saraghs--sarakhs', status: 'closed' }], alternatives: 2 });
    problem(closed, 'NO_ROUTE');
    const later = await ok(await get('from=mary&to=karachi&alternatives=2'));
    assert.deepEqual(later.routes.map((r) => r.distanceKm), [3205, 3116.2]);
  });
});

describe('/v1/routes CO2', () => {
  it('gives kg CO2e (WTW, with TTW and WTT) per route and per leg for 1 t by default (route I: 3,205 km of diesel rail)', async () => {
    const r = (await ok(await get('from=mary&to=karachi'))).routes[0]!;
    assert.equal(r.co2.scope, 'WTW');
    assert.equal(r.co2.kgCo2e, round1(3205 * (DIESEL + DIESEL_WTT)));
    assert.equal(r.co2.ttwKgCo2e, 101.2);
    assert.equal(r.co2.wtwKgCo2e, r.co2.kgCo2e);
    assert.equal(r.co2.cargoTonnes, 1);
    assert.deepEqual(r.co2.factorIds, ['rail-diesel']);
    // mary → saraghs 200 km × 0.03159 TTW, × 0.00691 WTT
    assert.deepEqual(r.legs[0]!.co2, { kgCo2e: 7.7, ttwKgCo2e: 6.32, wttKgCo2e: 1.38, wtwKgCo2e: 7.7, factorId: 'rail-diesel', traction: 'diesel', tractionKnown: r.legs[0]!.co2.tractionKnown, grid: null });
  });

  it('scales with cargoTonnes and counts sea legs with the sea factor (route II)', async () => {
    const body = await ok(await get('from=mary&to=karachi&objective=shortest&cargoTonnes=10'));
    const r = body.routes[0]!;
    assert.equal(body.query.cargoTonnes, 10);
    // Route II: 2,005 km of rail × 0.03159 + 1,111.2 km of sea × 0.029703 (short-sea container), × 10 t.
    assert.equal(r.co2.ttwKgCo2e, round1((2005 * DIESEL + 1111.2 * 0.029703) * 10));
    assert.deepEqual(r.co2.factorIds, ['rail-diesel', 'sea-short-sea-container']);
    assert.equal(r.legs.at(-1)!.co2.factorId, 'sea-short-sea-container');
  });

  it('rejects cargoTonnes outside (0, max] and non-numbers, naming the parameter', async () => {
    for (const v of ['0', '-5', String(PLANNING_LIMITS.maxCargoTonnes + 1), 'heavy']) {
      assert.deepEqual(badParams(await get(`from=mary&to=karachi&cargoTonnes=${v}`)), ['cargoTonnes'], v);
    }
    const res = await app.inject({ method: 'POST', url: '/v1/routes', payload: { from: 'mary', to: 'karachi', cargoTonnes: 0 } });
    assert.deepEqual(badParams(res), ['cargoTonnes']);
  });
});

describe('/v1/routes explain', () => {
  it('explains each route: components, and why route II ranks below route I', async () => {
    const body = await ok(await get('from=mary&to=karachi&alternatives=2&explain=true'));
    const [first, second] = body.routes;
    assert.equal(first!.explanation!.versusBest, null);
    const running = first!.explanation!.components.find((c) => c.component === 'running')!;
    assert.equal(running.hours.typical, 91.6);
    const v = second!.explanation!.versusBest!;
    assert.equal(v.typicalHours, 7.5);
    assert.equal(v.distanceKm, -88.8);
    assert.equal(v.crossings, -1);
    assert.deepEqual(v.causes, ['sea']);
    assert.match(second!.explanation!.summary, /7\.5 h slower than route 1/);
  });

  it('leaves explanations out unless asked, and rejects anything but true/false', async () => {
    const body = await ok(await get('from=mary&to=karachi'));
    assert.equal(body.routes[0]!.explanation, undefined);
    assert.equal(body.query.explain, false);
    assert.deepEqual(badParams(await get('from=mary&to=karachi&explain=yes')), ['explain']);
  });
});

describe('/v1/routes formats', () => {
  it('format=geojson: the route feature, then legs (LineStrings) and stops (Points) in travel order', async () => {
    const res = await get('from=mary&to=karachi&format=geojson');
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /^application\/geo\+json/);
    assert.equal(res.headers['content-disposition'], 'inline; filename="route-mary-karachi.geojson"');
    const fc = RouteFeatureCollectionSchema.parse(res.json());
    // Route I: the origin terminal at Mary, mary→saraghs, the bogie exchange at Saraghs, the crossing to Sarakhs and
    // its dwell, sarakhs→zahedan, the transshipment at Zahedan, zahedan→taftan and its dwell, taftan→quetta,
    // quetta→karachi, the destination terminal at Karachi.
    assert.deepEqual(
      fc.features.map((f) => f.properties.kind),
      ['route', 'terminal', 'leg', 'gauge-change', 'leg', 'border-dwell', 'leg', 'gauge-change', 'leg', 'border-dwell', 'leg', 'leg', 'terminal'],
    );
    const legs = fc.features.flatMap((f) => (f.properties.kind === 'leg' ? [f] : []));
    assert.equal(legs.length, 6);
    const first = legs[0]!;
    assert.deepEqual(
      { ...first.properties, corridors: undefined },
      {
        kind: 'leg', routeIndex: 1, legIndex: 1, component: 'running', linkId: 'mary--saraghs', from: 'mary', fromName: 'Mary', to: 'saraghs', toName: 'Saraghs',
        mode: 'rail', km: 200, hours: 4, hoursLow: 3.3, hoursTypical: 4, hoursHigh: 5, gaugeMm: 1520, status: 'operational', corridors: undefined, kgCo2e: 7.7,
      },
    );
    // Consecutive legs meet: the end of one is the start of the next.
    for (let i = 1; i < legs.length; i++) {
      assert.deepEqual(legs[i]!.geometry.coordinates[0], legs[i - 1]!.geometry.coordinates[1]);
    }
  });

  it('Accept: application/geo+json gives GeoJSON with every route numbered', async () => {
    const res = await get('from=mary&to=karachi&alternatives=2', { accept: 'application/geo+json' });
    assert.match(String(res.headers['content-type']), /^application\/geo\+json/);
    assert.match(String(res.headers.vary), /Accept/i);
    const fc = RouteFeatureCollectionSchema.parse(res.json());
    assert.deepEqual([...new Set(fc.features.map((f) => f.properties.routeIndex))], [1, 2]);
    // Route I has 6 legs, route II 4; one route feature each.
    assert.equal(fc.features.filter((f) => f.properties.kind === 'leg').length, 10);
    assert.equal(fc.features.filter((f) => f.properties.kind === 'route').length, 2);
  });

  it('format=csv: header row, the item rows, a row per component and a total row, CRLF line ends, as a named download', async () => {
    const res = await get('from=mary&to=karachi&format=csv');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8; header=present/);
    assert.equal(res.headers['content-disposition'], 'attachment; filename="route-mary-karachi.csv"');
    const lines = res.body.split('\r\n');
    assert.equal(lines.at(-1), '');
    assert.equal(lines[0], CSV_COLUMNS.join(','));
    const kinds = lines.slice(1, -1).map((l) => l.split(',')[1]);
    assert.equal(kinds.filter((k) => k === 'leg').length, 6);
    assert.equal(kinds.filter((k) => k === 'component').length, 7);
    assert.equal(kinds.filter((k) => k === 'terminal').length, 2);
    assert.equal(kinds.at(-1), 'total');
    assert.equal(lines[1]!.split(',').slice(0, 3).join(','), '1,terminal,terminal');
    assert.equal(lines[2], '1,leg,running,1,mary--saraghs,mary,Mary,TM,saraghs,Saraghs,TM,rail,200,3.3,4,5,1520,operational,nstc,7.7,rail-diesel,false,');
  });

  it('Accept: text/csv gives CSV; q-values pick the preferred type; format wins over Accept', async () => {
    assert.match(String((await get('from=mary&to=karachi', { accept: 'text/csv' })).headers['content-type']), /^text\/csv/);
    const q = await get('from=mary&to=karachi', { accept: 'text/csv;q=0.5, application/geo+json' });
    assert.match(String(q.headers['content-type']), /^application\/geo\+json/);
    await ok(await get('from=mary&to=karachi&format=json', { accept: 'text/csv' }));
    // An Accept naming nothing offered still gets JSON.
    await ok(await get('from=mary&to=karachi', { accept: 'text/html' }));
  });

  it('an unknown format is a 400 naming format', async () => {
    assert.deepEqual(badParams(await get('from=mary&to=karachi&format=xml')), ['format']);
  });
});

describe('/v1/routes answer cache and the planning options', () => {
  it('requests differing only in scenario, cargoTonnes, explain, format or Accept never share an answer', async () => {
    const base = 'from=mary&to=karachi&alternatives=2';
    const variants: [string, Record<string, string>][] = [
      [base, {}],
      [`${base}&scenario=afghan-line-built`, {}],
      [`${base}&cargoTonnes=2`, {}],
      [`${base}&explain=true`, {}],
      [`${base}&format=csv`, {}],
      [`${base}&format=geojson`, {}],
      [base, { accept: 'text/csv' }],
    ];
    const first: string[] = [];
    // Twice over: the second pass is served from the cache and must give each variant its own answer again.
    for (let pass = 0; pass < 2; pass++) {
      for (const [i, [query, headers]] of variants.entries()) {
        const res = await get(query, headers);
        assert.equal(res.statusCode, 200, res.body);
        if (pass === 0) first.push(res.body);
        else assert.equal(res.body, first[i], `variant ${i} changed between passes`);
      }
    }
    // The Accept: text/csv answer equals format=csv; all others differ pairwise.
    assert.equal(first[6], first[4]);
    const distinct = new Set(first.slice(0, 6));
    assert.equal(distinct.size, 6);
  });

  it('POST requests differing only in overlays never share an answer', async () => {
    const post = (overlays: unknown[]) => app.inject({ method: 'POST', url: '/v1/routes', payload: { from: 'mary', to: 'karachi', overlays } });
    const plain = await post([]);
    const built = await post([{ kind: 'build-corridor', corridorId: 'kz-tm-af-pk' }]);
    const again = await post([]);
    assert.equal(RouteResponseSchema.parse(plain.json()).routes[0]!.distanceKm, 3205);
    assert.equal(RouteResponseSchema.parse(built.json()).routes[0]!.distanceKm, 2065);
    assert.equal(again.body, plain.body);
  });
});
