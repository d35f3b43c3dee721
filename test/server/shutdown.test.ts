/**
 * Graceful shutdown of the real process: on SIGTERM it stops accepting
 * connections, lets requests already in flight finish with their normal
 * answers, and exits 0; if they do not finish within SHUTDOWN_TIMEOUT_MS it
 * exits 1.
 */
import assert from 'node:assert/strict';
import { Agent, request, type ClientRequest } from 'node:http';
import { describe, it } from 'node:test';
import { fixtureCopy, listeningPort, logLines, spawnServer } from './spawn-helper.js';

interface Answer {
  status: number;
  body: string;
}

/**
 * Starts a POST /v1/routes whose body is sent in two parts: the request is
 * received and routed at once, but stays in flight until `finish` is called.
 */
function slowPost(port: number, agent: Agent, body: string): { finish: () => void; answer: Promise<Answer>; req: ClientRequest } {
  const bytes = Buffer.from(body);
  const req = request({
    host: '127.0.0.1',
    port,
    agent,
    method: 'POST',
    path: '/v1/routes',
    headers: { 'content-type': 'application/json', 'content-length': bytes.length },
  });
  const answer = new Promise<Answer>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
  });
  req.write(bytes.subarray(0, 5));
  return { finish: () => req.end(bytes.subarray(5)), answer, req };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const QUESTIONS = [
  { from: 'mary', to: 'karachi' },
  { from: 'mary', to: 'karachi', objective: 'shortest' },
  { from: 'mary', to: 'karachi', objective: 'fewest-borders' },
  { from: 'mary', to: 'karachi', alternatives: 3 },
];

describe('graceful shutdown', () => {
  it('on SIGTERM finishes every in-flight request with 2xx, refuses new connections and exits 0', async () => {
    const s = spawnServer({ DATA_DIR: fixtureCopy(), SHUTDOWN_TIMEOUT_MS: '8000', REQUEST_TIMEOUT_MS: '20000' });
    // Keep-alive, as load balancers and clients use: idle sockets must not hold the shutdown up.
    const agent = new Agent({ keepAlive: true, maxSockets: 50 });
    try {
      const port = await listeningPort(s);
      // Warm sockets: one finished request each, left idle in the pool.
      const warm = await Promise.all(Array.from({ length: 4 }, () => fetchVia(port, agent, '/v1/info')));
      assert.ok(warm.every((a) => a.status === 200));

      const batch = Array.from({ length: 20 }, (_, i) => slowPost(port, agent, JSON.stringify(QUESTIONS[i % QUESTIONS.length])));
      await sleep(500); // every request line and header has reached the server
      const signalledAt = Date.now();
      s.child.kill('SIGTERM');
      await sleep(300); // the server is closing now

      // A new connection is refused once the listener is closed.
      await assert.rejects(fetchVia(port, new Agent(), '/health'), /ECONNREFUSED|ECONNRESET|socket hang up/);

      for (const r of batch) r.finish();
      const answers = await Promise.all(batch.map((r) => r.answer));
      for (const a of answers) {
        assert.equal(a.status, 200, a.body.slice(0, 200));
        assert.ok((JSON.parse(a.body) as { routes: unknown[] }).routes.length > 0);
      }
      const exit = await s.exited;
      assert.deepEqual(exit, { code: 0, signal: null });
      assert.ok(Date.now() - signalledAt < 8000, 'within SHUTDOWN_TIMEOUT_MS');
      const msgs = logLines(s.stdout()).map((l) => l.msg);
      assert.ok(msgs.includes('shutting down') && msgs.includes('server closed'), JSON.stringify(msgs));
    } finally {
      agent.destroy();
      if (s.child.exitCode === null) s.child.kill('SIGKILL');
    }
  });

  it('draining under keep-alive load: no request is reset, answers after SIGTERM carry Connection: close', async () => {
    const s = spawnServer({ DATA_DIR: fixtureCopy(), SHUTDOWN_TIMEOUT_MS: '8000', RATE_LIMIT_MAX: '0' });
    const agent = new Agent({ keepAlive: true, maxSockets: 20 });
    try {
      const port = await listeningPort(s);
      let signalledAt = Infinity;
      const tally = { ok: 0, okAfterSignal: 0, closeAfterSignal: 0, refused: 0, reset: 0, other: [] as string[] };
      // 20 keep-alive clients, each sending its next request as soon as the last is answered, until refused.
      const client = async (): Promise<void> => {
        for (;;) {
          try {
            const a = await getVia(port, agent, '/v1/routes?from=mary&to=karachi');
            if (a.status !== 200) tally.other.push(String(a.status));
            tally.ok++;
            if (Date.now() >= signalledAt) {
              tally.okAfterSignal++;
              if (a.connection === 'close') tally.closeAfterSignal++;
            }
          } catch (err) {
            const code = String((err as NodeJS.ErrnoException).code ?? (err as Error).message);
            if (code === 'ECONNREFUSED') {
              tally.refused++;
              return;
            }
            if (code === 'ECONNRESET' || /socket hang up/.test(code)) tally.reset++;
            else tally.other.push(code);
            if (Date.now() - signalledAt > 5000) return;
          }
        }
      };
      const clients = Array.from({ length: 20 }, client);
      await sleep(700);
      signalledAt = Date.now();
      s.child.kill('SIGTERM');
      await Promise.all(clients);
      const exit = await s.exited;
      assert.deepEqual(exit, { code: 0, signal: null });
      process.stdout.write(`# drain tally ${JSON.stringify(tally)}\n`);
      assert.equal(tally.reset, 0, `resets: ${JSON.stringify(tally)}`);
      assert.deepEqual(tally.other, []);
      assert.ok(tally.okAfterSignal > 0, `some requests were answered while draining: ${JSON.stringify(tally)}`);
      // Every client's last answer before it was refused told it to close (answers sent in the few ms between the
      // signal and the server seeing it may still say keep-alive).
      assert.ok(tally.closeAfterSignal >= 20, `answers with Connection: close while draining: ${JSON.stringify(tally)}`);
    } finally {
      agent.destroy();
      if (s.child.exitCode === null) s.child.kill('SIGKILL');
    }
  });

  it('exits 1 when in-flight requests outlast SHUTDOWN_TIMEOUT_MS', async () => {
    const s = spawnServer({ DATA_DIR: fixtureCopy(), SHUTDOWN_TIMEOUT_MS: '700', REQUEST_TIMEOUT_MS: '60000' });
    const agent = new Agent({ keepAlive: true });
    try {
      const port = await listeningPort(s);
      const stuck = slowPost(port, agent, JSON.stringify(QUESTIONS[0]));
      stuck.answer.catch(() => undefined); // the server is killed before answering
      await sleep(400);
      const signalledAt = Date.now();
      s.child.kill('SIGTERM');
      const exit = await s.exited;
      assert.equal(exit.code, 1);
      const waited = Date.now() - signalledAt;
      assert.ok(waited >= 600 && waited < 5000, `exited after ${waited} ms`);
      assert.ok(logLines(s.stdout()).some((l) => l.msg === 'shutdown timed out; forcing exit'));
    } finally {
      agent.destroy();
      if (s.child.exitCode === null) s.child.kill('SIGKILL');
    }
  });
});

/** GET through `agent`, resolving with status and body. */
function fetchVia(port: number, agent: Agent, path: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, agent, path }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** GET through `agent`, with the Connection header of the answer. */
function getVia(port: number, agent: Agent, path: string): Promise<Answer & { connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, agent, path }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, connection: res.headers.connection }));
    });
    req.on('error', reject);
    req.end();
  });
}
