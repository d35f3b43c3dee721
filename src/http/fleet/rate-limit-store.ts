/**
 * The rate-limit counters in Redis, for every replica to count against one
 * limit per client (@fastify/rate-limit's own RedisStore, with its atomic Lua
 * increment). What happens when Redis cannot answer is a stated policy,
 * RATE_LIMIT_ON_REDIS_ERROR:
 * - `allow` (default, fail open): the request is let through uncounted;
 * - `refuse`: the request is answered 503 SERVICE_UNAVAILABLE with Retry-After.
 * The plugin would turn a store error into a 500; this store turns it into a
 * 503 error the problem handler knows. Errors are counted for /metrics.
 */
import { createRequire } from 'node:module';
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Redis } from 'ioredis';

const require = createRequire(import.meta.url);

type IncrCallback = (err: Error | null, res?: { current: number; ttl: number }) => void;
interface StoreLike {
  incr(key: string, cb: IncrCallback, timeWindow: number, max: number): void;
  read?(key: string, cb: IncrCallback, timeWindow: number, max: number): void;
  child(routeOptions: unknown): StoreLike;
}
// The plugin ships its RedisStore as CommonJS without types.
const RedisStore = require('@fastify/rate-limit/store/RedisStore') as new (
  continueExceeding: boolean,
  exponentialBackoff: boolean,
  redis: Redis,
  nameSpace?: string,
) => StoreLike;

export type RedisErrorPolicy = 'allow' | 'refuse';

export interface RateLimitStoreStats {
  errors: number;
}

/** Seconds a refused client is told to wait while the shared store is down. */
export const STORE_DOWN_RETRY_AFTER_S = 5;

export class RateLimitStoreDown extends Error {
  readonly statusCode = 503;
  constructor(cause: Error) {
    super(`rate-limit store unavailable: ${cause.message}`);
    this.name = 'RateLimitStoreDown';
  }
}

/** A store class for @fastify/rate-limit's `store` option, bound to one client, policy and stats object. */
export function redisRateLimitStore(redis: Redis, policy: RedisErrorPolicy, stats: RateLimitStoreStats): FastifyRateLimitStoreCtor {
  const wrap = (inner: StoreLike): StoreLike => ({
    incr(key, cb, timeWindow, max) {
      inner.incr(
        key,
        (err, res) => {
          if (err === null) return cb(null, res);
          stats.errors++;
          cb(policy === 'refuse' ? new RateLimitStoreDown(err) : err);
        },
        timeWindow,
        max,
      );
    },
    child: (routeOptions) => wrap(inner.child(routeOptions)),
  });
  // The plugin constructs the store with its resolved options (continueExceeding, exponentialBackoff among them).
  return class SharedRateLimitStore {
    constructor(params: { continueExceeding?: boolean; exponentialBackoff?: boolean }) {
      Object.assign(this, wrap(new RedisStore(params.continueExceeding === true, params.exponentialBackoff === true, redis, 'rate-limit:')));
    }
  } as unknown as FastifyRateLimitStoreCtor;
}
