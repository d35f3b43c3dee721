/**
 * TRUST_PROXY as a hop count resolves the client address as documented: the
 * N-th X-Forwarded-For entry from the right, behind N trusted proxies. Each
 * client then has its own rate-limit bucket, and the request log line names it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfig } from '../../src/config.js';
import { trustProxyOption } from '../../src/http/hooks/security.js';
import { buildTestApp } from './helper.js';

const BALANCER = '10.1.2.3';

async function appWith(env: Record<string, string>) {
  return buildTestApp(undefined, { config: parseConfig({ NODE_ENV: 'test', ...env }) });
}

describe('TRUST_PROXY hop count', () => {
  it('trustProxyOption: N trusts exactly the N nearest hops; lists and booleans pass through', () => {
    const fn = trustProxyOption(2) as (a: string, hop: number) => boolean;
    assert.deepEqual([0, 1, 2, 3].map((hop) => fn('192.0.2.1', hop)), [true, true, false, false]);
    assert.equal(trustProxyOption(false), false);
    assert.deepEqual(trustProxyOption(['loopback']), ['loopback']);
  });

  it('TRUST_PROXY=1: clients behind one balancer get a bucket each (limit 1 a minute)', async () => {
    const t = await appWith({ TRUST_PROXY: '1', RATE_LIMIT_MAX: '1' });
    try {
      const ask = (xff: string) => t.app.inject({ method: 'GET', url: '/v1/info', remoteAddress: BALANCER, headers: { 'x-forwarded-for': xff } });
      assert.equal((await ask('198.51.100.7')).statusCode, 200);
      assert.equal((await ask('203.0.113.9')).statusCode, 200, 'a second client is not limited by the first');
      assert.equal((await ask('198.51.100.7')).statusCode, 429, 'the first client is limited');
      const clients = t.logs.filter((l) => l.msg === 'request').map((l) => l.client);
      assert.deepEqual(clients, ['198.51.100.7', '203.0.113.9', '198.51.100.7']);
    } finally {
      await t.app.close();
    }
  });

  it('TRUST_PROXY=1 takes the entry the balancer added, not one the client wrote before it', async () => {
    const t = await appWith({ TRUST_PROXY: '1' });
    try {
      await t.app.inject({ method: 'GET', url: '/v1/info', remoteAddress: BALANCER, headers: { 'x-forwarded-for': '6.6.6.6, 198.51.100.7' } });
      assert.equal(t.logs.find((l) => l.msg === 'request')?.client, '198.51.100.7');
    } finally {
      await t.app.close();
    }
  });

  it('TRUST_PROXY=2 looks two hops back', async () => {
    const t = await appWith({ TRUST_PROXY: '2' });
    try {
      await t.app.inject({ method: 'GET', url: '/v1/info', remoteAddress: BALANCER, headers: { 'x-forwarded-for': '6.6.6.6, 198.51.100.7, 10.9.9.9' } });
      assert.equal(t.logs.find((l) => l.msg === 'request')?.client, '198.51.100.7');
    } finally {
      await t.app.close();
    }
  });

  it('without TRUST_PROXY the socket address is the client, whatever X-Forwarded-For says', async () => {
    const t = await appWith({ RATE_LIMIT_MAX: '1' });
    try {
      const ask = (xff: string) => t.app.inject({ method: 'GET', url: '/v1/info', remoteAddress: BALANCER, headers: { 'x-forwarded-for': xff } });
      assert.equal((await ask('198.51.100.7')).statusCode, 200);
      assert.equal((await ask('203.0.113.9')).statusCode, 429);
      assert.equal(t.logs.find((l) => l.msg === 'request')?.client, BALANCER);
    } finally {
      await t.app.close();
    }
  });
});
