/**
 * Runs each calibration service through the planner and says whether the
 * published figure falls where its record says it must in the model's band.
 *
 * Published value: the middle of the stated figure, in hours. A figure stated
 * in whole days is only that precise: it is allowed half a day (12 h) either
 * side; one stated in hours, half an hour.
 */
import { KMH_PER_KNOT } from '../transit/link-hours.js';
import { addHours, hoursOf, ZERO_HOURS } from '../transit/hours.js';
import { legState } from '../transit/place-transition.js';
import { terminalHours } from '../transit/terminal-hours.js';
import { DEFAULT_QUERY } from '../routing/defaults.js';
import { planRoutes } from '../routing/plan-routes.js';
import type { PreparedNetwork } from '../routing/prepare.js';
import type { Hours, Route } from '../routing/route-types.js';
import type { CalibrationRecord } from './schema.js';

export type Verdict = 'inside' | 'outside' | 'excepted' | 'claim' | 'no-route';

export interface CalibrationResult {
  record: CalibrationRecord;
  /** Middle of the published figure, h. */
  publishedHours: number;
  /** Rounding allowance of the stated figure, h. */
  toleranceHours: number;
  /** The model's time for the record's scope, h; undefined when there is no route. */
  model?: Hours;
  /** publishedHours / model typical. */
  ratio?: number;
  verdict: Verdict;
  /** Why, in a few words (the band test applied, or the exception's reason). */
  reason: string;
  places?: readonly string[];
}

export function publishedHours(r: CalibrationRecord): { hours: number; tolerance: number } {
  const mid = (r.figure.low + r.figure.high) / 2;
  return r.figure.unit === 'days' ? { hours: mid * 24, tolerance: 12 } : { hours: mid, tolerance: 0.5 };
}

/** Waiting for a ferry departure or a sailing on the route's legs, h. */
function waits(p: PreparedNetwork, route: Route): Hours {
  const parts: Hours[] = [];
  for (const leg of route.legs) {
    const link = p.index.linkById.get(leg.linkId);
    if (link?.mode === 'ferry' && link.ferry) parts.push(hoursOf(link.ferry.waitHours));
    if (link?.mode === 'sea' && p.network.parameters.seaWaitHours) parts.push(hoursOf(p.network.parameters.seaWaitHours));
  }
  return addHours(...parts);
}

/** Time at sea of the route's ferry and sea legs, h (low hours from the high vessel speed). */
function sailing(p: PreparedNetwork, route: Route): Hours {
  const knots = p.network.parameters.seaSpeedKnots;
  const parts: Hours[] = [];
  for (const leg of route.legs) {
    const link = p.index.linkById.get(leg.linkId);
    if (link?.mode === 'ferry' && link.ferry) parts.push(hoursOf(link.ferry.crossingHours));
    if (link?.mode === 'sea') {
      parts.push({
        low: link.lengthKm / (knots.high * KMH_PER_KNOT),
        typical: link.lengthKm / (knots.typical * KMH_PER_KNOT),
        high: link.lengthKm / (knots.low * KMH_PER_KNOT),
      });
    }
  }
  return parts.length > 0 ? addHours(...parts) : ZERO_HOURS;
}

/** Terminal time at the route's first and last place (zero at an end reached by ferry or sea), h. */
function endTerminal(p: PreparedNetwork, route: Route, end: 'origin' | 'destination'): Hours {
  const leg = end === 'origin' ? route.legs[0] : route.legs[route.legs.length - 1];
  if (!leg) return ZERO_HOURS;
  return terminalHours(p.network.parameters, end === 'origin' ? leg.from : leg.to, end, legState(leg.mode, leg.gaugeMm));
}

const minus = (t: Hours, ...parts: Hours[]): Hours => {
  const s = addHours(...parts);
  return { low: t.low - s.low, typical: t.typical - s.typical, high: t.high - s.high };
};

export function modelHours(p: PreparedNetwork, r: CalibrationRecord, route: Route): Hours {
  const t = route.hours.total;
  switch (r.scope) {
    case 'route':
      return t;
    case 'from-origin':
      return minus(t, endTerminal(p, route, 'destination'));
    case 'route-without-waits':
      return minus(t, waits(p, route));
    case 'departure-to-arrival':
      return minus(t, endTerminal(p, route, 'origin'), endTerminal(p, route, 'destination'), waits(p, route));
    case 'sailing':
      return sailing(p, route);
  }
}

/** Whether `v` (h, with a rounding allowance) falls in the record's band part of `m`. */
export function inBand(band: CalibrationRecord['band'], v: number, tol: number, m: Hours): boolean {
  switch (band) {
    case 'below-low':
      return v - tol <= m.low;
    case 'low-typical':
      return v + tol >= m.low && v - tol <= m.typical;
    case 'low-high':
      return v + tol >= m.low && v - tol <= m.high;
    case 'none':
      return true;
  }
}

const BAND_TEXT: Record<CalibrationRecord['band'], string> = {
  'below-low': 'at or below low',
  'low-typical': 'between low and typical',
  'low-high': 'between low and high',
  none: 'not checked',
};

export function evaluateRecord(p: PreparedNetwork, r: CalibrationRecord): CalibrationResult {
  const { hours, tolerance } = publishedHours(r);
  let route: Route;
  try {
    [route] = planRoutes(p, { ...DEFAULT_QUERY, from: r.lane.from, to: r.lane.to, via: r.lane.via, avoidLinks: r.lane.avoidLinks }) as [Route];
  } catch (e) {
    return {
      record: r,
      publishedHours: hours,
      toleranceHours: tolerance,
      verdict: r.exception ? 'excepted' : 'no-route',
      reason: r.exception ? r.exception.reason : `no route: ${(e as Error).message}`,
    };
  }
  const model = modelHours(p, r, route);
  const ratio = model.typical > 0 ? hours / model.typical : undefined;
  const base = { record: r, publishedHours: hours, toleranceHours: tolerance, model, places: route.places, ...(ratio !== undefined ? { ratio } : {}) };
  if (r.band === 'none') return { ...base, verdict: 'claim', reason: 'claim: recorded, not checked' };
  if (inBand(r.band, hours, tolerance, model)) return { ...base, verdict: 'inside', reason: BAND_TEXT[r.band] };
  if (r.exception) return { ...base, verdict: 'excepted', reason: r.exception.reason };
  return { ...base, verdict: 'outside', reason: `expected ${BAND_TEXT[r.band]}` };
}

export function evaluateAll(p: PreparedNetwork, records: readonly CalibrationRecord[]): CalibrationResult[] {
  return records.map((r) => evaluateRecord(p, r));
}
