/**
 * The network a planning question runs on: today's (the registry's base), a
 * named scenario's, or either with the request's own overlays on top, and the
 * link statuses the scenario admits. Every planning question takes this one
 * step; the scenario is looked up once, by the question (scenarioOf), and
 * handed on as the object. Overlay errors are renamed to the request
 * parameter at fault ("overlays[2].linkId").
 */
import { DomainError } from '../errors.js';
import type { LinkStatus } from '../network/schema.js';
import type { PreparedNetwork } from '../routing/prepare.js';
import type { AppliedOverlay } from '../scenarios/overlay-schema.js';
import type { DatedOpening } from '../scenarios/network-at-date.js';
import type { ScenarioRegistry } from '../scenarios/scenario-registry.js';
import type { Scenario } from '../scenarios/scenario-schema.js';

export type ExtraStatus = Exclude<LinkStatus, 'operational'>;

export interface PlanningNetwork {
  prepared: PreparedNetwork;
  scenario: Scenario | undefined;
  applied: readonly AppliedOverlay[];
  /** Statuses the scenario admits besides operational. */
  include: readonly ExtraStatus[];
  /** The planning month (asOf) and the records it opened; null without one. */
  dated: { asOf: string; opened: readonly DatedOpening[] } | null;
}

/** The named scenario, or undefined when none is asked; throws NOT_FOUND (404, with the known ids) for an unknown id. */
export function scenarioOf(reg: ScenarioRegistry, id: string | undefined): Scenario | undefined {
  return id === undefined ? undefined : reg.get(id);
}

/**
 * `asOf`: a planning month YYYY-MM (checked by the request schema); undefined plans on today's network.
 * `deadlineMs`: the question's planning deadline, which request overlays must fit (ScenarioRegistry.networkFor).
 */
export function planningNetwork(reg: ScenarioRegistry, scenario: Scenario | undefined, overlays: readonly unknown[] = [], asOf?: string, deadlineMs?: number): PlanningNetwork {
  if (scenario === undefined && overlays.length === 0 && asOf === undefined) return { prepared: reg.base, scenario: undefined, applied: [], include: [], dated: null };
  try {
    const r = reg.networkFor(scenario, overlays, asOf, deadlineMs);
    return { prepared: r.prepared, scenario: r.scenario, applied: r.applied, include: r.include, dated: r.dated ?? null };
  } catch (err) {
    if (!(err instanceof DomainError) || err.code !== 'INVALID_CONSTRAINT') throw err;
    const d = err.details as { overlayIndex?: number; field?: string };
    const parameter = d.overlayIndex === undefined ? 'overlays' : `overlays[${d.overlayIndex}]${d.field ? `.${d.field}` : ''}`;
    throw new DomainError('INVALID_CONSTRAINT', err.message, { ...err.details, field: parameter });
  }
}

/** The statuses asked for, then the scenario's, each once, in that order (the answer echoes them so). */
export const uniqueStatuses = <T>(a: readonly T[], b: readonly T[]): T[] => [...new Set([...a, ...b])];
