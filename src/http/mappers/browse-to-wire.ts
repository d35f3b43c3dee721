/**
 * Small pieces shared by the network-browsing mappers: provenance, ranges,
 * sources, short references; plus pagination and list parameters. Data
 * figures are passed on as recorded; only sums are rounded (0.1 km).
 */
import { DomainError } from '../../domain/errors.js';
import type { NetworkIndex } from '../../domain/network/network-index.js';
import type { LinkFilter } from '../../domain/network/link-filter.js';
import type { Crossing, Link, LinkStatus, Mode, Provenance, Source } from '../../domain/network/schema.js';
import { splitList } from '../schemas/route-query.js';
import { citationsToWire } from './source-to-wire.js';

export function provenanceToWire(p: Provenance) {
  return {
    basis: p.basis,
    method: p.method ?? null,
    conflict: p.conflict ? { values: [...p.conflict.values], resolution: p.conflict.resolution } : null,
  };
}

export function figureToWire(r: { low: number; typical: number; high: number; provenance: Provenance }) {
  return { low: r.low, typical: r.typical, high: r.high, provenance: provenanceToWire(r.provenance) };
}

/** A record's citations with their register entries in full. */
export const sourcesToWire = (index: NetworkIndex, sources: readonly Source[]) => citationsToWire(index.sourceById, sources);

export function placeRefWithCountry(index: NetworkIndex, id: string) {
  const p = index.placeById.get(id);
  // The loader has checked every reference; a miss here is a bug.
  if (p === undefined) throw new Error(`unknown place ${id}`);
  return { id: p.id, name: p.name, country: p.country };
}

export function linkSummary(index: NetworkIndex, l: Link) {
  return {
    id: l.id,
    from: placeRefWithCountry(index, l.from),
    to: placeRefWithCountry(index, l.to),
    mode: l.mode,
    lengthKm: l.lengthKm,
    gaugeMm: l.gaugeMm ?? null,
    status: l.status,
  };
}

export function crossingSummary(c: Crossing) {
  return { id: c.id, name: c.name, countries: [...c.countries], status: c.status };
}

export function corridorRef(index: NetworkIndex, id: string) {
  return { id, name: index.corridorById.get(id)?.name ?? id };
}

/** Display precision of sums of km. */
export const round1 = (n: number): number => Math.round(n * 10) / 10;

/** Items of a comma list parameter, de-duplicated, in the order given. */
export const listParam = (value: string | undefined): string[] => [...new Set(splitList(value))];

/** Country codes of a comma list parameter, upper case. */
export const countryParam = (value: string | undefined): string[] => [...new Set(splitList(value).map((c) => c.toUpperCase()))];

/**
 * The link filter shared by /v1/links and /v1/network, from their query
 * parameters (the schema has checked every item against the enums), and the
 * same filter in the parameter names the ETag is computed over.
 */
export function linkFilterFromQuery(q: { mode?: string; status?: string; country?: string; corridor?: string }) {
  const filter = {
    modes: listParam(q.mode) as Mode[],
    statuses: listParam(q.status) as LinkStatus[],
    countries: countryParam(q.country),
    corridors: listParam(q.corridor),
  } satisfies LinkFilter;
  const tagParts = { mode: filter.modes, status: filter.statuses, country: filter.countries, corridor: filter.corridors };
  return { filter, tagParts };
}

/** One page of `items`: `{ items, total, limit, offset }`. */
export function paginate<T, W>(items: readonly T[], limit: number, offset: number, toWire: (item: T) => W) {
  return { items: items.slice(offset, offset + limit).map(toWire), total: items.length, limit, offset };
}

/**
 * The error for an id that names nothing: 404 NOT_FOUND with the closest
 * ids as `suggestions` ({ id, name }, best first).
 */
export function notFound(what: string, ref: string, suggestions: { id: string; name: string }[]): DomainError {
  const hint = suggestions.length > 0 ? `; did you mean ${suggestions.map((s) => `"${s.id}"`).join(', ')}?` : '';
  return new DomainError('NOT_FOUND', `no ${what} with id "${ref}"${hint}`, { field: 'id', value: ref, suggestions });
}
