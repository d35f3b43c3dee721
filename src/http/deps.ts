/**
 * What the HTTP routes are given to answer from, without importing the app
 * builder (app.ts imports every route, so a route importing app.ts would
 * close an import cycle). Today's network is held once, as the scenario
 * registry's base; `network` and `prepared` only read it from there.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import { EMPTY_CALENDARS, type Calendars } from '../domain/calendar/calendar-schema.js';
import type { EmissionFactors } from '../domain/emissions/emission-schema.js';
import type { PlaceIndex } from '../domain/network/place-index.js';
import type { Network } from '../domain/network/schema.js';
import type { PlanningData } from '../domain/planning/answer.js';
import type { PreparedNetwork } from '../domain/routing/prepare.js';
import type { ScenarioRegistry } from '../domain/scenarios/scenario-registry.js';
import type { PlanningPool } from '../workers/planning-pool.js';
import type { Fleet } from './fleet/fleet.js';
import type { RouteAnswerCache } from './route-answer-cache.js';

/** The data set and services the app is built from (src/server.ts loads them). */
export interface AppDeps {
  config: Config;
  /** Today's prepared network (the registry's base) and the named scenarios of data/scenarios. */
  scenarios: ScenarioRegistry;
  places: PlaceIndex;
  /** data/emission-factors.json, for the CO2 of routes. */
  emissionFactors: EmissionFactors;
  logger: FastifyBaseLogger;
  /** data/calendars/, for dated ETAs (departAt, arriveBy); absent: no calendar entries. */
  calendars?: Calendars;
  /** Redis shared by the replicas (REDIS_URL): rate limits and the second answer-cache tier; absent = per instance. */
  fleet?: Fleet | null;
}

/** AppDeps as the routes read them: today's network at hand, and what the planning use case plans on. */
export interface RouteDeps extends AppDeps {
  /** Today's network as loaded: scenarios.base.network. */
  readonly network: Network;
  /** Today's prepared network: scenarios.base. */
  readonly prepared: PreparedNetwork;
  /** The registry, places and CO2 factors with the work budget of one request (PLAN_* settings). */
  readonly planning: PlanningData;
  /** data/calendars/, or none (EMPTY_CALENDARS). */
  readonly calendars: Calendars;
  /** Worker threads for the heavy questions (PLAN_WORKERS > 0), or none: then they run on the event loop. */
  readonly pool: PlanningPool | null;
  /** The /v1/routes answers of this app, i.e. of its immutable data set (ROUTE_CACHE_*), or none (cache off). */
  readonly answerCache: RouteAnswerCache | null;
}

export function routeDeps(deps: AppDeps, pool: PlanningPool | null = null, answerCache: RouteAnswerCache | null = null): RouteDeps {
  const planning: PlanningData = {
    scenarios: deps.scenarios,
    places: deps.places,
    emissionFactors: deps.emissionFactors,
    budget: deps.config.planBudget,
  };
  return {
    ...deps,
    get network() {
      return deps.scenarios.base.network;
    },
    get prepared() {
      return deps.scenarios.base;
    },
    planning,
    pool,
    answerCache,
    calendars: deps.calendars ?? EMPTY_CALENDARS,
  };
}
