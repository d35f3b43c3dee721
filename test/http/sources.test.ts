/**
 * GET /v1/sources and /v1/sources/{id} on the real data set, and the register
 * entries in full wherever a record's sources are shown (links, places,
 * crossings, route legs, scenarios).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { SourceEntry } from '../../src/domain/network/source-register.js';
import { CrossingSchema } from '../../src/http/schemas/crossing.js';
import { LinkSchema } from '../../src/http/schemas/link.js';
import { PlaceDetailSchema } from '../../src/http/schemas/place.js';
import { SourcePageSchema, SourceSchema, type WireCitedSource } from '../../src/http/schemas/source.js';
import { expectProblem, itemIds } from './browse-helper.js';
import { FIXTURE_DIR, REAL_DATA_DIR, type TestApp, withApp } from './helper.js';

let t: TestApp;
let register: Map<string, SourceEntry>;
before(async (ctx) => {
  t = await withApp(ctx, REAL_DATA_DIR);
  register = new Map(t.deps.network.sources.map((s) => [s.id, s]));
});

const get = async (url: string) => {
  const res = await t.app.inject({ method: 'GET', url });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as unknown;
};

/** A cited source on the wire carries its register entry unchanged, plus the record's statement. */
function assertFullEntry(c: WireCitedSource): void {
  const s = register.get(c.id);
  assert.ok(s, `unknown source ${c.id}`);
  assert.deepEqual(
    { address: c.address, addressForm: c.addressForm, title: c.title, publisher: c.publisher, published: c.published, read: c.read },
    { address: s.address, addressForm: s.addressForm, title: s.title, publisher: s.publisher, published: s.published, read: s.read },
  );
  assert.equal(c.publishedNote, s.publishedNote ?? null);
  assert.ok(s.statements.includes(c.statement), `${c.id} does not quote "${c.statement}"`);
}

describe('GET /v1/sources', () => {
  it('pages through the whole register sorted by id', async () => {
    const first = SourcePageSchema.parse(await get('/v1/sources?limit=200'));
    const rest = SourcePageSchema.parse(await get('/v1/sources?limit=200&offset=200'));
    assert.equal(first.total, register.size);
    const ids = [...itemIds(first), ...itemIds(rest)];
    assert.deepEqual(ids, [...register.keys()].sort());
  });

  it('answers a bad limit with a validation problem', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/v1/sources?limit=500' }), 'VALIDATION_ERROR');
  });
});

describe('GET /v1/sources/{id}', () => {
  it('shows the entry, its statements and the records citing it', async () => {
    const s = SourceSchema.parse(await get('/v1/sources/tass-world-764933'));
    assert.equal(s.address, 'https://tass.com/world/764933');
    assert.equal(s.publisher, 'TASS');
    assert.equal(s.published, '2014-12-03');
    assert.ok(s.statements.length >= 1);
    // The KZ–TM–IR line cites TASS for its length: the links that do are listed, by kind then id.
    const links = s.citedBy.filter((r) => r.kind === 'link').map((r) => r.id);
    assert.ok(links.length > 0);
    assert.deepEqual(links, [...links].sort());
    for (const id of links) {
      const l = LinkSchema.parse(await get(`/v1/links/${id}`));
      assert.ok(l.sources.some((c) => c.id === 'tass-world-764933'), `${id} is listed but does not cite the source`);
    }
  });

  it('answers an unknown id with 404 and the closest ids', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/sources/tass-world-76493' });
    const body = expectProblem(res, 'NOT_FOUND') as { suggestions?: { id: string }[] };
    assert.equal(body.suggestions?.[0]?.id, 'tass-world-764933');
  });
});

describe('sources in full on records and route legs', () => {
  it('/v1/links/{id}: each source is the register entry with the statement for this link', async () => {
    const l = LinkSchema.parse(await get('/v1/links/saraghs--sarakhs'));
    assert.ok(l.sources.length > 0);
    l.sources.forEach(assertFullEntry);
  });

  it('/v1/places/{id} and /v1/border-crossings/{id} the same, down to dwell and status sources', async () => {
    const p = PlaceDetailSchema.parse(await get('/v1/places/zahedan'));
    [...p.sources, ...(p.transshipment?.sources ?? [])].forEach(assertFullEntry);
    const c = CrossingSchema.parse(await get('/v1/border-crossings/saraghs--sarakhs'));
    const all = [...c.sources, ...c.statusSources, ...c.dwell.flatMap((d) => d.sources)];
    assert.ok(all.length > 0);
    all.forEach(assertFullEntry);
  });

  it('route legs carry the sources of their links in full', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/v1/routes', payload: { from: 'Almaty', to: 'Karachi' } });
    assert.equal(res.statusCode, 200, res.body);
    const legs = (res.json() as { routes: { legs: { linkId: string; sources: WireCitedSource[] }[] }[] }).routes[0]!.legs;
    assert.ok(legs.length > 3);
    for (const leg of legs) {
      const link = t.deps.network.links.find((l) => l.id === leg.linkId)!;
      assert.deepEqual(leg.sources.map((s) => [s.id, s.statement]), link.sources.map((s) => [s.source, s.statement]));
      leg.sources.forEach(assertFullEntry);
    }
  });

  it('a hypothetical link of a request cites the built-in request source, not the register', async (ctx) => {
    const fixture = await withApp(ctx, FIXTURE_DIR);
    const res = await fixture.app.inject({
      method: 'POST',
      url: '/v1/routes',
      payload: { from: 'mary', to: 'turkmenbashi', modes: ['road'], overlays: [{ kind: 'add-link', from: 'mary', to: 'turkmenbashi', mode: 'road', lengthKm: 50, speedKmh: 80 }] },
    });
    assert.equal(res.statusCode, 200, res.body);
    const legs = (res.json() as { routes: { legs: { linkId: string; sources: WireCitedSource[] }[] }[] }).routes[0]!.legs;
    const hypo = legs.find((l) => l.linkId.endsWith('--hypothetical'));
    assert.ok(hypo, 'the route uses the hypothetical link');
    assert.deepEqual(hypo.sources.map((s) => [s.id, s.addressForm]), [['request-overlay', 'descriptive']]);
  });
});
