/** ETag, Cache-Control and 304 on the network-browsing endpoints, and the caching module itself. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { CACHE_CONTROL, entityTag, ifNoneMatchMatches, normaliseQuery } from '../../src/http/browse-etags.js';
import { type TestApp, withApp } from './helper.js';

let t: TestApp;
let app: FastifyInstance;
before(async (ctx) => {
  t = await withApp(ctx);
  app = t.app;
});

const CACHED_URLS = [
  '/v1/places?q=kara',
  '/v1/places/karachi',
  '/v1/links?status=planned',
  '/v1/links/mary--saraghs',
  '/v1/border-crossings',
  '/v1/border-crossings/saraghs--sarakhs',
  '/v1/corridors',
  '/v1/corridors/nstc',
  '/v1/network?corridor=nstc',
];

async function etagOf(url: string, a: FastifyInstance = app): Promise<string> {
  const res = await a.inject({ method: 'GET', url });
  assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
  const etag = res.headers.etag;
  assert.equal(typeof etag, 'string', url);
  return etag as string;
}

describe('caching of the browsing answers', () => {
  it('sends an ETag and Cache-Control on every answer, and 304 without a body when If-None-Match matches', async () => {
    for (const url of CACHED_URLS) {
      const first = await app.inject({ method: 'GET', url });
      assert.equal(first.statusCode, 200, url);
      assert.equal(first.headers['cache-control'], 'public, max-age=300', url);
      const etag = String(first.headers.etag);
      assert.match(etag, /^"[A-Za-z0-9_-]{22}"$/, url);
      const again = await app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
      assert.equal(again.statusCode, 304, url);
      assert.equal(again.body, '', url);
      assert.equal(again.headers.etag, etag, url);
      assert.equal(again.headers['cache-control'], CACHE_CONTROL, url);
    }
  });

  it('answers 200 again when If-None-Match names another ETag', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/corridors', headers: { 'if-none-match': '"stale"' } });
    assert.equal(res.statusCode, 200);
    assert.ok(res.json().items.length > 0);
  });

  it('matches weak tags, lists of tags and *', async () => {
    const etag = await etagOf('/v1/links');
    for (const header of [`W/${etag}`, `"other", ${etag}`, '*']) {
      const res = await app.inject({ method: 'GET', url: '/v1/links', headers: { 'if-none-match': header } });
      assert.equal(res.statusCode, 304, header);
    }
  });

  it('gives the same ETag to the same question however it is spelt, and another to another question', async () => {
    assert.equal(await etagOf('/v1/links?status=planned,proposed&country=af'), await etagOf('/v1/links?country=AF&status=proposed,planned'));
    assert.equal(await etagOf('/v1/places'), await etagOf('/v1/places?limit=50&offset=0'));
    assert.equal(await etagOf('/v1/places?q=Karachi'), await etagOf('/v1/places?q=karachi'));
    const tags = await Promise.all(['/v1/places', '/v1/places?offset=1', '/v1/places?q=kara', '/v1/links', '/v1/places/karachi', '/v1/places/quetta'].map((u) => etagOf(u)));
    assert.equal(new Set(tags).size, tags.length);
  });

  it('changes the ETag when the data version changes, so a new data set is never answered 304', async (ctx) => {
    const network = { ...t.deps.network, parameters: { ...t.deps.network.parameters, dataVersion: 'fixture-2' } };
    const other = await withApp(ctx, undefined, { network });
    const oldTag = await etagOf('/v1/corridors');
    assert.notEqual(await etagOf('/v1/corridors', other.app), oldTag);
    const res = await other.app.inject({ method: 'GET', url: '/v1/corridors', headers: { 'if-none-match': oldTag } });
    assert.equal(res.statusCode, 200);
  });

  it('does not cache errors', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/links/nope' });
    assert.equal(res.statusCode, 404);
    assert.equal(res.headers.etag, undefined);
    assert.equal(res.headers['cache-control'], undefined);
  });
});

describe('caching module', () => {
  it('normalises a query: keys sorted, lists as sorted sets, absent values and empty lists dropped', () => {
    assert.equal(
      normaliseQuery({ status: ['proposed', 'planned', 'planned'], limit: 50, q: undefined, country: [] }),
      '[["limit",50],["status",["planned","proposed"]]]',
    );
    assert.equal(normaliseQuery({ b: 1, a: 'x' }), normaliseQuery({ a: 'x', b: 1 }));
  });

  it('makes an ETag from data version, path and query', () => {
    const base = entityTag('v1', '/v1/links', { mode: ['rail'] });
    assert.match(base, /^"[A-Za-z0-9_-]{22}"$/);
    assert.equal(entityTag('v1', '/v1/links', { mode: ['rail'] }), base);
    assert.notEqual(entityTag('v2', '/v1/links', { mode: ['rail'] }), base);
    assert.notEqual(entityTag('v1', '/v1/network', { mode: ['rail'] }), base);
    assert.notEqual(entityTag('v1', '/v1/links', { mode: ['sea'] }), base);
  });

  it('compares If-None-Match weakly', () => {
    assert.equal(ifNoneMatchMatches(undefined, '"a"'), false);
    assert.equal(ifNoneMatchMatches('"a"', '"a"'), true);
    assert.equal(ifNoneMatchMatches('W/"a"', '"a"'), true);
    assert.equal(ifNoneMatchMatches('"b" , "a"', '"a"'), true);
    assert.equal(ifNoneMatchMatches(['"b"', '"a"'], '"a"'), true);
    assert.equal(ifNoneMatchMatches('*', '"a"'), true);
    assert.equal(ifNoneMatchMatches('"b"', '"a"'), false);
    assert.equal(ifNoneMatchMatches('a', '"a"'), false);
  });
});
