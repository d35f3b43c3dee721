/**
 * Optional API keys: with API_KEYS set, /v1 needs a valid X-API-Key (401
 * without, 403 with a wrong one), infrastructure routes stay open, and the
 * key never appears in a log line.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { before, describe, it } from 'node:test';
import { keyFingerprint } from '../../src/http/hooks/api-key.js';
import { createLogger, REDACTED } from '../../src/http/logger.js';
import { PROBLEM_TYPE, type TestApp, testConfig, withApp } from './helper.js';

const KEY_A = 'key-a-0123456789abcdef';
const KEY_B = 'key-b-fedcba9876543210';

let t: TestApp;
before(async (ctx) => {
  t = await withApp(ctx, undefined, { config: testConfig({ API_KEYS: `${KEY_A},${KEY_B}` }) });
});

describe('API keys configured', () => {
  it('accepts every configured key on /v1 routes', async () => {
    for (const key of [KEY_A, KEY_B]) {
      const res = await t.app.inject({ method: 'GET', url: '/v1/routes?from=mary&to=karachi', headers: { 'x-api-key': key } });
      assert.equal(res.statusCode, 200, key);
      const post = await t.app.inject({ method: 'POST', url: '/v1/routes', headers: { 'x-api-key': key }, payload: { from: 'mary', to: 'karachi' } });
      assert.equal(post.statusCode, 200);
    }
  });

  it('answers 401 UNAUTHORIZED with WWW-Authenticate when the key is missing or empty', async () => {
    for (const headers of [{}, { 'x-api-key': '' }]) {
      const res = await t.app.inject({ method: 'GET', url: '/v1/info', headers });
      assert.equal(res.statusCode, 401);
      assert.match(String(res.headers['content-type']), PROBLEM_TYPE);
      assert.equal(res.json().code, 'UNAUTHORIZED');
      assert.match(String(res.headers['www-authenticate']), /X-API-Key/);
    }
  });

  it('answers 403 FORBIDDEN for a wrong key, including prefixes, extensions and case changes of a real one', async () => {
    for (const wrong of ['nope', KEY_A.slice(0, -1), `${KEY_A}x`, KEY_A.toUpperCase(), `${KEY_A},${KEY_B}`]) {
      const res = await t.app.inject({ method: 'GET', url: '/v1/info', headers: { 'x-api-key': wrong } });
      assert.equal(res.statusCode, 403, wrong);
      assert.match(String(res.headers['content-type']), PROBLEM_TYPE);
      assert.equal(res.json().code, 'FORBIDDEN');
    }
  });

  it('guards unknown /v1 paths too, so paths cannot be probed without a key', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/no-such-thing' });
    assert.equal(res.statusCode, 401);
    const withKey = await t.app.inject({ method: 'GET', url: '/v1/no-such-thing', headers: { 'x-api-key': KEY_A } });
    assert.equal(withKey.statusCode, 404);
  });

  it('leaves /health, /ready, /docs and /metrics open', async () => {
    for (const url of ['/health', '/ready', '/docs', '/docs/json', '/metrics']) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, url);
    }
  });

  it('logs a fingerprint of the key, never the key', async () => {
    const before = t.logs.length;
    await t.app.inject({ method: 'GET', url: '/v1/info', headers: { 'x-api-key': KEY_A } });
    await t.app.inject({ method: 'GET', url: '/v1/info', headers: { 'x-api-key': `${KEY_B}-wrong` } });
    const lines = t.logs.slice(before);
    assert.equal(lines.length, 2);
    assert.equal(lines[0]?.apiKeyId, keyFingerprint(KEY_A));
    const text = JSON.stringify(lines);
    assert.ok(!text.includes(KEY_A) && !text.includes(KEY_B), text);
  });
});

describe('API keys not configured', () => {
  it('leaves /v1 open', async (ctx) => {
    const open = await withApp(ctx);
    assert.equal((await open.app.inject({ method: 'GET', url: '/v1/info' })).statusCode, 200);
  });
});

describe('service logger', () => {
  it('redacts X-API-Key and Authorization wherever a request or its headers are logged', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger({ logLevel: 'info' }, sink);
    const headers = { 'x-api-key': KEY_A, authorization: `Bearer ${KEY_B}`, host: 'example.org' };
    logger.info({ req: { method: 'GET', url: '/v1/info', headers } }, 'request with headers');
    logger.info({ headers }, 'bare headers');
    logger.child({ reqId: 'r-1' }).warn({ request: { headers } }, 'nested');
    assert.equal(lines.length, 3);
    for (const line of lines) {
      assert.ok(!line.includes(KEY_A) && !line.includes(KEY_B), line);
      assert.ok(line.includes(REDACTED), line);
      assert.ok(line.includes('example.org'), 'other headers are kept');
    }
    const first = JSON.parse(lines[0]!) as { req: { headers: Record<string, string> } };
    assert.equal(first.req.headers['x-api-key'], REDACTED);
  });
});
