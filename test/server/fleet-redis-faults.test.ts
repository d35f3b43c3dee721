/**
 * Redis down at start-up, with each stated policy, against the real process
 * (no Redis server needed: REDIS_URL points at a port nobody listens on).
 * - REDIS_REQUIRED=true: start-up fails with one line and exit 1.
 * - REDIS_REQUIRED=false (default): the service starts and answers; /ready says Redis is not ready.
 * - RATE_LIMIT_ON_REDIS_ERROR=refuse: counted requests get 503 with Retry-After, /ready is 503, /health stays 200.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureCopy, listeningPort, spawnServer } from './spawn-helper.js';
import { freePort } from './redis-helper.js';

describe('Redis down at start-up', () => {
  it('REDIS_REQUIRED=true: exit 1 with a message naming the setting', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const s = spawnServer({ DATA_DIR: fixtureCopy(), REDIS_URL: url, REDIS_REQUIRED: 'true', REDIS_CONNECT_TIMEOUT_MS: '500' });
    assert.equal((await s.exited).code, 1);
    assert.match(s.stderr(), /failed to start: Redis at REDIS_URL did not answer within 500 ms \(REDIS_REQUIRED=true\)/);
  });

  it('REDIS_REQUIRED=false: starts, answers, and /ready reports Redis not ready', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const s = spawnServer({ DATA_DIR: fixtureCopy(), REDIS_URL: url, REDIS_CONNECT_TIMEOUT_MS: '300', MAX_EVENT_LOOP_DELAY_MS: '0' });
    try {
      const base = `http://127.0.0.1:${await listeningPort(s)}`;
      assert.equal((await fetch(`${base}/v1/routes?from=mary&to=karachi`)).status, 200);
      assert.equal((await fetch(`${base}/v1/info`)).status, 200);
      const ready = await fetch(`${base}/ready`);
      assert.equal(ready.status, 200);
      assert.notEqual(((await ready.json()) as { redis: string }).redis, 'ready');
    } finally {
      s.child.kill('SIGTERM');
      await s.exited;
    }
  });

  it('RATE_LIMIT_ON_REDIS_ERROR=refuse: 503 SERVICE_UNAVAILABLE with Retry-After; /ready 503; /health 200', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const s = spawnServer({ DATA_DIR: fixtureCopy(), REDIS_URL: url, REDIS_CONNECT_TIMEOUT_MS: '300', RATE_LIMIT_ON_REDIS_ERROR: 'refuse', MAX_EVENT_LOOP_DELAY_MS: '0' });
    try {
      const base = `http://127.0.0.1:${await listeningPort(s)}`;
      const res = await fetch(`${base}/v1/info`);
      assert.equal(res.status, 503);
      assert.equal(res.headers.get('retry-after'), '5');
      const problem = (await res.json()) as { code: string; detail: string };
      assert.equal(problem.code, 'SERVICE_UNAVAILABLE');
      assert.match(problem.detail, /rate limit/);
      assert.equal((await fetch(`${base}/ready`)).status, 503);
      assert.equal((await fetch(`${base}/health`)).status, 200);
    } finally {
      s.child.kill('SIGTERM');
      await s.exited;
    }
  });
});
