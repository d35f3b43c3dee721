/**
 * Runs the real entry point (src/server.ts through tsx) as a child process,
 * as the container does, and reads its JSON log lines.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { citationArrays } from '../../src/domain/network/source-register.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURE_DIR = path.join(ROOT, 'test/fixtures/network-small');
const REAL_DATA_DIR = path.join(ROOT, 'data');

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Spawned {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<Exit>;
}

/** Starts `node --import tsx src/server.ts` with `env` added to a minimal environment. */
export function spawnServer(env: Record<string, string>): Spawned {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (err += c));
  const exited = new Promise<Exit>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Parsed JSON lines of a log, skipping anything else. */
export function logLines(text: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      out.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      // a line cut mid-write
    }
  }
  return out;
}

/** Waits for fastify's "Server listening at http://…:PORT" line and returns the port. */
export async function listeningPort(s: Spawned, timeoutMs = 20_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const line of logLines(s.stdout())) {
      const m = /^Server listening at http:\/\/127\.0\.0\.1:(\d+)$/.exec(String(line.msg));
      if (m) return Number(m[1]);
    }
    if (s.child.exitCode !== null) throw new Error(`server exited with ${s.child.exitCode}: ${s.stderr()}`);
    if (Date.now() > deadline) throw new Error(`server did not start: ${s.stdout()} ${s.stderr()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Temp folders made by fixtureCopy, removed when the test process exits. */
const copies: string[] = [];
process.once('exit', () => {
  for (const root of copies) rmSync(root, { recursive: true, force: true });
});

/**
 * A copy of the small fixture network in a temp folder, completed with the
 * data set's emission factors when the fixture has none (the server loads
 * them from DATA_DIR at start-up), for tests to run or to break.
 */
export function fixtureCopy(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'corridor-fixture-'));
  copies.push(root);
  const dir = path.join(root, 'network-small');
  cpSync(FIXTURE_DIR, dir, { recursive: true });
  const factors = path.join(dir, 'emission-factors.json');
  if (!existsSync(factors)) {
    cpSync(path.join(REAL_DATA_DIR, 'emission-factors.json'), factors);
    // The factors cite the data set's register: add the entries they cite to the copy's.
    const cited = new Set(citationArrays(JSON.parse(readFileSync(factors, 'utf8'))).flatMap((a) => a.citations.map((c) => (c as { source: string }).source)));
    const real = JSON.parse(readFileSync(path.join(REAL_DATA_DIR, 'sources.json'), 'utf8')) as { id: string }[];
    const register = path.join(dir, 'sources.json');
    const own = JSON.parse(readFileSync(register, 'utf8')) as { id: string }[];
    writeFileSync(register, JSON.stringify([...own, ...real.filter((s) => cited.has(s.id))], null, 2));
  }
  return dir;
}
