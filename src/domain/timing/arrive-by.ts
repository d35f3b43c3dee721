/**
 * The latest departure that still arrives by a deadline, per band. Arrival
 * is monotone in departure (every calendar rule is), so the latest departure
 * is found by a search over departure instants on a grid of whole UTC hours
 * (ARRIVE_BY_GRANULARITY_H): a departure is at most the deadline minus the
 * route's hours without waits; from there the search steps back, doubling,
 * until a departure arrives in time, then bisects. A band with no departure
 * within ARRIVE_BY_HORIZON_DAYS before the deadline answers null.
 */
import type { Route } from '../routing/route-types.js';
import { BANDS, HOUR_MS, type Band } from './calendar-rules.js';
import { arrivalFunction, type TimingContext } from './dated-eta.js';

/** Departures are searched on whole UTC hours, h. */
export const ARRIVE_BY_GRANULARITY_H = 1;
/** How far before the deadline a departure is looked for, days. */
export const ARRIVE_BY_HORIZON_DAYS = 400;

export interface LatestDeparture {
  /** Latest departure (ms) whose arrival in this band is at or before the deadline; null when none within the horizon. */
  departure: number | null;
  /** That departure's arrival in this band (ms). */
  arrival: number | null;
}

/** Latest grid departure `d` with `arrive(d) <= deadline`, given `arrive` monotone; null if none within the horizon. */
export function latestDeparture(arrive: (t: number) => number, deadline: number, noWaitHours: number): number | null {
  const step = ARRIVE_BY_GRANULARITY_H * HOUR_MS;
  const floorGrid = (t: number) => Math.floor(t / step) * step;
  // Waits are ≥ 0, so a later departure than this cannot arrive in time.
  let hi = floorGrid(deadline - noWaitHours * HOUR_MS);
  if (arrive(hi) <= deadline) return hi;
  const earliest = deadline - ARRIVE_BY_HORIZON_DAYS * 24 * HOUR_MS;
  let back = 24 * HOUR_MS;
  let lo = hi - back;
  while (arrive(lo) > deadline) {
    hi = lo;
    if (lo <= earliest) return null;
    back *= 2;
    lo = Math.max(floorGrid(earliest), hi - back);
  }
  // arrive(lo) ≤ deadline < arrive(hi): bisect on the grid.
  while (hi - lo > step) {
    const mid = floorGrid(lo + (hi - lo) / 2);
    if (arrive(mid) <= deadline) lo = mid;
    else hi = mid;
  }
  return lo;
}

export function arriveBy(route: Route, ctx: TimingContext, deadline: number): Record<Band, LatestDeparture> {
  const out = {} as Record<Band, LatestDeparture>;
  for (const band of BANDS) {
    const arrive = arrivalFunction(route, ctx, band);
    const departure = latestDeparture(arrive, deadline, route.hours.total[band]);
    out[band] = { departure, arrival: departure === null ? null : arrive(departure) };
  }
  return out;
}
