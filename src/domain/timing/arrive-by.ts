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
export function latestDeparture(arrive: (t: number) => number, deadline: number): number | null {
  const step = ARRIVE_BY_GRANULARITY_H * HOUR_MS;
  const floorGrid = (t: number) => Math.floor(t / step) * step;
  // Searched from the deadline itself: the route's hours are no lower bound of a dated journey, since a timetable
  // can replace the model's average wait for a sailing with a shorter one.
  let hi = floorGrid(deadline);
  if (arrive(hi) <= deadline) return hi;
  // The earliest departure searched: the first grid instant within the horizon (the deadline need not lie on the grid).
  const earliest = Math.ceil((deadline - ARRIVE_BY_HORIZON_DAYS * 24 * HOUR_MS) / step) * step;
  let back = 24 * HOUR_MS;
  let lo = hi - back;
  while (arrive(lo) > deadline) {
    hi = lo;
    if (lo <= earliest) return null;
    back *= 2;
    lo = Math.max(earliest, hi - back);
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
    const departure = latestDeparture(arrive, deadline);
    out[band] = { departure, arrival: departure === null ? null : arrive(departure) };
  }
  return out;
}
