/**
 * Holds today's prepared network and one prepared network per named scenario,
 * built on first use and kept. Overlays sent with a request get a fresh
 * network every time: they are never cached and never touch the base.
 */
import { DomainError } from '../errors.js';
import type { LinkStatus } from '../network/schema.js';
import { prepareNetwork } from '../routing/prepare.js';
import type { PreparedNetwork } from '../routing/prepare.js';
import { applyOverlays } from './apply-overlays.js';
import { networkAtDate, openingsAt, openingsKey, type DatedOpening } from './network-at-date.js';
import type { AppliedOverlay } from './overlay-schema.js';
import type { Scenario } from './scenario-schema.js';

export interface ResolvedScenario {
  prepared: PreparedNetwork;
  /** The named scenario, when one was asked for. */
  scenario?: Scenario;
  /** Scenario overlays first, then request overlays (their indexes count from 0 within each list). */
  applied: readonly AppliedOverlay[];
  /** Link statuses the scenario admits besides `operational`. */
  include: readonly Exclude<LinkStatus, 'operational'>[];
  /** With a planning month: the month and the records it opened (none at or before the data date). */
  dated?: { asOf: string; opened: readonly DatedOpening[] };
}

export class ScenarioRegistry {
  readonly base: PreparedNetwork;
  private readonly byId: ReadonlyMap<string, Scenario>;
  private readonly cache = new Map<string, { prepared: PreparedNetwork; applied: AppliedOverlay[] }>();
  /** By the set of records a month opens (few distinct sets, however many months are asked), then by scenario. */
  private readonly datedCache = new Map<string, { prepared: PreparedNetwork; applied: AppliedOverlay[] }>();
  /** How long the last request-overlay network took to prepare, ms (undefined before the first). */
  private overlayPrepareMs: number | undefined;

  constructor(base: PreparedNetwork, scenarios: readonly Scenario[]) {
    this.base = base;
    this.byId = new Map(scenarios.map((s) => [s.id, s]));
  }

  list(): Scenario[] {
    return [...this.byId.values()];
  }

  get(id: string): Scenario {
    const s = this.byId.get(id);
    if (!s) throw new DomainError('NOT_FOUND', `unknown scenario "${id}"`, { field: 'scenario', value: id, known: [...this.byId.keys()] });
    return s;
  }

  /** Prepared network of a named scenario, built once. */
  scenario(id: string): { prepared: PreparedNetwork; applied: readonly AppliedOverlay[] } {
    const hit = this.cache.get(id);
    if (hit) return hit;
    const s = this.get(id);
    const { network, applied } = applyOverlays(this.base.network, s.overlays);
    const entry = { prepared: prepareNetwork(network), applied };
    this.cache.set(id, entry);
    return entry;
  }

  /**
   * The network to route on: base, a named scenario (by id, or as already
   * looked up), or either with request overlays on top (fresh, uncached;
   * BUDGET_EXCEEDED when preparing one would take longer than `deadlineMs`).
   */
  networkFor(scenarioOrId?: string | Scenario, overlays?: readonly unknown[], asOf?: string, deadlineMs = Infinity): ResolvedScenario {
    const scenario = typeof scenarioOrId === 'string' ? this.get(scenarioOrId) : scenarioOrId;
    const include = scenario?.include ?? [];
    const opened = asOf === undefined ? [] : openingsAt(this.base.network, asOf);
    const dated = asOf === undefined ? {} : { dated: { asOf, opened } };
    const start =
      opened.length > 0
        ? this.atDate(asOf!, opened, scenario?.id)
        : scenario
          ? this.scenario(scenario.id)
          : { prepared: this.base, applied: [] as AppliedOverlay[] };
    if (!overlays || overlays.length === 0) {
      return { prepared: start.prepared, applied: start.applied, include, ...(scenario ? { scenario } : {}), ...dated };
    }
    // Request overlays prepare a network of their own, which cannot be stopped half way: refused at once when the
    // last such preparation (or the base's, before any) took longer than the question may.
    const expectedMs = this.overlayPrepareMs ?? start.prepared.prepareMs;
    if (expectedMs > deadlineMs) {
      throw new DomainError(
        'BUDGET_EXCEEDED',
        `request overlays rebuild the routing network, which takes about ${Math.round(expectedMs).toLocaleString('en-US')} ms on this network, longer than the planning deadline of ${deadlineMs} ms. Plan with a named scenario (kept prepared), or raise PLAN_DEADLINE_MS.`,
        { limit: 'deadlineMs', value: deadlineMs, expectedMs: Math.round(expectedMs), field: 'overlays' },
      );
    }
    const { network, applied } = applyOverlays(start.prepared.network, overlays);
    // Used for this one question: no landmark tables (exact answers on the great-circle bound alone; at 100k
    // places the tables would add over a second to every such request).
    const prepared = prepareNetwork(network, { landmarks: 'later' });
    this.overlayPrepareMs = prepared.prepareMs;
    return { prepared, applied: [...start.applied, ...applied], include, ...(scenario ? { scenario } : {}), ...dated };
  }

  /** The network at a planning month that opens `opened`, with the scenario's overlays on top; built once per set. */
  private atDate(asOf: string, opened: readonly DatedOpening[], scenarioId: string | undefined): { prepared: PreparedNetwork; applied: readonly AppliedOverlay[] } {
    const key = `${openingsKey(opened)}|${scenarioId ?? ''}`;
    const hit = this.datedCache.get(key);
    if (hit) return hit;
    const { network } = networkAtDate(this.base.network, asOf);
    const { network: changed, applied } = scenarioId === undefined ? { network, applied: [] } : applyOverlays(network, this.get(scenarioId).overlays);
    const entry = { prepared: prepareNetwork(changed), applied };
    this.datedCache.set(key, entry);
    return entry;
  }
}
