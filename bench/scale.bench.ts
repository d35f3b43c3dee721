/**
 * The planning core on synthetic grid networks (scripts/synthetic-network.ts)
 * of 1k, 10k and 100k places, in two tables, each figure beside its target:
 *
 * - in process: build (in memory, no files), prepare, RSS after prepare,
 *   best-route median and reachability within 120 h (CPU ms of the process,
 *   see inproc.bench.ts);
 * - the real server over HTTP: the grid written as a data folder
 *   (scripts/synthetic-data-dir.ts), the server started (through tsx, and compiled)
 *   on it (LOG_LEVEL=warn, a free port), wall time from spawn until `GET /ready`
 *   answers 200 (polled every 50 ms), the server's RSS at that moment and its
 *   peak (VmRSS and VmHWM of /proc/<pid>/status: the whole process, every
 *   thread, planning workers included), then one uncached `GET /v1/routes`
 *   between two far corners of the grid (wall ms and status).
 *
 * Each size runs in its own process so RSS is that size's alone.
 * Run: `npm run bench -- --only=scale` (sizes: BENCH_SCALE_SIZES=1000,10000;
 * planning worker settings of the server: BENCH_SCALE_PLAN_WORKERS=0,2, default 0,
 * the service's default; how the server starts: BENCH_SCALE_SERVER=tsx,dist,
 * default both: tsx as in development, dist the compiled build production runs (rebuilt first
 * when stale).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WorkBudget } from '../src/domain/graph/budget.js';
import { reachableWithin } from '../src/domain/planning/reachability.js';
import { DEFAULT_QUERY } from '../src/domain/routing/defaults.js';
import { planRoutes } from '../src/domain/routing/plan-routes.js';
import { prepareNetwork } from '../src/domain/routing/prepare.js';
import { writeSyntheticDataDir } from '../scripts/synthetic-data-dir.js';
import { gridCorners, syntheticGrid } from '../scripts/synthetic-network.js';
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

const REPO = fileURLToPath(new URL('..', import.meta.url));
/** How long the server may take to answer /ready before the row says it failed, ms. */
const READY_TIMEOUT_MS = 180_000;
/** Poll interval for /ready, ms: the resolution of the /ready figure. */
const READY_POLL_MS = 50;

/** How the server is started: through tsx from src/ (as the other benchmarks do), or compiled (dist/, as in production). */
type ServerMode = 'tsx' | 'dist';
const SERVER_ARGS: Record<ServerMode, string[]> = { tsx: ['--import', 'tsx', 'src/server.ts'], dist: ['dist/server.js'] };

interface ServeRow {
  places: number;
  server: ServerMode;
  planWorkers: number;
  /** Writing the data folder (not part of /ready), wall ms. */
  writeMs: number;
  /** Spawn → first 200 from /ready, wall ms. */
  readyMs: number;
  /** VmRSS of the server process when /ready first answered 200, MB. */
  rssMb: number;
  /** VmHWM (peak RSS) of the server process at that moment, MB. */
  peakMb: number;
  /** CPU time of the server process (every thread) from spawn to /ready, s: less sensitive than wall time to other load on the machine. */
  readyCpuS: number;
  routeMs: number;
  routeStatus: number;
  from: string;
  to: string;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

/** VmRSS and VmHWM of a process, MB (one address space: every thread is in them). */
function procMemoryMb(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string): number => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ; 100 on Linux). */
const USER_HZ = 100;

/** User + system CPU seconds of a process, every thread (fields 14 and 15 of /proc/<pid>/stat). */
function procCpuS(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces: count fields from after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / USER_HZ;
}

/** Starts the real server on `dataDir`, measures /ready, RSS and one uncached corner-to-corner route, stops it. */
async function measureServer(places: number, dataDir: string, server: ServerMode, planWorkers: number, writeMs: number): Promise<ServeRow> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, SERVER_ARGS[server], {
    cwd: REPO,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', PLAN_WORKERS: String(planWorkers) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const url = `http://127.0.0.1:${port}`;
  try {
    let readyMs = NaN;
    while (Number.isNaN(readyMs)) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited (${child.exitCode ?? child.signalCode}): ${stderr.trim().split('\n').slice(0, 3).join(' / ')}`);
      if (performance.now() - started > READY_TIMEOUT_MS) throw new Error(`/ready not 200 after ${READY_TIMEOUT_MS / 1000} s`);
      try {
        const res = await fetch(`${url}/ready`);
        await res.arrayBuffer();
        if (res.status === 200) readyMs = performance.now() - started;
      } catch {
        // not listening yet
      }
      if (Number.isNaN(readyMs)) await new Promise((r) => setTimeout(r, READY_POLL_MS));
    }
    const { rssMb, peakMb } = procMemoryMb(child.pid!);
    const readyCpuS = procCpuS(child.pid!);
    const [from, to] = gridCorners(places);
    const t = performance.now();
    const res = await fetch(`${url}/v1/routes?from=${from}&to=${to}`);
    await res.arrayBuffer();
    const routeMs = performance.now() - t;
    return { places, server, planWorkers, writeMs, readyMs, rssMb, peakMb, readyCpuS, routeMs, routeStatus: res.status, from, to };
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      const done = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await done;
    }
  }
}

/** Writes the grid of `places` stations as a data folder and measures the server on it for each start mode and worker setting. */
async function serveSize(places: number, modes: readonly ServerMode[], workerSettings: readonly number[]): Promise<ServeRow[]> {
  const root = mkdtempSync(path.join(tmpdir(), 'scale-bench-'));
  try {
    const t = performance.now();
    const dir = writeSyntheticDataDir(places, path.join(root, `grid-${places}`));
    const writeMs = performance.now() - t;
    const rows: ServeRow[] = [];
    for (const m of modes) for (const w of workerSettings) rows.push(await measureServer(places, dir, m, w, writeMs));
    return rows;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export function scaleTable(): void {
  const sizes = (process.env.BENCH_SCALE_SIZES ?? '1000,10000,100000').split(',').map(Number);
  const self = fileURLToPath(import.meta.url);
  console.log('\nScale, synthetic grids (CPU ms; targets are for 100k places)');
  console.log('| places | build ms | prepare ms | RSS MB (≤ 1024) | best route median ms (≤ 50) | reachability 120 h ms (≤ 1000) | places reached | build + prepare s (in process, no files; /ready of the server is below) |');
  console.log('|--------|----------|------------|-----------------|-----------------------------|--------------------------------|----------------|-----------------------------------------------------------------------|');
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
      `| ${n} | ${f(row.buildMs)} | ${f(row.prepareMs)} | ${f(row.rssMb)}${mark(row.rssMb <= 1024)} | ${f(row.routeMedianMs)}${mark(row.routeMedianMs <= 50)} | ${f(row.reachMedianMs)}${mark(row.reachMedianMs <= 1000)} | ${row.reached} | ${f((row.buildMs + row.prepareMs) / 1000)} |`,
    );
  }

  const workers = (process.env.BENCH_SCALE_PLAN_WORKERS ?? '0').split(',').map(Number);
  const modes = (process.env.BENCH_SCALE_SERVER ?? 'tsx,dist').split(',') as ServerMode[];
  const unknown = modes.filter((m) => !(m in SERVER_ARGS));
  if (unknown.length > 0) throw new Error(`BENCH_SCALE_SERVER: unknown ${unknown.join(', ')}; known: ${Object.keys(SERVER_ARGS).join(', ')}`);
  // The compiled server runs dist/: build it first when src/ is newer.
  if (modes.includes('dist')) execFileSync(process.execPath, ['scripts/build.mjs', '--if-needed'], { cwd: REPO, stdio: 'inherit' });
  // Wall times depend on what else runs: say how busy the machine was.
  const load = `load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${availableParallelism()} cores`;
  console.log(`\nScale, the real server over HTTP on the grid as a data folder (wall ms; targets are for 100k places; ${load} at the start)`);
  console.log('| places | server | PLAN_WORKERS | write folder ms | /ready s (≤ 10) | server CPU s to /ready | RSS at /ready MB (≤ 1024) | peak RSS MB | uncached route corner → corner ms | status |');
  console.log('|--------|--------|--------------|-----------------|-----------------|------------------------|---------------------------|-------------|-----------------------------------|--------|');
  for (const n of sizes) {
    let rows: ServeRow[];
    try {
      const out = execFileSync(process.execPath, [...process.execArgv, self, `--serve-size=${n}`, `--plan-workers=${workers.join(',')}`, `--server=${modes.join(',')}`], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
        timeout: 20 * 60_000,
      });
      rows = JSON.parse(out.trim().split('\n').pop()!) as ServeRow[];
    } catch (err) {
      console.log(`| ${n} | failed: ${(err as Error).message.split('\n')[0]} |`);
      continue;
    }
    const f = (x: number) => x.toFixed(x < 10 ? 2 : 0);
    const mark = (ok: boolean) => (n >= 100_000 ? (ok ? ' yes' : ' NO') : '');
    for (const r of rows)
      console.log(
        `| ${n} | ${r.server} | ${r.planWorkers} | ${f(r.writeMs)} | ${(r.readyMs / 1000).toFixed(1)}${mark(r.readyMs <= 10_000)} | ${r.readyCpuS.toFixed(1)} | ${f(r.rssMb)}${mark(r.rssMb <= 1024)} | ${f(r.peakMb)} | ${f(r.routeMs)} (${r.from} → ${r.to}) | ${r.routeStatus} |`,
      );
  }
}

const sizeArg = process.argv.find((a) => a.startsWith('--size='));
const serveArg = process.argv.find((a) => a.startsWith('--serve-size='));
const workersArg = process.argv.find((a) => a.startsWith('--plan-workers='));
const serverArg = process.argv.find((a) => a.startsWith('--server='));
if (sizeArg) console.log(JSON.stringify(runSize(Number(sizeArg.slice('--size='.length)))));
else if (serveArg) {
  const settings = (workersArg?.slice('--plan-workers='.length) ?? '0').split(',').map(Number);
  const modes = (serverArg?.slice('--server='.length) ?? 'tsx').split(',') as ServerMode[];
  console.log(JSON.stringify(await serveSize(Number(serveArg.slice('--serve-size='.length)), modes, settings)));
} else if (import.meta.url === `file://${process.argv[1]}`) scaleTable();
