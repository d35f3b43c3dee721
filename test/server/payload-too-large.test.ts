/**
 * A body over BODY_LIMIT_BYTES sent with Node's fetch reads its 413 problem,
 * not EPIPE: the server discards the rest of the body before it answers and
 * closes (src/http/hooks/drain-body.ts). The server runs as its own process,
 * as in production; in one process the client and server share an event loop
 * and the reset never shows.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureCopy, listeningPort, spawnServer } from './spawn-helper.js';

describe('413 over a real socket', () => {
  it('30 bodies of 5 MB each get 413 PAYLOAD_TOO_LARGE with Connection: close', async () => {
    const s = spawnServer({ DATA_DIR: fixtureCopy(), RATE_LIMIT_MAX: '0' });
    try {
      const base = `http://127.0.0.1:${await listeningPort(s)}`;
      const body = JSON.stringify({ from: 'mary', to: 'karachi', pad: 'x'.repeat(5 * 1024 * 1024) });
      const outcomes = new Map<string, number>();
      for (let i = 0; i < 30; i++) {
        let outcome: string;
        try {
          const res = await fetch(`${base}/v1/routes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
          outcome = `${res.status} ${((await res.json()) as { code: string }).code} connection=${res.headers.get('connection')}`;
        } catch (err) {
          outcome = `error ${String((err as { cause?: { code?: string } }).cause?.code ?? err)}`;
        }
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }
      assert.deepEqual(Object.fromEntries(outcomes), { '413 PAYLOAD_TOO_LARGE connection=close': 30 });
    } finally {
      s.child.kill('SIGTERM');
      await s.exited;
    }
  });
});
