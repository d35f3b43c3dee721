/**
 * GET query or POST body → the planning use case's route question
 * (domain/planning/answer.ts): comma lists split, coordinate pairs joined,
 * flags parsed. Places are resolved by the use case.
 */
import { planningMonthOf } from '../schemas/as-of-fields.js';
import type { PlaceIndex } from '../../domain/network/place-index.js';
import type { PlanningOptionsInput, RouteQueryInput } from '../../domain/planning/answer.js';
import type { RouteQueryParams } from '../schemas/route-query.js';
import { QUERY_FIELDS, queryToBody } from '../schemas/route-question-fields.js';
import type { RouteRequestBody } from '../schemas/route-request.js';

/** The same question whether it came as a query string or as a body: lists are arrays. */
export type RouteRequest = RouteRequestBody;

export function queryToRequest(q: RouteQueryParams): RouteRequest {
  return queryToBody(q) as RouteRequest;
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

/** The wire question → the planning use case's input: the query fields as they are (places as typed), and the planning options. */
export function routeAsk(req: RouteRequest): { query: RouteQueryInput; options: PlanningOptionsInput } {
  const query = Object.fromEntries(QUERY_FIELDS.map((k) => [k, req[k]])) as unknown as RouteQueryInput;
  return {
    query,
    options: {
      scenario: req.scenario,
      overlays: req.overlays,
      cargo: { tonnes: req.cargoTonnes, teu: req.cargoTeu, feu: req.cargoFeu, tonnesPerTeu: req.tonnesPerTeu },
      explain: req.explain,
      asOf: planningMonthOf(req.asOf),
    },
  };
}
