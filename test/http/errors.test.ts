/**
 * Every error is an RFC 9457 problem document with a stable code whose status
 * and title come from PROBLEM_CODES, and validation errors name every
 * offending parameter.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { PROBLEM_CODES, problemType, type ProblemCode } from '../../src/http/error-handler.js';
import { ProblemSchema } from '../../src/http/schemas/problem.js';
import type { PreparedNetwork } from '../../src/domain/routing/prepare.js';
import { PROBLEM_TYPE, type TestApp, withApp } from './helper.js';

let t: TestApp;
let app: FastifyInstance;
before(async (ctx) => {
  t = await withApp(ctx);
  app = t.app;
});

/** Checks the problem envelope and returns the body. */
function expectProblem(res: LightMyRequestResponse, code: ProblemCode) {
  assert.match(String(res.headers['content-type']), PROBLEM_TYPE, `content-type of ${res.body}`);
  const body = ProblemSchema.parse(res.json());
  assert.equal(body.code, code, res.body);
  assert.equal(res.statusCode, PROBLEM_CODES[code].status);
  assert.equal(body.status, PROBLEM_CODES[code].status);
  assert.equal(body.title, PROBLEM_CODES[code].title);
  assert.equal(body.type, problemType(code));
  assert.ok(body.detail.length > 0);
  assert.ok(body.requestId.length > 0);
  return body;
}

const params = (body: { errors?: { parameter: string }[] }) => (body.errors ?? []).map((e) => e.parameter).sort();

describe('validation errors', () => {
  it('names every bad query parameter at once', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/v1/routes?to=karachi&objective=cheapest&alternatives=0&maxOverlap=2&modes=rail,plane&include=built&avoidCountries=IRN&avoidLinks=Bad%20Id&frm=mary',
    });
    const body = expectProblem(res, 'VALIDATION_ERROR');
    assert.deepEqual(params(body), [
      'alternatives',
      'avoidCountries',
      'avoidLinks',
      'frm',
      'from',
      'include',
      'maxOverlap',
      'modes',
      'objective',
    ]);
    const byName = new Map(body.errors!.map((e) => [e.parameter, e.message]));
    assert.equal(byName.get('from'), 'is required');
    assert.equal(byName.get('frm'), 'unknown parameter; did you mean "from"?');
    assert.match(byName.get('modes')!, /"plane"/);
    assert.match(byName.get('avoidCountries')!, /"IRN"/);
    assert.equal(res.json().instance, res.raw.req.url);
  });

  it('a misspelt parameter name gets a did-you-mean, in the query and in the body; a name near nothing does not', async () => {
    const get = expectProblem(await app.inject({ method: 'GET', url: '/v1/routes?from=mary&to=karachi&alternativ=2&avoidcountries=IR&zzzzz=1' }), 'VALIDATION_ERROR');
    assert.deepEqual(
      get.errors!.map((e) => [e.parameter, e.message]),
      [
        ['alternativ', 'unknown parameter; did you mean "alternatives"?'],
        ['avoidcountries', 'unknown parameter; did you mean "avoidCountries"?'],
        ['zzzzz', 'unknown parameter'],
      ],
    );
    const post = expectProblem(
      await app.inject({ method: 'POST', url: '/v1/routes', payload: { from: 'mary', to: 'karachi', avoidCountry: ['IR'] } }),
      'VALIDATION_ERROR',
    );
    assert.deepEqual(post.errors, [{ parameter: 'avoidCountry', message: 'unknown parameter; did you mean "avoidCountries"?' }]);
  });

  it('says what a number must be in plain words, quoting what was sent', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/routes?from=mary&to=karachi&alternatives=abc&maxOverlap=-1&cargoTonnes=0&objective=quick' });
    const byName = new Map(expectProblem(res, 'VALIDATION_ERROR').errors!.map((e) => [e.parameter, e.message]));
    assert.equal(byName.get('alternatives'), 'must be a number, got "abc"');
    assert.equal(byName.get('maxOverlap'), 'must be at least 0, got "-1"');
    assert.equal(byName.get('cargoTonnes'), 'must be more than 0, got "0"');
    assert.equal(byName.get('objective'), 'must be one of fastest, shortest or fewest-borders, got "quick"');
    for (const m of byName.values()) assert.doesNotMatch(m, /NaN|expected number|Invalid input/);
    const more = await app.inject({ method: 'GET', url: '/v1/routes?from=mary&to=karachi&alternatives=1.5' });
    assert.equal(expectProblem(more, 'VALIDATION_ERROR').errors![0]!.message, 'must be a whole number, got "1.5"');
    const twice = await app.inject({ method: 'GET', url: '/v1/routes?from=mary&to=karachi&alternatives=1&alternatives=2' });
    assert.equal(expectProblem(twice, 'VALIDATION_ERROR').errors![0]!.message, 'given 2 times; give it once');
    const big = await app.inject({ method: 'GET', url: '/v1/routes?from=mary&to=karachi&alternatives=9' });
    assert.equal(expectProblem(big, 'VALIDATION_ERROR').errors![0]!.message, 'must be at most 5, got "9"');
  });

  it('rejects more via places than the limit', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/routes?from=mary&to=karachi&via=a,b,c,d,e,f' });
    const body = expectProblem(res, 'VALIDATION_ERROR');
    assert.deepEqual(params(body), ['via']);
  });

  it('names every bad body field, with array positions', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/routes',
      payload: { from: 'mary', to: 42, modes: ['rail', 'plane'], alternatives: 1.5, avoidCountry: ['IR'] },
    });
    const body = expectProblem(res, 'VALIDATION_ERROR');
    assert.deepEqual(params(body), ['alternatives', 'avoidCountry', 'modes[1]', 'to']);
  });

  it('rejects a body that is not an object', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/routes', payload: '[1,2]', headers: { 'content-type': 'application/json' } });
    const body = expectProblem(res, 'VALIDATION_ERROR');
    assert.deepEqual(params(body), ['body']);
  });
});

describe('malformed and refused requests', () => {
  it('answers 400 MALFORMED_REQUEST for a body that is not JSON', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/routes', payload: '{"from": "mary",', headers: { 'content-type': 'application/json' } });
    expectProblem(res, 'MALFORMED_REQUEST');
  });

  it('answers 400 MALFORMED_REQUEST for an empty JSON body', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/routes', payload: '', headers: { 'content-type': 'application/json' } });
    expectProblem(res, 'MALFORMED_REQUEST');
  });

  it('answers 415 for a body that is not JSON by its content type', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/routes', payload: 'from=mary', headers: { 'content-type': 'text/csv' } });
    expectProblem(res, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers 413 for a body over the limit', async () => {
    const payload = JSON.stringify({ from: 'mary', to: 'karachi', avoidLinks: Array.from({ length: 20000 }, (_, i) => `link-${i}`) });
    assert.ok(payload.length > 64 * 1024);
    const res = await app.inject({ method: 'POST', url: '/v1/routes', payload, headers: { 'content-type': 'application/json' } });
    expectProblem(res, 'PAYLOAD_TOO_LARGE');
  });

  it('answers 404 NOT_FOUND for an unknown URL', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/nowhere?x=1' });
    const body = expectProblem(res, 'NOT_FOUND');
    assert.equal(body.instance, '/v1/nowhere?x=1');
  });

  it('answers 405 METHOD_NOT_ALLOWED with an Allow header for a known URL', async () => {
    const res = await app.inject({ method: 'DELETE', url: '/v1/routes' });
    const body = expectProblem(res, 'METHOD_NOT_ALLOWED');
    assert.equal(res.headers.allow, 'GET, HEAD, POST');
    assert.deepEqual(body.allow, ['GET', 'HEAD', 'POST']);
  });
});

describe('internal errors', () => {
  it('answers 500 with a generic message, logs the real error, and leaks nothing', async (ctx) => {
    const secret = 'secret-detail /srv/app/src/domain/routing/plan-routes.ts';
    // Any read of the prepared routing graph fails, whichever part the planner reads first.
    const graphParts = new Set<string | symbol>(['graph', 'edgeList', 'traversals', 'transitions', 'statesAt']);
    const broken = new Proxy(t.deps.prepared, {
      get(target, prop, receiver) {
        if (graphParts.has(prop)) throw new Error(secret);
        return Reflect.get(target, prop, receiver) as unknown;
      },
    }) as PreparedNetwork;
    const b = await withApp(ctx, undefined, { prepared: broken });
    const res = await b.app.inject({ method: 'GET', url: '/v1/routes?from=mary&to=karachi' });
    const body = expectProblem(res, 'INTERNAL');
    assert.doesNotMatch(res.body, /secret|\/srv\/|plan-routes|at .*\.ts/);
    assert.equal(Object.keys(body).sort().join(','), 'code,detail,instance,requestId,status,title,type');
    const logged = b.logs.find((l) => l.msg === 'request failed');
    assert.ok(logged, 'the real error is logged');
    assert.match(JSON.stringify(logged.err), /secret-detail/);
    assert.equal(logged.reqId, body.requestId);
  });
});
