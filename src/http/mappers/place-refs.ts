/**
 * Resolves many place references at once (matrix sources and targets); every
 * reference that matches nothing is reported in one UNKNOWN_PLACE, named by
 * its parameter and position ("targets[3]"), as /v1/routes does.
 */
import { DomainError } from '../../domain/errors.js';
import type { PlaceIndex } from '../../domain/network/place-index.js';

interface UnknownPlace {
  parameter: string;
  value: string;
  message: string;
  suggestions: { id: string; name: string }[];
}

export function resolvePlaces(places: PlaceIndex, refs: readonly { parameter: string; ref: string }[]): string[] {
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
    throw new DomainError(
      'UNKNOWN_PLACE',
      unknown.length === 1 ? first.message : `${unknown.length} places are unknown: ${unknown.map((u) => `${u.parameter}="${u.value}"`).join(', ')}.`,
      { field: first.parameter, value: first.value, suggestions: first.suggestions, errors: unknown },
    );
  }
  return ids;
}
