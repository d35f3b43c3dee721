/**
 * What each objective minimises, written once: the search weight of an edge
 * and the cost of a whole route are the same formula over hours, km and
 * borders crossed.
 */
import type { Objective } from './route-types.js';

/** Weight of one border in the fewest-borders objective, in "hours": more than any route's hours, so borders count first. */
export const BORDER_WEIGHT = 1e6;

/** Typical h (fastest), km (shortest), or borders × BORDER_WEIGHT + typical h (fewest-borders). */
export function weightFor(objective: Objective, e: { hours: number; km: number; borders: number }): number {
  switch (objective) {
    case 'fastest':
      return e.hours;
    case 'shortest':
      return e.km;
    case 'fewest-borders':
      return e.borders * BORDER_WEIGHT + e.hours;
  }
}
