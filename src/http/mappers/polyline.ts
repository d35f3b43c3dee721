/**
 * Encoded polyline (Google's algorithm, as OSRM and Valhalla answer with
 * `geometries=polyline`): latitude then longitude, each rounded to 1e-5
 * degrees (precision 5), delta-encoded, zig-zagged and written in 5-bit
 * chunks as characters from "?" (63). Pure functions; the wire geometry is
 * [longitude, latitude] as GeoJSON, the encoding lat/lon as Google's.
 * https://developers.google.com/maps/documentation/utilities/polylinealgorithm
 */

type Position = [number, number];

/** Decimal places kept: 5, i.e. 1e-5 degrees (about 1.1 m of latitude). */
export const POLYLINE_PRECISION = 5;

function encodeValue(delta: number): string {
  // Zig-zag: the sign goes to the lowest bit.
  let v = delta < 0 ? ~(delta << 1) : delta << 1;
  let out = '';
  while (v >= 0x20) {
    out += String.fromCharCode((0x20 | (v & 0x1f)) + 63);
    v >>>= 5;
  }
  return out + String.fromCharCode(v + 63);
}

/** [longitude, latitude] positions → encoded polyline string. */
export function encodePolyline(positions: readonly Position[], precision = POLYLINE_PRECISION): string {
  const factor = 10 ** precision;
  let prevLat = 0;
  let prevLon = 0;
  let out = '';
  for (const [lon, lat] of positions) {
    // Math.round as Google's reference rounds half away from zero for positives; negatives are rounded by magnitude.
    const la = Math.sign(lat) * Math.round(Math.abs(lat) * factor);
    const lo = Math.sign(lon) * Math.round(Math.abs(lon) * factor);
    out += encodeValue(la - prevLat) + encodeValue(lo - prevLon);
    prevLat = la;
    prevLon = lo;
  }
  return out;
}

/** Encoded polyline → [longitude, latitude] positions (rounded to the precision). */
export function decodePolyline(encoded: string, precision = POLYLINE_PRECISION): Position[] {
  const factor = 10 ** precision;
  const values: number[] = [];
  let shift = 0;
  let acc = 0;
  for (let i = 0; i < encoded.length; i++) {
    const b = encoded.charCodeAt(i) - 63;
    if (b < 0 || b > 63) throw new Error(`not an encoded polyline: character ${i + 1}`);
    acc |= (b & 0x1f) << shift;
    shift += 5;
    if (b < 0x20) {
      values.push(acc & 1 ? ~(acc >>> 1) : acc >>> 1);
      acc = 0;
      shift = 0;
    }
  }
  if (shift !== 0 || values.length % 2 !== 0) throw new Error('not an encoded polyline: truncated');
  const out: Position[] = [];
  let lat = 0;
  let lon = 0;
  for (let i = 0; i < values.length; i += 2) {
    lat += values[i]!;
    lon += values[i + 1]!;
    out.push([lon / factor, lat / factor]);
  }
  return out;
}

/** The positions of a route geometry in either wire form: a GeoJSON LineString or an encoded polyline. */
export function routeCoordinates(geometry: { type: 'LineString'; coordinates: Position[] } | string): Position[] {
  return typeof geometry === 'string' ? decodePolyline(geometry) : geometry.coordinates;
}
