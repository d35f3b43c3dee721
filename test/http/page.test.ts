/**
 * The planner page at / and its assets under /ui: content types, cache
 * headers, the page's own (stricter) Content-Security-Policy, every file the
 * page loads being served, nothing else being served (path traversal
 * included), and the page staying out of the OpenAPI document.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, PROBLEM_TYPE, type TestApp } from './helper.js';

/** The CSP directives of a header, name → sources. */
function directives(header: unknown): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of String(header).split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name, sources);
  }
  return out;
}

/** /ui/… URLs a document names: src and href attributes, and static or dynamic ES module imports. */
function referencedUrls(body: string, base: string): string[] {
  const refs = [
    ...[...body.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]!),
    ...[...body.matchAll(/\b(?:import|export)\s[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!),
    ...[...body.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!),
  ];
  return refs.map((r) => new URL(r, `http://page.test${base}`)).filter((u) => u.host === 'page.test' && u.pathname.startsWith('/ui/')).map((u) => u.pathname);
}

describe('planner page', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.app.close());

  it('GET / answers the HTML page, revalidated by ETag', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(res.headers['cache-control'], 'no-cache');
    assert.match(res.body, /<script type="module" src="\/ui\/js\/main\.js"><\/script>/);
    const etag = String(res.headers.etag);
    assert.match(etag, /^"[A-Za-z0-9_-]{22}"$/);
    const again = await t.app.inject({ method: 'GET', url: '/', headers: { 'if-none-match': etag } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    const query = await t.app.inject({ method: 'GET', url: '/?from=Almaty&to=Karachi&include=planned,proposed' });
    assert.equal(query.statusCode, 200, 'the page state lives in the query string');
    assert.equal(query.body, res.body);
  });

  it('the page has no inline script, event handler or style attribute (its CSP forbids them)', async () => {
    const { body } = await t.app.inject({ method: 'GET', url: '/' });
    assert.doesNotMatch(body, /<script(?![^>]*\bsrc=)[^>]*>/, 'inline <script>');
    assert.doesNotMatch(body, /\son[a-z]+=/i, 'inline event handler');
    assert.doesNotMatch(body, /\sstyle=|<style/i, 'inline style');
  });

  it('/ and /ui carry the page CSP: scripts from self only and, unlike the API and /docs, no inline styles', async () => {
    for (const url of ['/', '/ui/js/main.js', '/ui/page.css', '/ui/no-such-file.js']) {
      const csp = directives((await t.app.inject({ method: 'GET', url })).headers['content-security-policy']);
      assert.deepEqual(csp.get('script-src'), ["'self'"], url);
      assert.deepEqual(csp.get('script-src-attr'), ["'none'"], url);
      assert.deepEqual(csp.get('style-src'), ["'self'"], url);
      assert.deepEqual(csp.get('connect-src'), ["'self'"], url);
      assert.deepEqual(csp.get('default-src'), ["'self'"], url);
      assert.deepEqual(csp.get('frame-ancestors'), ["'none'"], url);
    }
    for (const url of ['/v1/info', '/docs', '/no/such/thing']) {
      const csp = directives((await t.app.inject({ method: 'GET', url })).headers['content-security-policy']);
      assert.deepEqual(csp.get('style-src'), ["'self'", "'unsafe-inline'"], `${url} keeps the service policy`);
    }
  });

  it('every file the page and its modules load is served with its content type', async () => {
    const types: Record<string, RegExp> = {
      '.js': /^text\/javascript; charset=utf-8$/,
      '.css': /^text\/css; charset=utf-8$/,
      '.json': /^application\/json; charset=utf-8$/,
      '.svg': /^image\/svg\+xml$/,
      '.png': /^image\/png$/,
    };
    const seen = new Set<string>();
    const queue = referencedUrls((await t.app.inject({ method: 'GET', url: '/' })).body, '/');
    // The country outlines are fetched by URL from a script, not imported.
    queue.push('/ui/vendor/world-atlas/countries-50m.json', '/ui/vendor/leaflet/images/layers.png');
    while (queue.length > 0) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, url);
      const ext = url.slice(url.lastIndexOf('.'));
      assert.match(String(res.headers['content-type']), types[ext] ?? /^$/, url);
      assert.equal(res.headers['cache-control'], 'no-cache', url);
      assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
      if (ext === '.js' || ext === '.css') queue.push(...referencedUrls(res.body, url));
    }
    for (const url of ['/ui/js/main.js', '/ui/js/map.js', '/ui/vendor/leaflet/leaflet-src.esm.js', '/ui/vendor/topojson-client/feature.js']) {
      assert.ok(seen.has(url), `${url} is reached from the page`);
    }
    const outlines = JSON.parse((await t.app.inject({ method: 'GET', url: '/ui/vendor/world-atlas/countries-50m.json' })).body) as {
      type: string;
      objects: Record<string, unknown>;
    };
    assert.equal(outlines.type, 'Topology');
    assert.ok('countries' in outlines.objects);
  });

  it('an asset answers 304 to its ETag', async () => {
    const first = await t.app.inject({ method: 'GET', url: '/ui/page.css' });
    const second = await t.app.inject({ method: 'GET', url: '/ui/page.css', headers: { 'if-none-match': String(first.headers.etag) } });
    assert.equal(second.statusCode, 304);
  });

  const REFUSED = [
    '/ui/../package.json',
    '/ui/%2e%2e/package.json',
    '/ui/%2e%2e%2fpackage.json',
    '/ui/..%2f..%2fpackage.json',
    '/ui/js/..%2F..%2F..%2Fsrc%2Fconfig.ts',
    '/ui/vendor/leaflet/../../../../package.json',
    '/ui/vendor/leaflet/%2e%2e%2f%2e%2e%2f%2e%2e%2fpackage.json',
    '/ui/vendor/leaflet/package.json',
    '/ui/vendor/world-atlas/countries-10m.json',
    '/ui/%2fetc%2fpasswd',
    '/ui//etc/passwd',
    '/ui/index.html',
    '/ui/',
    '/ui/js',
    '/ui/js/main.js%00.png',
  ];
  for (const url of REFUSED) {
    it(`GET ${url} is a 404 problem, never a file outside the list`, async () => {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 404, res.body.slice(0, 200));
      assert.match(String(res.headers['content-type']), PROBLEM_TYPE);
      assert.equal((res.json() as { code: string }).code, 'NOT_FOUND');
      assert.doesNotMatch(res.body, /"dependencies"|root:|DATA_DIR/);
    });
  }

  it('POST / is 405 with Allow', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/', payload: {} });
    assert.equal(res.statusCode, 405);
    assert.match(String(res.headers.allow), /GET/);
  });

  it('the page is not part of the API: absent from the OpenAPI document', () => {
    const doc = t.app.swagger() as { paths: Record<string, unknown> };
    assert.ok(Object.keys(doc.paths).length > 5, 'the document has the API paths');
    for (const path of Object.keys(doc.paths)) assert.ok(path !== '/' && !path.startsWith('/ui'), path);
  });
});
