/**
 * Prometheus metrics. Each app instance has its own Registry (tests build many
 * apps in one process). Counted on every answer: requests and latency by
 * method, route pattern (never the raw URL, which would give one series per
 * query string) and status; route planning by objective, outcome and answer
 * cache, timed by the planner's own planMs (the log field the route handler
 * fills, only when it really planned); and the
 * data set in use as an info metric.
 */
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { FastifyInstance } from 'fastify';
import type { Network } from '../../domain/network/schema.js';
import { SERVICE } from '../service-info.js';
import { ScrapedCounter, ScrapedHistogram, type CounterSeries, type HistogramSeries } from './scraped-metrics.js';

const PREFIX = 'corridor_';

/** Label for requests that matched no route (404s), so scanners cannot create series. */
export const UNMATCHED_ROUTE = '(unmatched)';

/** Route patterns that plan routes; their answers count as planning computations. */
const PLANNING_ROUTES = new Set(['/v1/routes']);

interface HttpChildren {
  requests: CounterSeries;
  duration: HistogramSeries;
}
interface PlanChildren {
  plans: CounterSeries;
  duration: HistogramSeries;
}

export interface Metrics {
  registry: Registry;
}

/** What the route answer cache holds (RouteAnswerCache.held), read when /metrics is scraped. */
export interface HeldAnswers {
  readonly held: { entries: number; bytes: number };
}

/**
 * The answer cache's size against ROUTE_CACHE_ENTRIES and ROUTE_CACHE_MAX_BYTES, so a pod's memory can be
 * sized from what the cache really holds; read on each scrape, nothing per request.
 */
export function registerAnswerCacheMetrics(registry: Registry, cache: HeldAnswers): void {
  new Gauge({
    name: `${PREFIX}route_cache_entries`,
    help: 'Route answers (and planning errors) held in the in-memory answer cache.',
    registers: [registry],
    collect() {
      this.set(cache.held.entries);
    },
  });
  new Gauge({
    name: `${PREFIX}route_cache_bytes`,
    help: 'Bytes of route answers held in the in-memory answer cache (bodies and keys), bounded by ROUTE_CACHE_MAX_BYTES.',
    registers: [registry],
    collect() {
      this.set(cache.held.bytes);
    },
  });
}

/** Seconds; route answers on the real network take about a millisecond, the docs page longer. */
const HTTP_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
/** Seconds; one planning computation, from tens of microseconds (fixture) to tens of milliseconds (many alternatives). */
const PLAN_BUCKETS = [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

/** countRequests false (benchmark only, app.ts): /metrics answers, but nothing is counted per request. */
export function installMetrics(app: FastifyInstance, network: Network, options: { countRequests?: boolean } = {}): Metrics {
  const registry = new Registry();
  // The lag histogram stays at prom-client's 10 ms samples (100 wake-ups a second): its mean and percentiles
  // include the sampling interval (about 0.0101 s on an idle loop), and dashboards read them on that scale.
  collectDefaultMetrics({ register: registry, prefix: PREFIX });

  const requests = new ScrapedCounter({
    name: `${PREFIX}http_requests_total`,
    help: 'HTTP requests answered, by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    registers: [registry],
  });
  const duration = new ScrapedHistogram({
    name: `${PREFIX}http_request_duration_seconds`,
    help: 'Time from receiving a request to sending its answer, by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: HTTP_BUCKETS,
    registers: [registry],
  });
  const plans = new ScrapedCounter({
    name: `${PREFIX}route_plans_total`,
    help:
      'Route planning requests, by objective, outcome (ok, or the problem code in lower case) and answer cache ' +
      '(hit: answered from memory without planning, shared: from the Redis tier without planning, miss: planned, none: cache off).',
    labelNames: ['objective', 'outcome', 'cache'] as const,
    registers: [registry],
  });
  const planDuration = new ScrapedHistogram({
    name: `${PREFIX}route_plan_duration_seconds`,
    help: 'Time spent in the route planner per computation (excludes validation and serialisation), by objective and outcome.',
    labelNames: ['objective', 'outcome'] as const,
    buckets: PLAN_BUCKETS,
    registers: [registry],
  });
  const dataInfo = new Gauge({
    name: `${PREFIX}data_info`,
    help: 'The data set this instance serves (always 1); data_version is parameters.json dataVersion.',
    labelNames: ['data_version', 'data_date'] as const,
    registers: [registry],
  });
  dataInfo.set({ data_version: network.parameters.dataVersion, data_date: network.parameters.dataDate ?? '' }, 1);
  const size = new Gauge({
    name: `${PREFIX}data_records`,
    help: 'Records in the loaded data set, by kind.',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  size.set({ kind: 'places' }, network.places.length);
  size.set({ kind: 'links' }, network.links.length);
  size.set({ kind: 'crossings' }, network.crossings.length);
  size.set({ kind: 'corridors' }, network.corridors.length);
  new Gauge({
    name: `${PREFIX}service_info`,
    help: 'Service name and version (always 1).',
    labelNames: ['version'] as const,
    registers: [registry],
  }).set({ version: SERVICE.version }, 1);

  // Series made once per label set and reused (scraped-metrics.ts: prom-client's label children validate and
  // hash their labels on every call), and no labels object per request. Nested maps: route → method → status code.
  const httpChildren = new Map<string, Map<string, Map<number, HttpChildren>>>();
  const httpChildrenFor = (route: string, method: string, status: number): HttpChildren => {
    let byMethod = httpChildren.get(route);
    if (byMethod === undefined) httpChildren.set(route, (byMethod = new Map()));
    let byStatus = byMethod.get(method);
    if (byStatus === undefined) byMethod.set(method, (byStatus = new Map()));
    let children = byStatus.get(status);
    if (children === undefined) {
      const labels = { method, route, status_code: String(status) };
      children = { requests: requests.series(labels), duration: duration.series(labels) };
      byStatus.set(status, children);
    }
    return children;
  };
  // Nested maps (objective → outcome → cache state) rather than one key joined from the three names,
  // which would build and hash a new string on every planning answer.
  const planChildren = new Map<string, Map<string, Map<string, PlanChildren>>>();
  const planChildrenFor = (objective: string, outcome: string, cache: string): PlanChildren => {
    let byOutcome = planChildren.get(objective);
    if (byOutcome === undefined) planChildren.set(objective, (byOutcome = new Map()));
    let byCache = byOutcome.get(outcome);
    if (byCache === undefined) byOutcome.set(outcome, (byCache = new Map()));
    let children = byCache.get(cache);
    if (children === undefined) {
      children = { plans: plans.series({ objective, outcome, cache }), duration: planDuration.series({ objective, outcome }) };
      byCache.set(cache, children);
    }
    return children;
  };

  if (options.countRequests === false) return { registry };
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeUrl ?? UNMATCHED_ROUTE;
    const http = httpChildrenFor(route, request.method, reply.statusCode);
    http.requests.inc();
    http.duration.observe(reply.elapsedTime / 1000);
    if (PLANNING_ROUTES.has(route) && request.method !== 'HEAD') countPlanning(request.logFields, reply.statusCode);
    done();
  });

  function countPlanning(fields: Record<string, unknown> | null, status: number): void {
    // Answers refused before planning (auth, rate limit, validation) carry no objective and are not computations.
    if (fields === null || typeof fields.objective !== 'string') return;
    const outcome = status < 400 ? 'ok' : String(fields.code ?? `status_${status}`).toLowerCase();
    const cache = fields.cache === 'hit' || fields.cache === 'miss' || fields.cache === 'shared' ? fields.cache : 'none';
    const children = planChildrenFor(fields.objective, outcome, cache);
    children.plans.inc();
    if (typeof fields.planMs === 'number') children.duration.observe(fields.planMs / 1000);
  }

  return { registry };
}
