/**
 * Areas around sets of places, for maps of what is reachable: the places are
 * grouped (two places closer than `linkKm` are in one group, and groups
 * whose areas would overlap are merged), and each group becomes the convex
 * hull of circles of `bufferKm` around its places. The result is a set of
 * disjoint convex polygons that contain every place with at least `bufferKm`
 * around it: tighter than one hull of everything (a sea or a desert between
 * two reached regions stays out) and simpler than a union of circles.
 *
 * Positions are [longitude, latitude] in degrees; rings are closed (first
 * position repeated last) and counter-clockwise, as RFC 7946 asks of exterior
 * rings. Circles are drawn in degrees scaled by the cosine of the latitude,
 * which is accurate to well under 1 % at these buffer sizes and latitudes.
 */
import { greatCircleKm } from './geo.js';

export type Position = [number, number];

/** Km per degree of latitude on the sphere of geo.ts (R = 6371 km). */
const KM_PER_DEGREE = (Math.PI * 6371) / 180;

/** Sides of the polygon standing for each place's circle. */
const CIRCLE_SIDES = 16;

const cross = (o: Position, a: Position, b: Position): number => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/** Convex hull (Andrew's monotone chain), counter-clockwise, not closed; collinear points dropped. */
export function convexHull(points: readonly Position[]): Position[] {
  const pts = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (pts.length <= 2) return pts;
  const lower: Position[] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Position[] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

/** The polygon of CIRCLE_SIDES corners around a place, radius `km`, in degrees. */
export function circleAround([lon, lat]: Position, km: number): Position[] {
  const dLat = km / KM_PER_DEGREE;
  const dLon = km / (KM_PER_DEGREE * Math.max(0.01, Math.cos((lat * Math.PI) / 180)));
  // The corners lie outside the circle by the polygon's sagitta, never inside it: scale so the sides touch the circle.
  const out = 1 / Math.cos(Math.PI / CIRCLE_SIDES);
  return Array.from({ length: CIRCLE_SIDES }, (_, i) => {
    const a = (2 * Math.PI * i) / CIRCLE_SIDES;
    return [lon + dLon * out * Math.cos(a), lat + dLat * out * Math.sin(a)] as Position;
  });
}

/** True when two convex polygons (counter-clockwise, not closed) share any point (separating-axis test). */
export function convexOverlap(a: readonly Position[], b: readonly Position[]): boolean {
  // Bounding boxes apart: no overlap, without the axis tests (most pairs of areas are far apart).
  const box = (poly: readonly Position[]) => {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const [x, y] of poly) {
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
    return [x0, y0, x1, y1] as const;
  };
  const [ax0, ay0, ax1, ay1] = box(a);
  const [bx0, by0, bx1, by1] = box(b);
  if (ax1 < bx0 || bx1 < ax0 || ay1 < by0 || by1 < ay0) return false;
  for (const poly of [a, b]) {
    for (let i = 0; i < poly.length; i++) {
      const p = poly[i]!;
      const q = poly[(i + 1) % poly.length]!;
      const nx = q[1] - p[1];
      const ny = p[0] - q[0];
      let aMin = Infinity;
      let aMax = -Infinity;
      let bMin = Infinity;
      let bMax = -Infinity;
      for (const v of a) {
        const d = v[0] * nx + v[1] * ny;
        aMin = Math.min(aMin, d);
        aMax = Math.max(aMax, d);
      }
      for (const v of b) {
        const d = v[0] * nx + v[1] * ny;
        bMin = Math.min(bMin, d);
        bMax = Math.max(bMax, d);
      }
      if (aMax < bMin || bMax < aMin) return false;
    }
  }
  return true;
}

const close = (ring: Position[]): Position[] => (ring.length === 0 ? ring : [...ring, ring[0]!]);

export interface AreaOptions {
  /** Distance kept around every place, km. */
  bufferKm: number;
  /** Places closer than this (great circle, km) are in one area. */
  linkKm: number;
}

/**
 * Disjoint convex areas (closed counter-clockwise rings) holding every place
 * with `bufferKm` around it; places closer than `linkKm` share an area.
 */
export function areasAround(places: readonly Position[], opts: AreaOptions): Position[][] {
  if (places.length === 0) return [];
  // Single-linkage groups by union-find.
  const parent = places.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < places.length; i++) {
    for (let j = i + 1; j < places.length; j++) {
      const [a, b] = [places[i]!, places[j]!];
      // More than linkKm apart in latitude alone: no need for the great circle.
      if (Math.abs(a[1] - b[1]) * KM_PER_DEGREE > opts.linkKm) continue;
      if (greatCircleKm(a[1], a[0], b[1], b[0]) <= opts.linkKm) parent[find(i)] = find(j);
    }
  }
  const byRoot = new Map<number, Position[]>();
  places.forEach((p, i) => {
    const r = find(i);
    byRoot.set(r, [...(byRoot.get(r) ?? []), p]);
  });
  // The hull of the circles is the hull of the circles around the corners of the places' hull (a Minkowski sum):
  // circles around inner places add nothing, so only the corners get one.
  const hullOf = (members: readonly Position[]) => convexHull(convexHull(members).flatMap((p) => circleAround(p, opts.bufferKm)));
  const groups = [...byRoot.values()].map((members) => ({ members, hull: hullOf(members) }));

  // Merge groups whose areas overlap until a full pass finds none; each merge lowers the count, so this ends.
  for (let merged = true; merged; ) {
    merged = false;
    for (let i = 0; i < groups.length; i++) {
      for (let j = groups.length - 1; j > i; j--) {
        if (!convexOverlap(groups[i]!.hull, groups[j]!.hull)) continue;
        const members = [...groups[i]!.members, ...groups[j]!.members];
        groups[i] = { members, hull: hullOf(members) };
        groups.splice(j, 1);
        merged = true;
      }
    }
  }
  // Largest first (in square degrees); ties by the first corner, so the order does not depend on the input's.
  return groups
    .map((g) => g.hull)
    .sort((a, b) => ringArea(b) - ringArea(a) || a[0]![0] - b[0]![0] || a[0]![1] - b[0]![1])
    .map(close);
}

/** Signed area of a ring by the shoelace formula, square degrees; positive when counter-clockwise. */
export function ringArea(ring: readonly Position[]): number {
  let twice = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    twice += a[0] * b[1] - b[0] * a[1];
  }
  return twice / 2;
}

/** True when `p` lies inside or on the convex counter-clockwise polygon (closed or not). */
export function insideConvex(p: Position, ring: readonly Position[]): boolean {
  const n = ring.length > 1 && ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1] ? ring.length - 1 : ring.length;
  for (let i = 0; i < n; i++) if (cross(ring[i]!, ring[(i + 1) % n]!, p) < -1e-12) return false;
  return true;
}
