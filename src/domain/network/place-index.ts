/**
 * Finds places by what a user types: an id, a name, an alias or a UN/LOCODE,
 * in any case and with or without diacritics, or coordinates "lat,lon"
 * (decimal degrees, WGS 84) snapped to the nearest place within
 * COORDINATE_SNAP_KM; and suggests the nearest names when nothing matches.
 */
import { DomainError } from '../errors.js';
import { foldName } from './fold.js';
import { greatCircleKm } from './geo.js';
import type { Place } from './schema.js';

/**
 * Coordinates are resolved to the nearest place at most this far away, km
 * (great circle). About an hour's drive to the railhead: a point further
 * from every place of the network is more likely a mistake than a request.
 */
export const COORDINATE_SNAP_KM = 50;

/**
 * Coordinates never snap to a junction: it is a point on the track, not a
 * place where freight is loaded, so a point near one goes to the nearest
 * station, city, port, dry port, ferry terminal or border point instead.
 */
const snaps = (p: Place): boolean => p.kind !== 'junction';

/** "43.25,76.95" (latitude, longitude; spaces allowed) → degrees, or undefined when the text is not a coordinate pair. */
export function parseCoordinates(ref: string): { lat: number; lon: number } | undefined {
  const m = /^\s*([+-]?\d{1,3}(?:\.\d+)?)\s*,\s*([+-]?\d{1,3}(?:\.\d+)?)\s*$/.exec(ref);
  if (!m) return undefined;
  const lat = Number(m[1]);
  const lon = Number(m[2]);
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return undefined;
  return { lat, lon };
}

/** How a reference given as coordinates was resolved. */
export interface CoordinateMatch {
  place: Place;
  lat: number;
  lon: number;
  /** Great-circle distance from the coordinates to the place, km. */
  distanceKm: number;
}

/**
 * Suggestions more than a third of the query's length away are noise, not
 * help ("Karachy" → Karachi at 1 edit, but not Sarakhs at 3).
 */
const maxSuggestDistance = (queryLength: number): number => Math.max(1, Math.floor(queryLength / 3));

export class PlaceIndex {
  private readonly byId = new Map<string, Place>();
  /** Folded id / name / alias / UN/LOCODE → place; the validator guarantees one place per key. */
  private readonly byKey = new Map<string, Place>();
  /** Every folded key of each place, for suggestions and search. */
  private readonly keys: { place: Place; keys: string[] }[] = [];

  constructor(places: readonly Place[]) {
    for (const p of places) {
      if (!this.byId.has(p.id)) this.byId.set(p.id, p);
      // A handful of keys per place: a plain list (no Set per place, 100k places at scale), each text folded once.
      const keys: string[] = [];
      const add = (text: string): void => {
        const k = foldName(text);
        if (k !== '' && !keys.includes(k)) keys.push(k);
      };
      add(p.id);
      if (p.name !== p.id) add(p.name);
      for (const a of p.aliases) add(a);
      if (p.unlocode !== undefined) {
        add(p.unlocode);
        // "PK KHI" is how UN/LOCODEs are often printed.
        add(`${p.unlocode.slice(0, 2)} ${p.unlocode.slice(2)}`);
      }
      for (const k of keys) if (!this.byKey.has(k)) this.byKey.set(k, p);
      // A city's name finds every place of the city in a search, but resolves only to its main place.
      if (p.city !== undefined) add(p.city);
      this.keys.push({ place: p, keys });
    }
    for (const p of places) {
      if (p.city === undefined || !p.cityMain) continue;
      const k = foldName(p.city);
      if (k !== '' && !this.byKey.has(k)) this.byKey.set(k, p);
    }
  }

  get(id: string): Place | undefined {
    return this.byId.get(id);
  }

  /** Exact id first, then the folded id, name, alias or UN/LOCODE, then a city's name (its main place), then coordinates within COORDINATE_SNAP_KM. */
  resolve(ref: string): Place | undefined {
    const p = this.byId.get(ref) ?? this.byKey.get(foldName(ref));
    if (p !== undefined) return p;
    const m = this.coordinateMatch(ref);
    return m !== undefined && m.distanceKm <= COORDINATE_SNAP_KM ? m.place : undefined;
  }

  /** The nearest place (of the kinds coordinates snap to) to the coordinates `ref` holds, however far; undefined when `ref` is not coordinates. */
  coordinateMatch(ref: string): CoordinateMatch | undefined {
    const c = parseCoordinates(ref);
    if (c === undefined) return undefined;
    let best: CoordinateMatch | undefined;
    for (const place of this.byId.values()) {
      if (!snaps(place)) continue;
      const d = greatCircleKm(c.lat, c.lon, place.lat, place.lon);
      // Ties by id, so the answer does not depend on the order of the data files.
      if (best === undefined || d < best.distanceKm || (d === best.distanceKm && place.id < best.place.id)) {
        best = { place, lat: c.lat, lon: c.lon, distanceKm: d };
      }
    }
    return best;
  }

  /**
   * Places whose closest folded id/name/alias/UN/LOCODE is within a few edits
   * (a third of the query's length, at least 1) of the folded ref, best first
   * (ties by name).
   */
  suggest(ref: string, limit = 5): Place[] {
    const q = foldName(ref);
    if (q === '' || limit <= 0) return [];
    const maxDistance = maxSuggestDistance(q.length);
    const scored: { place: Place; d: number }[] = [];
    for (const { place, keys } of this.keys) {
      let d = Infinity;
      for (const k of keys) d = Math.min(d, levenshtein(q, k, Math.min(d, maxDistance)));
      if (d <= maxDistance) scored.push({ place, d });
    }
    scored.sort((a, b) => a.d - b.d || a.place.name.localeCompare(b.place.name));
    return scored.slice(0, limit).map((s) => s.place);
  }

  resolveOrThrow(ref: string, field: string): Place {
    const p = this.resolve(ref);
    if (p !== undefined) return p;
    const near = this.coordinateMatch(ref);
    if (near !== undefined) {
      const km = Math.round(near.distanceKm * 10) / 10;
      throw new DomainError(
        'UNKNOWN_PLACE',
        `no place within ${COORDINATE_SNAP_KM} km of ${near.lat},${near.lon}; the nearest is "${near.place.name}" (${near.place.id}) at ${km} km`,
        { field, value: ref, suggestions: [{ id: near.place.id, name: near.place.name }], nearestKm: km },
      );
    }
    const suggestions = this.suggest(ref).map((s) => ({ id: s.id, name: s.name }));
    const hint = suggestions.length > 0 ? `; did you mean ${suggestions.map((s) => `"${s.name}" (${s.id})`).join(', ')}?` : '';
    throw new DomainError('UNKNOWN_PLACE', `no place matches "${ref}"${hint}`, { field, value: ref, suggestions });
  }

  /**
   * Places with a folded id/name/alias/UN/LOCODE containing the folded query,
   * ordered: exact matches, then prefix matches, then other substrings (ties by name).
   */
  search(q: string): Place[] {
    const fq = foldName(q);
    if (fq === '') return [];
    const hits: { place: Place; rank: number }[] = [];
    for (const { place, keys } of this.keys) {
      let rank = Infinity;
      for (const k of keys) {
        if (k === fq) rank = 0;
        else if (k.startsWith(fq)) rank = Math.min(rank, 1);
        else if (k.includes(fq)) rank = Math.min(rank, 2);
      }
      if (rank < Infinity) hits.push({ place, rank });
    }
    hits.sort((a, b) => a.rank - b.rank || a.place.name.localeCompare(b.place.name));
    return hits.map((h) => h.place);
  }
}

/**
 * Levenshtein distance (insert, delete, substitute, each 1). Stops early and
 * returns a value > cap once every cell of a row exceeds cap.
 */
export function levenshtein(a: string, b: string, cap = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > cap) return cap + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}
