/**
 * The shared answer tier fails open: a slow, failing or malformed Redis answer
 * is a miss, never an error in the request; values are checked against the
 * key they were made for; oversized values are not shared.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RedisConnection, RedisState } from '../../../src/http/fleet/redis-connection.js';
import { decodeAnswer, encodeAnswer, redisAnswerKey, SharedAnswerCache } from '../../../src/http/fleet/shared-answer-cache.js';

const ENTRY = { kind: 'answer' as const, body: Buffer.from('{"routes":[]}'), contentType: 'application/json; charset=utf-8', log: { km: 12.5, hours: null, routes: 1 } };

function fakeRedis(getBuffer: (key: string) => Promise<Buffer | null>, state: RedisState = 'ready') {
  const sets: { key: string; value: Buffer; ttl: number }[] = [];
  const conn = {
    client: {
      getBuffer,
      set: async (key: string, value: Buffer, _ex: string, ttl: number) => {
        sets.push({ key, value, ttl });
        return 'OK';
      },
    },
    state: () => state,
    waitReady: async () => true,
    close: async () => undefined,
  } as unknown as RedisConnection;
  return { conn, sets };
}

const options = { ttlS: 60, maxBytes: 1024, timeoutMs: 30 };

describe('encode / decode', () => {
  it('round-trips an answer made for the same key', () => {
    assert.deepEqual(decodeAnswer('k', encodeAnswer('k', ENTRY)), ENTRY);
  });
  it('refuses a value made for another key, a broken header, or a missing body separator', () => {
    assert.equal(decodeAnswer('other', encodeAnswer('k', ENTRY)), undefined);
    assert.equal(decodeAnswer('k', Buffer.from('{"v":1,\n{}')), undefined);
    assert.equal(decodeAnswer('k', Buffer.from('no newline at all')), undefined);
    assert.equal(decodeAnswer('k', Buffer.from('{"v":1,"key":"k","contentType":"x","log":{"km":"far","hours":1,"routes":1}}\n{}')), undefined);
  });
  it('the Redis key is a hash of the cache key', () => {
    assert.match(redisAnswerKey('["2026.11.0",{}]'), /^answer:[0-9a-f]{64}$/);
  });
});

describe('SharedAnswerCache faults', () => {
  it('a hit counts as a hit', async () => {
    const { conn } = fakeRedis(async () => encodeAnswer('k', ENTRY));
    const c = new SharedAnswerCache(conn, options);
    assert.deepEqual(await c.get('k'), ENTRY);
    assert.equal(c.stats.hit, 1);
  });
  it('a slow read is a miss after timeoutMs, counted as an error', async () => {
    const { conn } = fakeRedis(() => new Promise((r) => setTimeout(() => r(encodeAnswer('k', ENTRY)), 500)));
    const c = new SharedAnswerCache(conn, options);
    const started = Date.now();
    assert.equal(await c.get('k'), undefined);
    assert.ok(Date.now() - started < 400);
    assert.equal(c.stats.error, 1);
  });
  it('a failing read and a malformed value are misses, counted as errors', async () => {
    const failing = new SharedAnswerCache(fakeRedis(async () => Promise.reject(new Error('Connection is closed.'))).conn, options);
    assert.equal(await failing.get('k'), undefined);
    const garbage = new SharedAnswerCache(fakeRedis(async () => Buffer.from('garbage')).conn, options);
    assert.equal(await garbage.get('k'), undefined);
    assert.equal(failing.stats.error + garbage.stats.error, 2);
  });
  it('Redis not ready: no read is tried', async () => {
    let asked = false;
    const c = new SharedAnswerCache(fakeRedis(async () => ((asked = true), null), 'down').conn, options);
    assert.equal(await c.get('k'), undefined);
    assert.equal(asked, false);
    assert.equal(c.stats.miss, 1);
  });
  it('writes with the TTL, and skips values over maxBytes', () => {
    const { conn, sets } = fakeRedis(async () => null);
    const c = new SharedAnswerCache(conn, options);
    c.set('k', ENTRY);
    c.set('big', { ...ENTRY, body: Buffer.alloc(2048) });
    assert.deepEqual(sets.map((s) => [s.key, s.ttl]), [[redisAnswerKey('k'), 60]]);
    assert.equal(c.stats.skipped, 1);
  });
});
