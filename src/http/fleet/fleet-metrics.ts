/**
 * /metrics for the shared store: answer-cache hits, misses, errors and skipped
 * writes, rate-limit store errors, and whether Redis is up. The counts are kept
 * as plain numbers by the cache and the store and handed to prom-client only
 * when /metrics is read, so a request pays nothing for them.
 */
import { Counter, Gauge, type Registry } from 'prom-client';
import type { Fleet } from './fleet.js';

export function registerFleetMetrics(registry: Registry, fleet: Fleet): void {
  new Counter({
    name: 'corridor_redis_answer_cache_total',
    help: 'Shared answer-cache lookups and writes in Redis, by outcome (hit, miss, error, skipped).',
    labelNames: ['outcome'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [outcome, n] of Object.entries(fleet.answers.stats)) this.inc({ outcome }, n);
    },
  });
  new Counter({
    name: 'corridor_redis_rate_limit_errors_total',
    help: 'Rate-limit counts Redis could not make (each handled by RATE_LIMIT_ON_REDIS_ERROR).',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(fleet.rateLimit.stats.errors);
    },
  });
  new Gauge({
    name: 'corridor_redis_up',
    help: '1 while the Redis connection is ready, else 0.',
    registers: [registry],
    collect() {
      this.set(fleet.redis.state() === 'ready' ? 1 : 0);
    },
  });
}
