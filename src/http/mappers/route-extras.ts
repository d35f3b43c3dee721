/**
 * Domain results → wire parts of a route answer beyond the route: CO2 per
 * route and leg, explanations, and the overlays applied. Rounding only.
 */
import type { RouteEmissions } from '../../domain/emissions/route-emissions.js';
import type { RouteExplanation } from '../../domain/planning/explain.js';
import type { AppliedOverlay } from '../../domain/scenarios/overlay-schema.js';
import type { z } from 'zod';
import type { AppliedOverlaySchema, LegCo2Schema, RouteCo2Schema, RouteExplanationSchema } from '../schemas/route-extras.js';
import { round1, roundHours } from './route-to-wire.js';

const round2 = (n: number): number => Math.round(n * 100) / 100;
const round3 = (n: number): number => Math.round(n * 1000) / 1000;

export function routeCo2ToWire(e: RouteEmissions, cargoTonnes: number): z.output<typeof RouteCo2Schema> {
  return {
    kgCo2e: round1(e.totalKgCo2e),
    cargoTonnes,
    scope: e.scope as 'TTW' | 'WTW',
    factorIds: [...new Set(e.byLeg.map((l) => l.factorId))],
    notes: [...e.notes],
  };
}

/** Leg CO2 in leg order (routeEmissions keeps the route's leg order). */
export function legCo2ToWire(e: RouteEmissions): z.output<typeof LegCo2Schema>[] {
  return e.byLeg.map((l) => ({ kgCo2e: round2(l.kgCo2e), factorId: l.factorId }));
}

export function explanationToWire(x: RouteExplanation): z.output<typeof RouteExplanationSchema> {
  const v = x.versusBest;
  return {
    objective: x.objective,
    components: x.components.map((c) => ({ component: c.component, hours: roundHours(c.hours), share: round3(c.share) })),
    versusBest:
      v === null
        ? null
        : {
            typicalHours: round1(v.hours),
            distanceKm: round1(v.km),
            crossings: v.crossings,
            borders: v.borders,
            components: v.components.map((d) => ({ component: d.component, typicalHours: round1(d.hours) })),
            causes: [...v.causes],
          },
    summary: x.summary,
  };
}

/**
 * The registry lists the scenario's overlays first, then the request's, each
 * indexed from 0 within its own list; `scenarioCount` tells them apart.
 */
export function appliedOverlaysToWire(applied: readonly AppliedOverlay[], scenarioCount: number): z.output<typeof AppliedOverlaySchema>[] {
  return applied.map((a, i) => ({
    source: i < scenarioCount ? 'scenario' : 'request',
    index: a.index,
    kind: a.kind,
    summary: a.summary,
    linkIds: [...a.linkIds],
    crossingIds: [...a.crossingIds],
  }));
}
