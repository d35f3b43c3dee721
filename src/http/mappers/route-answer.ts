/**
 * Planned routes → the /v1/routes answer (JSON wire object), and that answer
 * in the format asked (JSON, GeoJSON or CSV). The HTTP route and the command
 * line both answer through these functions, so their figures cannot differ.
 */
import type { RouteAnswer } from '../../domain/planning/answer.js';
import type { RouteResponse } from '../schemas/route-response.js';
import type { Format } from '../schemas/planning-fields.js';
import { asOfToWire } from './as-of-to-wire.js';
import { encodePolyline, routeCoordinates } from './polyline.js';
import { routesToCsv } from './route-csv.js';
import { appliedOverlaysToWire, explanationToWire, legCo2ToWire, routeCo2ToWire } from './route-extras.js';
import { routesToGeoJson } from './route-geojson.js';
import type { WireCoordinateMatch } from './route-request.js';
import { routeToWire, WireNames } from './route-to-wire.js';

/** What the wire answer shows beyond the planning answer: the geometry's form and the places given as coordinates. */
export interface RouteWireOptions {
  geometry: 'geojson' | 'polyline';
  coordinateMatches: readonly WireCoordinateMatch[];
}

/** The planning answer as the /v1/routes JSON answer: the question echoed (places with names), then the routes. */
export function routeAnswerToWire(answer: RouteAnswer, wire: RouteWireOptions): RouteResponse {
  const { question, network } = answer;
  const query = question.query;
  const prepared = network.prepared;
  const names = new WireNames(prepared.index);
  return {
    query: {
      from: names.place(query.from),
      to: names.place(query.to),
      via: query.via.map((id) => names.place(id)),
      objective: query.objective,
      include: [...query.include],
      modes: [...query.modes],
      allowUnscheduled: query.allowUnscheduled,
      alternatives: query.alternatives,
      maxOverlap: query.maxOverlap,
      avoidCountries: [...query.avoidCountries],
      avoidPlaces: query.avoidPlaces.map((id) => names.place(id)),
      avoidCrossings: [...query.avoidCrossings],
      avoidCorridors: [...query.avoidCorridors],
      avoidLinks: [...query.avoidLinks],
      scenario: question.scenario?.id ?? null,
      asOf: question.asOf ?? null,
      cargoTonnes: question.cargo.tonnes,
      explain: question.explain,
      geometry: wire.geometry,
      coordinateMatches: wire.coordinateMatches.map((m) => ({ ...m, place: { ...m.place } })),
    },
    dataVersion: prepared.network.parameters.dataVersion,
    scenario: network.scenario ? { id: network.scenario.id, name: network.scenario.name } : null,
    appliedOverlays: appliedOverlaysToWire(network.applied, network.scenario?.overlays.length ?? 0),
    asOf: asOfToWire(network.dated, prepared.network.parameters.dataDate),
    routes: answer.routes.map((r, i) => {
      const emissions = answer.emissions[i]!;
      const explanation = answer.explanations[i];
      return routeToWire(r, i + 1, names, {
        co2: routeCo2ToWire(emissions, question.cargo),
        legCo2: legCo2ToWire(emissions),
        ...(explanation ? { explanation: explanationToWire(explanation) } : {}),
      });
    }),
  };
}

/** The answer with each route's geometry as an encoded polyline instead of a LineString. */
export function withPolylineGeometry(response: RouteResponse): RouteResponse {
  return { ...response, routes: response.routes.map((r) => ({ ...r, geometry: encodePolyline(routeCoordinates(r.geometry)) })) };
}

/** The GeoJSON or CSV text of an answer; JSON goes through the caller's serializer. */
export function exportText(response: RouteResponse, format: Exclude<Format, 'json'>): string {
  return format === 'geojson' ? JSON.stringify(routesToGeoJson(response.routes)) : routesToCsv(response.routes);
}

/** File name for a downloaded answer: "route-almaty-kiamari.csv", with the scenario when one was asked. */
export function exportFileName(response: RouteResponse, format: Format): string {
  const parts = ['route', response.query.from.id, ...response.query.via.map((v) => `via-${v.id}`), response.query.to.id];
  if (response.query.scenario !== null) parts.push(response.query.scenario);
  // Ids are lowercase slugs; anything else is dropped so the name is safe in a header and on any file system.
  const base = parts.join('-').replace(/[^a-z0-9-]+/g, '-');
  return `${base}.${format === 'geojson' ? 'geojson' : format}`;
}

/** Content-Disposition of an export: CSV downloads as a file, GeoJSON shows inline but names one. */
export function exportDisposition(response: RouteResponse, format: Exclude<Format, 'json'>): string {
  return `${format === 'csv' ? 'attachment' : 'inline'}; filename="${exportFileName(response, format)}"`;
}
