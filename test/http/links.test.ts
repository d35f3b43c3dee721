/** GET /v1/links and /v1/links/{id} on the small fixture (links drawn in its README). */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { LinkPageSchema, LinkSchema, type LinkPage, type WireLink } from '../../src/http/schemas/link.js';
import { badParameters, expectProblem, itemIds } from './browse-helper.js';
import { withApp } from './helper.js';

let app: FastifyInstance;
before(async (t) => {
  app = (await withApp(t)).app;
});

async function page(query: string): Promise<LinkPage> {
  const res = await app.inject({ method: 'GET', url: `/v1/links${query}` });
  assert.equal(res.statusCode, 200, res.body);
  return LinkPageSchema.parse(res.json());
}

async function link(id: string): Promise<WireLink> {
  const res = await app.inject({ method: 'GET', url: `/v1/links/${id}` });
  assert.equal(res.statusCode, 200, res.body);
  return LinkSchema.parse(res.json());
}

describe('GET /v1/links', () => {
  it('lists all 19 links sorted by id', async () => {
    const body = await page('');
    assert.equal(body.total, 19);
    assert.equal(body.items.length, 19);
    assert.deepEqual(itemIds(body), itemIds(body).slice().sort());
    assert.equal(body.items[0]!.id, 'alat-port--turkmenbashi');
  });

  it('filters by status, mode, country and corridor', async () => {
    assert.deepEqual(itemIds(await page('?status=planned,proposed')), ['herat--spin-boldak', 'spin-boldak--chaman', 'torghundi--herat']);
    assert.deepEqual(itemIds(await page('?mode=road&country=af')), [
      'herat--spin-boldak--road',
      'spin-boldak--chaman--road',
      'torghundi--herat--road',
    ]);
    assert.deepEqual(itemIds(await page('?corridor=nstc')), ['mary--saraghs', 'saraghs--sarakhs', 'sarakhs--bandar-abbas']);
    assert.deepEqual(itemIds(await page('?country=AF&mode=rail&status=operational')), ['serhetabat--torghundi']);
    assert.deepEqual(itemIds(await page('?mode=sea,ferry')), ['alat-port--turkmenbashi', 'bandar-abbas--karachi']);
    const none = await page('?status=suspended');
    assert.deepEqual([none.items.length, none.total], [0, 0]);
  });

  it('pages, with the total counting every match', async () => {
    const p = await page('?country=AF&limit=2&offset=2');
    assert.deepEqual([p.items.length, p.total, p.limit, p.offset], [2, 7, 2, 2]);
    assert.deepEqual(itemIds(p), ['serhetabat--torghundi', 'spin-boldak--chaman']);
  });

  it('refuses a limit above 200 and unknown filter values, naming each parameter', async () => {
    assert.deepEqual(badParameters(await app.inject({ method: 'GET', url: '/v1/links?limit=1000' })), ['limit']);
    const res = await app.inject({ method: 'GET', url: '/v1/links?mode=plane&status=built&corridor=Bad%20Id' });
    assert.deepEqual(badParameters(res), ['corridor', 'mode', 'status']);
  });
});

describe('GET /v1/links/{id}', () => {
  it('gives a rail link with its own speed, corridor and the crossing it passes', async () => {
    const l = await link('zahedan--taftan');
    assert.deepEqual([l.mode, l.lengthKm, l.gaugeMm, l.status, l.statusAsOf], ['rail', 100, 1676, 'operational', '2025-10']);
    assert.deepEqual([l.speedKmh?.low, l.speedKmh?.typical, l.speedKmh?.high], [30, 40, 50]);
    assert.deepEqual(l.corridors, [{ id: 'eco-iti', name: 'ECO Islamabad–Tehran–Istanbul' }]);
    assert.deepEqual(l.crossing, { id: 'zahedan--taftan', name: l.crossing!.name, countries: ['IR', 'PK'], status: 'restricted' });
    assert.deepEqual(l.from, { id: 'zahedan', name: 'Zahedan', country: 'IR' });
    assert.equal(l.ferry, null);
    assert.ok(l.sources.length >= 1);
  });

  it('gives the provenance of an estimated length', async () => {
    const l = await link('torghundi--herat--road');
    assert.deepEqual(l.lengthProvenance, { basis: 'estimate', method: 'great-circle 100.6 km × 1.3 road detour factor', conflict: null });
    assert.equal(l.gaugeMm, null);
    assert.equal(l.crossing, null);
  });

  it('gives ferry and sea timings', async () => {
    const ferry = await link('alat-port--turkmenbashi');
    // README: crossing 18 + wait 48 + handling 10 h typical.
    assert.deepEqual(
      [ferry.ferry?.crossingHours.typical, ferry.ferry?.waitHours.typical, ferry.ferry?.handlingHours.typical],
      [18, 48, 10],
    );
    const sea = await link('bandar-abbas--karachi');
    assert.equal(sea.lengthKm, 1111.2);
    assert.equal(sea.sea?.handlingHours.typical, 30);
    assert.equal(sea.ferry, null);
  });

  it('answers 404 NOT_FOUND with the closest link ids', async () => {
    const typo = expectProblem(await app.inject({ method: 'GET', url: '/v1/links/mary--saragh' }), 'NOT_FOUND');
    assert.deepEqual(typo.suggestions, [{ id: 'mary--saraghs', name: 'Mary – Saraghs (rail)' }]);
    const part = expectProblem(await app.inject({ method: 'GET', url: '/v1/links/mary' }), 'NOT_FOUND');
    assert.deepEqual(part.suggestions?.map((s) => s.id), ['mary--saraghs', 'mary--serhetabat', 'turkmenbashi--mary']);
    assert.equal(part.parameter, 'id');
  });
});
