/**
 * What replicas share when REDIS_URL is set: one Redis connection, the shared
 * answer cache on it, and the rate-limit store's policy and error count.
 * Without REDIS_URL there is no fleet and the service keeps both per instance.
 */
import type { Config } from '../../config.js';
import { connectRedis, type RedisConnection, type RedisState } from './redis-connection.js';
import type { RateLimitStoreStats, RedisErrorPolicy } from './rate-limit-store.js';
import { SharedAnswerCache } from './shared-answer-cache.js';

export interface Fleet {
  redis: RedisConnection;
  answers: SharedAnswerCache;
  rateLimit: { policy: RedisErrorPolicy; stats: RateLimitStoreStats };
}

export function createFleet(settings: NonNullable<Config['redis']>, onStateChange?: (s: RedisState, err?: Error) => void): Fleet {
  const redis = connectRedis(settings.url, { connectTimeoutMs: settings.connectTimeoutMs, ...(onStateChange ? { onStateChange } : {}) });
  return {
    redis,
    answers: new SharedAnswerCache(redis, { ttlS: settings.cacheTtlS, maxBytes: settings.cacheMaxBytes, timeoutMs: settings.timeoutMs }),
    rateLimit: { policy: settings.rateLimitOnError, stats: { errors: 0 } },
  };
}
