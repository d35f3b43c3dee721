/**
 * Which links and places a query may use. Excluded ones are left out of the
 * query graph altogether (never given an infinite weight).
 * - link status: operational, plus the statuses in `include`;
 * - link mode in `modes`;
 * - ferry and sea links without scheduled sailings (service on-demand or none)
 *   only with `allowUnscheduled`; a link whose service is unknown stays usable;
 * - the crossing a link passes: open and restricted are usable (restricted gets
 *   a warning), closed never; planned is usable exactly when the link through it
 *   is (its status is included), with a warning;
 * - avoid lists: a link is out when it is listed, belongs to an avoided corridor,
 *   passes an avoided crossing, or ends at an avoided place or in an avoided country.
 */
import { DomainError } from '../errors.js';
import type { Link } from '../network/schema.js';
import type { NetworkIndex } from '../network/network-index.js';
import { isUnscheduled } from '../network/service.js';
import type { RouteQuery } from './route-types.js';

export type FilterOptions = Pick<
  RouteQuery,
  'include' | 'modes' | 'allowUnscheduled' | 'avoidCountries' | 'avoidPlaces' | 'avoidCrossings' | 'avoidCorridors' | 'avoidLinks'
>;

export interface LinkFilter {
  placeAllowed(placeId: string): boolean;
  linkAllowed(link: Link): boolean;
}

const countrySets = new WeakMap<NetworkIndex, ReadonlySet<string>>();

/** The countries the network's places are in, computed once per index (a scan of every place otherwise). */
function countriesOf(index: NetworkIndex): ReadonlySet<string> {
  let s = countrySets.get(index);
  if (!s) {
    s = new Set([...index.placeById.values()].map((p) => p.country));
    countrySets.set(index, s);
  }
  return s;
}

/** Throws INVALID_CONSTRAINT naming the field and the id for every id the network does not know. */
export function checkAvoidIds(index: NetworkIndex, o: FilterOptions): void {
  const countries = countriesOf(index);
  const lists: [keyof FilterOptions, readonly string[], (id: string) => boolean][] = [
    ['avoidCountries', o.avoidCountries, (id) => countries.has(id)],
    ['avoidPlaces', o.avoidPlaces, (id) => index.placeById.has(id)],
    ['avoidCrossings', o.avoidCrossings, (id) => index.crossingById.has(id)],
    ['avoidCorridors', o.avoidCorridors, (id) => index.corridorById.has(id)],
    ['avoidLinks', o.avoidLinks, (id) => index.linkById.has(id)],
  ];
  for (const [field, ids, known] of lists) {
    for (const id of ids) {
      if (!known(id)) {
        throw new DomainError('INVALID_CONSTRAINT', `${field}: unknown id "${id}"`, { field, value: id });
      }
    }
  }
}

export function makeFilter(index: NetworkIndex, o: FilterOptions): LinkFilter {
  const statuses = new Set<string>(['operational', ...o.include]);
  const modes = new Set<string>(o.modes);
  const avoidCountries = new Set(o.avoidCountries);
  const avoidPlaces = new Set(o.avoidPlaces);
  const avoidCrossings = new Set(o.avoidCrossings);
  const avoidCorridors = new Set(o.avoidCorridors);
  const avoidLinks = new Set(o.avoidLinks);
  const placeAllowed = (id: string): boolean =>
    !avoidPlaces.has(id) && index.placeById.has(id) && !avoidCountries.has(index.countryOf(id));
  const linkAllowed = (l: Link): boolean => {
    if (!statuses.has(l.status) || !modes.has(l.mode) || avoidLinks.has(l.id)) return false;
    if (!o.allowUnscheduled && isUnscheduled(l)) return false;
    if (l.corridors.some((c) => avoidCorridors.has(c))) return false;
    if (!placeAllowed(l.from) || !placeAllowed(l.to)) return false;
    const c = index.crossingForLink(l);
    if (c && (c.status === 'closed' || avoidCrossings.has(c.id))) return false;
    return true;
  };
  return { placeAllowed, linkAllowed };
}
