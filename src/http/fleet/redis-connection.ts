/**
 * The optional Redis connection shared by the replicas of a deployment
 * (REDIS_URL): one ioredis client per process, for the rate-limit counters and
 * the shared answer cache. Its options make every command fail fast instead of
 * waiting: no offline queue (a command while disconnected fails at once), one
 * retry per command, a connect timeout. Reconnection is automatic, with a
 * backoff capped at 2 s, and `state` tells /ready and the cache whether to
 * try Redis at all.
 */
import { Redis } from 'ioredis';

export type RedisState = 'connecting' | 'ready' | 'down';

export interface RedisConnection {
  readonly client: Redis;
  /** Where the connection stands now. */
  state(): RedisState;
  /** Resolves true once ready, false after `ms` without becoming ready. */
  waitReady(ms: number): Promise<boolean>;
  /** Closes the connection (on shutdown). */
  close(): Promise<void>;
}

/** Reconnect backoff: 100 ms, 200 ms, … capped at 2 s, for ever. */
export const reconnectDelayMs = (attempt: number): number => Math.min(100 * attempt, 2_000);

export function connectRedis(url: string, options: { connectTimeoutMs: number; onStateChange?: (s: RedisState, err?: Error) => void }): RedisConnection {
  const client = new Redis(url, {
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: options.connectTimeoutMs,
    retryStrategy: reconnectDelayMs,
    // Keys of this service only: rate-limit counters and answers never collide with other users of the server.
    keyPrefix: 'corridor-route-planner:',
  });
  let state: RedisState = 'connecting';
  const set = (s: RedisState, err?: Error): void => {
    if (s === state) return;
    state = s;
    options.onStateChange?.(s, err);
  };
  client.on('ready', () => set('ready'));
  client.on('error', (err: Error) => set('down', err));
  client.on('end', () => set('down'));
  client.on('reconnecting', () => {
    if (state !== 'down') set('down');
  });
  return {
    client,
    state: () => state,
    waitReady(ms) {
      if (state === 'ready') return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          client.off('ready', onReady);
          resolve(false);
        }, ms);
        const onReady = (): void => {
          clearTimeout(timer);
          resolve(true);
        };
        client.once('ready', onReady);
      });
    },
    async close() {
      try {
        await client.quit();
      } catch {
        client.disconnect();
      }
    },
  };
}
