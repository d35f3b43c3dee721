/** parseConfig: defaults, parsing, and one error naming every bad variable. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfig } from '../src/config.js';

/** Everything but the five basic settings, at their defaults. */
const DEFAULT_REST = {
  corsOrigins: [],
  rateLimit: { max: 600, windowMs: 60_000 },
  trustProxy: false,
  requestTimeoutMs: 10_000,
  connectionTimeoutMs: 0,
  keepAliveTimeoutMs: 72_000,
  bodyLimitBytes: 65_536,
  apiKeys: [],
  shutdownTimeoutMs: 10_000,
  pressure: { maxEventLoopDelayMs: 1_000, maxEventLoopUtilization: 0, maxHeapUsedBytes: 0, maxRssBytes: 0 },
  routeCacheEntries: 1000,
  routeCacheMaxBytes: 64 * 1024 * 1024,
  redis: null,
  planWorkers: 0,
  planBudget: { deadlineMs: 1000, maxSettledNodes: 1_000_000, maxSpurSearches: 10_000, maxCandidatesScanned: 5000 },
};

describe('parseConfig', () => {
  it('takes the defaults for unset and empty variables', () => {
    assert.deepEqual(parseConfig({ PORT: '', UNRELATED: 'x' }), {
      port: 3000,
      host: '0.0.0.0',
      logLevel: 'info',
      dataDir: 'data',
      nodeEnv: 'development',
      ...DEFAULT_REST,
    });
  });

  it('reads every setting', () => {
    assert.deepEqual(
      parseConfig({ PORT: '8080', HOST: '127.0.0.1', LOG_LEVEL: 'debug', DATA_DIR: '/srv/data', NODE_ENV: 'production' }),
      { port: 8080, host: '127.0.0.1', logLevel: 'debug', dataDir: '/srv/data', nodeEnv: 'production', ...DEFAULT_REST },
    );
  });

  it('names every bad variable in one error', () => {
    assert.throws(
      () => parseConfig({ PORT: '70000', LOG_LEVEL: 'loud', NODE_ENV: 'prod' }),
      (err: Error) => {
        assert.match(err.message, /PORT="70000"/);
        assert.match(err.message, /LOG_LEVEL="loud"/);
        assert.match(err.message, /NODE_ENV="prod"/);
        return true;
      },
    );
    assert.throws(() => parseConfig({ PORT: 'abc' }), /PORT="abc": expected a port number/);
    assert.throws(() => parseConfig({ ROUTE_CACHE_MAX_BYTES: '0' }), /ROUTE_CACHE_MAX_BYTES="0": expected bytes between 1 and/);
  });

  it('reads the production settings: lists, proxies, limits, timeouts, load-shedding thresholds', () => {
    const c = parseConfig({
      CORS_ORIGINS: 'https://maps.example.org, http://localhost:8080',
      RATE_LIMIT_MAX: '0',
      RATE_LIMIT_WINDOW_MS: '1000',
      TRUST_PROXY: '10.0.0.0/8,loopback',
      REQUEST_TIMEOUT_MS: '5000',
      CONNECTION_TIMEOUT_MS: '90000',
      KEEP_ALIVE_TIMEOUT_MS: '65000',
      BODY_LIMIT_BYTES: '1024',
      API_KEYS: 'k1-0123456789abcdef, k2-0123456789abcdef',
      SHUTDOWN_TIMEOUT_MS: '3000',
      MAX_EVENT_LOOP_DELAY_MS: '200',
      MAX_EVENT_LOOP_UTILIZATION: '0.95',
      MAX_HEAP_USED_BYTES: '500000000',
      MAX_RSS_BYTES: '800000000',
      ROUTE_CACHE_MAX_BYTES: '268435456',
    });
    assert.equal(c.routeCacheMaxBytes, 256 * 1024 * 1024);
    assert.deepEqual(c.corsOrigins, ['https://maps.example.org', 'http://localhost:8080']);
    assert.deepEqual(c.rateLimit, { max: 0, windowMs: 1000 });
    assert.deepEqual(c.trustProxy, ['10.0.0.0/8', 'loopback']);
    assert.equal(c.requestTimeoutMs, 5000);
    assert.equal(c.connectionTimeoutMs, 90_000);
    assert.equal(c.keepAliveTimeoutMs, 65_000);
    assert.equal(c.bodyLimitBytes, 1024);
    assert.deepEqual(c.apiKeys, ['k1-0123456789abcdef', 'k2-0123456789abcdef']);
    assert.equal(c.shutdownTimeoutMs, 3000);
    assert.deepEqual(c.pressure, { maxEventLoopDelayMs: 200, maxEventLoopUtilization: 0.95, maxHeapUsedBytes: 500_000_000, maxRssBytes: 800_000_000 });
    assert.equal(parseConfig({ TRUST_PROXY: 'true' }).trustProxy, true);
    assert.deepEqual(parseConfig({ REDIS_URL: 'redis://redis:6379', REDIS_REQUIRED: 'true', RATE_LIMIT_ON_REDIS_ERROR: 'refuse' }).redis, {
      url: 'redis://redis:6379',
      required: true,
      connectTimeoutMs: 2000,
      timeoutMs: 100,
      cacheTtlS: 3600,
      cacheMaxBytes: 524288,
      rateLimitOnError: 'refuse',
    });
    assert.throws(() => parseConfig({ REDIS_URL: 'http://user:secret@redis:6379' }), (err: Error) => /REDIS_URL=\(hidden\): expected a Redis URL/.test(err.message) && !err.message.includes('secret'));
    assert.equal(parseConfig({ TRUST_PROXY: '2' }).trustProxy, 2);
  });

  it('names each bad production setting and never echoes an API key', () => {
    const bad: Record<string, string> = {
      CORS_ORIGINS: 'https://example.org/path',
      RATE_LIMIT_MAX: '-5',
      TRUST_PROXY: 'yes',
      REQUEST_TIMEOUT_MS: '1.5',
      BODY_LIMIT_BYTES: '0',
      MAX_EVENT_LOOP_UTILIZATION: '1.2',
    };
    for (const [name, value] of Object.entries(bad)) {
      assert.throws(() => parseConfig({ [name]: value }), new RegExp(`^  ${name}=${JSON.stringify(value).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `, 'm'), name);
    }
    assert.throws(
      () => parseConfig({ API_KEYS: 'tooshort-secret' }),
      (err: Error) => /API_KEYS=\(hidden\): expected/.test(err.message) && !err.message.includes('tooshort-secret'),
    );
  });

  it('fails closed: API_KEYS set to commas or spaces only is refused, not taken as "no authentication"', () => {
    for (const value of [',', ' ', ' , ,', '\t']) {
      assert.throws(
        () => parseConfig({ API_KEYS: value }),
        (err: Error) => /API_KEYS=\(hidden\): is set but holds no key/.test(err.message),
        JSON.stringify(value),
      );
    }
    // Unset or empty still means "no keys": the service is open by choice.
    assert.deepEqual(parseConfig({}).apiKeys, []);
    assert.deepEqual(parseConfig({ API_KEYS: '' }).apiKeys, []);
  });
});
