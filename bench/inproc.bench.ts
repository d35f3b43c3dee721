/**
 * The planning core in process on the real data set: each figure over many
 * distinct questions (median and p95, ms), beside its target, and beside the
 * graphology reference search where that is cheap enough to run. Run:
 * `npm run bench -- --only=inproc` (part of `npm run bench`).
 *
 * The questions are drawn with a fixed seed, so runs are comparable; every
 * question is asked once unmeasured, then once measured (uncached: the
 * planner keeps no answers).
 * Figures are CPU time of this process per call (µs resolution), not wall
 * time: on a shared machine wall time moves with its load (printed too).
 */
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { WorkBudget } from '../src/domain/graph/budget.js';
import { loadNetwork } from '../src/domain/network/load-network.js';
import { matrixRow } from '../src/domain/planning/matrix.js';
import { reachableWithin } from '../src/domain/planning/reachability.js';
import { DEFAULT_QUERY } from '../src/domain/routing/defaults.js';
import { planRoutes, type PlanOptions } from '../src/domain/routing/plan-routes.js';
import { prepareNetwork, type PreparedNetwork } from '../src/domain/routing/prepare.js';
import type { RouteQuery } from '../src/domain/routing/route-types.js';
import { rng } from '../test/domain/routing/real-queries.js';

const DATA = fileURLToPath(new URL('../data', import.meta.url));

export interface Figure {
  name: string;
  median: number;
  p95: number;
  target: string;
  met: boolean;
  note?: string;
}

export function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
}

/** CPU time of one call, ms (user + system of this process): unlike wall time it does not grow with the machine's load. */
function time(fn: () => unknown): number {
  const t = process.cpuUsage();
  try {
    fn();
  } catch {
    // NO_ROUTE and budget refusals are answers too; their time counts.
  }
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

function measure(name: string, targetMs: number, runs: (() => unknown)[], note?: string): Figure {
  // Warm-up: one unmeasured pass over every question, so the figure is the steady state of a running service
  // rather than the JIT's first compilations (20 questions left the first measured pass up to 2× slower).
  for (const r of runs) time(r);
  const ms = runs.map(time);
  const median = quantile(ms, 0.5);
  return { name, median, p95: quantile(ms, 0.95), target: `≤ ${targetMs} ms median`, met: median <= targetMs, ...(note ? { note } : {}) };
}

/** Pairs of places with a route today (so the figure is about finding routes, not refusing). */
function routedPairs(p: PreparedNetwork, count: number, seed: number): [string, string][] {
  const r = rng(seed);
  const ids = p.network.places.map((x) => x.id).sort();
  const out: [string, string][] = [];
  for (let tries = 0; out.length < count && tries < count * 50; tries++) {
    const a = ids[Math.floor(r() * ids.length)]!;
    const b = ids[Math.floor(r() * ids.length)]!;
    if (a === b) continue;
    try {
      planRoutes(p, { ...DEFAULT_QUERY, from: a, to: b });
      out.push([a, b]);
    } catch {
      // no route today: not a pair for these figures
    }
  }
  return out;
}

export async function inprocTable(): Promise<Figure[]> {
  const p = prepareNetwork(await loadNetwork(DATA));
  const pairs = routedPairs(p, 400, 1);
  const ids = p.network.places.map((x) => x.id).sort();
  const r = rng(2);
  const q = (a: string, b: string, extra: Partial<RouteQuery> = {}): RouteQuery => ({ ...DEFAULT_QUERY, from: a, to: b, ...extra });
  const plan = (query: RouteQuery, o: PlanOptions = {}) => () => planRoutes(p, query, o);
  const figures: Figure[] = [];
  figures.push(measure('uncached best route', 0.3, pairs.map(([a, b]) => plan(q(a, b)))));
  figures.push(measure('uncached best route, graphology reference', 0.3, pairs.slice(0, 100).map(([a, b]) => plan(q(a, b), { reference: true })), 'the library path kept as reference'));
  figures.push(measure('5 alternatives', 2, pairs.slice(0, 200).map(([a, b]) => plan(q(a, b, { alternatives: 5 })))));
  figures.push(measure('5 alternatives, graphology reference', 2, pairs.slice(0, 40).map(([a, b]) => plan(q(a, b, { alternatives: 5 }), { reference: true })), 'reference'));
  // Two via places taken from the route itself, so the question has an answer.
  const viaRuns = pairs.slice(0, 200).flatMap(([a, b]) => {
    const route = planRoutes(p, q(a, b))[0]!;
    const inner = route.places.slice(1, -1);
    if (inner.length < 2) return [];
    const v1 = inner[Math.floor(r() * (inner.length - 1))]!;
    const v2 = inner[inner.length - 1]!;
    return v1 === v2 ? [] : [plan(q(a, b, { via: [v1, v2] }))];
  });
  figures.push(measure('2 via points', 1, viaRuns, `${viaRuns.length} questions`));
  const opts = { ...DEFAULT_QUERY };
  const matrixRuns = Array.from({ length: 10 }, () => {
    const pick = () => Array.from({ length: 50 }, () => ids[Math.floor(r() * ids.length)]!);
    const sources = pick();
    const targets = pick();
    return () => {
      const budget = new WorkBudget({ maxSettledNodes: Infinity, maxSpurSearches: Infinity, maxCandidatesScanned: Infinity, deadlineMs: Infinity });
      for (const s of sources) matrixRow(p, s, targets, opts, { budget });
    };
  });
  figures.push(measure('50 × 50 matrix', 30, matrixRuns, '10 matrices'));
  figures.push(measure('reachability within 72 h', 3, ids.map((from) => () => reachableWithin(p, from, 72, opts)), `${ids.length} origins`));
  figures.push(measure('reachability within 72 h, reference', 3, ids.slice(0, 40).map((from) => () => reachableWithin(p, from, 72, opts, { reference: true })), 'reference'));
  return figures;
}

export function printFigures(title: string, figures: readonly Figure[]): void {
  const f = (n: number) => (n < 10 ? n.toFixed(3) : n.toFixed(1));
  console.log(`\n${title} (load average ${loadavg().map((x) => x.toFixed(1)).join(' ')})`);
  console.log(`| ${'figure'.padEnd(44)} | median CPU ms | p95 CPU ms | target | met |`);
  console.log(`|${'-'.repeat(46)}|--------------|------------|--------|-----|`);
  for (const x of figures) {
    console.log(`| ${x.name.padEnd(44)} | ${f(x.median).padStart(12)} | ${f(x.p95).padStart(10)} | ${x.target} | ${x.note === 'reference' || x.note?.startsWith('the library') ? '(ref)' : x.met ? 'yes' : 'NO'} |${x.note ? ` ${x.note}` : ''}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printFigures('In process, real network', await inprocTable());
}
