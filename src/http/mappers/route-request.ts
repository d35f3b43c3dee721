/**
 * GET query or POST body → RouteQuery for the router: comma lists split,
 * country codes upper-cased, and every place reference resolved through the
 * place index. All unknown places are reported together, so a client fixes
 * them in one go.
 */
import { DomainError } from '../../domain/errors.js';
import type { PlaceIndex } from '../../domain/network/place-index.js';
import type { RouteQuery } from '../../domain/routing/route-types.js';
import type { RouteQueryParams } from '../schemas/route-query.js';
import { splitList } from '../schemas/route-query.js';
import type { RouteRequestBody } from '../schemas/route-request.js';

/** The same question whether it came as a query string or as a body: lists are arrays. */
export type RouteRequest = RouteRequestBody;

export function queryToRequest(q: RouteQueryParams): RouteRequest {
  return {
    from: q.from,
    to: q.to,
    objective: q.objective,
    include: splitList(q.include) as RouteRequest['include'],
    modes: splitList(q.modes) as RouteRequest['modes'],
    allowUnscheduled: q.allowUnscheduled === 'true',
    via: splitList(q.via),
    alternatives: q.alternatives,
    maxOverlap: q.maxOverlap,
    avoidCountries: splitList(q.avoidCountries),
    avoidPlaces: splitList(q.avoidPlaces),
    avoidCrossings: splitList(q.avoidCrossings),
    avoidCorridors: splitList(q.avoidCorridors),
    avoidLinks: splitList(q.avoidLinks),
    ...(q.scenario === undefined ? {} : { scenario: q.scenario }),
    // Overlays are objects: only the POST body can carry them.
    overlays: [],
    cargoTonnes: q.cargoTonnes,
    cargoTeu: q.cargoTeu,
    cargoFeu: q.cargoFeu,
    tonnesPerTeu: q.tonnesPerTeu,
    explain: q.explain === 'true',
    ...(q.format === undefined ? {} : { format: q.format }),
  };
}

const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

interface UnknownPlace {
  parameter: string;
  value: string;
  message: string;
  suggestions: { id: string; name: string }[];
}

/** Resolves every place reference; throws one UNKNOWN_PLACE naming all that match nothing. */
export function resolveRequest(req: RouteRequest, places: PlaceIndex): RouteQuery {
  const unknown: UnknownPlace[] = [];
  const resolve = (ref: string, field: string): string => {
    try {
      return places.resolveOrThrow(ref, field).id;
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== 'UNKNOWN_PLACE') throw err;
      const suggestions = Array.isArray(err.details.suggestions) ? (err.details.suggestions as UnknownPlace['suggestions']) : [];
      unknown.push({ parameter: field, value: ref, message: err.message, suggestions });
      return '';
    }
  };
  const from = resolve(req.from, 'from');
  const to = resolve(req.to, 'to');
  const via = req.via.map((ref) => resolve(ref, 'via'));
  const avoidPlaces = req.avoidPlaces.map((ref) => resolve(ref, 'avoidPlaces'));

  const [first] = unknown;
  if (first) {
    const list = unknown.map((u) => `${u.parameter}="${u.value}"`).join(', ');
    throw new DomainError(
      'UNKNOWN_PLACE',
      unknown.length === 1 ? first.message : `${unknown.length} places are unknown: ${list}.`,
      {
        // The first unknown place at the top level (most requests have one); all of them in `errors`.
        field: first.parameter,
        value: first.value,
        suggestions: first.suggestions,
        errors: unknown.map((u) => ({ parameter: u.parameter, value: u.value, message: u.message, suggestions: u.suggestions })),
      },
    );
  }

  return {
    from,
    to,
    via,
    objective: req.objective,
    include: unique(req.include),
    modes: unique(req.modes),
    allowUnscheduled: req.allowUnscheduled,
    alternatives: req.alternatives,
    maxOverlap: req.maxOverlap,
    avoidCountries: unique(req.avoidCountries.map((c) => c.toUpperCase())),
    avoidPlaces: unique(avoidPlaces),
    avoidCrossings: unique(req.avoidCrossings),
    avoidCorridors: unique(req.avoidCorridors),
    avoidLinks: unique(req.avoidLinks),
  };
}
