/** Request ids: a valid X-Request-Id is kept, anything else replaced by a UUID; echoed and logged. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { type TestApp, withApp } from './helper.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let t: TestApp;
before(async (ctx) => {
  t = await withApp(ctx);
});

describe('request ids', () => {
  it('echoes a valid X-Request-Id in the header, the log line and a problem body', async () => {
    const id = 'trace-01HZX.abc:42';
    const before = t.logs.length;
    const res = await t.app.inject({ method: 'GET', url: '/v1/routes?from=mary&to=nowhere-at-all', headers: { 'x-request-id': id } });
    assert.equal(res.headers['x-request-id'], id);
    assert.equal(res.json().requestId, id);
    const lines = t.logs.slice(before);
    assert.ok(lines.length > 0);
    for (const line of lines) assert.equal(line.reqId, id);
  });

  it('makes a UUID when there is none, a different one per request', async () => {
    const a = await t.app.inject({ method: 'GET', url: '/health' });
    const b = await t.app.inject({ method: 'GET', url: '/health' });
    assert.match(String(a.headers['x-request-id']), UUID);
    assert.match(String(b.headers['x-request-id']), UUID);
    assert.notEqual(a.headers['x-request-id'], b.headers['x-request-id']);
  });

  it('replaces ids that are too long or could forge log content', async () => {
    for (const bad of ['x'.repeat(129), 'has space', 'quote"d', 'new\\nline', '<script>', 'ünïcode', '']) {
      const res = await t.app.inject({ method: 'GET', url: '/v1/info', headers: { 'x-request-id': bad } });
      assert.match(String(res.headers['x-request-id']), UUID, JSON.stringify(bad));
    }
    const longest = 'a'.repeat(128);
    const res = await t.app.inject({ method: 'GET', url: '/v1/info', headers: { 'x-request-id': longest } });
    assert.equal(res.headers['x-request-id'], longest);
  });

  it('echoes the id on 404s', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/nope', headers: { 'x-request-id': 'r-404' } });
    assert.equal(res.statusCode, 404);
    assert.equal(res.headers['x-request-id'], 'r-404');
    assert.equal(res.json().requestId, 'r-404');
  });
});
