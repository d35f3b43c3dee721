/**
 * Rows of a travel-cost matrix from the router's one-to-many search: one
 * search per source, with only the targets asked for assembled. A place to
 * itself costs nothing; an unreachable target is null.
 */
import { travelCosts, type TravelCost, type TravelCostOptions, type TravelCostRun } from '../routing/one-to-many.js';
import type { PreparedNetwork } from '../routing/prepare.js';

const SELF: TravelCost = Object.freeze({ hours: 0, lowHours: 0, highHours: 0, km: 0, crossings: 0, gaugeBreaks: 0, unscheduledLegs: 0 });

export function matrixRow(
  p: PreparedNetwork,
  source: string,
  targets: readonly string[],
  opts: TravelCostOptions,
  run: Omit<TravelCostRun, 'targets'> = {},
): (TravelCost | null)[] {
  const costs = travelCosts(p, source, opts, { ...run, targets });
  return targets.map((t) => (t === source ? SELF : (costs.get(t) ?? null)));
}
