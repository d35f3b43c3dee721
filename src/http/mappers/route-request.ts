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
    via: joinCoordinatePairs(splitList(q.via)),
    alternatives: q.alternatives,
    maxOverlap: q.maxOverlap,
    avoidCountries: splitList(q.avoidCountries),
    avoidPlaces: joinCoordinatePairs(splitList(q.avoidPlaces)),
    avoidCrossings: splitList(q.avoidCrossings),
    avoidCorridors: splitList(q.avoidCorridors),
    avoidLinks: splitList(q.avoidLinks),
    ...(q.scenario === undefined ? {} : { scenario: q.scenario }),
    // Overlays are objects: only the POST body can carry them.
    overlays: [],
    ...(q.asOf === undefined ? {} : { asOf: q.asOf }),
    cargoTonnes: q.cargoTonnes,
    cargoTeu: q.cargoTeu,
    cargoFeu: q.cargoFeu,
    tonnesPerTeu: q.tonnesPerTeu,
    explain: q.explain === 'true',
    ...(q.format === undefined ? {} : { format: q.format }),
    geometry: q.geometry,
    ...(q.departAt === undefined ? {} : { departAt: q.departAt }),
    ...(q.arriveBy === undefined ? {} : { arriveBy: q.arriveBy }),
  };
}

const NUMBER = /^[+-]?\d{1,3}(\.\d+)?$/;

/**
 * A comma list of places may hold coordinates, whose own comma splits them:
 * two numbers in a row are put back together as one "lat,lon" item
 * ("43.26,76.93,Tashkent" → ["43.26,76.93", "Tashkent"]). No place name is a
 * bare number, so nothing else is joined.
 */
export function joinCoordinatePairs(items: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < items.length; i++) {
    const a = items[i]!;
    const b = items[i + 1];
    if (b !== undefined && NUMBER.test(a) && NUMBER.test(b)) {
      out.push(`${a},${b}`);
      i++;
    } else out.push(a);
  }
  return out;
}

/** A reference given as coordinates and the place it resolved to (for the answer). */
export interface WireCoordinateMatch {
  parameter: string;
  input: string;
  place: { id: string; name: string };
  distanceKm: number;
}

/** Every place reference of the request given as coordinates, with the place chosen; call after resolveRequest succeeded. */
export function coordinateMatches(req: RouteRequest, places: PlaceIndex): WireCoordinateMatch[] {
  const refs: { parameter: string; ref: string }[] = [
    { parameter: 'from', ref: req.from },
    { parameter: 'to', ref: req.to },
    ...req.via.map((ref, i) => ({ parameter: `via[${i}]`, ref })),
    ...req.avoidPlaces.map((ref, i) => ({ parameter: `avoidPlaces[${i}]`, ref })),
  ];
  const out: WireCoordinateMatch[] = [];
  for (const { parameter, ref } of refs) {
    // A name, alias or id wins over coordinates (none looks like one, but the index decides).
    if (places.resolve(ref) !== places.coordinateMatch(ref)?.place) continue;
    const m = places.coordinateMatch(ref);
    if (m === undefined) continue;
    out.push({ parameter, input: ref, place: { id: m.place.id, name: m.place.name }, distanceKm: Math.round(m.distanceKm * 10) / 10 });
  }
  return out;
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
