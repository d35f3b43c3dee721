/** GET /v1/border-crossings and /v1/corridors (lists and by id) on the small fixture, figures from its README. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { CorridorPageSchema, CorridorSchema } from '../../src/http/schemas/corridor.js';
import { CrossingPageSchema, CrossingSchema } from '../../src/http/schemas/crossing.js';
import { badParameters, expectProblem, itemIds } from './browse-helper.js';
import { withApp } from './helper.js';

let app: FastifyInstance;
before(async (t) => {
  app = (await withApp(t)).app;
});

async function get(url: string): Promise<unknown> {
  const res = await app.inject({ method: 'GET', url });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

describe('GET /v1/border-crossings', () => {
  it('lists the five crossings by id, filtered by country and status', async () => {
    const all = CrossingPageSchema.parse(await get('/v1/border-crossings'));
    assert.deepEqual(itemIds(all), [
      'saraghs--sarakhs',
      'serhetabat--torghundi',
      'spin-boldak--chaman--rail',
      'spin-boldak--chaman--road',
      'zahedan--taftan',
    ]);
    assert.equal(all.total, 5);
    assert.deepEqual(itemIds(CrossingPageSchema.parse(await get('/v1/border-crossings?country=ir'))), ['saraghs--sarakhs', 'zahedan--taftan']);
    assert.deepEqual(itemIds(CrossingPageSchema.parse(await get('/v1/border-crossings?status=planned,closed'))), [
      'spin-boldak--chaman--rail',
      'spin-boldak--chaman--road',
    ]);
    const p = CrossingPageSchema.parse(await get('/v1/border-crossings?limit=2&offset=4'));
    assert.deepEqual([itemIds(p), p.total], [['zahedan--taftan'], 5]);
  });

  it('refuses a limit above 200 and unknown statuses', async () => {
    assert.deepEqual(badParameters(await app.inject({ method: 'GET', url: '/v1/border-crossings?limit=201&status=shut' })), [
      'limit',
      'status',
    ]);
  });
});

describe('GET /v1/border-crossings/{id}', () => {
  it('gives dwell for each direction, the gauge change, status with its date and the links through it', async () => {
    const c = CrossingSchema.parse(await get('/v1/border-crossings/saraghs--sarakhs'));
    assert.deepEqual(c.places.map((p) => [p.id, p.country]), [
      ['saraghs', 'TM'],
      ['sarakhs', 'IR'],
    ]);
    assert.deepEqual(
      c.dwell.map((d) => [d.fromCountry, d.toCountry, d.hours.low, d.hours.typical, d.hours.high, d.directionSpecific]),
      [
        ['TM', 'IR', 3, 6, 12, true],
        ['IR', 'TM', 4, 8, 16, false],
      ],
    );
    assert.deepEqual(c.gaugeChange, {
      changesGauge: true,
      gaugesMm: [1520, 1435],
      handling: 'bogie-exchange',
      hours: { low: 2, typical: 4, high: 8, provenance: { basis: 'sourced', method: null, conflict: null } },
      includedInDwell: false,
      description: 'Bogie exchange 1520 ↔ 1435 mm',
    });
    assert.deepEqual([c.status, c.statusAsOf], ['open', '2025-10']);
    assert.deepEqual(c.links.map((l) => l.id), ['saraghs--sarakhs']);
  });

  it('gives a road crossing no gauges and no gauge-change time', async () => {
    const c = CrossingSchema.parse(await get('/v1/border-crossings/spin-boldak--chaman--road'));
    assert.deepEqual(c.gaugeChange, { changesGauge: false, gaugesMm: null, handling: 'none', hours: null, includedInDwell: false, description: null });
    assert.equal(c.status, 'closed');
    assert.deepEqual(c.modes, ['road']);
    assert.deepEqual(c.links.map((l) => l.id), ['spin-boldak--chaman--road']);
    assert.deepEqual(c.dwell.map((d) => d.hours.typical), [20, 20]);
  });

  it('answers 404 NOT_FOUND with the closest crossing ids', async () => {
    const body = expectProblem(await app.inject({ method: 'GET', url: '/v1/border-crossings/sarakhs' }), 'NOT_FOUND');
    assert.deepEqual(body.suggestions, [{ id: 'saraghs--sarakhs', name: 'Saraghs – Sarakhs' }]);
  });
});

describe('GET /v1/corridors', () => {
  it('lists the corridors by id with km by status', async () => {
    const all = CorridorPageSchema.parse(await get('/v1/corridors'));
    assert.deepEqual(itemIds(all), ['eco-iti', 'kz-tm-af-pk', 'lapis-lazuli', 'nstc']);
    assert.deepEqual(
      all.items.map((c) => [c.id, c.lengthKm, c.lengthKmByStatus.operational]),
      [
        ['eco-iti', 3000, 3000],
        ['kz-tm-af-pk', 2065, 1295],
        ['lapis-lazuli', 1270, 1270],
        ['nstc', 2005, 2005],
      ],
    );
    assert.deepEqual(itemIds(CorridorPageSchema.parse(await get('/v1/corridors?country=az'))), ['lapis-lazuli']);
    const p = CorridorPageSchema.parse(await get('/v1/corridors?limit=1&offset=1'));
    assert.deepEqual([itemIds(p), p.total], [['kz-tm-af-pk'], 4]);
    assert.deepEqual(badParameters(await app.inject({ method: 'GET', url: '/v1/corridors?limit=500' })), ['limit']);
  });
});

describe('GET /v1/corridors/{id}', () => {
  it('gives description, member links, km by status, countries, crossings and sources', async () => {
    const c = CorridorSchema.parse(await get('/v1/corridors/kz-tm-af-pk'));
    assert.equal(c.description, 'Turkmen network to Torghundi, Herat, Spin Boldak and Chaman.');
    // operational 300 + 5 + 120 + 870; planned torghundi–herat 120; proposed 640 + 10.
    assert.deepEqual(c.lengthKmByStatus, { operational: 1295, underConstruction: 0, planned: 120, proposed: 650, suspended: 0 });
    assert.equal(c.lengthKm, 2065);
    assert.deepEqual(c.countries, ['AF', 'PK', 'TM']);
    assert.equal(c.links.length, 7);
    assert.deepEqual(c.crossings.map((x) => x.id).sort(), ['serhetabat--torghundi', 'spin-boldak--chaman--rail']);
    assert.equal(c.sources[0]?.address, 'test fixture (network-small)');
  });

  it('answers 404 NOT_FOUND with the closest corridor ids', async () => {
    const body = expectProblem(await app.inject({ method: 'GET', url: '/v1/corridors/nstv' }), 'NOT_FOUND');
    assert.deepEqual(body.suggestions, [{ id: 'nstc', name: 'North–South Transport Corridor' }]);
  });
});
