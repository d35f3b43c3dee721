/**
 * Checks a route query against the limits and the network before any search,
 * once: the checked query is marked (ValidatedQuery), and planRoutes validates
 * only a query not marked for its network. A marked query is a frozen copy,
 * so what was checked cannot change afterwards; a spread of it (`{ ...q,
 * alternatives: 1 }`) is a new, unmarked query and is checked again.
 */
import { DomainError } from '../errors.js';
import { LIMITS } from './defaults.js';
import { checkAvoidIds } from './filters.js';
import type { NetworkIndex } from '../network/network-index.js';
import type { RouteQuery } from './route-types.js';

declare const validated: unique symbol;

/** A route query validateQuery has passed (for the network index it was checked against). */
export type ValidatedQuery = RouteQuery & { readonly [validated]: true };

export interface ValidateOptions {
  /**
   * from, to and via are ids the caller resolved from the same places as
   * `index` (planning/place-refs.ts, which reports unknown ones with
   * suggestions), so they are not looked up again.
   */
  placesResolved?: boolean;
}

/** The stops (from, via…, to) of each marked query and the index it was checked against. */
const checked = new WeakMap<RouteQuery, { index: NetworkIndex; stops: readonly string[] }>();

const invalid = (message: string, field: string, value: unknown): DomainError =>
  new DomainError('INVALID_CONSTRAINT', message, { field, value });

/** Throws UNKNOWN_PLACE or INVALID_CONSTRAINT; returns the query marked as checked against `index`. */
export function validateQuery(index: NetworkIndex, q: RouteQuery, options: ValidateOptions = {}): ValidatedQuery {
  const stops = checkQuery(index, q, options);
  const frozen = Object.freeze(
    Object.fromEntries(Object.entries(q).map(([k, v]) => [k, Array.isArray(v) ? Object.freeze([...v]) : v])),
  ) as unknown as ValidatedQuery;
  checked.set(frozen, { index, stops: Object.freeze(stops) });
  return frozen;
}

/** The stops in order (from, via…, to) of a query: as recorded when it was validated against `index`, else validated now. */
export function validatedStops(index: NetworkIndex, q: RouteQuery): readonly string[] {
  const c = checked.get(q);
  return c !== undefined && c.index === index ? c.stops : checkQuery(index, q, {});
}

function checkQuery(index: NetworkIndex, q: RouteQuery, options: ValidateOptions): string[] {
  if (!options.placesResolved) {
    for (const [field, id] of [['from', q.from], ['to', q.to], ...q.via.map((v) => ['via', v] as const)] as const) {
      if (!index.placeById.has(id)) {
        throw new DomainError('UNKNOWN_PLACE', `${field}: no place with id "${id}"`, { field, value: id, suggestions: [] });
      }
    }
  }
  if (q.via.length > LIMITS.maxVia) throw invalid(`at most ${LIMITS.maxVia} via places`, 'via', q.via.length);
  if (!Number.isInteger(q.alternatives) || q.alternatives < 1 || q.alternatives > LIMITS.maxAlternatives) {
    throw invalid(`alternatives must be an integer from 1 to ${LIMITS.maxAlternatives}`, 'alternatives', q.alternatives);
  }
  if (!Number.isFinite(q.maxOverlap) || q.maxOverlap < 0 || q.maxOverlap > 1) {
    throw invalid('maxOverlap must be between 0 and 1', 'maxOverlap', q.maxOverlap);
  }
  if (q.modes.length === 0) throw invalid('at least one mode is needed', 'modes', []);
  const stops = [q.from, ...q.via, q.to];
  // A route never visits a place twice, so the stops must all differ.
  const seen = new Set<string>();
  for (const [i, s] of stops.entries()) {
    if (seen.has(s)) {
      const field = i === stops.length - 1 ? 'to' : 'via';
      throw invalid(
        q.from === q.to ? `from and to are the same place "${s}"` : `"${s}" appears twice among from, via and to`,
        field,
        s,
      );
    }
    seen.add(s);
  }
  checkAvoidIds(index, q);
  for (const [i, s] of stops.entries()) {
    const field = i === 0 ? 'from' : i === stops.length - 1 ? 'to' : 'via';
    if (q.avoidPlaces.includes(s)) throw invalid(`${field} "${s}" is also in avoidPlaces`, 'avoidPlaces', s);
    const country = index.countryOf(s);
    if (q.avoidCountries.includes(country)) {
      throw invalid(`${field} "${s}" is in ${country}, which is in avoidCountries`, 'avoidCountries', country);
    }
  }
  return stops;
}
