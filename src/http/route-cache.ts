/**
 * Cache of /v1/routes answers. An answer depends only on the resolved question
 * and the data set, which does not change while the process runs; planning a
 * question on the real network takes 25–400 ms (Yen's k-shortest paths), while
 * sending a kept answer takes microseconds. So the answer is kept SERIALISED
 * (the exact UTF-8 bytes sent), and a hit skips planning, wire mapping, the
 * response serializer and string encoding alike.
 */
import type { EtaRequest } from './mappers/route-eta.js';
import type { Cargo } from '../domain/emissions/cargo.js';
import type { DomainError } from '../domain/errors.js';
import type { RouteQuery } from '../domain/routing/route-types.js';

/*
 * Size: ROUTE_CACHE_ENTRIES entries (src/config.ts; default 1,000, 0 = off).
 * A JSON route answer on the real network is 2.6–111 KB, median 19 KB over
 * the benchmark's 48 questions (legs carry their source citations,
 * alternatives multiply them), so a full default cache holds about 20–25 MB,
 * and at most about 110 MB if every question asked for 3+ alternatives.
 */

/**
 * A bounded map that forgets the least recently used entry first. Map keeps
 * insertion order, so re-inserting on every hit keeps the oldest use first.
 */
export class LruCache<V> {
  private readonly entries = new Map<string, V>();

  /** `capacity` 0 keeps nothing (every `get` misses). */
  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 0) throw new RangeError(`cache capacity must be a whole number ≥ 0, got ${capacity}`);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The value under `key`, now the most recently used; undefined when absent. */
  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Stores `value` as the most recently used, evicting the least recently used beyond capacity. */
  set(key: string, value: V): void {
    if (this.capacity === 0) return;
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  /** Keys from least to most recently used. */
  keys(): string[] {
    return [...this.entries.keys()];
  }
}

/**
 * Everything besides the RouteQuery that changes a /v1/routes answer: the
 * network it is planned on (scenario, request overlays), the CO2 cargo mass,
 * the explanations and the format (from `format` or the Accept header).
 */
export interface RouteAnswerOptions {
  scenario: string | null;
  /** Planning month (asOf, YYYY-MM); null or absent: today's network. */
  asOf?: string | null;
  /** Request overlays as validated (defaults filled in). */
  overlays: readonly unknown[];
  cargoTonnes: number;
  /** How the cargo was given (tonnes, TEU or FEU and t per TEU); absent: cargoTonnes in tonnes. */
  cargo?: Cargo | undefined;
  explain: boolean;
  format: 'json' | 'geojson' | 'csv';
  /** Form of the JSON answer's route geometry. */
  geometry: 'geojson' | 'polyline';
  /** Places given as coordinates and what they resolved to: the answer echoes them, so "43.26,76.93" and "Almaty" differ. */
  coordinateMatches: readonly { parameter: string; input: string; place: { id: string; name: string }; distanceKm: number }[];
  /** Dated ETA asked for (departAt / arriveBy as ms); absent: none. */
  eta?: EtaRequest | null | undefined;
}

/** The options of a request that sets none of them. */
export const DEFAULT_ANSWER_OPTIONS: Readonly<RouteAnswerOptions> = Object.freeze({
  scenario: null,
  overlays: [],
  cargoTonnes: 1,
  explain: false,
  format: 'json',
  geometry: 'geojson',
  coordinateMatches: [],
});

/**
 * The cache key of a resolved question on data set `dataVersion`. Place
 * references are already resolved to ids ("Karachi", "PKKHI" and "kiamari"
 * are all `kiamari`), defaults are filled in, lists are de-duplicated and
 * country codes upper-cased (mappers/route-request.ts), so every spelling of
 * one question gives one key.
 *
 * Lists keep their order on purpose: the answer echoes `include`, `modes` and
 * the avoid lists in the order asked, so "planned,proposed" and
 * "proposed,planned" have answers that differ in bytes and must not share an
 * entry; `via` order changes the route itself.
 */
export function routeCacheKey(dataVersion: string, q: RouteQuery, options: Readonly<RouteAnswerOptions> = DEFAULT_ANSWER_OPTIONS): string {
  // Typed as every field of RouteQuery, so a field added there fails the type check here until it is keyed.
  const fields: { [K in keyof RouteQuery]-?: RouteQuery[K] } = {
    from: q.from,
    to: q.to,
    via: q.via,
    objective: q.objective,
    include: q.include,
    modes: q.modes,
    allowUnscheduled: q.allowUnscheduled,
    alternatives: q.alternatives,
    maxOverlap: q.maxOverlap,
    avoidCountries: q.avoidCountries,
    avoidPlaces: q.avoidPlaces,
    avoidCrossings: q.avoidCrossings,
    avoidCorridors: q.avoidCorridors,
    avoidLinks: q.avoidLinks,
  };
  // Same guard for the answer options.
  const answer: { [K in keyof RouteAnswerOptions]-?: RouteAnswerOptions[K] | null } = {
    scenario: options.scenario,
    asOf: options.asOf ?? null,
    overlays: options.overlays,
    cargoTonnes: options.cargoTonnes,
    cargo: options.cargo ?? null,
    explain: options.explain,
    format: options.format,
    geometry: options.geometry,
    coordinateMatches: options.coordinateMatches,
    eta: options.eta ?? null,
  };
  return JSON.stringify([dataVersion, fields, answer]);
}

/**
 * What is kept per question: the serialised 200 answer with the figures its
 * log line needs, or the DomainError planning threw (NO_ROUTE,
 * INVALID_CONSTRAINT: as fixed as an answer). An error is kept as the error,
 * not as a body, because a problem body names the request (instance,
 * requestId) and is built per request.
 */
export type RouteCacheEntry =
  | { kind: 'answer'; body: Buffer; contentType: string; log: RouteAnswerLog; /** Content-Disposition of an export. */ disposition?: string }
  | { kind: 'error'; error: DomainError };

/**
 * The raw-URL front of the cache, for GET /v1/routes: the exact request URL
 * (path and query string as sent) → the key of its answer in the route
 * cache. A repeated URL is answered before its query string is validated,
 * parsed, resolved and keyed again, which cost more than sending the kept
 * bytes. It is only filled from 200 answers, whose URL therefore validates;
 * an answer also depends on the Accept header when `format` is absent, so
 * the entry names the Accept value it was made for and serves no other.
 */
export interface RawUrlEntry {
  /** The answer's key in the route cache (the body is only kept there). */
  key: string;
  /** Accept header of the request the entry was made from (undefined: none sent). */
  accept: string | undefined;
  /** The log fields of a cache hit on this answer (from, to, objective, scenario, cache, km, hours, routes). */
  log: Readonly<Record<string, unknown>>;
}

/** Longer URLs are not kept in the raw-URL front, so its keys stay small, characters. */
export const RAW_URL_MAX_LENGTH = 2048;

/** What the log line of a routed request says about the answer: best route km and typical hours, routes found. */
export interface RouteAnswerLog {
  km: number | null;
  hours: number | null;
  routes: number;
}
