/**
 * Protective layers: security headers and a CSP under which /docs still
 * works, CORS for configured origins only, rate limiting and load shedding as
 * problem+json with Retry-After, the body limit, and socket-level refusals
 * (request timeout, oversized headers) as problem+json too.
 */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it, type TestContext } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { PROBLEM_CODES, type ProblemCode } from '../../src/http/error-handler.js';
import { buildTestApp, PROBLEM_TYPE, type TestApp, testConfig, withApp } from './helper.js';

/** An app on the fixture with these settings on top of the test defaults; a test context closes it when done. */
function appWith(t: TestContext | null, env: Record<string, string>): Promise<TestApp> {
  const overrides = { config: testConfig(env) };
  return t === null ? buildTestApp(undefined, overrides) : withApp(t, undefined, overrides);
}

function expectProblem(res: LightMyRequestResponse, code: ProblemCode): void {
  assert.equal(res.statusCode, PROBLEM_CODES[code].status, res.body);
  assert.match(String(res.headers['content-type']), PROBLEM_TYPE);
  const body = res.json() as { code: string; status: number; requestId: string };
  assert.equal(body.code, code);
  assert.equal(body.status, PROBLEM_CODES[code].status);
  assert.equal(body.requestId, res.headers['x-request-id']);
}

/** Directives of a CSP header as name → sources. */
function cspDirectives(header: unknown): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of String(header).split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name, sources);
  }
  return out;
}

describe('security headers and the documentation UI', () => {
  let t: TestApp;
  before(async () => {
    t = await appWith(null, {});
  });
  after(() => t.app.close());

  it('sends a CSP and the usual hardening headers on API answers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/info' });
    assert.equal(res.statusCode, 200);
    const csp = cspDirectives(res.headers['content-security-policy']);
    assert.deepEqual(csp.get('default-src'), ["'self'"]);
    assert.deepEqual(csp.get('object-src'), ["'none'"]);
    assert.deepEqual(csp.get('frame-ancestors'), ["'none'"]);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.ok(res.headers['strict-transport-security']);
    assert.equal(res.headers['x-powered-by'], undefined);
  });

  it('/docs answers 200 under a CSP that allows only same-origin scripts, and the page needs no inline script', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/docs' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/html/);
    const csp = cspDirectives(res.headers['content-security-policy']);
    assert.deepEqual(csp.get('script-src'), ["'self'"], 'no unsafe-inline for scripts');
    assert.ok(csp.get('style-src')?.includes("'self'"));
    assert.ok(csp.get('img-src')?.includes('data:'), 'Swagger UI icons are data: URIs');
    assert.ok(!csp.has('upgrade-insecure-requests'), 'would break /docs over plain HTTP');

    // Every script is an external same-origin file, so script-src 'self' lets it run.
    const scripts = [...res.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.ok(scripts.length >= 3, 'bundle, preset and initializer');
    for (const [, attrs, content] of scripts) {
      const src = /src="([^"]+)"/.exec(attrs ?? '')?.[1];
      assert.ok(src, `inline script: ${content}`);
      assert.ok(!/^[a-z]+:\/\//i.test(src) && !src.startsWith('//'), `cross-origin script ${src}`);
      assert.equal((content ?? '').trim(), '');
      const asset = await t.app.inject({ method: 'GET', url: new URL(src, 'http://x/docs/').pathname });
      assert.equal(asset.statusCode, 200, src);
    }
    assert.doesNotMatch(res.body, /<style\b/, 'no inline <style> element');
    const doc = await t.app.inject({ method: 'GET', url: '/docs/json' });
    assert.equal(doc.statusCode, 200);
  });

  it('documents the API key scheme', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json() as {
      components: { securitySchemes: Record<string, { type: string; in: string; name: string }> };
      paths: Record<string, Record<string, { security?: unknown }>>;
    };
    assert.deepEqual(
      { ...doc.components.securitySchemes.ApiKey, description: undefined },
      { type: 'apiKey', in: 'header', name: 'X-API-Key', description: undefined },
    );
    // Open by default: no lock in Swagger UI, and the linters see every operation's security defined.
    assert.deepEqual(doc.paths['/v1/routes']?.get?.security, []);
    assert.deepEqual(doc.paths['/health']?.get?.security, []);
  });

  it('with API_KEYS set, the served document requires the key on /v1 operations only', async (ctx) => {
    const keyed = await appWith(ctx, { API_KEYS: 'k1-0123456789abcdef' });
    const doc = (await keyed.app.inject({ method: 'GET', url: '/docs/json' })).json() as {
      paths: Record<string, Record<string, { security?: unknown }>>;
    };
    assert.deepEqual(doc.paths['/v1/routes']?.get?.security, [{ ApiKey: [] }]);
    assert.deepEqual(doc.paths['/v1/places']?.get?.security, [{ ApiKey: [] }]);
    assert.deepEqual(doc.paths['/health']?.get?.security, []);
  });

  it('answers with no CORS headers when CORS_ORIGINS is empty', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/info', headers: { origin: 'https://maps.example.org' } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['access-control-allow-origin'], undefined);
  });
});

describe('CORS', () => {
  const ALLOWED = 'https://maps.example.org';
  let t: TestApp;
  before(async () => {
    t = await appWith(null, { CORS_ORIGINS: `${ALLOWED},http://localhost:8080` });
  });
  after(() => t.app.close());

  it('allows a configured origin and exposes the request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/info', headers: { origin: ALLOWED } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['access-control-allow-origin'], ALLOWED);
    assert.match(String(res.headers['access-control-expose-headers']), /X-Request-Id/i);
    assert.match(String(res.headers.vary), /Origin/i);
  });

  it('keeps Vary: Origin on route answers, which also vary on Accept (first answer and cached answer)', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await t.app.inject({ method: 'GET', url: '/v1/routes?from=mary&to=karachi', headers: { origin: ALLOWED } });
      assert.equal(res.statusCode, 200);
      const vary = String(res.headers.vary).split(',').map((f) => f.trim().toLowerCase());
      assert.ok(vary.includes('origin') && vary.includes('accept'), `Vary: ${String(res.headers.vary)}`);
    }
  });

  it('gives no allow-origin to another origin', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/info', headers: { origin: 'https://evil.example.com' } });
    assert.equal(res.headers['access-control-allow-origin'], undefined);
  });

  it('answers a preflight for an allowed origin, allowing the API key header', async () => {
    const res = await t.app.inject({
      method: 'OPTIONS',
      url: '/v1/routes',
      headers: { origin: ALLOWED, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-api-key' },
    });
    assert.equal(res.statusCode, 204);
    assert.equal(res.headers['access-control-allow-origin'], ALLOWED);
    assert.match(String(res.headers['access-control-allow-methods']), /POST/);
    assert.match(String(res.headers['access-control-allow-headers']), /X-API-Key/i);
  });

  it('keeps 404 for unknown paths (the preflight route is not a resource)', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/no/such/thing' }), 'NOT_FOUND');
    expectProblem(await t.app.inject({ method: 'DELETE', url: '/v1/routes' }), 'METHOD_NOT_ALLOWED');
  });
});

describe('rate limiting', () => {
  let t: TestApp;
  before(async () => {
    t = await appWith(null, { RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_MS: '60000' });
  });
  after(() => t.app.close());

  it('answers 429 problem+json with Retry-After once a client passes the limit', async () => {
    for (let i = 0; i < 3; i++) {
      const ok = await t.app.inject({ method: 'GET', url: '/v1/info' });
      assert.equal(ok.statusCode, 200, `request ${i + 1}`);
      assert.equal(ok.headers['x-ratelimit-remaining'], String(2 - i));
    }
    const res = await t.app.inject({ method: 'GET', url: '/v1/routes?from=mary&to=karachi' });
    expectProblem(res, 'RATE_LIMITED');
    const retryAfter = Number(res.headers['retry-after']);
    assert.ok(retryAfter > 0 && retryAfter <= 60, `Retry-After ${res.headers['retry-after']}`);
  });

  it('counts clients apart by address', async () => {
    const other = await t.app.inject({ method: 'GET', url: '/v1/info', remoteAddress: '192.0.2.7' });
    assert.equal(other.statusCode, 200);
  });

  it('never limits the probes or the metrics scrape', async () => {
    for (let i = 0; i < 10; i++) {
      assert.equal((await t.app.inject({ method: 'GET', url: '/health' })).statusCode, 200);
      assert.equal((await t.app.inject({ method: 'GET', url: '/ready' })).statusCode, 200);
      assert.equal((await t.app.inject({ method: 'GET', url: '/metrics' })).statusCode, 200);
    }
  });
});

describe('body limit', () => {
  it('answers 413 problem+json for a body above BODY_LIMIT_BYTES', async (ctx) => {
    const t = await appWith(ctx, { BODY_LIMIT_BYTES: '1024' });
    const small = await t.app.inject({ method: 'POST', url: '/v1/routes', payload: { from: 'mary', to: 'karachi' } });
    assert.equal(small.statusCode, 200);
    const big = await t.app.inject({
      method: 'POST',
      url: '/v1/routes',
      payload: { from: 'mary', to: 'karachi', avoidLinks: Array.from({ length: 200 }, (_, i) => `link-${i}`) },
    });
    expectProblem(big, 'PAYLOAD_TOO_LARGE');
  });
});

describe('load shedding', () => {
  it('answers 503 problem+json with Retry-After when saturated, while /health still answers', async (ctx) => {
    // 1 byte of heap is always exceeded: the process counts as saturated from the first sample (every 1 s).
    const t = await appWith(ctx, { MAX_HEAP_USED_BYTES: '1', MAX_EVENT_LOOP_DELAY_MS: '0' });
    let res = await t.app.inject({ method: 'GET', url: '/v1/info' });
    for (let waited = 0; res.statusCode !== 503 && waited < 3000; waited += 100) {
      await new Promise((r) => setTimeout(r, 100));
      res = await t.app.inject({ method: 'GET', url: '/v1/info' });
    }
    expectProblem(res, 'SERVICE_UNAVAILABLE');
    assert.equal(res.headers['retry-after'], '10');
    assert.equal((await t.app.inject({ method: 'GET', url: '/health' })).statusCode, 200);
    assert.equal((await t.app.inject({ method: 'GET', url: '/metrics' })).statusCode, 200);
  });
});

/** Sends raw bytes to a listening app and collects everything until the server closes the socket. */
function rawExchange(port: number, data: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let got = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (got += chunk));
    socket.on('close', () => resolve(got));
    socket.on('error', (err: NodeJS.ErrnoException) => (err.code === 'ECONNRESET' ? resolve(got) : reject(err)));
    socket.write(data);
  });
}

/** Status line and parsed problem body of a raw HTTP answer. */
function parseRaw(raw: string): { status: number; type: string; body: { code: string; status: number; requestId: string } } {
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
  const type = /content-type: ([^\r\n]+)/i.exec(head)?.[1] ?? '';
  return { status, type, body: JSON.parse(body) as { code: string; status: number; requestId: string } };
}

describe('socket-level refusals', () => {
  let app: FastifyInstance;
  let port: number;
  before(async () => {
    const t = await appWith(null, { REQUEST_TIMEOUT_MS: '300' });
    app = t.app;
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as { port: number }).port;
  });
  after(() => app.close());

  it('answers 408 problem+json when a request is not received within REQUEST_TIMEOUT_MS', async () => {
    const started = Date.now();
    // Promises 100 bytes of body, sends one.
    const raw = await rawExchange(port, 'POST /v1/routes HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{');
    const res = parseRaw(raw);
    assert.equal(res.status, 408, raw);
    assert.match(res.type, PROBLEM_TYPE);
    assert.equal(res.body.code, 'REQUEST_TIMEOUT');
    assert.ok(res.body.requestId.length > 0);
    assert.ok(Date.now() - started < 3000, 'within the 0.3 s limit plus one 0.25 s check interval, with slack');
  });

  it('answers 431 problem+json for oversized headers', async () => {
    const raw = await rawExchange(port, `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    const res = parseRaw(raw);
    assert.equal(res.status, 431, raw.slice(0, 200));
    assert.equal(res.body.code, 'HEADERS_TOO_LARGE');
  });

  it('answers 400 problem+json for bytes that are not HTTP', async () => {
    const res = parseRaw(await rawExchange(port, 'HELLO THERE\r\n\r\n'));
    assert.equal(res.status, 400);
    assert.equal(res.body.code, 'MALFORMED_REQUEST');
  });
});
