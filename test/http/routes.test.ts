/**
 * /v1/routes on the small fixture network, against the routes worked out by
 * hand in test/fixtures/network-small/README.md.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { RouteResponseSchema, type RouteResponse } from '../../src/http/schemas/route-response.js';
import { PROBLEM_TYPE, type TestApp, withApp } from './helper.js';

let t: TestApp;
let app: FastifyInstance;
before(async (ctx) => {
  t = await withApp(ctx);
  app = t.app;
});

async function getRoutes(query: string): Promise<RouteResponse> {
  const res = await app.inject({ method: 'GET', url: `/v1/routes?${query}` });
  assert.equal(res.statusCode, 200, res.body);
  assert.match(String(res.headers['content-type']), /^application\/json/);
  // The answer must be what the documented schema says (the serializer strips, the parse checks).
  return RouteResponseSchema.parse(res.json());
}

describe('GET /v1/routes', () => {
  it('finds route I for mary → karachi by default (fastest, operational only)', async () => {
    const body = await getRoutes('from=mary&to=karachi');
    assert.equal(body.routes.length, 1);
    const r = body.routes[0]!;
    assert.equal(r.rank, 1);
    assert.equal(r.distanceKm, 3205);
    assert.deepEqual(r.distanceKmByMode, { rail: 3205, ferry: 0, sea: 0, road: 0 });
    // 4 + 0.1 + 6 + 4 + 35 + 12 + 2.5 + 8 + 21 + 29 = 121.6 h
    assert.equal(r.transitHours.typical, 121.6);
    assert.equal(r.transitDays.typical, 5.1); // 121.6 / 24 = 5.07
    // running 4 + 0.1 + 35 + 2.5 + 21 + 29 = 91.6; dwell 6 + 8 = 14; gauge changes bogie 4 + Zahedan 12 = 16
    assert.equal(r.hoursByComponent.running.typical, 91.6);
    assert.equal(r.hoursByComponent.borderDwell.typical, 14);
    assert.equal(r.hoursByComponent.gaugeChange.typical, 16);
    assert.equal(r.hoursByComponent.sea.typical, 0);
    assert.deepEqual(
      r.borderCrossings.map((c) => [c.id, c.from.id, c.to.id, c.countries, c.dwellHours.typical]),
      [
        ['saraghs--sarakhs', 'saraghs', 'sarakhs', ['TM', 'IR'], 6],
        ['zahedan--taftan', 'zahedan', 'taftan', ['IR', 'PK'], 8],
      ],
    );
    assert.deepEqual(r.borderCrossings[0]!.gaugeChange, {
      fromGaugeMm: 1520,
      toGaugeMm: 1435,
      handling: 'bogie-exchange',
      // The fixture's bogie exchange at Saraghs (crossings/tm.json): 2 / 4 / 8 h.
      hours: { low: 2, typical: 4, high: 8 },
      includedInDwell: false,
    });
    assert.equal(r.borderCrossings[1]!.gaugeChange, null);
    assert.deepEqual(r.countries, ['TM', 'IR', 'PK']);
    assert.deepEqual(
      r.legs.map((l) => `${l.from.id}>${l.to.id}`),
      ['mary>saraghs', 'saraghs>sarakhs', 'sarakhs>zahedan', 'zahedan>taftan', 'taftan>quetta', 'quetta>karachi'],
    );
    assert.equal(r.legs[0]!.from.country, 'TM');
    assert.equal(r.legs[0]!.gaugeMm, 1520);
    assert.equal(r.gaugeBreaks.length, 2);
    assert.deepEqual(
      r.gaugeBreaks.map((g) => [g.place.id, g.fromGaugeMm, g.toGaugeMm]),
      [
        ['saraghs', 1520, 1435],
        ['zahedan', 1435, 1676],
      ],
    );
    // One [lon, lat] per place passed: 7 places for 6 legs.
    assert.ok(typeof r.geometry !== 'string', 'a LineString unless geometry=polyline');
    assert.equal(r.geometry.type, 'LineString');
    assert.equal(r.geometry.coordinates.length, 7);
    const karachi = t.deps.network.places.find((p) => p.id === 'karachi')!;
    assert.deepEqual(r.geometry.coordinates.at(-1), [karachi.lon, karachi.lat]);
  });

  it('echoes the question with resolved places and the defaults', async () => {
    // "Türkmenbaşy" is an alias with diacritics, PKKHI a UN/LOCODE.
    const body = await getRoutes(`from=${encodeURIComponent('Türkmenbaşy')}&to=PKKHI`);
    assert.deepEqual(body.query.from, { id: 'turkmenbashi', name: t.deps.places.get('turkmenbashi')!.name });
    assert.equal(body.query.to.id, 'karachi');
    assert.equal(body.query.objective, 'fastest');
    assert.deepEqual(body.query.modes, ['rail', 'ferry', 'sea']);
    assert.deepEqual(body.query.include, []);
    assert.equal(body.query.alternatives, 1);
    assert.equal(body.query.maxOverlap, 0.8);
    assert.equal(body.dataVersion, t.deps.network.parameters.dataVersion);
    // turkmenbashi→mary 950 km at 50 km/h = 19 h, then route I: 4155 km, 140.6 h.
    assert.equal(body.routes[0]!.distanceKm, 4155);
    assert.equal(body.routes[0]!.transitHours.typical, 140.6);
  });

  it('uses planned and proposed links when asked (route III) and warns about them', async () => {
    const body = await getRoutes('from=mary&to=karachi&include=planned,proposed');
    const r = body.routes[0]!;
    assert.equal(r.distanceKm, 2065);
    assert.equal(r.transitHours.typical, 78.4); // 78.35 h rounded to 0.1
    assert.deepEqual(
      r.borderCrossings.map((c) => c.id),
      ['serhetabat--torghundi', 'spin-boldak--chaman--rail'],
    );
    assert.ok(r.warnings.some((w) => w.code === 'NON_OPERATIONAL_LINK'));
    assert.ok(r.warnings.some((w) => w.code === 'PLANNED_CROSSING'));
    assert.deepEqual(body.query.include, ['planned', 'proposed']);
  });

  it('ranks alternatives by the objective (shortest: II then I)', async () => {
    const body = await getRoutes('from=mary&to=karachi&objective=shortest&alternatives=3');
    assert.deepEqual(
      body.routes.map((r) => [r.rank, r.distanceKm]),
      [
        [1, 3116.2],
        [2, 3205],
      ],
    );
    assert.deepEqual(body.routes[0]!.distanceKmByMode, { rail: 2005, ferry: 0, sea: 1111.2, road: 0 });
  });

  it('takes road legs only when modes names road (query D)', async () => {
    const body = await getRoutes('from=mary&to=spin-boldak&modes=rail,road');
    const r = body.routes[0]!;
    assert.equal(r.distanceKm, 1115);
    assert.equal(r.transitHours.typical, 33.4); // 33.35 h
    assert.equal(r.hoursByComponent.transfer.typical, 3);
    assert.deepEqual(
      r.modeTransfers.map((x) => [x.place.id, x.fromMode, x.toMode]),
      [['torghundi', 'rail', 'road']],
    );
    assert.equal(r.legs.at(-1)!.gaugeMm, null);
  });

  it('writes one log line per routed request with from, to, objective, km, hours and time', async () => {
    const before = t.logs.length;
    await getRoutes('from=mary&to=karachi&objective=shortest');
    const lines = t.logs.slice(before);
    assert.equal(lines.length, 1);
    const line = lines[0]!;
    assert.equal(line.from, 'mary');
    assert.equal(line.to, 'karachi');
    assert.equal(line.objective, 'shortest');
    assert.equal(line.km, 3116.2);
    assert.equal(line.hours, 129.1);
    assert.equal(line.statusCode, 200);
    assert.equal(typeof line.ms, 'number');
    assert.equal(typeof line.planMs, 'number');
  });
});

describe('POST /v1/routes', () => {
  it('gives the same answer as GET for the same question', async () => {
    const query = 'from=mary&to=karachi&include=planned,proposed&objective=fewest-borders&alternatives=2&avoidCountries=af';
    const get = await app.inject({ method: 'GET', url: `/v1/routes?${query}` });
    const post = await app.inject({
      method: 'POST',
      url: '/v1/routes',
      payload: {
        from: 'mary',
        to: 'karachi',
        include: ['planned', 'proposed'],
        objective: 'fewest-borders',
        alternatives: 2,
        avoidCountries: ['af'],
      },
    });
    assert.equal(get.statusCode, 200, get.body);
    assert.equal(post.statusCode, 200, post.body);
    assert.deepEqual(post.json(), get.json());
    // Afghanistan avoided, country code upper-cased in the echo.
    const body = post.json() as RouteResponse;
    assert.deepEqual(body.query.avoidCountries, ['AF']);
    assert.ok(body.routes.every((r) => !r.countries.includes('AF')));
  });
});

describe('route errors', () => {
  it('answers 404 UNKNOWN_PLACE with suggestions, naming every unknown place', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/routes?from=Karachii&to=mary&via=Zahdan' });
    assert.equal(res.statusCode, 404);
    assert.match(String(res.headers['content-type']), PROBLEM_TYPE);
    const body = res.json();
    assert.equal(body.code, 'UNKNOWN_PLACE');
    assert.equal(body.parameter, 'from');
    assert.equal(body.value, 'Karachii');
    assert.equal(body.suggestions[0].id, 'karachi');
    assert.deepEqual(
      body.errors.map((e: { parameter: string; value: string }) => [e.parameter, e.value]),
      [
        ['from', 'Karachii'],
        ['via', 'Zahdan'],
      ],
    );
    assert.equal(body.errors[1].suggestions[0].id, 'zahedan');
  });

  it('answers 422 NO_ROUTE when the places exist but nothing connects them (query D′)', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/routes?from=mary&to=spin-boldak' });
    assert.equal(res.statusCode, 422);
    assert.match(String(res.headers['content-type']), PROBLEM_TYPE);
    assert.equal(res.json().code, 'NO_ROUTE');
  });

  it('answers 400 INVALID_CONSTRAINT for from equal to to, and for an unknown crossing id', async () => {
    const same = await app.inject({ method: 'GET', url: '/v1/routes?from=mary&to=Mary' });
    assert.equal(same.statusCode, 400);
    assert.equal(same.json().code, 'INVALID_CONSTRAINT');
    const unknownId = await app.inject({ method: 'GET', url: '/v1/routes?from=mary&to=karachi&avoidCrossings=no-such-crossing' });
    assert.equal(unknownId.statusCode, 400);
    assert.equal(unknownId.json().code, 'INVALID_CONSTRAINT');
    assert.match(String(unknownId.headers['content-type']), PROBLEM_TYPE);
  });
});
