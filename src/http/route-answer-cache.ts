/**
 * Cache of /v1/routes answers: the LRU of kept answers, their key, the second
 * tier shared by the replicas (fleet/shared-answer-cache.ts) and the raw-URL
 * front. An answer depends only on the resolved question and the data set,
 * which does not change while the process runs; planning a question on the
 * real network takes 25–400 ms (Yen's k-shortest paths), while sending a
 * kept answer takes microseconds. So the answer is kept SERIALISED (the exact
 * UTF-8 bytes sent), and a hit skips planning, wire mapping, the response
 * serializer and string encoding alike.
 */
import type { EtaRequest } from './mappers/route-eta.js';
import type { DoneFuncWithErrOrRes, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type DomainErrorCode } from '../domain/errors.js';
import type { RouteQuestion } from '../domain/planning/answer.js';
import type { WireCoordinateMatch } from './mappers/route-request.js';

/*
 * Size: at most ROUTE_CACHE_ENTRIES entries and ROUTE_CACHE_MAX_BYTES bytes
 * (src/config.ts; defaults 1,000 and 64 MiB; ROUTE_CACHE_ENTRIES=0 = off).
 * A JSON route answer on the real network is 6.5–411 KB, median 57 KB, mean
 * 72 KB over the benchmark's 48 questions (npm run bench, 2026-12-03; legs
 * carry their source citations, alternatives multiply them), so 1,000
 * answers weigh about 60–75 MB, and up to about 400 MB if every question
 * asked for many alternatives: the byte bound is what keeps the cache inside
 * a pod's memory whatever the questions.
 */

/** What an entry weighs (answerWeight below), bytes. */
export type Weigh<V> = (key: string, value: V) => number;

/**
 * A bounded map that forgets the least recently used entry first, bounded in
 * entries and, with `maxWeight`, in the total weight of its entries (bytes,
 * for the answer cache). Map keeps insertion order, so an entry is moved to
 * the end (deleted and re-inserted) when it is used, and the first key is
 * the one to evict. An entry heavier than `maxWeight` on its own is not kept.
 *
 * A hit moves its entry only when at least a quarter of the entries now held
 * were written or moved since it last moved: an entry in the newest quarter
 * is far from eviction (three quarters of the entries go before it), and
 * moving it again costs a Map delete and insert on every hit (the hottest
 * answers are hit thousands of times a second). So an entry used within the
 * last size / 4 writes is never evicted while the bound is in entries; under
 * the byte bound, one answer heavier than those three quarters together
 * could still push it out. Below 4 entries the order is exact LRU.
 */
export class LruCache<V> {
  private readonly entries = new Map<string, { value: V; moved: number; weight: number }>();
  /** Writes and moves so far: an entry's `moved` is this count when it last went to the end. */
  private moves = 0;
  private heldWeight = 0;

  /**
   * `capacity` 0 keeps nothing (every `get` misses); `maxWeight` (with
   * `weigh`) bounds the total weight of the entries too.
   */
  constructor(
    readonly capacity: number,
    private readonly bound: { maxWeight: number; weigh: Weigh<V> } | null = null,
  ) {
    if (!Number.isInteger(capacity) || capacity < 0) throw new RangeError(`cache capacity must be a whole number ≥ 0, got ${capacity}`);
    if (bound !== null && !(Number.isInteger(bound.maxWeight) && bound.maxWeight > 0)) {
      throw new RangeError(`cache weight bound must be a whole number > 0, got ${bound.maxWeight}`);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** The total weight of the entries held (0 without a weight bound). */
  get weight(): number {
    return this.heldWeight;
  }

  /** The value under `key`, now counted as recently used; undefined when absent. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (this.moves - entry.moved >= this.entries.size >> 2) {
      this.entries.delete(key);
      entry.moved = ++this.moves;
      this.entries.set(key, entry);
    }
    return entry.value;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.heldWeight -= entry.weight;
  }

  /**
   * Stores `value` as the most recently used, evicting the least recently
   * used beyond either bound. False when it was not kept (capacity 0, or
   * heavier than the weight bound by itself).
   */
  set(key: string, value: V): boolean {
    this.delete(key);
    const weight = this.bound === null ? 0 : this.bound.weigh(key, value);
    if (this.capacity === 0 || (this.bound !== null && weight > this.bound.maxWeight)) return false;
    this.entries.set(key, { value, moved: ++this.moves, weight });
    this.heldWeight += weight;
    const maxWeight = this.bound?.maxWeight ?? Infinity;
    while (this.entries.size > this.capacity || this.heldWeight > maxWeight) {
      this.delete(this.entries.keys().next().value as string);
    }
    return true;
  }

  /** Keys from least to most recently used. */
  keys(): string[] {
    return [...this.entries.keys()];
  }
}

/**
 * What besides the question changes the bytes of a /v1/routes answer: the
 * format (from `format` or the Accept header), the form of the geometry, and
 * the places given as coordinates (the answer echoes them, so "43.26,76.93"
 * and "Almaty" differ).
 */
export interface RouteAnswerOptions {
  format: 'json' | 'geojson' | 'csv';
  geometry: 'geojson' | 'polyline';
  coordinateMatches: readonly WireCoordinateMatch[];
  /** Dated ETA asked for (departAt / arriveBy as ms); absent: none. */
  eta?: EtaRequest | null | undefined;
}

/** The options of a request that sets none of them. */
export const DEFAULT_ANSWER_OPTIONS: Readonly<RouteAnswerOptions> = Object.freeze({ format: 'json', geometry: 'geojson', coordinateMatches: [] });

/**
 * The cache key of a resolved question on data set `dataVersion`. Place
 * references are already resolved to ids ("Karachi", "PKKHI" and "kiamari"
 * are all `kiamari`), defaults are filled in, lists are de-duplicated and
 * country codes upper-cased (domain/planning/answer.ts), so every spelling
 * of one question gives one key. The question is keyed whole (the scenario
 * by its id), so a field added to it is keyed without a change here.
 *
 * Lists keep their order on purpose: the answer echoes `include`, `modes` and
 * the avoid lists in the order asked, so "planned,proposed" and
 * "proposed,planned" have answers that differ in bytes and must not share an
 * entry; `via` order changes the route itself.
 */
export function routeCacheKey(dataVersion: string, question: RouteQuestion, options: Readonly<RouteAnswerOptions> = DEFAULT_ANSWER_OPTIONS): string {
  const { scenario, ...rest } = question;
  return JSON.stringify([dataVersion, scenario?.id ?? null, rest, options]);
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

/** Planning errors fixed by the question and the data set, so kept like answers. */
const CACHED_ERRORS: ReadonlySet<DomainErrorCode> = new Set(['NO_ROUTE', 'INVALID_CONSTRAINT']);

type KeptAnswer = Extract<RouteCacheEntry, { kind: 'answer' }>;

/**
 * Bytes allowed for a kept planning error (the DomainError with its message
 * and details), an estimate from the size of its problem body: NO_ROUTE and
 * INVALID_CONSTRAINT bodies of GET /v1/routes on the real network measured
 * 324–1,081 bytes (5 questions, 2026-12-03); the error object itself is not
 * measured.
 */
export const KEPT_ERROR_BYTES = 1024;

/**
 * What an entry of the answer cache weighs, bytes: its key (JSON of ids and
 * numbers, one byte per character) and its body with content type and
 * disposition, or KEPT_ERROR_BYTES for a kept error. Map and object overhead
 * (tens of bytes per entry) is left out: against answers of 6.5–411 KB it is
 * below a percent.
 */
export function answerWeight(key: string, entry: RouteCacheEntry): number {
  if (entry.kind === 'error') return key.length + KEPT_ERROR_BYTES;
  return key.length + entry.body.byteLength + entry.contentType.length + (entry.disposition?.length ?? 0);
}

/** The second tier, shared by the replicas (fleet/shared-answer-cache.ts): answers only, never errors. */
export interface SharedAnswers {
  get(key: string): Promise<KeptAnswer | undefined>;
  set(key: string, entry: KeptAnswer): void;
}

/**
 * The answers of one app, i.e. of one immutable data set; GET and POST share
 * them (same question, same answer). Each request's log line says where its
 * answer came from (`cache`: hit, shared or miss).
 */
export class RouteAnswerCache {
  private readonly answers: LruCache<RouteCacheEntry>;
  // Never more URLs than answers are worth keeping; each holds a URL of at most RAW_URL_MAX_LENGTH characters,
  // the answer's key (the same string the answers hold) and its log fields, not a body: at most about 3 KB each.
  private readonly urls: LruCache<RawUrlEntry>;

  /**
   * `entries` > 0 (ROUTE_CACHE_ENTRIES) and `maxBytes` > 0 (ROUTE_CACHE_MAX_BYTES) bound the answers kept;
   * `shared`: the replicas' tier (REDIS_URL), or none.
   */
  constructor(entries: number, maxBytes: number, private readonly shared: SharedAnswers | null) {
    this.answers = new LruCache(entries, { maxWeight: maxBytes, weigh: answerWeight });
    this.urls = new LruCache(entries);
  }

  /** Answers (and kept errors) held, and what they weigh in bytes (answerWeight): for /metrics. */
  get held(): { entries: number; bytes: number } {
    return { entries: this.answers.size, bytes: this.answers.weight };
  }

  /**
   * The answer under `key`: kept here, else from the shared tier (a miss, an
   * error or a slow read there plans as without it), else made by `plan`
   * and kept. A planning error fixed by the question is kept and thrown.
   */
  async answer(request: FastifyRequest, key: string, plan: () => Promise<Omit<KeptAnswer, 'kind'>>): Promise<KeptAnswer> {
    let entry = this.answers.get(key);
    const shared = entry === undefined && this.shared ? await this.shared.get(key) : undefined;
    if (shared !== undefined) {
      entry = shared;
      this.answers.set(key, entry);
      request.logFields.cache = 'shared';
    } else if (entry === undefined) {
      request.logFields.cache = 'miss';
      try {
        entry = { kind: 'answer', ...(await plan()) };
        this.shared?.set(key, entry);
      } catch (err) {
        if (!(err instanceof DomainError && CACHED_ERRORS.has(err.code))) throw err;
        entry = { kind: 'error', error: err };
      }
      this.answers.set(key, entry);
      if (entry.kind === 'answer') return entry;
    } else {
      request.logFields.cache = 'hit';
    }
    if (entry.kind === 'error') throw entry.error;
    Object.assign(request.logFields, entry.log);
    return entry;
  }

  /** Remembers a GET URL answered with `key`, with the log fields a hit on it writes. */
  rememberUrl(request: FastifyRequest, key: string, log: Readonly<Record<string, unknown>>): void {
    // An answer too heavy for the byte bound was not kept: its URL would only point at nothing.
    if (request.method !== 'GET' || request.url.length > RAW_URL_MAX_LENGTH || !this.answers.has(key)) return;
    this.urls.set(request.url, { key, accept: request.headers.accept, log });
  }

  /**
   * preValidation hook of GET /v1/routes: a URL answered before (same bytes,
   * same Accept) is answered from the cache without validating, parsing,
   * resolving or keying its query again. It runs after every onRequest hook,
   * so API keys, rate limiting, load shedding, CORS, request ids and the
   * security headers apply as to any request.
   */
  readonly rawUrlHit = (request: FastifyRequest, reply: FastifyReply, done: DoneFuncWithErrOrRes): void => {
    if (request.method !== 'GET') return done();
    const front = this.urls.get(request.url);
    if (front === undefined || front.accept !== request.headers.accept) return done();
    const entry = this.answers.get(front.key);
    if (entry === undefined || entry.kind !== 'answer') {
      this.urls.delete(request.url);
      return done();
    }
    Object.assign(request.logFields, front.log);
    varyOnAccept(reply);
    // Answered here: the rest of the request's lifecycle (validation, handler) does not run.
    sendKept(reply, entry);
  };
}

/** Bytes with a content type set are written as they are: no serializer runs on a hit. */
export function sendKept(reply: FastifyReply, entry: KeptAnswer): FastifyReply {
  if (entry.disposition !== undefined) reply.header('content-disposition', entry.disposition);
  return reply.type(entry.contentType).send(entry.body);
}

/**
 * Adds Accept to Vary without dropping what is there already: CORS sets
 * `Vary: Origin`, and a shared cache must key on both. The format of a route
 * answer follows the Accept header when `format` is absent.
 */
export function varyOnAccept(reply: FastifyReply): void {
  const current = reply.getHeader('vary');
  // The usual case (no CORS): nothing to merge, and the header is a constant.
  if (current === undefined) {
    reply.header('vary', 'Accept');
    return;
  }
  const fields = (Array.isArray(current) ? current.join(',') : String(current ?? ''))
    .split(',')
    .map((f) => f.trim())
    .filter((f) => f !== '');
  if (!fields.some((f) => f === '*' || f.toLowerCase() === 'accept')) fields.push('Accept');
  reply.header('vary', fields.join(', '));
}
