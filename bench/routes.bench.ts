/**
 * Throughput of GET /v1/routes on the real data set against the framework
 * and socket limit, and the in-process table of the planning core
 * (bench/inproc.bench.ts). Run: `npm run bench` (not part of npm test);
 * the scale table on synthetic networks (bench/scale.bench.ts);
 * `npm run bench -- --only=inproc,scale` (or http) runs those parts.
 *
 * How it runs:
 * - Four servers, each its own child process on the real data set:
 *   the service with its route cache (src/server.ts, ROUTE_CACHE_ENTRIES at
 *   its default), the service without it (ROUTE_CACHE_ENTRIES=0: every request
 *   plans), a bare fastify server (bench/bare-server.ts) answering each
 *   URL of the mix with the exact bytes the service answered it with
 *   (kept in memory, no plugins, no schemas), and the service's app
 *   without its per-request plugins and log line (bench/lean-server.ts: the
 *   "framework + route" figure, NOT the production one; it shows what the
 *   security headers, request ids, metrics, log line and load shedding
 *   cost on top of fastify and the route). The services run with
 *   their production settings (NODE_ENV=production, LOG_LEVEL=info: one log
 *   line per request, written to /dev/null) except RATE_LIMIT_MAX=0: the rate
 *   limiter would otherwise turn the single load-generating address away.
 * - With `taskset` and 2+ cores, every server is pinned to core 1 and this
 *   process (autocannon, the load generator) to core 0, so a server never
 *   shares its core with the load. Only one server is loaded at a time.
 * - Before measuring, every request of the mix (bench/route-mix.ts, 48
 *   questions) is sent once to each service: all must answer 200, and the
 *   cached service's answers (miss, then hit) must equal the uncached one's
 *   byte for byte, and so must the lean app's. That also fills the caches, so
 *   the cached runs measure the steady state of a warm cache (every request
 *   a hit, answered by the raw-URL fast path of GET /v1/routes).
 * - Each server gets a warm-up run (BENCH_WARMUP_S), then the measured runs
 *   have identical settings (BENCH_CONNECTIONS connections, BENCH_PIPELINING,
 *   BENCH_DURATION_S seconds, each connection cycling through the mix) and
 *   the same offered load, BENCH_RATE requests per second in all: a server's
 *   CPU per request depends on how its requests arrive (a request that
 *   arrives alone costs its own wake-up and system calls, a burst shares
 *   them), and when the load generator runs flat out, how fast it sends
 *   varies from run to run by more than the difference being measured. The
 *   rate is below what the load generator and every server can do, so each
 *   server answers all of it.
 * - Only the measured server runs: the others are stopped (SIGSTOP) and
 *   resumed after the run, then left PAUSE_SETTLE_MS to settle (see pause()).
 *   Cached service, bare server and lean app alternate for BENCH_ROUNDS
 *   rounds (A B C, C B A, …) because absolute req/s drift between batches on
 *   these machines; ratios are taken within each round, the table shows
 *   medians.
 * - The uncached service is measured once, after the rounds.
 * - The load generator's own CPU is reported too ("load gen busy", the share
 *   of its core): autocannon decodes every answer body to a string, about
 *   100 µs per real answer, so near 1.00 it, not the server, limits req/s
 *   and the req/s ratio understates the server; server CPU µs per request
 *   is then the figure to compare. (Against ASCII padding of the same size,
 *   which it decodes about three times faster, the bare server used to look
 *   3× faster than any server sending the real answers, the lean one too.)
 *
 * Env: BENCH_CONNECTIONS (50), BENCH_DURATION_S (10), BENCH_WARMUP_S (3),
 * BENCH_PIPELINING (1), BENCH_ROUNDS (3), BENCH_RATE (1000 req/s; 0: as fast as the load generator goes;
 * the uncached service always runs flat out), BENCH_LOG_LEVEL (info), BENCH_SKIP_COLD (unset),
 * BENCH_CPU_PROF_DIR (unset: no CPU profiles).
 * Goal: cached service ≥ 0.85 × bare server, by server CPU per request
 * (bare µs/req ÷ service µs/req).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon, { type Result } from 'autocannon';
import { inprocTable, printFigures } from './inproc.bench.js';
import { scaleTable } from './scale.bench.js';
import { ROUTE_MIX } from './route-mix.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
/** Cached service against bare fastify, by server CPU per request (req/s only shows the load generator's limit). */
const GOAL_RATIO = 0.85;
/** Load generator CPU share (of its core) from which it, rather than the server, limits req/s. */
const LOAD_GEN_SATURATED = 0.9;

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got ${raw}`);
  return n;
}

const SETTINGS = {
  connections: envInt('BENCH_CONNECTIONS', 50),
  durationS: envInt('BENCH_DURATION_S', 10),
  warmupS: envInt('BENCH_WARMUP_S', 3),
  pipelining: envInt('BENCH_PIPELINING', 1) || 1,
  rounds: envInt('BENCH_ROUNDS', 3) || 1,
  rate: envInt('BENCH_RATE', 1000),
  logLevel: process.env.BENCH_LOG_LEVEL || 'info',
  skipCold: Boolean(process.env.BENCH_SKIP_COLD),
};

/** Core pinning: servers on core 1, the load generator on core 0, when taskset and 2 cores exist. */
function pinning(): { serverPrefix: string[]; note: string } {
  if (availableParallelism() < 2) return { serverPrefix: [], note: 'not pinned (1 core)' };
  try {
    // -a: every thread of this process (libuv pool, GC helpers), not only the main one.
    execFileSync('taskset', ['-a', '-cp', '0', String(process.pid)], { stdio: 'ignore' });
    return { serverPrefix: ['taskset', '-c', '1'], note: 'servers on core 1, autocannon on core 0 (taskset)' };
  } catch {
    return { serverPrefix: [], note: 'not pinned (taskset not available)' };
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

interface Server {
  name: string;
  url: string;
  child: ChildProcess;
}

async function startServer(name: string, script: string, env: Record<string, string>, prefix: string[]): Promise<Server> {
  const port = await freePort();
  // BENCH_CPU_PROF_DIR: each server writes V8 CPU profiles to a folder of its own there when it stops, one per
  // thread (the module loader's thread too), to see where its CPU per request goes.
  const profDir = process.env.BENCH_CPU_PROF_DIR;
  const profile = profDir ? ['--cpu-prof', `--cpu-prof-dir=${join(profDir, name.replace(/\W+/g, '-').replace(/-$/, ''))}`] : [];
  const argv = [...prefix, process.execPath, ...profile, '--import', 'tsx', script];
  const child = spawn(argv[0]!, argv.slice(1), {
    cwd: REPO,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    // Logs to /dev/null: reading them here would take CPU from the load generator.
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited: string | undefined;
  child.once('exit', (code, signal) => {
    exited = `${name} exited (${code ?? signal})`;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(exited);
    if (Date.now() > deadline) throw new Error(`${name} not ready after 60 s`);
    try {
      if ((await fetch(`${url}/health`)).ok) return { name, url, child };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stopServer(s: Server): Promise<void> {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return;
  const done = new Promise((r) => s.child.once('exit', r));
  s.child.kill('SIGTERM');
  // A server stopped by pause() would never act on the SIGTERM.
  s.child.kill('SIGCONT');
  await done;
}

/** Every mix request once on each service: 200, identical bytes; returns the answers by URL: [content type, body]. */
async function checkAnswers(cold: Server, caching: readonly Server[]): Promise<Map<string, [string, string]>> {
  const answers = new Map<string, [string, string]>();
  for (const q of ROUTE_MIX) {
    const want = await fetch(`${cold.url}/v1/routes?${q}`);
    const wantBody = Buffer.from(await want.arrayBuffer());
    if (want.status !== 200) throw new Error(`${q}: ${want.status} ${wantBody.toString()}`);
    for (const server of caching) {
      for (const pass of ['miss', 'hit', 'fast hit']) {
        const got = await fetch(`${server.url}/v1/routes?${q}`);
        const body = Buffer.from(await got.arrayBuffer());
        if (got.status !== 200 || !body.equals(wantBody)) throw new Error(`${q}: ${server.name} answer (${pass}) differs from the uncached one`);
        if (got.headers.get('content-type') !== want.headers.get('content-type')) throw new Error(`${q}: content type differs (${server.name}, ${pass})`);
      }
    }
    answers.set(`/v1/routes?${q}`, [want.headers.get('content-type') ?? '', wantBody.toString('utf8')]);
  }
  return answers;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

interface Run {
  server: string;
  reqPerS: number;
  p50: number;
  p99: number;
  total: number;
  bad: number;
  /** Server CPU time (user + system) per request, µs; NaN without /proc. */
  cpuUsPerReq: number;
  /** CPU time of this process (autocannon) over the run's wall time: near 1, the load generator limits req/s. */
  loadGenBusy: number;
}

/** CPU seconds (user + system) a process has used so far, from /proc; NaN where there is none. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/**
 * Stops (SIGSTOP) or resumes (SIGCONT) a server's process. The servers share
 * one core, and an idle one still wakes over a hundred times a second (the
 * lag metrics' 10 ms event-loop histogram, the 100 ms probe of load
 * shedding, the log flush, the request-timeout checks; over 200 a second
 * while load shedding sampled every 10 ms too); those wake-ups land between the measured server's
 * requests and raised its CPU per request by a third in some runs. So every
 * server but the measured one is stopped during a run.
 */
function pause(servers: readonly Server[], signal: 'SIGSTOP' | 'SIGCONT'): void {
  for (const other of servers) if (other.child.exitCode === null && other.child.signalCode === null) other.child.kill(signal);
}

/**
 * ms a resumed server is given before it is measured: its load shedding
 * samples the event-loop delay once a second (src/http/hooks/load-shedding.ts), and
 * the first sample after a stop sees the whole stop as delay and would shed
 * the next requests with 503.
 */
const PAUSE_SETTLE_MS = 2500;

/** One run on `s` with every other server in `others` stopped; `rate`: offered req/s (0: unlimited). */
async function load(s: Server, durationS: number, others: readonly Server[], rate: number): Promise<Run> {
  const idle = others.filter((o) => o !== s);
  pause(idle, 'SIGSTOP');
  try {
    await new Promise((r) => setTimeout(r, PAUSE_SETTLE_MS));
    return await measure(s, durationS, rate);
  } finally {
    pause(idle, 'SIGCONT');
  }
}

async function measure(s: Server, durationS: number, rate: number): Promise<Run> {
  const cpuBefore = cpuSeconds(s.child.pid);
  const ownBefore = process.cpuUsage();
  const r: Result = await autocannon({
    url: s.url,
    connections: SETTINGS.connections,
    pipelining: SETTINGS.pipelining,
    duration: durationS,
    ...(rate > 0 ? { overallRate: rate } : {}),
    // The uncached service answers slowly under load; a request is given up after 30 s, not 10.
    timeout: 30,
    requests: ROUTE_MIX.map((q) => ({ method: 'GET', path: `/v1/routes?${q}` })),
  });
  return {
    server: s.name,
    reqPerS: r.requests.total / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    total: r.requests.total,
    bad: r.non2xx + r.errors + r.timeouts,
    cpuUsPerReq: ((cpuSeconds(s.child.pid) - cpuBefore) * 1e6) / r.requests.total,
    loadGenBusy: (() => {
      const own = process.cpuUsage(ownBefore);
      return (own.user + own.system) / 1e6 / r.duration;
    })(),
  };
}

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function printRun(label: string, r: Run): void {
  const bad = r.bad > 0 ? `  (${r.bad} non-2xx/errors/timeouts!)` : '';
  console.log(`  ${label.padEnd(26)} ${fmt(r.reqPerS).padStart(8)} req/s   p50 ${fmt(r.p50, 1).padStart(7)} ms   ` +
    `p99 ${fmt(r.p99, 1).padStart(7)} ms   server CPU ${fmt(r.cpuUsPerReq).padStart(6)} µs/req   load gen busy ${fmt(r.loadGenBusy, 2)}${bad}`);
}

async function main(): Promise<void> {
  const pin = pinning();
  const s = SETTINGS;
  console.log(`route benchmark: ${ROUTE_MIX.length} questions, ${s.connections} connections, pipelining ${s.pipelining}, ` +
    `${s.durationS} s runs after ${s.warmupS} s warm-up, ${s.rounds} alternating rounds, ` +
    `offered load ${s.rate > 0 ? `${fmt(s.rate)} req/s` : 'unlimited'}, log level ${s.logLevel}; ${pin.note}; the servers not measured are stopped`);

  const serviceEnv = { NODE_ENV: 'production', LOG_LEVEL: s.logLevel, DATA_DIR: `${REPO}data`, RATE_LIMIT_MAX: '0' };
  const servers: Server[] = [];
  try {
    const cached = await startServer('service (cache)', 'src/server.ts', serviceEnv, pin.serverPrefix);
    servers.push(cached);
    // Load shedding off too: every request plans (25–400 ms), so the event-loop delay passes the 1 s default
    // and the service would answer most of the load with 503, which is not the planning throughput.
    const coldEnv = { ...serviceEnv, ROUTE_CACHE_ENTRIES: '0', MAX_EVENT_LOOP_DELAY_MS: '0' };
    const cold = await startServer('service (no cache)', 'src/server.ts', coldEnv, pin.serverPrefix);
    servers.push(cold);

    const lean = await startServer('lean (no plugins)', 'bench/lean-server.ts', serviceEnv, pin.serverPrefix);
    servers.push(lean);

    const answers = await checkAnswers(cold, [cached, lean]);
    const sizes = [...answers.values()].map(([, body]) => Buffer.byteLength(body));
    const bodyBytes = Math.round(median(sizes));
    const meanBytes = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    console.log(`answers: all ${sizes.length} 200 and byte-identical with and without the cache, and from the lean app; ` +
      `size median ${fmt(bodyBytes)} B, mean ${fmt(meanBytes)} B, min ${fmt(Math.min(...sizes))} B, max ${fmt(Math.max(...sizes))} B`);

    const bodiesFile = join(mkdtempSync(join(tmpdir(), 'route-bench-')), 'answers.json');
    writeFileSync(bodiesFile, JSON.stringify(Object.fromEntries(answers)));
    const bare = await startServer('bare fastify', 'bench/bare-server.ts', { BODIES_FILE: bodiesFile }, pin.serverPrefix);
    servers.push(bare);

    for (const server of [cached, bare, lean]) await load(server, s.warmupS, servers, s.rate);
    const rounds: { service: Run; bare: Run; lean: Run }[] = [];
    for (let i = 0; i < s.rounds; i++) {
      const order = i % 2 === 0 ? [cached, bare, lean] : [lean, bare, cached];
      const runs = new Map<Server, Run>();
      for (const server of order) runs.set(server, await load(server, s.durationS, servers, s.rate));
      const round = { service: runs.get(cached)!, bare: runs.get(bare)!, lean: runs.get(lean)! };
      rounds.push(round);
      console.log(`round ${i + 1} (${order.map((o) => o.name).join(', then ')}): ratio ${fmt(round.service.reqPerS / round.bare.reqPerS, 2)}` +
        ` (lean ${fmt(round.lean.reqPerS / round.bare.reqPerS, 2)})`);
      printRun(cached.name, round.service);
      printRun(bare.name, round.bare);
      printRun(lean.name, round.lean);
    }

    let coldRun: Run | undefined;
    if (!s.skipCold) {
      await load(cold, s.warmupS, servers, 0);
      coldRun = await load(cold, s.durationS, servers, 0);
      console.log('uncached service:');
      printRun(cold.name, coldRun);
    }

    const med = (pick: (r: { service: Run; bare: Run; lean: Run }) => number) => median(rounds.map(pick));
    const ratio = med((r) => r.service.reqPerS / r.bare.reqPerS);
    const bareCpu = med((r) => r.bare.cpuUsPerReq);
    type Row = [string, number, number, number, number, string];
    const rows: Row[] = [
      ['bare fastify, same answers', med((r) => r.bare.reqPerS), med((r) => r.bare.p50), med((r) => r.bare.p99), bareCpu, '1.00'],
      ['service, cache warm', med((r) => r.service.reqPerS), med((r) => r.service.p50), med((r) => r.service.p99), med((r) => r.service.cpuUsPerReq), fmt(ratio, 2)],
    ];
    const leanRow: Row = [
      'lean: no plugins, no log',
      med((r) => r.lean.reqPerS),
      med((r) => r.lean.p50),
      med((r) => r.lean.p99),
      med((r) => r.lean.cpuUsPerReq),
      fmt(med((r) => r.lean.reqPerS / r.bare.reqPerS), 2),
    ];
    if (coldRun) {
      rows.push(['service, no cache', coldRun.reqPerS, coldRun.p50, coldRun.p99, coldRun.cpuUsPerReq, fmt(coldRun.reqPerS / med((r) => r.bare.reqPerS), 3)]);
    }
    console.log('\nsummary (medians over rounds; ratio = req/s ÷ bare req/s, within each round)');
    console.log(`| ${'server'.padEnd(26)} | ${'req/s'.padStart(8)} | ${'p50 ms'.padStart(8)} | ${'p99 ms'.padStart(8)} | CPU µs/req | ratio |`);
    console.log(`|${'-'.repeat(28)}|${'-'.repeat(10)}|${'-'.repeat(10)}|${'-'.repeat(10)}|------------|-------|`);
    for (const [name, rps, p50, p99, cpu, r] of [...rows, leanRow]) {
      console.log(`| ${name.padEnd(26)} | ${fmt(rps).padStart(8)} | ${fmt(p50, 1).padStart(8)} | ${fmt(p99, 1).padStart(8)} | ${fmt(cpu).padStart(10)} | ${r.padStart(5)} |`);
    }
    console.log('(the lean row is the framework + route figure without the production plugins; the goal is on the service row)');
    console.log(`load generator busy (median): bare ${fmt(med((r) => r.bare.loadGenBusy), 2)}, service ${fmt(med((r) => r.service.loadGenBusy), 2)}, ` +
      `lean ${fmt(med((r) => r.lean.loadGenBusy), 2)} (near 1.00: autocannon limits req/s; compare server CPU µs/req)`);
    // Server CPU per request does not drift with what else the machine runs; req/s does.
    console.log(`CPU-time ratio (bare µs/req ÷ cached service µs/req): ${fmt(bareCpu / med((r) => r.service.cpuUsPerReq), 2)}` +
      `; lean: ${fmt(bareCpu / med((r) => r.lean.cpuUsPerReq), 2)}`);
    const bad = [...rounds.flatMap((r) => [r.service, r.bare, r.lean]), ...(coldRun ? [coldRun] : [])].reduce((n, r) => n + r.bad, 0);
    // Server CPU per request decides: req/s measure autocannon as much as the servers (saturated or not).
    const cpuRatio = bareCpu / med((r) => r.service.cpuUsPerReq);
    const saturated = med((r) => r.bare.loadGenBusy) >= LOAD_GEN_SATURATED;
    const met = cpuRatio >= GOAL_RATIO;
    console.log(`goal: cached ≥ ${GOAL_RATIO} × bare in server CPU per request: ${met ? 'met' : 'NOT met'} (CPU ratio ${fmt(cpuRatio, 2)}; req/s ratio ${fmt(ratio, 2)}` +
      (saturated ? '; the load generator was saturated, so req/s understate the servers)' : ')') +
      (bad > 0 ? `; ${bad} non-2xx/errors/timeouts in the runs` : ''));
    if (bad > 0) process.exitCode = 1;
  } finally {
    for (const server of servers.reverse()) await stopServer(server);
  }
}

/** `--only=http,inproc` runs those parts (default: every part). */
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',') ?? ['inproc', 'scale', 'http'];
const unknownParts = ONLY.filter((part) => part !== 'http' && part !== 'inproc' && part !== 'scale');
if (unknownParts.length > 0) {
  console.error(`unknown bench part(s): ${unknownParts.join(', ')}; known: inproc, scale, http`);
  process.exit(2);
}

async function all(): Promise<void> {
  if (ONLY.includes('inproc')) printFigures('In process, real network', await inprocTable());
  if (ONLY.includes('scale')) scaleTable();
  if (ONLY.includes('http')) await main();
}

all().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
