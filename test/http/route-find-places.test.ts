/**
 * Finding places on /v1/routes: coordinates "lat,lon" for from, to and via
 * (nearest place within the distance /v1/info states), the encoded polyline
 * geometry, and the NO_ROUTE diagnosis; on the fixture (places and routes in
 * its README) and, for Almaty → Gwadar, on the real data.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { greatCircleKm } from '../../src/domain/network/geo.js';
import { COORDINATE_SNAP_KM } from '../../src/domain/network/place-index.js';
import { decodePolyline } from '../../src/http/mappers/polyline.js';
import { ProblemSchema } from '../../src/http/schemas/problem.js';
import { RouteResponseSchema, type RouteResponse } from '../../src/http/schemas/route-response.js';
import { REAL_DATA_DIR } from './helper.js';
import { withPlanningApp } from './planning-helper.js';

let app: FastifyInstance;
let real: FastifyInstance;
before(async (t) => {
  ({ app } = await withPlanningApp(t));
  ({ app: real } = await withPlanningApp(t, REAL_DATA_DIR));
});

async function routes(a: FastifyInstance, query: string): Promise<RouteResponse> {
  const res = await a.inject({ method: 'GET', url: `/v1/routes?${query}` });
  assert.equal(res.statusCode, 200, res.body);
  return RouteResponseSchema.parse(res.json());
}

const round1 = (n: number) => Math.round(n * 10) / 10;

describe('coordinates as places', () => {
  it('to=24.8,67.0 is Karachi (24.82, 66.98), and the answer says so with the distance', async () => {
    const body = await routes(app, 'from=mary&to=24.8,67.0');
    assert.equal(body.query.to.id, 'karachi');
    assert.equal(body.routes[0]!.distanceKm, 3205); // route I, as with to=karachi
    assert.deepEqual(body.query.coordinateMatches, [
      { parameter: 'to', input: '24.8,67.0', place: { id: 'karachi', name: 'Karachi' }, distanceKm: round1(greatCircleKm(24.8, 67.0, 24.82, 66.98)) },
    ]);
    assert.equal(body.query.coordinateMatches[0]!.distanceKm, 3);
  });

  it('names give no coordinate matches, and the two spellings never share a cached answer', async () => {
    const byName = await routes(app, 'from=mary&to=karachi');
    assert.deepEqual(byName.query.coordinateMatches, []);
    const near = await routes(app, 'from=mary&to=24.8,67.0');
    const nearer = await routes(app, 'from=mary&to=24.82,66.99');
    assert.notEqual(near.query.coordinateMatches[0]!.distanceKm, nearer.query.coordinateMatches[0]!.distanceKm);
  });

  it('via takes coordinates in its comma list: 36.54,61.16 is Sarakhs', async () => {
    const body = await routes(app, 'from=mary&to=karachi&via=36.54,61.16');
    assert.deepEqual(body.query.via, [{ id: 'sarakhs', name: 'Sarakhs' }]);
    assert.deepEqual(body.query.coordinateMatches.map((m) => [m.parameter, m.place.id, m.distanceKm]), [['via[0]', 'sarakhs', 0]]);
    const post = await real.inject({ method: 'POST', url: '/v1/routes', payload: { from: '43.25, 76.94', to: 'Karachi' } });
    assert.equal(post.statusCode, 200, post.body);
    assert.equal(RouteResponseSchema.parse(post.json()).query.from.id, 'almaty');
  });

  it(`a point more than ${COORDINATE_SNAP_KM} km from every place is an UNKNOWN_PLACE naming the nearest; junctions are never chosen`, async () => {
    // Mary (37.6, 61.83) is a junction in the fixture: the nearest other place is Saraghs, about 130 km away.
    const res = await app.inject({ method: 'GET', url: '/v1/routes?from=37.6,61.83&to=karachi' });
    assert.equal(res.statusCode, 404, res.body);
    const body = ProblemSchema.parse(res.json());
    assert.equal(body.code, 'UNKNOWN_PLACE');
    assert.equal(body.parameter, 'from');
    assert.match(body.detail, /no place within 50 km of 37\.6,61\.83; the nearest is "Saraghs" \(saraghs\) at 1\d\d\.\d km/);
    assert.deepEqual(body.suggestions, [{ id: 'saraghs', name: 'Saraghs' }]);
  });

  it('/v1/info states the distance', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/info' });
    assert.equal(res.json().limits.coordinateSnapKm, COORDINATE_SNAP_KM);
  });
});

describe('geometry=polyline', () => {
  it('gives each route its places as an encoded polyline, the same positions as the LineString to 1e-5 degrees', async () => {
    const line = await routes(app, 'from=mary&to=karachi&alternatives=2');
    const poly = await routes(app, 'from=mary&to=karachi&alternatives=2&geometry=polyline');
    assert.equal(poly.query.geometry, 'polyline');
    assert.equal(poly.routes.length, line.routes.length);
    poly.routes.forEach((r, i) => {
      const g = line.routes[i]!.geometry;
      assert.equal(typeof r.geometry, 'string');
      assert.ok(typeof g !== 'string');
      const back = decodePolyline(r.geometry as string);
      assert.equal(back.length, g.coordinates.length);
      back.forEach(([lon, lat], j) => {
        assert.ok(Math.abs(lon - g.coordinates[j]![0]) < 1e-5 && Math.abs(lat - g.coordinates[j]![1]) < 1e-5);
      });
      // Everything else is the same answer.
      assert.deepEqual({ ...r, geometry: null }, { ...line.routes[i]!, geometry: null });
    });
  });

  it('leaves CSV and GeoJSON alone, and an unknown form is a 400', async () => {
    const a = await app.inject({ method: 'GET', url: '/v1/routes?from=mary&to=karachi&format=csv&geometry=polyline' });
    const b = await app.inject({ method: 'GET', url: '/v1/routes?from=mary&to=karachi&format=csv' });
    assert.equal(a.body, b.body);
    const bad = await app.inject({ method: 'GET', url: '/v1/routes?from=mary&to=karachi&geometry=wkt' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().errors[0].parameter, 'geometry');
  });
});

describe('NO_ROUTE says what stopped the route and what would let one through', () => {
  it('fixture: mary → karachi avoiding IR goes through with IR allowed or the Afghan lines included', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/routes?from=mary&to=karachi&avoidCountries=IR' });
    assert.equal(res.statusCode, 422, res.body);
    const body = res.json();
    assert.equal(body.code, 'NO_ROUTE');
    assert.deepEqual(body.blockedBy, ['avoidCountries', 'include']);
    assert.deepEqual(
      body.wouldRoute.map((w: { change: string; distanceKm: number }) => [w.change, w.distanceKm]),
      [
        ['allow IR', 3205],
        ['include under-construction, planned and proposed lines', 2065],
      ],
    );
    assert.match(body.detail, /A route goes through if you allow IR/);
  });

  it('real data: Almaty → Gwadar avoiding IR has a route if planned lines are allowed; road does not help while both AF–PK road crossings are closed', async () => {
    const res = await real.inject({ method: 'GET', url: '/v1/routes?from=Almaty&to=Gwadar&avoidCountries=IR' });
    assert.equal(res.statusCode, 422, res.body);
    const body = res.json();
    const ways = body.wouldRoute as { parameters: string[]; values: Record<string, string[]>; countries: string[] }[];
    const planned = ways.find((w) => w.parameters.join() === 'include');
    assert.ok(planned && planned.values.include!.includes('planned'), body.detail);
    assert.ok(!planned.countries.includes('IR'));
    // Chaman (Oct 2025) and Torkham (Oct 2025) are closed to trade: allowing road alone opens nothing.
    assert.equal(ways.find((w) => w.parameters.join() === 'modes'), undefined, body.detail);
    const roadOnly = await real.inject({ method: 'GET', url: '/v1/routes?from=Almaty&to=Gwadar&avoidCountries=IR&modes=rail,ferry,sea,road' });
    assert.equal(roadOnly.statusCode, 422, roadOnly.body);
    // The way through really routes when asked.
    const [name, value] = Object.entries(planned.values)[0]!;
    const ok = await real.inject({ method: 'GET', url: `/v1/routes?from=Almaty&to=Gwadar&avoidCountries=IR&${name}=${value.join(',')}` });
    assert.equal(ok.statusCode, 200, ok.body);
  });
});
