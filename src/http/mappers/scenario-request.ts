/**
 * The network a planning request runs on: today's (deps.prepared), a named
 * scenario's, or either with the request's own overlays on top. Overlay
 * errors are renamed to the request parameter at fault ("overlays[2].linkId").
 */
import { DomainError } from '../../domain/errors.js';
import type { LinkStatus } from '../../domain/network/schema.js';
import type { PreparedNetwork } from '../../domain/routing/prepare.js';
import type { AppliedOverlay } from '../../domain/scenarios/overlay-schema.js';
import type { DatedOpening } from '../../domain/scenarios/network-at-date.js';
import type { Scenario } from '../../domain/scenarios/scenario-schema.js';
import type { AppDeps } from '../app.js';

export interface PlanningNetwork {
  prepared: PreparedNetwork;
  scenario: Scenario | undefined;
  applied: readonly AppliedOverlay[];
  /** Statuses the scenario admits besides operational. */
  include: readonly Exclude<LinkStatus, 'operational'>[];
  /** The planning month (asOf) and the records it opened; null without one. */
  dated: { asOf: string; opened: readonly DatedOpening[] } | null;
}

/** The scenario named `id`, if one is; ScenarioRegistry.get throws NOT_FOUND (404, with the known ids) for an unknown id. */
export function scenarioById(deps: Pick<AppDeps, 'scenarios'>, id: string | undefined): Scenario | undefined {
  return id === undefined ? undefined : deps.scenarios.get(id);
}

/**
 * The network to plan on: today's, or a scenario's, with the request's overlays on top. Through
 * ScenarioRegistry.networkFor: NOT_FOUND for an unknown scenario id; INVALID_CONSTRAINT for an overlay that does
 * not apply, re-thrown here with the parameter named as the request wrote it ("overlays[1].linkId").
 * `asOf`: a planning month YYYY-MM (checked by the request schema); undefined plans on today's network.
 */
export function planningNetwork(
  deps: Pick<AppDeps, 'scenarios' | 'prepared'>,
  scenarioId: string | undefined,
  overlays: readonly unknown[] = [],
  asOf?: string,
): PlanningNetwork {
  if (scenarioId === undefined && overlays.length === 0 && asOf === undefined) {
    // Today's network as the app was given it (deps.prepared is the registry's base in production).
    return { prepared: deps.prepared, scenario: undefined, applied: [], include: [], dated: null };
  }
  try {
    const r = deps.scenarios.networkFor(scenarioId, overlays, asOf);
    return { prepared: r.prepared, scenario: r.scenario, applied: r.applied, include: r.include, dated: r.dated ?? null };
  } catch (err) {
    if (!(err instanceof DomainError) || err.code !== 'INVALID_CONSTRAINT') throw err;
    const d = err.details as { overlayIndex?: number; field?: string };
    const parameter = d.overlayIndex === undefined ? 'overlays' : `overlays[${d.overlayIndex}]${d.field ? `.${d.field}` : ''}`;
    throw new DomainError('INVALID_CONSTRAINT', err.message, { ...err.details, field: parameter });
  }
}

export const uniqueStatuses = <T>(a: readonly T[], b: readonly T[]): T[] => [...new Set([...a, ...b])];
