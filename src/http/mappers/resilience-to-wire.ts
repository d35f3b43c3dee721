/** Closure-impact results → wire: names for ids, km and hours rounded, days from hours. Display only. */
import type { NetworkIndex } from '../../domain/network/network-index.js';
import type { ElementImpact, MatrixElement, RouteElement } from '../../domain/planning/resilience.js';
import type { Route } from '../../domain/routing/route-types.js';
import type { z } from 'zod';
import type { ElementImpactSchema, LaneRouteSchema, MatrixElementSchema, RouteElementSchema } from '../schemas/resilience.js';
import { hoursToDays, round1, roundHours, WireNames } from './route-to-wire.js';

export function elementToWire(e: RouteElement, index: NetworkIndex, names: WireNames): z.output<typeof RouteElementSchema> {
  if (e.kind === 'crossing') return { kind: e.kind, id: e.id, name: index.crossingById.get(e.id)?.name ?? e.id, mode: null };
  const link = index.linkById.get(e.id);
  const name = link ? `${names.place(link.from).name} – ${names.place(link.to).name}` : e.id;
  return { kind: e.kind, id: e.id, name, mode: link?.mode ?? null };
}

export function laneRouteToWire(r: Route, names: WireNames): z.output<typeof LaneRouteSchema> {
  return {
    distanceKm: round1(r.distanceKm),
    transitHours: roundHours(r.hours.total),
    transitDays: hoursToDays(r.hours.total),
    crossingIds: r.crossings.map((c) => c.crossingId),
    countries: [...r.countries],
    places: r.places.map((id) => names.place(id)),
  };
}

function lost(i: ElementImpact) {
  return {
    distanceKmLost: i.kmLost === null ? null : round1(i.kmLost),
    typicalDaysLost: i.hoursLost === null ? null : round1(i.hoursLost.typical / 24),
    highDaysLost: i.hoursLost === null ? null : round1(i.hoursLost.high / 24),
    typicalHoursLost: i.hoursLost === null ? null : round1(i.hoursLost.typical),
  };
}

export function impactToWire(i: ElementImpact, rank: number, index: NetworkIndex, names: WireNames): z.output<typeof ElementImpactSchema> {
  return {
    rank,
    element: elementToWire(i.element, index, names),
    outcome: i.route === null ? 'no-route' : 'rerouted',
    ...lost(i),
    route: i.route === null ? null : laneRouteToWire(i.route, names),
    reason: i.reason,
  };
}

export function matrixElementToWire(m: MatrixElement, rank: number, index: NetworkIndex, names: WireNames): z.output<typeof MatrixElementSchema> {
  const on = m.impacts.filter((i): i is ElementImpact => i !== null);
  const daysSum = on.reduce((s, i) => s + (i.hoursLost?.typical ?? 0), 0) / 24;
  return {
    rank,
    element: elementToWire(m.element, index, names),
    lanesCut: m.lanesCut,
    lanesOn: on.length,
    typicalDaysLostSum: round1(daysSum),
    impacts: m.impacts.map((i) => (i === null ? null : { outcome: i.route === null ? ('no-route' as const) : ('rerouted' as const), ...lost(i) })),
  };
}
