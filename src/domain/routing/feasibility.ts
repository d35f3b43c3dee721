/**
 * A cheap proof that no place-loopless route exists, run before any search.
 *
 * A route visits each place once, so its place sequence is a simple path of
 * the place graph (places joined by the links the query allows). That graph
 * is a relaxation of the state graph: if no simple path from → via… → to
 * exists in it, no route exists. Two checks, each a few breadth-first
 * searches over places (well under a millisecond on the real network):
 *  - each stretch: its end is reachable from its start without passing
 *    another stop;
 *  - each via place v between stops a and b: two paths v → a and v → b that
 *    share no place (max-flow with unit place capacities, other stops left
 *    out). Without them every route through v would have to come back through
 *    a place it has already used, e.g. a branch line whose only way in and out
 *    is the same junction.
 * Both are necessary conditions only: a question that passes may still have
 * no route, which the search then finds (within its work budget).
 */
import type { PreparedNetwork } from './prepare.js';
import type { QueryMask } from './query-mask.js';

export interface Infeasible {
  /** Why no route can exist, in words naming the places. */
  reason: string;
}

/** Null when the checks find nothing, else why no route exists. */
export function provablyNoRoute(p: PreparedNetwork, stops: readonly string[], mask: QueryMask): Infeasible | null {
  const sp = p.space;
  const P = sp.placeIds.length;
  const idx = stops.map((s) => sp.placeIndex.get(s)!);
  const usable = (place: number, allowed: ReadonlySet<number>): boolean =>
    mask.placeOk[place] === 1 && (!stopSet.has(place) || allowed.has(place));
  const stopSet = new Set(idx);
  const name = (i: number) => sp.placeIds[i]!;

  for (let s = 0; s + 1 < idx.length; s++) {
    const a = idx[s]!;
    const b = idx[s + 1]!;
    const allowed = new Set([a, b]);
    const seen = new Uint8Array(P);
    const queue = [a];
    seen[a] = 1;
    for (let h = 0; h < queue.length && seen[b] === 0; h++) {
      const u = queue[h]!;
      if (u === b) break;
      for (let k = sp.placeAdjStart[u]!; k < sp.placeAdjStart[u + 1]!; k++) {
        const v = sp.placeAdjPlace[k]!;
        if (seen[v] === 1 || mask.linkOk[sp.placeAdjLink[k]!] === 0 || !usable(v, allowed)) continue;
        seen[v] = 1;
        queue.push(v);
      }
    }
    if (seen[b] === 0) return { reason: `${name(b)} cannot be reached from ${name(a)} with these constraints` };
  }

  for (let s = 1; s + 1 < idx.length; s++) {
    const v = idx[s]!;
    const a = idx[s - 1]!;
    const b = idx[s + 1]!;
    if (!twoDisjointPaths(p, mask, v, a, b, (x) => usable(x, new Set([a, b, v])))) {
      return {
        reason: `every way from ${name(a)} to ${name(v)} and every way from ${name(v)} to ${name(b)} share a place, so no route visits each place once`,
      };
    }
  }
  return null;
}

/**
 * True when two paths v → a and v → b exist that share no place but v: a
 * unit-capacity max flow (two augmenting paths, Edmonds–Karp) on the graph
 * with each place split into in → out (capacity 1) and each allowed link
 * as two arcs out(x) → in(y).
 */
function twoDisjointPaths(p: PreparedNetwork, mask: QueryMask, v: number, a: number, b: number, usable: (x: number) => boolean): boolean {
  const sp = p.space;
  const P = sp.placeIds.length;
  const SINK = 2 * P;
  const head: number[] = [];
  const to: number[] = [];
  const cap: number[] = [];
  const nextArc: number[] = [];
  const first = new Int32Array(2 * P + 1).fill(-1);
  const arc = (x: number, y: number, c: number): void => {
    for (const [f, t, cc] of [
      [x, y, c],
      [y, x, 0],
    ] as const) {
      head.push(f);
      to.push(t);
      cap.push(cc);
      nextArc.push(first[f]!);
      first[f] = to.length - 1;
    }
  };
  for (let x = 0; x < P; x++) {
    if (!usable(x)) continue;
    // Through-capacity 1; the source v sends two paths; a and b are ends, never passed through.
    if (x !== v && x !== a && x !== b) arc(2 * x, 2 * x + 1, 1);
    for (let k = sp.placeAdjStart[x]!; k < sp.placeAdjStart[x + 1]!; k++) {
      const y = sp.placeAdjPlace[k]!;
      if (mask.linkOk[sp.placeAdjLink[k]!] === 0 || !usable(y) || y === v || x === a || x === b) continue;
      arc(2 * x + 1, 2 * y, 1);
    }
  }
  arc(2 * a, SINK, 1);
  arc(2 * b, SINK, 1);
  const source = 2 * v + 1;
  for (let round = 0; round < 2; round++) {
    const via = new Int32Array(2 * P + 1).fill(-1);
    const seen = new Uint8Array(2 * P + 1);
    seen[source] = 1;
    const queue = [source];
    for (let h = 0; h < queue.length && seen[SINK] === 0; h++) {
      const u = queue[h]!;
      for (let e = first[u]!; e !== -1; e = nextArc[e]!) {
        const t = to[e]!;
        if (cap[e]! <= 0 || seen[t] === 1) continue;
        seen[t] = 1;
        via[t] = e;
        queue.push(t);
      }
    }
    if (seen[SINK] === 0) return false;
    for (let t = SINK; t !== source; t = head[via[t]!]!) {
      const e = via[t]!;
      cap[e]!--;
      cap[e ^ 1]!++;
    }
  }
  return true;
}
