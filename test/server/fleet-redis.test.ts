/**
 * Two instances of the real service against one real redis-server: a rate
 * limit of 5 holds across both, an answer planned by one is served by the
 * other from the shared tier, and when Redis stops both keep answering, then
 * reconnect when it is back. Each part uses its own client address (trusted
 * X-Forwarded-For) so the limit of one does not touch the others.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixtureCopy, listeningPort, logLines, spawnServer, type Spawned } from './spawn-helper.js';
import { requireRedisOrSkip, startRedis, type RedisServer } from './redis-helper.js';

const skip = requireRedisOrSkip();
let redis: RedisServer;
const instances: { s: Spawned; base: string }[] = [];

async function get(i: number, path: string, client: string): Promise<{ status: number; body: string }> {
  const res = await fetch(`${instances[i]!.base}${path}`, { headers: { 'x-forwarded-for': client } });
  return { status: res.status, body: await res.text() };
}

describe('two instances sharing Redis', { skip }, () => {
  before(async () => {
    redis = await startRedis();
    const data = fixtureCopy();
    for (let i = 0; i < 2; i++) {
      const s = spawnServer({ DATA_DIR: data, REDIS_URL: redis.url, RATE_LIMIT_MAX: '5', TRUST_PROXY: 'true', MAX_EVENT_LOOP_DELAY_MS: '0' });
      instances.push({ s, base: `http://127.0.0.1:${await listeningPort(s)}` });
    }
    // Both connected before the first counted request.
    for (let i = 0; i < 2; i++) {
      for (let t = 0; t < 100; t++) {
        if (JSON.parse((await get(i, '/ready', '192.0.2.250')).body).redis === 'ready') break;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  });
  after(async () => {
    for (const { s } of instances) {
      s.child.kill('SIGTERM');
      await s.exited;
    }
    await redis?.stop();
  });

  it('/ready reports Redis', async () => {
    for (const i of [0, 1]) assert.equal(JSON.parse((await get(i, '/ready', '192.0.2.250')).body).redis, 'ready');
  });

  it('a limit of 5 holds across both: 5 answered, then 429 whichever instance is asked', async () => {
    const statuses: number[] = [];
    for (let n = 0; n < 8; n++) statuses.push((await get(n % 2, '/v1/info', '198.51.100.1')).status);
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429, 429]);
  });

  it('an answer planned by one instance is served from the shared cache by the other', async () => {
    const path = '/v1/routes?from=mary&to=karachi&objective=shortest';
    const a = await get(0, path, '198.51.100.2');
    assert.equal(a.status, 200);
    await new Promise((r) => setTimeout(r, 100)); // the write is fire-and-forget
    const b = await get(1, path, '198.51.100.2');
    assert.equal(b.status, 200);
    assert.equal(b.body, a.body, 'the same bytes');
    await new Promise((r) => setTimeout(r, 250)); // log lines are written in batches every 100 ms
    const lineOf = (i: number) => logLines(instances[i]!.s.stdout()).filter((l) => l.msg === 'request' && l.url === path).at(-1);
    assert.equal(lineOf(0)?.cache, 'miss');
    assert.equal(lineOf(1)?.cache, 'shared');
    const metrics = await (await fetch(`${instances[1]!.base}/metrics`)).text();
    assert.match(metrics, /^corridor_redis_answer_cache_total\{outcome="hit"\} 1$/m);
  });

  it('Redis stopped: both keep answering (planned per instance, limits fail open), /ready says down; back: reconnects', async () => {
    const port = redis.port;
    await redis.stop();
    const questions = ['/v1/routes?from=mary&to=karachi&objective=fewest-borders', '/v1/routes?from=mary&to=karachi&alternatives=2'];
    for (const i of [0, 1]) {
      for (const q of questions) {
        const res = await get(i, q, '198.51.100.3');
        assert.equal(res.status, 200, res.body.slice(0, 200));
      }
      assert.equal((await get(i, '/v1/info', '198.51.100.3')).status, 200);
      const ready = await get(i, '/ready', '198.51.100.3');
      assert.equal(ready.status, 200);
      assert.notEqual(JSON.parse(ready.body).redis, 'ready');
    }
    redis = await startRedis(port);
    for (const i of [0, 1]) {
      let state = '';
      for (let t = 0; t < 100 && state !== 'ready'; t++) {
        state = JSON.parse((await get(i, '/ready', '198.51.100.3')).body).redis;
        if (state !== 'ready') await new Promise((r) => setTimeout(r, 100));
      }
      assert.equal(state, 'ready', `instance ${i} reconnected`);
    }
  });
});
