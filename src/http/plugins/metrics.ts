/**
 * Prometheus metrics. Each app instance has its own Registry (tests build many
 * apps in one process). Counted on every answer: requests and latency by
 * method, route pattern (never the raw URL, which would give one series per
 * query string) and status; route planning by objective, outcome and answer
 * cache, timed by the planner's own planMs (the log field the route handler
 * fills, only when it really planned); and the
 * data set in use as an info metric.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { FastifyInstance } from 'fastify';
import type { Network } from '../../domain/network/schema.js';
import { SERVICE } from '../service-info.js';

const PREFIX = 'corridor_';

/** Label for requests that matched no route (404s), so scanners cannot create series. */
export const UNMATCHED_ROUTE = '(unmatched)';

/** Route patterns that plan routes; their answers count as planning computations. */
const PLANNING_ROUTES = new Set(['/v1/routes']);

export interface Metrics {
  registry: Registry;
}

/** Seconds; route answers on the real network take about a millisecond, the docs page longer. */
const HTTP_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
/** Seconds; one planning computation, from tens of microseconds (fixture) to tens of milliseconds (many alternatives). */
const PLAN_BUCKETS = [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

export function installMetrics(app: FastifyInstance, network: Network): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: PREFIX });

  const requests = new Counter({
    name: `${PREFIX}http_requests_total`,
    help: 'HTTP requests answered, by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: `${PREFIX}http_request_duration_seconds`,
    help: 'Time from receiving a request to sending its answer, by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: HTTP_BUCKETS,
    registers: [registry],
  });
  const plans = new Counter({
    name: `${PREFIX}route_plans_total`,
    help:
      'Route planning requests, by objective, outcome (ok, or the problem code in lower case) and answer cache ' +
      '(hit: answered from memory without planning, miss: planned, none: cache off).',
    labelNames: ['objective', 'outcome', 'cache'] as const,
    registers: [registry],
  });
  const planDuration = new Histogram({
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

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? UNMATCHED_ROUTE;
    const labels = { method: request.method, route, status_code: String(reply.statusCode) };
    requests.inc(labels);
    duration.observe(labels, reply.elapsedTime / 1000);
    if (!PLANNING_ROUTES.has(route) || request.method === 'HEAD') return;
    const fields = request.logFields ?? {};
    // Answers refused before planning (auth, rate limit, validation) carry no objective and are not computations.
    if (typeof fields.objective !== 'string') return;
    const outcome = reply.statusCode < 400 ? 'ok' : String(fields.code ?? `status_${reply.statusCode}`).toLowerCase();
    const planLabels = { objective: fields.objective, outcome };
    const cache = fields.cache === 'hit' || fields.cache === 'miss' ? fields.cache : 'none';
    plans.inc({ ...planLabels, cache });
    if (typeof fields.planMs === 'number') planDuration.observe(planLabels, fields.planMs / 1000);
  });

  return { registry };
}
