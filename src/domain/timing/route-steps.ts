/**
 * A planned route as the sequence of things that take time, in travel order:
 * origin terminal, then each leg followed by its border dwell (a crossing is
 * the leg between its two border points) and whatever happens at the leg's
 * end (gauge change, change of mode, port terminal, marshalling yard), and
 * the destination terminal last. Their hours add up to the route's total,
 * band by band; a dated journey walks this list.
 */
import type { Hours, Route, RouteCrossing, RouteLeg } from '../routing/route-types.js';
import { ZERO_HOURS } from '../transit/hours.js';

export type RouteStep =
  | { kind: 'leg'; legIndex: number; leg: RouteLeg; hours: Hours }
  | { kind: 'dwell'; legIndex: number; crossing: RouteCrossing; hours: Hours }
  | { kind: 'at-place'; what: 'gauge-change' | 'transfer' | 'terminal'; placeId: string; hours: Hours };

export function routeSteps(route: Route): RouteStep[] {
  const atPlace = new Map<string, RouteStep[]>();
  const push = (placeId: string, step: RouteStep) => atPlace.set(placeId, [...(atPlace.get(placeId) ?? []), step]);
  for (const g of route.gaugeBreaks) {
    // A change already counted in the crossing's dwell takes no time of its own.
    push(g.placeId, { kind: 'at-place', what: 'gauge-change', placeId: g.placeId, hours: g.includedInDwell ? ZERO_HOURS : g.hours });
  }
  for (const t of route.transfers) push(t.placeId, { kind: 'at-place', what: t.terminal ? 'terminal' : 'transfer', placeId: t.placeId, hours: t.hours });
  const destination: RouteStep[] = [];
  for (const t of route.terminals) {
    const step: RouteStep = { kind: 'at-place', what: 'terminal', placeId: t.placeId, hours: t.hours };
    if (t.kind === 'destination') destination.push(step);
    else push(t.placeId, step);
  }
  const steps: RouteStep[] = [];
  const emitAt = (placeId: string) => {
    steps.push(...(atPlace.get(placeId) ?? []));
    atPlace.delete(placeId);
  };
  const first = route.legs[0];
  if (first) emitAt(first.from);
  route.legs.forEach((leg, i) => {
    steps.push({ kind: 'leg', legIndex: i, leg, hours: leg.hours });
    for (const c of route.crossings) {
      if (c.from === leg.from && c.to === leg.to) steps.push({ kind: 'dwell', legIndex: i, crossing: c, hours: c.dwellHours });
    }
    emitAt(leg.to);
  });
  steps.push(...destination);
  // Never drop time: an item at a place no leg reaches (none in a well-formed route) goes last.
  for (const rest of atPlace.values()) steps.push(...rest);
  return steps;
}
