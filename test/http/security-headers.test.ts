/**
 * The security headers are computed once at start-up instead of running
 * @fastify/helmet on every request. They must stay exactly what the plugin
 * itself sends with the same options: same names, same values, on every kind
 * of answer (API, /docs and its assets, problems, 404s, cached route hits).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fastifyHelmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import { HELMET_OPTIONS } from '../../src/http/hooks/security.js';
import { buildTestApp, type TestApp } from './helper.js';

/** Response headers of GET / on a bare fastify answering "ok", with @fastify/helmet registered or not. */
async function referenceHeaders(withHelmet: boolean): Promise<Record<string, unknown>> {
  const app: FastifyInstance = Fastify();
  try {
    if (withHelmet) await app.register(fastifyHelmet, HELMET_OPTIONS);
    app.get('/', async () => 'ok');
    const res = await app.inject({ method: 'GET', url: '/' });
    assert.equal(res.statusCode, 200);
    return res.headers;
  } finally {
    await app.close();
  }
}

describe('security headers', () => {
  let t: TestApp;
  /** What the plugin adds to a bare answer: name → value. */
  const helmet = new Map<string, unknown>();
  before(async () => {
    t = await buildTestApp();
    const bare = await referenceHeaders(false);
    for (const [name, value] of Object.entries(await referenceHeaders(true))) {
      if (!(name in bare)) helmet.set(name, value);
    }
  });
  after(() => t.app.close());

  it('the reference is helmet’s usual set, with our CSP', () => {
    for (const name of ['content-security-policy', 'strict-transport-security', 'x-content-type-options', 'x-frame-options', 'cross-origin-opener-policy']) {
      assert.ok(helmet.has(name), name);
    }
    assert.match(String(helmet.get('content-security-policy')), /script-src 'self';/);
  });

  /** URL → expected status. */
  const URLS: [string, number][] = [
    ['/v1/info', 200],
    ['/v1/routes?from=mary&to=karachi', 200],
    ['/v1/routes?from=mary&to=karachi', 200], // the second is a cache hit
    ['/v1/routes?from=mary&to=atlantis', 404], // unknown place problem
    ['/v1/routes?from=mary', 400], // validation problem
    ['/no/such/thing', 404], // outside any route
    ['/docs', 200],
    ['/docs/static/index.css', 200],
    ['/docs/json', 200],
    ['/health', 200],
    ['/metrics', 200],
  ];

  for (const [url, status] of URLS) {
    it(`GET ${url} (${status}) carries exactly helmet’s headers and values`, async () => {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, status, res.body.slice(0, 200));
      for (const [name, value] of helmet) assert.equal(res.headers[name], value, `${url}: ${name}`);
      assert.equal(res.headers['x-powered-by'], undefined);
    });
  }

  it('runs no helmet middleware per request (the plugin is not registered)', () => {
    assert.equal(t.app.hasReplyDecorator('helmet'), false);
  });
});
