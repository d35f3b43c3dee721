/**
 * The planning core on synthetic grid networks (scripts/synthetic-network.ts)
 * of 1k, 10k and 100k places: build (in memory, no files), prepare, RSS after
 * prepare, best-route median and reachability within 120 h, each beside its
 * target. Each size runs in its own process so RSS is that size's alone.
 * Run: `npm run bench -- --only=scale` (sizes: BENCH_SCALE_SIZES=1000,10000).
 * Times are CPU ms of the process (see inproc.bench.ts).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { WorkBudget } from '../src/domain/graph/budget.js';
import { reachableWithin } from '../src/domain/planning/reachability.js';
import { DEFAULT_QUERY } from '../src/domain/routing/defaults.js';
import { planRoutes } from '../src/domain/routing/plan-routes.js';
import { prepareNetwork } from '../src/domain/routing/prepare.js';
import { syntheticGrid } from '../scripts/synthetic-network.js';
import { rng } from '../test/domain/routing/real-queries.js';
import { quantile } from './inproc.bench.js';

const cpuMs = (fn: () => unknown): number => {
  const t = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
};
const unlimited = () => new WorkBudget({ maxSettledNodes: Infinity, maxSpurSearches: Infinity, maxCandidatesScanned: Infinity, deadlineMs: Infinity });

interface ScaleRow {
  places: number;
  buildMs: number;
  prepareMs: number;
  rssMb: number;
  routeMedianMs: number;
  reachMedianMs: number;
  reached: number;
}

function runSize(places: number): ScaleRow {
  let net!: ReturnType<typeof syntheticGrid>;
  const buildMs = cpuMs(() => (net = syntheticGrid(places)));
  let p!: ReturnType<typeof prepareNetwork>;
  const prepareMs = cpuMs(() => (p = prepareNetwork(net)));
  const rssMb = process.memoryUsage().rss / 2 ** 20;
  const ids = net.places.map((x) => x.id);
  const r = rng(3);
  const pick = () => ids[Math.floor(r() * ids.length)]!;
  const routes = Array.from({ length: 15 }, () => [pick(), pick()] as const).filter(([a, b]) => a !== b);
  const routeMs = routes.map(([a, b]) => cpuMs(() => planRoutes(p, { ...DEFAULT_QUERY, from: a, to: b }, { budget: unlimited() })));
  let reached = 0;
  const reachMs = Array.from({ length: 5 }, () => pick()).map((from) => cpuMs(() => (reached = reachableWithin(p, from, 120, DEFAULT_QUERY).length)));
  return { places, buildMs, prepareMs, rssMb, routeMedianMs: quantile(routeMs, 0.5), reachMedianMs: quantile(reachMs, 0.5), reached };
}

export function scaleTable(): void {
  const sizes = (process.env.BENCH_SCALE_SIZES ?? '1000,10000,100000').split(',').map(Number);
  const self = fileURLToPath(import.meta.url);
  console.log('\nScale, synthetic grids (CPU ms; targets are for 100k places)');
  console.log('| places | build ms | prepare ms | RSS MB (≤ 1024) | best route median ms (≤ 50) | reachability 120 h ms (≤ 1000) | places reached | ready ≈ build + prepare (≤ 10 s) |');
  console.log('|--------|----------|------------|-----------------|-----------------------------|--------------------------------|----------------|----------------------------------|');
  for (const n of sizes) {
    let row: ScaleRow;
    try {
      const out = execFileSync(process.execPath, [...process.execArgv, self, `--size=${n}`], { encoding: 'utf8', maxBuffer: 1 << 20, timeout: 20 * 60_000 });
      row = JSON.parse(out.trim().split('\n').pop()!) as ScaleRow;
    } catch (err) {
      console.log(`| ${n} | failed: ${(err as Error).message.split('\n')[0]} |`);
      continue;
    }
    const f = (x: number) => x.toFixed(x < 10 ? 2 : 0);
    const big = n >= 100_000;
    const mark = (ok: boolean) => (big ? (ok ? ' yes' : ' NO') : '');
    console.log(
      `| ${n} | ${f(row.buildMs)} | ${f(row.prepareMs)} | ${f(row.rssMb)}${mark(row.rssMb <= 1024)} | ${f(row.routeMedianMs)}${mark(row.routeMedianMs <= 50)} | ${f(row.reachMedianMs)}${mark(row.reachMedianMs <= 1000)} | ${row.reached} | ${f((row.buildMs + row.prepareMs) / 1000)} s${mark(row.buildMs + row.prepareMs <= 10_000)} |`,
    );
  }
}

const sizeArg = process.argv.find((a) => a.startsWith('--size='));
if (sizeArg) console.log(JSON.stringify(runSize(Number(sizeArg.slice('--size='.length)))));
else if (import.meta.url === `file://${process.argv[1]}`) scaleTable();
