/**
 * Place references as a user typed them (id, name, alias, UN/LOCODE or
 * "lat,lon") → place ids. Every reference that matches nothing is reported
 * in one UNKNOWN_PLACE, named by its parameter ("via", "targets[3]") and
 * with the index's suggestions, so a client fixes them all in one go.
 */
import { DomainError } from '../errors.js';
import type { PlaceIndex } from '../network/place-index.js';

interface UnknownPlace {
  parameter: string;
  value: string;
  message: string;
  suggestions: { id: string; name: string }[];
}

export function resolvePlaceRefs(places: PlaceIndex, refs: readonly { parameter: string; ref: string }[]): string[] {
  const unknown: UnknownPlace[] = [];
  const ids = refs.map(({ parameter, ref }) => {
    try {
      return places.resolveOrThrow(ref, parameter).id;
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== 'UNKNOWN_PLACE') throw err;
      const suggestions = Array.isArray(err.details.suggestions) ? (err.details.suggestions as UnknownPlace['suggestions']) : [];
      unknown.push({ parameter, value: ref, message: err.message, suggestions });
      return '';
    }
  });
  const [first] = unknown;
  if (first) {
    const list = unknown.map((u) => `${u.parameter}="${u.value}"`).join(', ');
    throw new DomainError('UNKNOWN_PLACE', unknown.length === 1 ? first.message : `${unknown.length} places are unknown: ${list}.`, {
      // The first unknown place at the top level (most requests have one); all of them in `errors`.
      field: first.parameter,
      value: first.value,
      suggestions: first.suggestions,
      errors: unknown,
    });
  }
  return ids;
}
