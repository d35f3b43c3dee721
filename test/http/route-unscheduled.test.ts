/**
 * allowUnscheduled on /v1/routes (real data set): Gwadar → Chabahar has only
 * the unscheduled sea hop, so it has no route by default and a warned one when
 * asked; the flag is echoed, validated as a word, and keyed in the route cache.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { ProblemSchema } from '../../src/http/schemas/problem.js';
import { RouteResponseSchema } from '../../src/http/schemas/route-response.js';
import { REAL_DATA_DIR } from './helper.js';
import { withPlanningApp } from './planning-helper.js';

let app: FastifyInstance;
before(async (t) => {
  ({ app } = await withPlanningApp(t, REAL_DATA_DIR));
});

const get = (q: string) => app.inject({ method: 'GET', url: `/v1/routes?${q}` });

describe('/v1/routes allowUnscheduled', () => {
  it('defaults to false: Gwadar → Chabahar has no route (NO_ROUTE), and the default is echoed on other answers', async () => {
    const res = await get('from=gwadar&to=chabahar');
    assert.equal(res.statusCode, 422, res.body);
    assert.equal(ProblemSchema.parse(res.json()).code, 'NO_ROUTE');
    const ok = await get('from=Karachi&to=Quetta');
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(RouteResponseSchema.parse(ok.json()).query.allowUnscheduled, false);
  });

  it('allowUnscheduled=true plans the sea hop and warns about it', async () => {
    const res = await get('from=gwadar&to=chabahar&allowUnscheduled=true');
    assert.equal(res.statusCode, 200, res.body);
    const body = RouteResponseSchema.parse(res.json());
    assert.equal(body.query.allowUnscheduled, true);
    const r = body.routes[0]!;
    assert.deepEqual(r.legs.map((l) => l.linkId), ['gwadar--chabahar']);
    assert.deepEqual(r.warnings.filter((w) => w.code === 'UNSCHEDULED_LEG').map((w) => w.refs), [['gwadar--chabahar']]);
  });

  it('POST takes a boolean; GET takes only the words true and false', async () => {
    const post = await app.inject({ method: 'POST', url: '/v1/routes', payload: { from: 'gwadar', to: 'chabahar', allowUnscheduled: true } });
    assert.equal(post.statusCode, 200, post.body);
    const bad = await get('from=gwadar&to=chabahar&allowUnscheduled=yes');
    assert.equal(bad.statusCode, 400, bad.body);
    const p = ProblemSchema.parse(bad.json());
    assert.equal(p.code, 'VALIDATION_ERROR');
    assert.ok(p.errors!.some((e) => e.parameter === 'allowUnscheduled'), bad.body);
    const badPost = await app.inject({ method: 'POST', url: '/v1/routes', payload: { from: 'gwadar', to: 'chabahar', allowUnscheduled: 'true' } });
    assert.equal(badPost.statusCode, 400, badPost.body);
  });

  it('a cached answer without the flag is not served for a question with it', async () => {
    assert.equal((await get('from=kiamari&to=gwadar')).statusCode, 422);
    const withFlag = await get('from=kiamari&to=gwadar&allowUnscheduled=true');
    assert.equal(withFlag.statusCode, 200, withFlag.body);
    assert.equal((await get('from=kiamari&to=gwadar')).statusCode, 422);
  });
});
