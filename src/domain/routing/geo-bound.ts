/**
 * The A* heuristic of the fast search (layered-search.ts): a lower bound on
 * the cost still to go, from great-circle distance.
 *
 * For each objective, factor = the smallest weight per great-circle km of
 * any link edge of the network (h per km for fastest, i.e. 1 / the highest
 * great-circle speed any link reaches, dwell included; km per km for
 * shortest, 1 where every link is at least as long as the straight line;
 * borders × 1e6 + h per km for fewest-borders). Measured from the data, so no
 * assumption about speeds or lengths is needed: factor × great-circle km
 * between two places is at most the weight of any link between them, and
 * transfers, terminal time, gauge changes and waits only add (all ≥ 0). So
 * factor × great-circle km to the goal is admissible, and consistent (h(x) ≤
 * w(x, y) + h(y) by the triangle inequality), which keeps A* exact with a
 * closed set. The factor is shrunk by 1e-9 so rounding never breaks that.
 */
import type { Objective } from './route-types.js';

/** Mean Earth radius, km (the unit cancels in the factor; kept for readable numbers). */
const EARTH_KM = 6371.0088;

/** Great-circle km between two points given in radians (haversine). */
export function greatCircleKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const s = Math.sin((lat2 - lat1) / 2);
  const t = Math.sin((lon2 - lon1) / 2);
  const a = s * s + Math.cos(lat1) * Math.cos(lat2) * t * t;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Relative slack under the measured minimum, so floating-point rounding cannot make the bound inconsistent. */
export const BOUND_SLACK = 1e-9;

/**
 * The factor per objective: min over link edges e with great-circle length g > 0 of weight(e) / g,
 * times (1 − BOUND_SLACK); 0 when there is none (the heuristic is then 0: plain Dijkstra).
 */
export function boundFactors(
  objectives: readonly Objective[],
  edgeCount: number,
  isLink: (e: number) => boolean,
  gcKm: (e: number) => number,
  weight: (o: Objective, e: number) => number,
): Record<Objective, number> {
  const out = {} as Record<Objective, number>;
  for (const o of objectives) {
    let min = Infinity;
    for (let e = 0; e < edgeCount; e++) {
      if (!isLink(e)) continue;
      const g = gcKm(e);
      if (!(g > 0)) continue;
      const r = weight(o, e) / g;
      if (r < min) min = r;
    }
    out[o] = Number.isFinite(min) && min > 0 ? min * (1 - BOUND_SLACK) : 0;
  }
  return out;
}
