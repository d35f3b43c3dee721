/** A reachability answer (domain/planning/answer-views.ts) → the /v1/reachability answer, as JSON or GeoJSON. */
import { asOfToWire } from './as-of-to-wire.js';
import type { PreparedNetwork } from '../../domain/routing/prepare.js';
import type { ReachabilityAnswer } from '../../domain/planning/answer-views.js';
import type { ReachabilityResponse } from '../schemas/reachability.js';
import type { ReachableFeatureCollection } from '../schemas/route-geojson.js';
import { reachabilityAreas } from './reachability-areas.js';
import { round1, WireNames } from './route-to-wire.js';

/** Names from today's network; `maxHours` as asked. */
export function reachabilityToWire(today: PreparedNetwork, r: ReachabilityAnswer, maxHours: number): ReachabilityResponse {
  const names = new WireNames(today.index);
  const places = r.places.map((p) => ({
    place: names.placeWithCountry(p.placeId),
    typicalHours: round1(p.hours),
    distanceKm: round1(p.km),
    crossings: p.crossings,
    coordinates: names.coordinates(p.placeId),
  }));
  const scenario = r.scenario;
  return {
    query: { from: names.place(r.from), maxHours, objective: r.options.objective, scenario: scenario?.id ?? null, include: r.include, modes: r.modes },
    dataVersion: today.network.parameters.dataVersion,
    scenario: scenario ? { id: scenario.id, name: scenario.name } : null,
    asOf: asOfToWire(r.network.dated, today.network.parameters.dataDate),
    places,
    areas: reachabilityAreas(names.coordinates(r.from), places, maxHours),
  };
}

/** The areas, largest band first (drawn below), then a Point per place. */
export function reachabilityToGeoJson(r: ReachabilityResponse): ReachableFeatureCollection {
  const areas = [...r.areas].reverse().map((a) => ({
    type: 'Feature' as const,
    geometry: a.geometry,
    properties: { kind: 'area' as const, maxHours: a.maxHours, places: a.places },
  }));
  return {
    type: 'FeatureCollection',
    features: [...areas, ...r.places.map((p) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: p.coordinates },
      properties: {
        kind: 'place' as const,
        id: p.place.id,
        name: p.place.name,
        country: p.place.country,
        typicalHours: p.typicalHours,
        distanceKm: p.distanceKm,
        crossings: p.crossings,
      },
    }))],
  };
}
