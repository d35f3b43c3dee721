/**
 * Soak test: the service in-process on a free port (real data set, production
 * settings except the rate limiter), driven by autocannon with a mixed
 * workload: routes GET and POST over real origin–destination pairs, places,
 * links, crossings, corridors, info, and bad requests that must be answered
 * 4xx. Reports requests, answers by status, errors, latency and memory growth
 * after a warm-up (heap measured after a forced GC when run with
 * --expose-gc, as `npm run soak` does).
 *
 * Exits 1 on any connection error or timeout, any 5xx, any answer of the
 * wrong class (a good request not 2xx, a bad one not 4xx), or heap growth
 * above SOAK_MAX_HEAP_GROWTH_MB (default 50 MB).
 *
 *   SOAK_SECONDS=60 SOAK_CONNECTIONS=20 npm run soak
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { FastifyBaseLogger } from 'fastify';
import { pino } from 'pino';
import { parseConfig } from '../src/config.js';
import { loadEmissionFactors } from '../src/domain/emissions/load-emission-factors.js';
import { loadNetwork } from '../src/domain/network/load-network.js';
import { PlaceIndex } from '../src/domain/network/place-index.js';
import { prepareNetwork } from '../src/domain/routing/prepare.js';
import { loadScenarios } from '../src/domain/scenarios/load-scenarios.js';
import { ScenarioRegistry } from '../src/domain/scenarios/scenario-registry.js';
import { buildApp } from '../src/http/app.js';
import { createLogger } from '../src/http/logger.js';

// ---- autocannon (no bundled types): the part of its API used here ----------
interface CannonRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  onResponse?: (status: number, body: string) => void;
}
interface CannonResult {
  requests: { total: number; average: number };
  latency: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
  duration: number;
}
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  requests: CannonRequest[];
  timeout?: number;
}) => Promise<CannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

// ---- settings ---------------------------------------------------------------
function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name}=${JSON.stringify(raw)}: expected a positive number`);
  return n;
}
const SECONDS = envNumber('SOAK_SECONDS', 60);
const CONNECTIONS = envNumber('SOAK_CONNECTIONS', 20);
/** Heap growth allowed between the end of the warm-up and the end of the run, MB. */
const MAX_HEAP_GROWTH_MB = envNumber('SOAK_MAX_HEAP_GROWTH_MB', 50);
/** Warm-up: JIT, route-answer cache and connection pools settle before the baseline is taken, s. */
const WARMUP_SECONDS = Math.max(2, Math.min(10, Math.round(SECONDS / 6)));
const DATA_DIR = fileURLToPath(new URL('../data', import.meta.url));

const MB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc;
function memory(): { heapMb: number; rssMb: number } {
  if (gc) {
    gc();
    gc();
  }
  const m = process.memoryUsage();
  return { heapMb: m.heapUsed / MB, rssMb: m.rss / MB };
}

/** Small deterministic PRNG (mulberry32) so every run asks the same questions. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function main(): Promise<void> {
  const config = parseConfig({ DATA_DIR, NODE_ENV: 'production', RATE_LIMIT_MAX: '0', LOG_LEVEL: 'info' });
  const network = await loadNetwork(DATA_DIR);
  const prepared = prepareNetwork(network);
  const scenarios = new ScenarioRegistry(prepared, await loadScenarios(DATA_DIR, network));
  const emissionFactors = await loadEmissionFactors(DATA_DIR);
  // Logged as in production (one JSON line per request), to /dev/null so the report stays readable.
  const logger = createLogger(config, pino.destination({ dest: '/dev/null', sync: false })) as FastifyBaseLogger;
  const app = await buildApp({ config, places: new PlaceIndex(network.places), scenarios, emissionFactors, logger });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;

  // Origin–destination pairs that have a route today, found by asking the service once.
  const random = prng(20261126);
  const ids = network.places.map((p) => p.id);
  const objectives = ['fastest', 'shortest', 'fewest-borders'];
  const routeQueries: string[] = [];
  for (let tries = 0; routeQueries.length < 120 && tries < 2000; tries++) {
    const from = ids[Math.floor(random() * ids.length)]!;
    const to = ids[Math.floor(random() * ids.length)]!;
    if (from === to) continue;
    const q = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&objective=${objectives[tries % 3]}&alternatives=${1 + (tries % 3)}`;
    const res = await app.inject({ method: 'GET', url: `/v1/routes?${q}` });
    if (res.statusCode === 200) routeQueries.push(q);
  }
  if (routeQueries.length < 10) throw new Error(`only ${routeQueries.length} routable pairs found`);

  const mismatches = new Map<string, number>();
  const expect = (kind: '2xx' | '4xx', label: string) => (status: number) => {
    const ok = kind === '2xx' ? status >= 200 && status < 300 : status >= 400 && status < 500;
    if (!ok) mismatches.set(`${label} → ${status}`, (mismatches.get(`${label} → ${status}`) ?? 0) + 1);
  };
  const good = (method: 'GET' | 'POST', path: string, body?: unknown): CannonRequest => ({
    method,
    path,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    onResponse: expect('2xx', `${method} ${path.split('?')[0]}`),
  });
  const bad = (method: 'GET' | 'POST', path: string, body?: string): CannonRequest => ({
    method,
    path,
    ...(body === undefined ? {} : { body, headers: { 'content-type': 'application/json' } }),
    onResponse: expect('4xx', `bad ${method} ${path.split('?')[0]}`),
  });

  const linkIds = network.links.map((l) => l.id);
  const requests: CannonRequest[] = [];
  for (let i = 0; i < routeQueries.length; i++) {
    const q = routeQueries[i]!;
    requests.push(good('GET', `/v1/routes?${q}`));
    if (i % 3 === 0) {
      const params = new URLSearchParams(q);
      requests.push(good('POST', '/v1/routes', { from: params.get('from'), to: params.get('to'), objective: params.get('objective') }));
    }
    if (i % 4 === 0) requests.push(good('GET', `/v1/places?q=${encodeURIComponent(ids[i % ids.length]!.slice(0, 4))}`));
    if (i % 4 === 1) requests.push(good('GET', `/v1/places/${encodeURIComponent(ids[i % ids.length]!)}`));
    if (i % 4 === 2) requests.push(good('GET', `/v1/links/${encodeURIComponent(linkIds[i % linkIds.length]!)}`));
    if (i % 6 === 3) requests.push(good('GET', '/v1/links?limit=50'));
    if (i % 6 === 4) requests.push(good('GET', '/v1/border-crossings'));
    if (i % 6 === 5) requests.push(good('GET', '/v1/corridors'));
    if (i % 10 === 0) requests.push(good('GET', '/v1/info'));
    if (i % 5 === 0) {
      // About one request in fifteen is bad and must be refused with a 4xx. Not here: bodies that fail to
      // parse (bad JSON, wrong content type): fastify closes the connection after answering them, and
      // autocannon then loses track of which answer belongs to which request. The fuzz test covers them.
      const kind = (i / 5) % 6;
      if (kind === 0) requests.push(bad('GET', '/v1/routes?from=atlantis&to=karachi'));
      if (kind === 1) requests.push(bad('GET', '/v1/routes?from=almaty&to=karachi&alternatives=0&objective=cheapest'));
      if (kind === 2) requests.push(bad('POST', '/v1/routes', '{"from": "almaty", "to": 42, "modes": ["plane"]}'));
      if (kind === 3) requests.push(bad('POST', '/v1/routes', '{"from": "almaty", "to": "almaty"}'));
      if (kind === 4) requests.push(bad('GET', '/v1/no-such-endpoint'));
      if (kind === 5) requests.push(bad('GET', `/v1/places/${encodeURIComponent('no-such-place')}`));
    }
  }
  const url = `http://127.0.0.1:${port}`;

  console.log(
    `soak: ${requests.length} distinct requests (${routeQueries.length} routable pairs from the real data set, ${network.places.length} places), ` +
      `${CONNECTIONS} connections, warm-up ${WARMUP_SECONDS} s, run ${SECONDS} s, heap bound ${MAX_HEAP_GROWTH_MB} MB${gc ? '' : ' (no --expose-gc: heap not collected before measuring)'}`,
  );
  await autocannon({ url, connections: CONNECTIONS, duration: WARMUP_SECONDS, requests, timeout: 10 });
  mismatches.clear();
  const before = memory();

  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, requests, timeout: 10 });
  const afterRun = memory();
  await app.close();

  const byStatus = Object.entries(result.statusCodeStats)
    .map(([status, s]) => `${status}: ${s.count}`)
    .join(', ');
  const fiveXx = Object.entries(result.statusCodeStats)
    .filter(([status]) => Number(status) >= 500)
    .reduce((n, [, s]) => n + s.count, 0);
  const growth = afterRun.heapMb - before.heapMb;
  console.log(`requests: ${result.requests.total} in ${result.duration} s (${Math.round(result.requests.average)} req/s)`);
  console.log(`answers by status: ${byStatus}; non-2xx: ${result.non2xx}`);
  console.log(`connection errors: ${result.errors}, timeouts: ${result.timeouts}, 5xx: ${fiveXx}`);
  console.log(`latency: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
  console.log(
    `memory after warm-up → after run: heap ${before.heapMb.toFixed(1)} → ${afterRun.heapMb.toFixed(1)} MB (${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB), ` +
      `rss ${before.rssMb.toFixed(1)} → ${afterRun.rssMb.toFixed(1)} MB`,
  );
  const failures: string[] = [];
  if (result.errors > 0 || result.timeouts > 0) failures.push(`${result.errors} connection errors, ${result.timeouts} timeouts`);
  if (fiveXx > 0) failures.push(`${fiveXx} answers 5xx`);
  if (mismatches.size > 0) failures.push(`answers of the wrong class: ${JSON.stringify(Object.fromEntries(mismatches))}`);
  if (growth > MAX_HEAP_GROWTH_MB) failures.push(`heap grew ${growth.toFixed(1)} MB (bound ${MAX_HEAP_GROWTH_MB} MB)`);
  if (result.requests.total === 0) failures.push('no request completed');
  if (failures.length > 0) {
    console.error(`soak FAILED: ${failures.join('; ')}`);
    process.exit(1);
  }
  console.log('soak: ok');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
