/**
 * Domain results → wire parts of a route answer beyond the route: CO2 per
 * route and leg, explanations, and the overlays applied. Rounding only.
 */
import type { Cargo } from '../../domain/emissions/cargo.js';
import type { RouteEmissions } from '../../domain/emissions/route-emissions.js';
import type { RouteExplanation } from '../../domain/planning/explain.js';
import type { AppliedOverlay } from '../../domain/scenarios/overlay-schema.js';
import type { z } from 'zod';
import type { AppliedOverlaySchema, LegCo2Schema, RouteCo2Schema, RouteExplanationSchema } from '../schemas/route-extras.js';
import { round1, roundHours } from './route-to-wire.js';

const round2 = (n: number): number => Math.round(n * 100) / 100;
const round3 = (n: number): number => Math.round(n * 1000) / 1000;

const scopes = (x: { ttwKgCo2e: number; wttKgCo2e: number; wtwKgCo2e: number }, round: (n: number) => number) => ({
  ttwKgCo2e: round(x.ttwKgCo2e),
  wttKgCo2e: round(x.wttKgCo2e),
  wtwKgCo2e: round(x.wtwKgCo2e),
});

export function routeCo2ToWire(e: RouteEmissions, cargo: Cargo): z.output<typeof RouteCo2Schema> {
  const teu = cargo.teu;
  return {
    kgCo2e: round1(e.totalKgCo2e),
    cargoTonnes: cargo.tonnes,
    scope: e.scope,
    method: e.method,
    ...scopes(e, round1),
    perTeu: teu === null ? null : scopes({ ttwKgCo2e: e.ttwKgCo2e / teu, wttKgCo2e: e.wttKgCo2e / teu, wtwKgCo2e: e.wtwKgCo2e / teu }, round1),
    cargo: { ...cargo },
    hubs: e.hubs.map((h) => ({ placeId: h.placeId, kind: h.kind, factorId: h.factorId, ...scopes(h, round2) })),
    factorIds: [...new Set(e.byLeg.map((l) => l.factorId))],
    notes: [...e.notes],
  };
}

/** Leg CO2 in leg order (routeEmissions keeps the route's leg order). */
export function legCo2ToWire(e: RouteEmissions): z.output<typeof LegCo2Schema>[] {
  return e.byLeg.map((l) => ({
    kgCo2e: round2(l.wtwKgCo2e),
    ...scopes(l, round2),
    factorId: l.factorId,
    traction: l.traction ?? null,
    tractionKnown: l.tractionKnown ?? null,
    grid: l.grid ? { ...l.grid } : null,
  }));
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
