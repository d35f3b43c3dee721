/**
 * The second tier of the route-answer cache, shared by every replica through
 * Redis: the in-memory LRU (route-answer-cache.ts) is asked first, then Redis, then
 * the planner. Only 200 answers are shared (a kept error is cheap to find
 * again and names nothing worth sharing).
 *
 * - Key: SHA-256 of the route cache key, which holds `dataVersion`, so a new
 *   data set never serves an old answer; the full key is stored beside the
 *   value and checked on read.
 * - Value: one line of JSON (key, content type, log fields) and the answer's
 *   bytes. Values over `maxBytes` are not shared; entries expire after `ttlS`.
 * - Faults fail open: a read that errors, is malformed, or takes longer than
 *   `timeoutMs` is a miss (the answer is planned as without Redis); a write
 *   that fails is dropped. Nothing here throws into a request.
 * - Counts hits, misses, errors and skipped writes for /metrics.
 */
import { createHash } from 'node:crypto';
import type { RouteAnswerLog, RouteCacheEntry } from '../route-answer-cache.js';
import type { RedisConnection } from './redis-connection.js';

type AnswerEntry = Extract<RouteCacheEntry, { kind: 'answer' }>;

export interface SharedCacheStats {
  hit: number;
  miss: number;
  error: number;
  /** Writes not made: value over maxBytes, or Redis not ready. */
  skipped: number;
}

export interface SharedAnswerCacheOptions {
  ttlS: number;
  maxBytes: number;
  timeoutMs: number;
}

const NAMESPACE = 'answer:';

export function redisAnswerKey(cacheKey: string): string {
  return NAMESPACE + createHash('sha256').update(cacheKey).digest('hex');
}

/** The stored bytes of an answer: header line, newline, body. */
export function encodeAnswer(cacheKey: string, entry: AnswerEntry): Buffer {
  const header = JSON.stringify({ v: 1, key: cacheKey, contentType: entry.contentType, log: entry.log });
  return Buffer.concat([Buffer.from(header, 'utf8'), Buffer.from('\n'), entry.body]);
}

/** The answer in `value` when it is well formed and made for `cacheKey`; undefined otherwise. */
export function decodeAnswer(cacheKey: string, value: Buffer): AnswerEntry | undefined {
  const nl = value.indexOf(0x0a);
  if (nl <= 0) return undefined;
  let header: unknown;
  try {
    header = JSON.parse(value.subarray(0, nl).toString('utf8'));
  } catch {
    return undefined;
  }
  if (header === null || typeof header !== 'object') return undefined;
  const h = header as { v?: unknown; key?: unknown; contentType?: unknown; log?: Partial<RouteAnswerLog> };
  if (h.v !== 1 || h.key !== cacheKey || typeof h.contentType !== 'string' || h.log === null || typeof h.log !== 'object') return undefined;
  const { km, hours, routes } = h.log;
  const numberOrNull = (x: unknown): x is number | null => x === null || (typeof x === 'number' && Number.isFinite(x));
  if (!numberOrNull(km) || !numberOrNull(hours) || typeof routes !== 'number') return undefined;
  return { kind: 'answer', body: Buffer.from(value.subarray(nl + 1)), contentType: h.contentType, log: { km, hours, routes } };
}

export class SharedAnswerCache {
  readonly stats: SharedCacheStats = { hit: 0, miss: 0, error: 0, skipped: 0 };

  constructor(
    private readonly redis: RedisConnection,
    private readonly options: SharedAnswerCacheOptions,
  ) {}

  /** The shared answer for `cacheKey`, or undefined (miss, Redis down, slow or malformed). Never rejects. */
  async get(cacheKey: string): Promise<AnswerEntry | undefined> {
    if (this.redis.state() !== 'ready') {
      this.stats.miss++;
      return undefined;
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      const value = await Promise.race([
        this.redis.client.getBuffer(redisAnswerKey(cacheKey)),
        new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), this.options.timeoutMs);
        }),
      ]);
      if (value === 'timeout') {
        this.stats.error++;
        return undefined;
      }
      if (value === null) {
        this.stats.miss++;
        return undefined;
      }
      const entry = decodeAnswer(cacheKey, value);
      if (entry === undefined) this.stats.error++;
      else this.stats.hit++;
      return entry;
    } catch {
      this.stats.error++;
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Shares an answer; fire and forget (a failed write is counted and dropped). */
  set(cacheKey: string, entry: AnswerEntry): void {
    const value = encodeAnswer(cacheKey, entry);
    if (value.length > this.options.maxBytes || this.redis.state() !== 'ready') {
      this.stats.skipped++;
      return;
    }
    this.redis.client.set(redisAnswerKey(cacheKey), value, 'EX', this.options.ttlS).catch(() => {
      this.stats.error++;
    });
  }
}
