/**
 * Reachable places → areas for a map: for each quarter of the time budget
 * (25, 50, 75 and 100 % of maxHours), the disjoint convex areas around the
 * origin and the places reached within it (domain/network/hull.ts), as
 * GeoJSON MultiPolygon coordinates.
 */
import { areasAround, type AreaOptions, type Position } from '../../domain/network/hull.js';

/**
 * 50 km around each place (about an hour's road haul to the railhead) and
 * places within 250 km of each other (about a day's freight-train stage)
 * drawn as one area.
 */
export const AREA_OPTIONS: Readonly<AreaOptions> = Object.freeze({ bufferKm: 50, linkKm: 250 });

/** Shares of maxHours that get an area each. */
export const AREA_BANDS = [0.25, 0.5, 0.75, 1] as const;

export interface WireArea {
  /** Typical hours of the band, h. */
  maxHours: number;
  /** Places inside the band, the origin not counted. */
  places: number;
  geometry: { type: 'MultiPolygon'; coordinates: Position[][][] };
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

export function reachabilityAreas(origin: Position, reached: readonly { coordinates: Position; typicalHours: number }[], maxHours: number): WireArea[] {
  return AREA_BANDS.map((share) => {
    const limit = round1(maxHours * share);
    const inside = reached.filter((r) => r.typicalHours <= limit);
    const rings = areasAround([origin, ...inside.map((r) => r.coordinates)], AREA_OPTIONS);
    return {
      maxHours: limit,
      places: inside.length,
      geometry: { type: 'MultiPolygon', coordinates: rings.map((r) => [r.map(([lon, lat]) => [round5(lon), round5(lat)] as Position)]) },
    };
  });
}

/** 1e-5 degrees (about 1 m) is finer than any area drawn here needs. */
const round5 = (n: number): number => Math.round(n * 1e5) / 1e5;
