/** GET /v1/places and /v1/places/{id} on the small fixture (places listed in its README). */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { PlaceDetailSchema, PlacePageSchema, type PlacePage } from '../../src/http/schemas/place.js';
import { badParameters, expectProblem, itemIds } from './browse-helper.js';
import { withApp } from './helper.js';

let app: FastifyInstance;
before(async (t) => {
  app = (await withApp(t)).app;
});

async function page(query: string): Promise<PlacePage> {
  const res = await app.inject({ method: 'GET', url: `/v1/places${query}` });
  assert.equal(res.statusCode, 200, res.body);
  assert.match(String(res.headers['content-type']), /^application\/json/);
  return PlacePageSchema.parse(res.json());
}

const BY_NAME = [
  'bandar-abbas', // Bandar Abbas
  'chaman',
  'herat',
  'karachi',
  'mary',
  'alat-port', // Port of Baku (Alat)
  'quetta',
  'saraghs',
  'sarakhs',
  'serhetabat',
  'spin-boldak',
  'taftan',
  'torghundi',
  'turkmenbashi',
  'zahedan',
];

describe('GET /v1/places', () => {
  it('lists every place by name with the default page size', async () => {
    const body = await page('');
    assert.deepEqual(itemIds(body), BY_NAME);
    assert.equal(body.total, 15);
    assert.equal(body.limit, 50);
    assert.equal(body.offset, 0);
    const karachi = body.items.find((p) => p.id === 'karachi')!;
    assert.equal(karachi.unlocode, 'PKKHI');
    assert.deepEqual(karachi.aliases, ['Karāchī', 'Kiamari']);
    assert.equal(karachi.transshipment, null);
    assert.equal(karachi.coordinatesProvenance.basis, 'sourced');
  });

  it('searches names, aliases and UN/LOCODEs, ignoring case and accents', async () => {
    assert.deepEqual(itemIds(await page('?q=kara')), ['karachi']);
    assert.deepEqual(itemIds(await page('?q=PKKHI')), ['karachi']);
    assert.deepEqual(itemIds(await page('?q=T%C3%BCrkmenba%C5%9F%C4%B1')), ['turkmenbashi']); // Türkmenbaşı
    assert.deepEqual(itemIds(await page('?q=krasnovodsk')), ['turkmenbashi']);
    // Two prefix matches, by name.
    assert.deepEqual(itemIds(await page('?q=sara')), ['saraghs', 'sarakhs']);
    const none = await page('?q=nowhere');
    assert.deepEqual(none, { items: [], total: 0, limit: 50, offset: 0 });
  });

  it('filters by country (any case) and kind, several values being alternatives', async () => {
    assert.deepEqual(itemIds(await page('?country=pk')), ['chaman', 'karachi', 'quetta', 'taftan']);
    assert.deepEqual(itemIds(await page('?kind=port')), ['bandar-abbas', 'karachi', 'alat-port', 'turkmenbashi']);
    assert.deepEqual(itemIds(await page('?country=PK&kind=port')), ['karachi']);
    assert.deepEqual(itemIds(await page('?country=AZ,IR&kind=port')), ['bandar-abbas', 'alat-port']);
    assert.deepEqual(itemIds(await page('?q=a&country=AF')).sort(), ['herat', 'spin-boldak', 'torghundi']);
  });

  it('pages through the list', async () => {
    const p = await page('?limit=5&offset=10');
    assert.deepEqual(itemIds(p), BY_NAME.slice(10, 15));
    assert.deepEqual([p.total, p.limit, p.offset], [15, 5, 10]);
    assert.deepEqual(itemIds(await page('?limit=1&offset=14')), ['zahedan']);
    const beyond = await page('?offset=15');
    assert.deepEqual([beyond.items.length, beyond.total], [0, 15]);
    assert.equal((await page('?limit=200')).limit, 200);
  });

  it('refuses a limit above 200 and other bad paging values, naming the parameter', async () => {
    assert.deepEqual(badParameters(await app.inject({ method: 'GET', url: '/v1/places?limit=201' })), ['limit']);
    assert.deepEqual(badParameters(await app.inject({ method: 'GET', url: '/v1/places?limit=0' })), ['limit']);
    assert.deepEqual(badParameters(await app.inject({ method: 'GET', url: '/v1/places?limit=ten&offset=-1' })), ['limit', 'offset']);
  });

  it('refuses unknown kinds, malformed countries and unknown parameters', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/places?kind=harbour&country=PAK&colour=red' });
    assert.deepEqual(badParameters(res), ['colour', 'country', 'kind']);
  });
});

describe('GET /v1/places/{id}', () => {
  it('gives the place with the links and crossings touching it', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/places/chaman' });
    assert.equal(res.statusCode, 200, res.body);
    const body = PlaceDetailSchema.parse(res.json());
    assert.equal(body.name, 'Chaman');
    assert.equal(body.country, 'PK');
    assert.deepEqual(body.links.map((l) => l.id).sort(), ['chaman--quetta', 'spin-boldak--chaman', 'spin-boldak--chaman--road']);
    const proposed = body.links.find((l) => l.id === 'spin-boldak--chaman')!;
    assert.deepEqual([proposed.mode, proposed.lengthKm, proposed.gaugeMm, proposed.status], ['rail', 10, 1520, 'proposed']);
    assert.deepEqual(proposed.from, { id: 'spin-boldak', name: 'Spin Boldak', country: 'AF' });
    assert.deepEqual(
      body.crossings.map((c) => [c.id, c.status]).sort(),
      [
        ['spin-boldak--chaman--rail', 'planned'],
        ['spin-boldak--chaman--road', 'closed'],
      ],
    );
  });

  it('shows a place’s transshipment with its hours and provenance', async () => {
    const body = PlaceDetailSchema.parse((await app.inject({ method: 'GET', url: '/v1/places/zahedan' })).json());
    assert.equal(body.transshipment?.handling, 'transshipment');
    assert.deepEqual(body.transshipment?.hours, { low: 6, typical: 12, high: 24, provenance: { basis: 'sourced', method: null, conflict: null } });
    assert.deepEqual(body.crossings.map((c) => c.id), ['zahedan--taftan']);
  });

  it('answers 404 NOT_FOUND with suggestions for an unknown id, also for a name instead of an id', async () => {
    const byName = expectProblem(await app.inject({ method: 'GET', url: '/v1/places/Karachi' }), 'NOT_FOUND');
    assert.equal(byName.parameter, 'id');
    assert.equal(byName.value, 'Karachi');
    assert.deepEqual(byName.suggestions?.[0], { id: 'karachi', name: 'Karachi' });

    const typo = expectProblem(await app.inject({ method: 'GET', url: '/v1/places/sarahks' }), 'NOT_FOUND');
    assert.deepEqual(typo.suggestions?.map((s) => s.id), ['saraghs', 'sarakhs']);
    assert.match(typo.detail, /sarahks/);

    const nothing = expectProblem(await app.inject({ method: 'GET', url: '/v1/places/xyzzy' }), 'NOT_FOUND');
    assert.deepEqual(nothing.suggestions, []);
  });
});
