/** GET /v1/network: GeoJSON of the small fixture network. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Network } from '../../src/domain/network/schema.js';
import { NetworkFeatureCollectionSchema, type NetworkFeatureCollection } from '../../src/http/schemas/network-geojson.js';
import { badParameters } from './browse-helper.js';
import { withApp } from './helper.js';

let app: FastifyInstance;
let net: Network;
before(async (ctx) => {
  const t = await withApp(ctx);
  app = t.app;
  net = t.deps.network;
});

async function geo(query: string): Promise<NetworkFeatureCollection> {
  const res = await app.inject({ method: 'GET', url: `/v1/network${query}` });
  assert.equal(res.statusCode, 200, res.body);
  assert.match(String(res.headers['content-type']), /^application\/geo\+json/);
  return NetworkFeatureCollectionSchema.parse(res.json());
}

const ofType = (fc: NetworkFeatureCollection, t: 'place' | 'link') =>
  fc.features.filter((f) => f.properties.featureType === t).map((f) => f.id);

describe('GET /v1/network', () => {
  it('is a GeoJSON FeatureCollection of every place as a Point and every link as a LineString', async () => {
    const fc = await geo('');
    assert.equal(fc.type, 'FeatureCollection');
    assert.equal(ofType(fc, 'place').length, 15);
    assert.equal(ofType(fc, 'link').length, 19);
    const position = new Map(net.places.map((p) => [p.id, [p.lon, p.lat]]));
    for (const f of fc.features) {
      assert.equal(f.type, 'Feature');
      assert.equal(f.properties.id, f.id);
      if (f.properties.featureType === 'place') {
        assert.equal(f.geometry.type, 'Point');
        assert.deepEqual(f.geometry.coordinates, position.get(f.id), f.id);
      } else {
        assert.equal(f.geometry.type, 'LineString');
        // RFC 7946: [longitude, latitude]; a LineString has at least two positions.
        assert.deepEqual(f.geometry.coordinates, [position.get(f.properties.from), position.get(f.properties.to)], f.id);
      }
      for (const [lon, lat] of f.geometry.type === 'Point' ? [f.geometry.coordinates] : f.geometry.coordinates) {
        assert.ok(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90, f.id);
      }
    }
    const sea = fc.features.find((f) => f.id === 'bandar-abbas--karachi')!;
    assert.deepEqual(sea.properties, {
      featureType: 'link',
      id: 'bandar-abbas--karachi',
      from: 'bandar-abbas',
      to: 'karachi',
      mode: 'sea',
      lengthKm: 1111.2,
      gaugeMm: null,
      status: 'operational',
      corridors: [],
    });
  });

  it('selects links by corridor, status, mode and country, with the places they reach', async () => {
    const eco = await geo('?corridor=eco-iti');
    assert.deepEqual(ofType(eco, 'link'), ['quetta--karachi', 'sarakhs--zahedan', 'taftan--quetta', 'zahedan--taftan']);
    assert.deepEqual(ofType(eco, 'place'), ['karachi', 'quetta', 'sarakhs', 'taftan', 'zahedan']);
    const proposed = await geo('?status=proposed&mode=rail');
    assert.deepEqual(ofType(proposed, 'link'), ['herat--spin-boldak', 'spin-boldak--chaman']);
    assert.deepEqual(ofType(proposed, 'place'), ['chaman', 'herat', 'spin-boldak']);
    // The ferry reaches Turkmenbashi, outside AZ.
    const az = await geo('?country=az');
    assert.deepEqual(ofType(az, 'link'), ['alat-port--turkmenbashi']);
    assert.deepEqual(ofType(az, 'place'), ['alat-port', 'turkmenbashi']);
    assert.deepEqual((await geo('?status=suspended')).features, []);
  });

  it('refuses unknown filter values and parameters', async () => {
    assert.deepEqual(badParameters(await app.inject({ method: 'GET', url: '/v1/network?status=built&limit=5' })), ['limit', 'status']);
  });
});
