/** Probes, /v1/info and the documentation UI. */
import assert from 'node:assert/strict';
import { ScenarioRegistry } from '../../src/domain/scenarios/scenario-registry.js';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { InfoSchema } from '../../src/http/schemas/info.js';
import { PROBLEM_TYPE, type TestApp, withApp } from './helper.js';

let t: TestApp;
let app: FastifyInstance;
before(async (ctx) => {
  t = await withApp(ctx);
  app = t.app;
});

describe('probes', () => {
  it('GET /health answers {status: ok}', async () => {
    const res = await app.inject({ method: 'GET', url: '/health' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ok' });
  });

  it('GET /ready answers 200 with the data version once the network is loaded', async () => {
    const res = await app.inject({ method: 'GET', url: '/ready' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ready', dataVersion: 'fixture-1', places: 15 });
  });

  it('GET /ready answers 503 problem+json when the network has no places', async (ctx) => {
    // Today's prepared network as loaded, but reading a network without places (preparing one fails first), no scenarios.
    const empty = { ...t.deps.prepared, network: { ...t.deps.network, places: [] } };
    const b = await withApp(ctx, undefined, { scenarios: new ScenarioRegistry(empty, []) });
    const res = await b.app.inject({ method: 'GET', url: '/ready' });
    assert.equal(res.statusCode, 503);
    assert.match(String(res.headers['content-type']), PROBLEM_TYPE);
    assert.equal(res.json().code, 'SERVICE_UNAVAILABLE');
  });

  it('probes are logged at debug level only, so they do not flood the info log', async () => {
    const before = t.logs.length;
    await app.inject({ method: 'GET', url: '/health' });
    assert.equal(t.logs.length, before);
  });
});

describe('GET /v1/info', () => {
  it('gives the service version, the data set and its size, accepted values and limits', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/info' });
    assert.equal(res.statusCode, 200);
    const body = InfoSchema.parse(res.json());
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    assert.equal(body.service.version, pkg.version);
    assert.equal(body.dataVersion, 'fixture-1');
    // Fixture README: 15 places in TM, AF, IR, PK, AZ; 5 crossings.
    assert.equal(body.counts.places, 15);
    assert.equal(body.counts.crossings, 5);
    assert.equal(body.counts.countries, 5);
    assert.equal(body.counts.links, t.deps.network.links.length);
    assert.deepEqual(body.objectives, ['fastest', 'shortest', 'fewest-borders']);
    assert.deepEqual(body.modes, ['rail', 'ferry', 'sea', 'road']);
    assert.deepEqual(body.defaults.modes, ['rail', 'ferry', 'sea']);
    assert.ok(body.limits.maxAlternatives >= 5);
    assert.ok(body.limits.maxVia >= 5);
  });
});

describe('documentation', () => {
  it('/docs serves the HTML UI', async () => {
    const res = await app.inject({ method: 'GET', url: '/docs' });
    // The UI lives under /docs/ (static files); /docs may redirect there.
    const page = res.statusCode === 302 ? await app.inject({ method: 'GET', url: String(res.headers.location) }) : res;
    assert.equal(page.statusCode, 200);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    assert.match(page.body, /swagger-ui/i);
  });

  it('/docs/json serves the OpenAPI document', async () => {
    const res = await app.inject({ method: 'GET', url: '/docs/json' });
    assert.equal(res.statusCode, 200);
    const doc = res.json() as { openapi: string; paths: Record<string, unknown> };
    assert.equal(doc.openapi, '3.0.3');
    assert.ok(doc.paths['/v1/routes']);
  });
});
