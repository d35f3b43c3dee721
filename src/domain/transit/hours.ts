/**
 * Arithmetic on low / typical / high hour triples. Every time in the transit
 * model is such a triple and the components of a route simply add up.
 */
import type { Hours } from '../routing/route-types.js';

export const ZERO_HOURS: Hours = Object.freeze({ low: 0, typical: 0, high: 0 });

/** Strips the provenance from a data-set range (h). */
export function hoursOf(r: { low: number; typical: number; high: number }): Hours {
  return { low: r.low, typical: r.typical, high: r.high };
}

export function addHours(...parts: readonly Hours[]): Hours {
  let low = 0;
  let typical = 0;
  let high = 0;
  for (const p of parts) {
    low += p.low;
    typical += p.typical;
    high += p.high;
  }
  return { low, typical, high };
}
