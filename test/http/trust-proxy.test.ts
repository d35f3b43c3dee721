/**
 * TRUST_PROXY as a hop count resolves the client address as documented: the
 * N-th X-Forwarded-For entry from the right, behind N trusted proxies. Each
 * client then has its own rate-limit bucket, and the request log line names it.
 */
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { trustProxyOption } from '../../src/http/hooks/security.js';
import { testConfig, withApp } from './helper.js';

const BALANCER = '10.1.2.3';

/** An app on the fixture with these settings on top of the test defaults, closed when `t` is done. */
function appWith(t: TestContext, env: Record<string, string>) {
  return withApp(t, undefined, { config: testConfig(env) });
}

describe('TRUST_PROXY hop count', () => {
  it('trustProxyOption: N trusts exactly the N nearest hops; lists and booleans pass through', () => {
    const fn = trustProxyOption(2) as (a: string, hop: number) => boolean;
    assert.deepEqual([0, 1, 2, 3].map((hop) => fn('192.0.2.1', hop)), [true, true, false, false]);
    assert.equal(trustProxyOption(false), false);
    assert.deepEqual(trustProxyOption(['loopback']), ['loopback']);
  });

  it('TRUST_PROXY=1: clients behind one balancer get a bucket each (limit 1 a minute)', async (ctx) => {
    const t = await appWith(ctx, { TRUST_PROXY: '1', RATE_LIMIT_MAX: '1' });
    const ask = (xff: string) => t.app.inject({ method: 'GET', url: '/v1/info', remoteAddress: BALANCER, headers: { 'x-forwarded-for': xff } });
    assert.equal((await ask('198.51.100.7')).statusCode, 200);
    assert.equal((await ask('203.0.113.9')).statusCode, 200, 'a second client is not limited by the first');
    assert.equal((await ask('198.51.100.7')).statusCode, 429, 'the first client is limited');
    const clients = t.logs.filter((l) => l.msg === 'request').map((l) => l.client);
    assert.deepEqual(clients, ['198.51.100.7', '203.0.113.9', '198.51.100.7']);
  });

  it('TRUST_PROXY=1 takes the entry the balancer added, not one the client wrote before it', async (ctx) => {
    const t = await appWith(ctx, { TRUST_PROXY: '1' });
    await t.app.inject({ method: 'GET', url: '/v1/info', remoteAddress: BALANCER, headers: { 'x-forwarded-for': '6.6.6.6, 198.51.100.7' } });
    assert.equal(t.logs.find((l) => l.msg === 'request')?.client, '198.51.100.7');
  });

  it('TRUST_PROXY=2 looks two hops back', async (ctx) => {
    const t = await appWith(ctx, { TRUST_PROXY: '2' });
    await t.app.inject({ method: 'GET', url: '/v1/info', remoteAddress: BALANCER, headers: { 'x-forwarded-for': '6.6.6.6, 198.51.100.7, 10.9.9.9' } });
    assert.equal(t.logs.find((l) => l.msg === 'request')?.client, '198.51.100.7');
  });

  it('without TRUST_PROXY the socket address is the client, whatever X-Forwarded-For says', async (ctx) => {
    const t = await appWith(ctx, { RATE_LIMIT_MAX: '1' });
    const ask = (xff: string) => t.app.inject({ method: 'GET', url: '/v1/info', remoteAddress: BALANCER, headers: { 'x-forwarded-for': xff } });
    assert.equal((await ask('198.51.100.7')).statusCode, 200);
    assert.equal((await ask('203.0.113.9')).statusCode, 429);
    assert.equal(t.logs.find((l) => l.msg === 'request')?.client, BALANCER);
  });
});
