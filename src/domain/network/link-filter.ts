/**
 * Selects links by mode, status, country and corridor, for browsing the
 * network. Within one criterion the values are alternatives (any of them);
 * across criteria all must hold. An empty or absent list does not filter.
 */
import type { NetworkIndex } from './network-index.js';
import type { Link, LinkStatus, Mode } from './schema.js';

export interface LinkFilter {
  modes?: readonly Mode[];
  statuses?: readonly LinkStatus[];
  /** ISO 3166-1 alpha-2, upper case: a link matches when either end lies in one of them. */
  countries?: readonly string[];
  /** Corridor ids: a link matches when it belongs to one of them. */
  corridors?: readonly string[];
}

const active = <T>(list: readonly T[] | undefined): list is readonly T[] => list !== undefined && list.length > 0;

export function linkMatches(link: Link, f: LinkFilter, index: NetworkIndex): boolean {
  if (active(f.modes) && !f.modes.includes(link.mode)) return false;
  if (active(f.statuses) && !f.statuses.includes(link.status)) return false;
  if (active(f.countries) && !f.countries.includes(index.countryOf(link.from)) && !f.countries.includes(index.countryOf(link.to))) {
    return false;
  }
  if (active(f.corridors) && !link.corridors.some((c) => f.corridors!.includes(c))) return false;
  return true;
}

/** The matching links, in the order given. */
export function filterLinks(links: readonly Link[], f: LinkFilter, index: NetworkIndex): Link[] {
  return links.filter((l) => linkMatches(l, f, index));
}
