/**
 * Request bodies the service cannot read correctly are refused with a reason
 * (hooks/json-body.ts), and paths that climb out of the documentation's static
 * folder answer 404, over a real socket where URLs are not normalised.
 */
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { charsetOf, parseJsonBody } from '../../../src/http/hooks/json-body.js';
import { BodyRefused } from '../../../src/http/error-handler.js';
import { buildTestApp } from '../helper.js';

let app: FastifyInstance;
let port = 0;
before(async () => {
  app = (await buildTestApp()).app;
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as { port: number }).port;
});
after(() => app.close());

/** GET with the path sent byte for byte (no client-side normalisation of %2e%2e or ..%2f). */
function rawGet(path: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const post = (contentType: string, payload: string | Buffer) =>
  app.inject({ method: 'POST', url: '/v1/routes', headers: { 'content-type': contentType }, payload });

describe('request bodies', () => {
  it('a charset other than UTF-8 is 415 and says which charset was declared', async () => {
    const res = await post('application/json; charset=utf-16', Buffer.from('{"from":"mary","to":"karachi"}', 'utf16le'));
    assert.equal(res.statusCode, 415);
    assert.equal(res.json().code, 'UNSUPPORTED_MEDIA_TYPE');
    assert.match(res.json().detail, /charset=utf-16/);
  });

  it('UTF-8 declared in any spelling is accepted', async () => {
    for (const ct of ['application/json; charset=utf-8', 'application/json;charset=UTF-8', 'application/json; charset="utf8"', 'application/json']) {
      const res = await post(ct, '{"from":"mary","to":"karachi"}');
      assert.equal(res.statusCode, 200, `${ct}: ${res.body.slice(0, 200)}`);
    }
  });

  it('bytes that are not UTF-8 are 400 naming the encoding, not "not valid JSON"', async () => {
    const res = await post('application/json', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]));
    assert.equal(res.statusCode, 400);
    assert.match(res.json().detail, /not valid UTF-8/);
  });

  it('a __proto__ key is 400 naming the key and where it is', async () => {
    const res = await post('application/json', '{"from":"mary","to":"karachi","overlays":[{"__proto__":{"x":1}}]}');
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().code, 'MALFORMED_REQUEST');
    assert.match(res.json().detail, /"__proto__" at body\.overlays\[0\]\.__proto__/);
    assert.equal(res.json().parameter, 'overlays[0].__proto__');
  });

  it('text/plain and form bodies are 415, as the README says', async () => {
    for (const ct of ['text/plain', 'application/x-www-form-urlencoded']) {
      const res = await post(ct, 'from=herat');
      assert.equal(res.statusCode, 415, ct);
      assert.equal(res.json().code, 'UNSUPPORTED_MEDIA_TYPE');
    }
  });

  it('broken JSON still says "not valid JSON", with the parser\'s reason', async () => {
    const res = await post('application/json', '{"from":');
    assert.equal(res.statusCode, 400);
    assert.match(res.json().detail, /^The request body is not valid JSON \(/);
  });
});

describe('body parser functions', () => {
  it('charsetOf reads the parameter in any case and quoting, and undefined when absent', () => {
    assert.equal(charsetOf('application/json; charset=UTF-16LE'), 'utf-16le');
    assert.equal(charsetOf('application/json; foo=bar; Charset="utf-8"'), 'utf-8');
    assert.equal(charsetOf('application/json'), undefined);
    assert.equal(charsetOf(undefined), undefined);
  });

  it('parseJsonBody refuses constructor.prototype as well, and passes ordinary keys named like it', () => {
    assert.throws(() => parseJsonBody('{"a":{"constructor":{"prototype":{}}}}'), BodyRefused);
    assert.deepEqual(parseJsonBody('{"constructor":"x","proto":1}'), { constructor: 'x', proto: 1 });
  });
});

describe('paths outside the static documentation folder', () => {
  for (const path of ['/docs/static/%2e%2e/%2e%2e/package.json', '/docs/static/..%2f..%2fpackage.json', '/docs/static/%2e%2e%2f%2e%2e%2fpackage.json']) {
    it(`${path} is 404 problem+json`, async () => {
      const res = await rawGet(path);
      assert.equal(res.status, 404, res.body);
      assert.match(res.type, /^application\/problem\+json/);
      assert.equal(JSON.parse(res.body).code, 'NOT_FOUND');
      assert.doesNotMatch(res.body, /"name":\s*"corridor-route-planner"/, 'package.json is not served');
    });
  }

  it('a real asset is still served', async () => {
    const res = await rawGet('/docs/static/swagger-ui.css');
    assert.equal(res.status, 200);
  });
});
