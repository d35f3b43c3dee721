/** Great-circle geometry on a spherical Earth. */

/** Mean Earth radius, km (IUGG). */
const EARTH_RADIUS_KM = 6371;

const toRad = (deg: number): number => (deg * Math.PI) / 180;

/**
 * Great-circle distance in km between two points given in decimal degrees,
 * by the haversine formula (R = 6371 km). Accurate to ~0.5 % against the
 * ellipsoid, which is well inside the slack the data rules allow.
 */
export function greatCircleKm(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const dLat = toRad(bLat - aLat);
  const dLon = toRad(bLon - aLon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(aLat)) * Math.cos(toRad(bLat)) * Math.sin(dLon / 2) ** 2;
  // min() guards against h drifting just above 1 for antipodal points.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
