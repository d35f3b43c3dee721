/**
 * The dated part of a route answer: windows, waits and latest departures
 * from the domain's timing core, as the wire writes them (ISO instants in
 * UTC, hours to 0.1 h, legs 1-based).
 */
import type { Calendars } from '../../domain/calendar/calendar-schema.js';
import type { WorkBudget } from '../../domain/graph/budget.js';
import type { Comparison } from '../../domain/planning/compare.js';
import { planRoutes } from '../../domain/routing/plan-routes.js';
import type { PreparedNetwork } from '../../domain/routing/prepare.js';
import type { Network } from '../../domain/network/schema.js';
import type { Hours, Route, RouteQuery } from '../../domain/routing/route-types.js';
import type { CompareResponse } from '../schemas/compare.js';
import type { MatrixResponse } from '../schemas/matrix.js';
import { ARRIVE_BY_GRANULARITY_H, arriveBy } from '../../domain/timing/arrive-by.js';
import { datedRoute, timingContext, type AppliedEntry, type InstantWindow, type TimingContext } from '../../domain/timing/dated-eta.js';
import type { WireEtaSummary, WireRouteEta } from '../schemas/route-eta.js';
import { parseInstant } from '../schemas/route-eta.js';
import { round1 } from './route-to-wire.js';

/** What the request asked: instants in ms, or null. */
export interface EtaRequest {
  departAt: number | null;
  arriveBy: number | null;
}

/** The request's departAt / arriveBy as instants; null when neither was given (the answer then has no `eta`). */
export function etaRequest(req: { departAt?: string | undefined; arriveBy?: string | undefined }): EtaRequest | null {
  const departAt = req.departAt === undefined ? null : (parseInstant(req.departAt) ?? null);
  const deadline = req.arriveBy === undefined ? null : (parseInstant(req.arriveBy) ?? null);
  return departAt === null && deadline === null ? null : { departAt, arriveBy: deadline };
}

/** Instants to the minute: the hours behind them are 0.1 h figures. */
const iso = (t: number) => new Date(Math.round(t / 60_000) * 60_000).toISOString();
const isoOrNull = (t: number | null) => (t === null ? null : iso(t));
const win = (w: InstantWindow) => ({ low: iso(w.low), typical: iso(w.typical), high: iso(w.high) });
const hrs = (h: Hours) => ({ low: round1(h.low), typical: round1(h.typical), high: round1(h.high) });

function wait(a: AppliedEntry) {
  return {
    entry: a.entry,
    kind: a.kind,
    leg: a.legIndex === undefined ? null : a.legIndex + 1,
    crossingId: a.crossingId ?? null,
    waitHours: hrs(a.waitHours),
    message: a.message,
  };
}

export function routeEtaToWire(route: Route, ctx: TimingContext, eta: EtaRequest): WireRouteEta {
  const t = eta.departAt === null ? null : datedRoute(route, ctx, eta.departAt);
  let by: WireRouteEta['arriveBy'] = null;
  if (eta.arriveBy !== null) {
    const a = arriveBy(route, ctx, eta.arriveBy);
    by = {
      deadline: iso(eta.arriveBy),
      granularityHours: ARRIVE_BY_GRANULARITY_H,
      latestDeparture: { low: isoOrNull(a.low.departure), typical: isoOrNull(a.typical.departure), high: isoOrNull(a.high.departure) },
      arrival: { low: isoOrNull(a.low.arrival), typical: isoOrNull(a.typical.arrival), high: isoOrNull(a.high.arrival) },
    };
  }
  return {
    departAt: t === null ? null : iso(t.departAt),
    arrival: t === null ? null : win(t.arrival),
    totalHours: t === null ? null : hrs(t.totalHours),
    waitHours: t === null ? null : hrs(t.waitHours),
    legs: (t?.legs ?? []).map((l) => ({ leg: l.legIndex + 1, linkId: l.linkId, departure: win(l.departure), arrival: win(l.arrival), waitHours: hrs(l.waitHours) })),
    crossings: (t?.crossings ?? []).map((c) => ({ crossingId: c.crossingId, arrival: win(c.arrival), departure: win(c.departure), waitHours: hrs(c.waitHours) })),
    waits: (t?.applied ?? []).map(wait),
    arriveBy: by,
    notes: [...(t?.notes ?? [])],
  };
}

/** The `eta` of each route, in the answer's order; the calendars are read against the network the routes were planned on. */
export function routesEta(routes: readonly Route[], network: Network, calendars: Calendars, eta: EtaRequest): WireRouteEta[] {
  const ctx = timingContext(network, calendars);
  return routes.map((r) => routeEtaToWire(r, ctx, eta));
}

/** The summary a compare or matrix entry carries. */
export function etaSummary(route: Route, ctx: TimingContext, eta: EtaRequest): WireEtaSummary {
  const full = routeEtaToWire(route, ctx, eta);
  return {
    departAt: full.departAt,
    arrival: full.arrival,
    totalHours: full.totalHours,
    waitHours: full.waitHours,
    waits: full.waits,
    latestDeparture: full.arriveBy?.latestDeparture ?? null,
  };
}

/**
 * Adds `eta` to the routes of a /v1/compare answer: today's on today's
 * network, each scenario's on the network of that scenario.
 */
export function addCompareEta(
  response: CompareResponse,
  c: Comparison,
  networkOf: (scenarioId: string | null) => Network,
  calendars: Calendars,
  eta: EtaRequest,
): void {
  if (c.today.route && response.today.route) response.today.route.eta = etaSummary(c.today.route, timingContext(networkOf(null), calendars), eta);
  c.scenarios.forEach((o, i) => {
    const wire = response.scenarios[i]?.route;
    if (o.route && wire) wire.eta = etaSummary(o.route, timingContext(networkOf(o.scenarioId), calendars), eta);
  });
}

/**
 * Adds `eta` to every reachable cell of a /v1/matrix answer: the cell's best
 * route is planned in full (the matrix itself keeps only its figures), under
 * the same work budget, and dated.
 */
export function addMatrixEta(
  response: MatrixResponse,
  prepared: PreparedNetwork,
  query: Omit<RouteQuery, 'from' | 'to'>,
  sources: readonly string[],
  targets: readonly string[],
  calendars: Calendars,
  eta: EtaRequest,
  budget: WorkBudget,
): void {
  const ctx = timingContext(prepared.network, calendars);
  sources.forEach((from, i) => {
    targets.forEach((to, j) => {
      const cell = response.cells[i]?.[j];
      if (!cell || from === to) return;
      const route = planRoutes(prepared, { ...query, from, to, alternatives: 1 }, { budget })[0];
      if (route) cell.eta = etaSummary(route, ctx, eta);
    });
  });
}
