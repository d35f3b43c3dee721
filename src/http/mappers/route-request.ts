/**
 * GET query or POST body → the planning use case's route question
 * (domain/planning/answer.ts): comma lists split, coordinate pairs joined,
 * flags parsed. Places are resolved by the use case.
 */
import type { PlaceIndex } from '../../domain/network/place-index.js';
import type { PlanningOptionsInput, RouteQueryInput } from '../../domain/planning/answer.js';
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
    cargoTonnes: q.cargoTonnes,
    cargoTeu: q.cargoTeu,
    cargoFeu: q.cargoFeu,
    tonnesPerTeu: q.tonnesPerTeu,
    explain: q.explain === 'true',
    ...(q.format === undefined ? {} : { format: q.format }),
    geometry: q.geometry,
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

/** The wire question → the planning use case's input: the query with places as typed, and the planning options. */
export function routeAsk(req: RouteRequest): { query: RouteQueryInput; options: PlanningOptionsInput } {
  return {
    query: {
      from: req.from,
      to: req.to,
      via: req.via,
      objective: req.objective,
      include: req.include,
      modes: req.modes,
      allowUnscheduled: req.allowUnscheduled,
      alternatives: req.alternatives,
      maxOverlap: req.maxOverlap,
      avoidCountries: req.avoidCountries,
      avoidPlaces: req.avoidPlaces,
      avoidCrossings: req.avoidCrossings,
      avoidCorridors: req.avoidCorridors,
      avoidLinks: req.avoidLinks,
    },
    options: {
      scenario: req.scenario,
      overlays: req.overlays,
      cargo: { tonnes: req.cargoTonnes, teu: req.cargoTeu, feu: req.cargoFeu, tonnesPerTeu: req.tonnesPerTeu },
      explain: req.explain,
    },
  };
}
