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
}

export class ScenarioRegistry {
  readonly base: PreparedNetwork;
  private readonly byId: ReadonlyMap<string, Scenario>;
  private readonly cache = new Map<string, { prepared: PreparedNetwork; applied: AppliedOverlay[] }>();

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
   * looked up), or either with request overlays on top (fresh, uncached).
   */
  resolve(scenarioOrId?: string | Scenario, overlays?: readonly unknown[]): ResolvedScenario {
    const scenario = typeof scenarioOrId === 'string' ? this.get(scenarioOrId) : scenarioOrId;
    const include = scenario?.include ?? [];
    const start = scenario ? this.scenario(scenario.id) : { prepared: this.base, applied: [] as AppliedOverlay[] };
    if (!overlays || overlays.length === 0) {
      return { prepared: start.prepared, applied: start.applied, include, ...(scenario ? { scenario } : {}) };
    }
    const { network, applied } = applyOverlays(start.prepared.network, overlays);
    return { prepared: prepareNetwork(network), applied: [...start.applied, ...applied], include, ...(scenario ? { scenario } : {}) };
  }
}
