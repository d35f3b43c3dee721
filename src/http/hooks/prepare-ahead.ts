/**
 * The network a question names (a scenario, a planning month, or both) is
 * prepared before its handler runs, in slices that let the event loop run
 * (ScenarioRegistry.prepareAhead), instead of in one piece inside the
 * handler: on a network of 100k places one preparation takes seconds, and in
 * one piece it held up every other request meanwhile, health checks
 * included. A question still waiting for its network when its planning
 * deadline passes is answered 503 with Retry-After; the preparation goes on,
 * and the network is kept for the questions after it.
 *
 * Which networks a question needs, by its parsed query or body: `scenario`
 * with `asOf`; for /v1/compare, each of `scenarios` (default: every named
 * scenario) on today's date and today's network at each month of `asOf`,
 * as domain/planning/compare.ts and compare-dates.ts plan them. Nothing here
 * decides an answer: a network this misses is prepared by the handler as
 * before.
 */
import type { FastifyInstance } from 'fastify';
import type { ScenarioRegistry } from '../../domain/scenarios/scenario-registry.js';
import { sendProblem } from '../error-handler.js';
import { planningMonthOf } from '../schemas/as-of-fields.js';

type Wanted = readonly [scenarioId: string | undefined, asOf: string | undefined];

/** The (scenario, planning month) pairs a question plans on, besides today's network. */
export function networksAsked(routeUrl: string | undefined, input: unknown, registry: ScenarioRegistry): Wanted[] {
  if (input === null || typeof input !== 'object') return [];
  const q = input as Record<string, unknown>;
  if (routeUrl === '/v1/compare') {
    const ids = Array.isArray(q.scenarios) ? q.scenarios.filter((s): s is string => typeof s === 'string') : registry.list().map((s) => s.id);
    const months = typeof q.asOf === 'string' ? q.asOf.split(',').map((m) => planningMonthOf(m.trim())) : [];
    return [...ids.map((id): Wanted => [id, undefined]), ...months.filter((m) => m !== undefined).map((m): Wanted => [undefined, m])];
  }
  const scenarioId = typeof q.scenario === 'string' ? q.scenario : undefined;
  const asOf = typeof q.asOf === 'string' ? planningMonthOf(q.asOf) : undefined;
  return scenarioId === undefined && asOf === undefined ? [] : [[scenarioId, asOf]];
}

export function installPrepareAhead(app: FastifyInstance, registry: ScenarioRegistry, deadlineMs: number): void {
  app.addHook('preHandler', async (request, reply) => {
    const wanted = networksAsked(request.routeUrl, request.method === 'GET' ? request.query : request.body, registry);
    if (wanted.length === 0) return;
    // A failed preparation (a month the data cannot plan, say) is left to the handler, which meets the same
    // error on its own path and answers it as usual.
    const all = Promise.all(wanted.map(([id, asOf]) => registry.prepareAhead(id, asOf))).then(
      () => true,
      () => true,
    );
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), deadlineMs);
    });
    const ready = await Promise.race([all, late]);
    clearTimeout(timer);
    if (ready) return;
    // About as long as the base network took to prepare, s, at least 1.
    const retryAfterS = Math.max(1, Math.ceil(registry.base.prepareMs / 1000));
    return sendProblem(request, reply, {
      code: 'SERVICE_UNAVAILABLE',
      detail: `the network this question plans on (a scenario or a planning month, first asked since start-up) is still being prepared after the planning deadline of ${deadlineMs} ms; it is kept once ready: retry in about ${retryAfterS} s.`,
      extensions: { limit: 'deadlineMs', value: deadlineMs },
      headers: { 'retry-after': String(retryAfterS) },
    });
  });
}
