/**
 * A real redis-server for tests, on a free loopback port, with no persistence.
 * Under CI=true a missing redis-server is an error (.ci/run installs it); on a
 * developer machine without it the tests that need it are skipped with a message.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createConnection, createServer } from 'node:net';

export const redisAvailable = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;

export function requireRedisOrSkip(): string | false {
  if (redisAvailable) return false;
  if (process.env.CI === 'true') throw new Error('redis-server is not installed; .ci/run installs it with apt-get');
  return 'redis-server is not installed (apt-get install redis-server); skipped';
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** True once something answers PONG on the port. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = createConnection({ host: '127.0.0.1', port });
    sock.once('error', () => resolve(false));
    sock.once('connect', () => sock.write('PING\r\n'));
    sock.once('data', (d) => {
      resolve(d.toString().startsWith('+PONG'));
      sock.destroy();
    });
  });
}

export interface RedisServer {
  port: number;
  url: string;
  stop(): Promise<void>;
}

export async function startRedis(port?: number): Promise<RedisServer> {
  const p = port ?? (await freePort());
  const child: ChildProcess = spawn('redis-server', ['--port', String(p), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 100; i++) {
    if (await ping(p)) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  if (!(await ping(p))) throw new Error(`redis-server did not start on port ${p}`);
  return {
    port: p,
    url: `redis://127.0.0.1:${p}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
