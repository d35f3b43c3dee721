/**
 * Service configuration from environment variables. Every setting is one
 * entry in ConfigSchema (env name → parsed value), so adding a setting is one
 * line here plus its use; only src/server.ts passes process.env in.
 * docs/deploying.md lists every variable; a test keeps the two in step.
 */
import { isIP } from 'node:net';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** A TCP port given as a decimal string, 0..65535 (0 lets the OS pick one). */
const PortSchema = z
  .string()
  .regex(/^\d{1,5}$/, 'expected a port number such as 3000')
  .transform(Number)
  .refine((n) => n <= 65535, 'expected a port number between 0 and 65535');

/** A whole number given as a decimal string, within [min, max]; `unit` names it in messages. */
function wholeNumber(unit: string, min: number, max: number) {
  return z
    .string()
    .regex(/^\d{1,16}$/, `expected a whole number of ${unit}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `expected ${unit} between ${min} and ${max}`);
}

/** A fraction given as a decimal string, 0..1 (e.g. event-loop utilisation). */
const FractionSchema = z
  .string()
  .regex(/^(0(\.\d+)?|1(\.0+)?)$/, 'expected a number between 0 and 1 such as 0.98')
  .transform(Number);

/** "a, b,,c" → ["a", "b", "c"]. */
function commaList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Comma list of browser origins ("https://maps.example.org"), or "*" for any origin. */
const CorsOriginsSchema = z
  .string()
  .transform(commaList)
  .refine(
    (list) =>
      list.every((o) => {
        if (o === '*') return true;
        try {
          return new URL(o).origin === o;
        } catch {
          return false;
        }
      }),
    'expected a comma-separated list of origins such as https://maps.example.org (scheme, host, optional port; no path), or *',
  );

/**
 * Which proxies to trust for X-Forwarded-For (client address used by the rate
 * limiter and the log): "true" (all), "false" (none), a hop count such as
 * "1", or a comma list of addresses/CIDRs ("10.0.0.0/8,loopback").
 */
const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
function isProxyEntry(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}
const TrustProxySchema = z
  .string()
  .refine(
    (v) => v === 'true' || v === 'false' || /^\d{1,2}$/.test(v) || (commaList(v).length > 0 && commaList(v).every(isProxyEntry)),
    'expected true, false, a hop count such as 1, or a comma list of addresses/CIDRs (10.0.0.0/8, loopback)',
  )
  .transform((v): boolean | number | string[] => {
    if (v === 'true') return true;
    if (v === 'false') return false;
    if (/^\d+$/.test(v)) return Number(v);
    return commaList(v);
  });

/** Keys are secrets compared as whole strings; short keys are guessable. */
const API_KEY_MIN_LENGTH = 16;
const ApiKeysSchema = z
  .string()
  // Set but empty after splitting (",", " "): the operator meant to turn keys on. Starting open would fail open.
  .refine((v) => commaList(v).length > 0, 'is set but holds no key (only commas or spaces); set at least one key, or leave API_KEYS unset to run without authentication')
  .transform(commaList)
  .refine(
    (keys) => keys.every((k) => k.length >= API_KEY_MIN_LENGTH && /^[\x21-\x7e]+$/.test(k)),
    `expected a comma-separated list of keys, each at least ${API_KEY_MIN_LENGTH} printable ASCII characters without spaces`,
  );

/** redis://[user:password@]host:port[/db] or rediss:// (TLS). */
const RedisUrlSchema = z.string().refine((v) => {
  try {
    const u = new URL(v);
    return (u.protocol === 'redis:' || u.protocol === 'rediss:') && u.hostname !== '';
  } catch {
    return false;
  }
}, 'expected a Redis URL such as redis://redis:6379 or rediss://user:password@host:6380/0');

const BooleanSchema = z.enum(['true', 'false'], { message: 'expected true or false' }).transform((v) => v === 'true');

export const ConfigSchema = z
  .object({
    PORT: PortSchema.default(3000),
    HOST: z.string().min(1, 'must not be empty').default('0.0.0.0'),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    /** Folder holding places/, links/, crossings/, corridors.json and parameters.json. */
    DATA_DIR: z.string().min(1, 'must not be empty').default('data'),
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /** Browser origins allowed by CORS; empty (the default) turns CORS off. */
    CORS_ORIGINS: CorsOriginsSchema.default([]),
    /** Requests per client address per window, per instance; 0 turns the limiter off. */
    RATE_LIMIT_MAX: wholeNumber('requests', 0, 1_000_000_000).default(600),
    RATE_LIMIT_WINDOW_MS: wholeNumber('milliseconds', 1, 86_400_000).default(60_000),
    TRUST_PROXY: TrustProxySchema.default(false),
    /** Longest time to receive a whole request (headers and body), ms; 0 = no limit. */
    REQUEST_TIMEOUT_MS: wholeNumber('milliseconds', 0, 3_600_000).default(10_000),
    /** Socket inactivity timeout, ms; 0 = none (keep-alive and request timeouts still apply). */
    CONNECTION_TIMEOUT_MS: wholeNumber('milliseconds', 0, 3_600_000).default(0),
    /** Idle keep-alive sockets close after this, ms; above the usual 60 s of load balancers so they close first. */
    KEEP_ALIVE_TIMEOUT_MS: wholeNumber('milliseconds', 1, 3_600_000).default(72_000),
    /** Largest accepted request body, bytes (route questions are well under 4 KiB). */
    BODY_LIMIT_BYTES: wholeNumber('bytes', 1, 10 * 1024 * 1024).default(64 * 1024),
    /** When set, every /v1 request needs one of these in X-API-Key. */
    API_KEYS: ApiKeysSchema.default([]),
    /** Longest wait for in-flight requests on SIGTERM/SIGINT before exiting with code 1, ms. */
    SHUTDOWN_TIMEOUT_MS: wholeNumber('milliseconds', 1, 600_000).default(10_000),
    /** Load shedding (503): mean event-loop delay above this, ms; 0 = off. */
    MAX_EVENT_LOOP_DELAY_MS: wholeNumber('milliseconds', 0, 60_000).default(1_000),
    /** Load shedding: event-loop utilisation above this fraction; 0 = off. */
    MAX_EVENT_LOOP_UTILIZATION: FractionSchema.default(0),
    /** Load shedding: V8 heap used above this, bytes; 0 = off. */
    MAX_HEAP_USED_BYTES: wholeNumber('bytes', 0, 2 ** 45).default(0),
    /** Load shedding: resident set size above this, bytes; 0 = off. */
    MAX_RSS_BYTES: wholeNumber('bytes', 0, 2 ** 45).default(0),
    /** Route answers kept in memory (least recently used dropped first); 0 turns the cache off. */
    ROUTE_CACHE_ENTRIES: wholeNumber('entries', 0, 1_000_000).default(1000),
    /**
     * Bytes of route answers kept in memory at most (bodies and keys): 64 MiB holds about 900 answers of the
     * benchmark's mean size (72 KB); an answer larger than this alone is not kept.
     */
    ROUTE_CACHE_MAX_BYTES: wholeNumber('bytes', 1, 2 ** 40).default(64 * 1024 * 1024),
    /** Shared store for rate limits and answers across replicas; unset (the default) keeps both per instance. */
    REDIS_URL: RedisUrlSchema.optional(),
    /** true: start-up fails when Redis is not reachable within REDIS_CONNECT_TIMEOUT_MS; false: start and reconnect. */
    REDIS_REQUIRED: BooleanSchema.default(false),
    REDIS_CONNECT_TIMEOUT_MS: wholeNumber('milliseconds', 1, 60_000).default(2_000),
    /** A cache read slower than this is a miss, ms. */
    REDIS_TIMEOUT_MS: wholeNumber('milliseconds', 1, 10_000).default(100),
    /** Shared answers expire after this, s. */
    REDIS_CACHE_TTL_S: wholeNumber('seconds', 1, 30 * 86_400).default(3_600),
    /** Larger answers are not shared, bytes. */
    REDIS_CACHE_MAX_BYTES: wholeNumber('bytes', 1, 64 * 1024 * 1024).default(512 * 1024),
    /** When Redis cannot count a request: allow it uncounted (fail open) or refuse it with 503. */
    RATE_LIMIT_ON_REDIS_ERROR: z.enum(['allow', 'refuse']).default('allow'),
    /** Longest planning time of one request, ms: past it BUDGET_EXCEEDED, so no question holds the service. */
    PLAN_DEADLINE_MS: wholeNumber('milliseconds', 1, 600_000).default(1000),
    /** Graph nodes one request's searches may settle in all. */
    PLAN_MAX_SETTLED_NODES: wholeNumber('nodes', 1, 1_000_000_000).default(1_000_000),
    /** Spur searches of one request's alternative-route enumeration. */
    PLAN_MAX_SPUR_SEARCHES: wholeNumber('searches', 1, 100_000_000).default(10_000),
    /** Worker threads for matrices (each loads the data set); 0 runs them on the main thread between other requests. */
    PLAN_WORKERS: wholeNumber('workers', 0, 64).default(0),
  })
  .transform((env) => ({
    port: env.PORT,
    host: env.HOST,
    logLevel: env.LOG_LEVEL,
    dataDir: env.DATA_DIR,
    nodeEnv: env.NODE_ENV,
    corsOrigins: env.CORS_ORIGINS,
    rateLimit: { max: env.RATE_LIMIT_MAX, windowMs: env.RATE_LIMIT_WINDOW_MS },
    trustProxy: env.TRUST_PROXY,
    requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
    connectionTimeoutMs: env.CONNECTION_TIMEOUT_MS,
    keepAliveTimeoutMs: env.KEEP_ALIVE_TIMEOUT_MS,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    apiKeys: env.API_KEYS,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    pressure: {
      maxEventLoopDelayMs: env.MAX_EVENT_LOOP_DELAY_MS,
      maxEventLoopUtilization: env.MAX_EVENT_LOOP_UTILIZATION,
      maxHeapUsedBytes: env.MAX_HEAP_USED_BYTES,
      maxRssBytes: env.MAX_RSS_BYTES,
    },
    routeCacheEntries: env.ROUTE_CACHE_ENTRIES,
    routeCacheMaxBytes: env.ROUTE_CACHE_MAX_BYTES,
    redis:
      env.REDIS_URL === undefined
        ? null
        : {
            url: env.REDIS_URL,
            required: env.REDIS_REQUIRED,
            connectTimeoutMs: env.REDIS_CONNECT_TIMEOUT_MS,
            timeoutMs: env.REDIS_TIMEOUT_MS,
            cacheTtlS: env.REDIS_CACHE_TTL_S,
            cacheMaxBytes: env.REDIS_CACHE_MAX_BYTES,
            rateLimitOnError: env.RATE_LIMIT_ON_REDIS_ERROR,
          },
    planWorkers: env.PLAN_WORKERS,
    planBudget: {
      deadlineMs: env.PLAN_DEADLINE_MS,
      maxSettledNodes: env.PLAN_MAX_SETTLED_NODES,
      maxSpurSearches: env.PLAN_MAX_SPUR_SEARCHES,
      // Candidate paths: the enumeration's own bound (graph/k-shortest.ts maxPops) is 5,000.
      maxCandidatesScanned: 5000,
    },
  }));

export type Config = z.output<typeof ConfigSchema>;

/** Names of every environment variable the service reads. */
export const CONFIG_VARIABLES = Object.keys(ConfigSchema.in.shape) as (keyof typeof ConfigSchema.in.shape)[];

/**
 * Reads the settings from `env`. Unset or empty variables take their default;
 * a bad value throws one Error naming every bad variable and what was expected.
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const shape = ConfigSchema.in.shape;
  // An empty variable (PORT=) means "not set": take the default rather than fail.
  const input: Record<string, string> = {};
  for (const key of Object.keys(shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const result = ConfigSchema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? '(config)');
    // API keys and Redis URLs (which may hold a password) are secrets: name the variable, never echo its value.
    const shown = name === 'API_KEYS' || name === 'REDIS_URL' ? '(hidden)' : JSON.stringify(env[name] ?? '');
    return `  ${name}=${shown}: ${issue.message}`;
  });
  throw new Error(`invalid configuration:\n${lines.join('\n')}`);
}
