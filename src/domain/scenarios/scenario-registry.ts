/**
 * Holds today's prepared network and one prepared network per named scenario,
 * built on first use and kept. Overlays sent with a request get a fresh
 * network every time: they are never cached and never touch the base.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { DomainError } from '../errors.js';
import type { LinkStatus, Network } from '../network/schema.js';
import { prepareNetwork, prepareNetworkInSlices } from '../routing/prepare.js';
import type { PreparedNetwork } from '../routing/prepare.js';
import type { SearchSpace } from '../routing/search-space.js';
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

export interface ScenarioRegistryOptions {
  /**
   * Builds the landmark tables of a network prepared in slices somewhere
   * else than on the event loop (server.ts: a worker thread); without it
   * prepareAhead builds them in one of its steps.
   */
  landmarksLater?: (space: SearchSpace) => void;
}

const PREPARED: Promise<void> = Promise.resolve();

export class ScenarioRegistry {
  readonly base: PreparedNetwork;
  private readonly byId: ReadonlyMap<string, Scenario>;
  private readonly cache = new Map<string, { prepared: PreparedNetwork; applied: AppliedOverlay[] }>();
  /** By the set of records a month opens (few distinct sets, however many months are asked), then by scenario. */
  private readonly datedCache = new Map<string, { prepared: PreparedNetwork; applied: AppliedOverlay[] }>();
  /** How long the last request-overlay network took to prepare, ms (undefined before the first). */
  private overlayPrepareMs: number | undefined;

  /** Applied overlays of scenarios listed but not prepared (applied()). */
  private readonly appliedOnly = new Map<string, { applied: readonly AppliedOverlay[] }>();
  /** Networks being prepared in slices (prepareAhead), by "s:" scenario id or "d:" dated key. */
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(
    base: PreparedNetwork,
    scenarios: readonly Scenario[],
    private readonly options: ScenarioRegistryOptions = {},
  ) {
    this.base = base;
    this.byId = new Map(scenarios.map((s) => [s.id, s]));
  }

  /**
   * Prepares the network of a named scenario and/or a planning month, when
   * it is not kept yet, in slices: the event loop runs between the steps, so
   * on a large network the first question on a scenario does not hold up
   * health checks and other requests for the seconds its preparation takes
   * (the synchronous path, networkFor, would). networkFor then finds it kept.
   * Resolves at once when there is nothing to prepare; an unknown scenario id
   * is left to networkFor (NOT_FOUND). Concurrent calls share one preparation.
   */
  prepareAhead(scenarioId?: string, asOf?: string): Promise<void> {
    const scenario = scenarioId === undefined ? undefined : this.byId.get(scenarioId);
    if (scenarioId !== undefined && scenario === undefined) return PREPARED;
    const opened = asOf === undefined ? [] : openingsAt(this.base.network, asOf);
    const dated = opened.length > 0;
    if (!dated && scenario === undefined) return PREPARED;
    const key = dated ? this.datedKey(opened, scenario?.id) : scenario!.id;
    const cache = dated ? this.datedCache : this.cache;
    if (cache.has(key)) return PREPARED;
    const flightKey = `${dated ? 'd' : 's'}:${key}`;
    const running = this.inFlight.get(flightKey);
    if (running) return running;
    const preparation = (async () => {
      // The overlays are applied in a turn of their own too (about 0.2 s at 100k places).
      await nextTurn();
      const { network, applied } = dated ? this.datedNetwork(asOf!, scenario?.id) : applyOverlays(this.base.network, scenario!.overlays);
      await nextTurn();
      const later = this.options.landmarksLater;
      const prepared = await prepareNetworkInSlices(network, later ? { landmarks: 'later' } : {});
      later?.(prepared.space);
      // A synchronous preparation (networkFor) may have kept one meanwhile: the first kept stays.
      if (!cache.has(key)) cache.set(key, { prepared, applied });
    })().finally(() => this.inFlight.delete(flightKey));
    this.inFlight.set(flightKey, preparation);
    return preparation;
  }

  list(): Scenario[] {
    return [...this.byId.values()];
  }

  get(id: string): Scenario {
    const s = this.byId.get(id);
    if (!s) throw new DomainError('NOT_FOUND', `unknown scenario "${id}"`, { field: 'scenario', value: id, known: [...this.byId.keys()] });
    return s;
  }

  /**
   * What a named scenario's overlays do to today's network, without preparing
   * its network (GET /v1/scenarios lists every scenario): applying them takes
   * about 0.2 s at 100k places, preparing the network seconds. Kept.
   */
  applied(id: string): readonly AppliedOverlay[] {
    const kept = this.cache.get(id) ?? this.appliedOnly.get(id);
    if (kept) return kept.applied;
    const { applied } = applyOverlays(this.base.network, this.get(id).overlays);
    this.appliedOnly.set(id, { applied });
    return applied;
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
    const key = this.datedKey(opened, scenarioId);
    const hit = this.datedCache.get(key);
    if (hit) return hit;
    const { network, applied } = this.datedNetwork(asOf, scenarioId);
    const entry = { prepared: prepareNetwork(network), applied };
    this.datedCache.set(key, entry);
    return entry;
  }

  private datedKey(opened: readonly DatedOpening[], scenarioId: string | undefined): string {
    return `${openingsKey(opened)}|${scenarioId ?? ''}`;
  }

  /** The network at a planning month, with the scenario's overlays on top (not prepared). */
  private datedNetwork(asOf: string, scenarioId: string | undefined): { network: Network; applied: AppliedOverlay[] } {
    const { network } = networkAtDate(this.base.network, asOf);
    return scenarioId === undefined ? { network, applied: [] } : applyOverlays(network, this.get(scenarioId).overlays);
  }
}
