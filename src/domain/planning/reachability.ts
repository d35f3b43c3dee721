/**
 * Every place reachable from one place within a time budget, by the best route
 * under the objective (so with `shortest` the hours are those of the shortest
 * route). The origin itself is not listed. Ordered by hours, then km, then id.
 */
import { travelCosts, type TravelCost, type TravelCostOptions, type TravelCostRun } from '../routing/one-to-many.js';
import type { PreparedNetwork } from '../routing/prepare.js';

export interface Reachable extends TravelCost {
  placeId: string;
}

export function reachableWithin(
  p: PreparedNetwork,
  from: string,
  maxHours: number,
  opts: TravelCostOptions,
  run: Omit<TravelCostRun, 'targets'> = {},
): Reachable[] {
  const out: Reachable[] = [];
  // With the fastest objective the search cost is the typical hours: it may stop at the budget.
  const search = opts.objective === 'fastest' ? { ...run, maxCost: maxHours } : run;
  for (const [placeId, cost] of travelCosts(p, from, opts, search)) if (cost.hours <= maxHours) out.push({ placeId, ...cost });
  return out.sort((a, b) => a.hours - b.hours || a.km - b.km || a.placeId.localeCompare(b.placeId));
}
