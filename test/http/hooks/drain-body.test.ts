/**
 * A body over the limit gets its 413 over a real socket, not a reset
 * (hooks/drain-body.ts), and discarding it is bounded in bytes and time.
 */
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { drainRequestBody } from '../../../src/http/hooks/drain-body.js';
import { buildTestApp } from '../helper.js';

let app: FastifyInstance;
let base = '';
before(async () => {
  app = (await buildTestApp()).app;
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
});
after(() => app.close());

describe('413 with a lingering read', () => {
  it('20 bodies of 5 MB sent with fetch each read their 413 problem (none sees EPIPE or a reset)', async () => {
    const body = JSON.stringify({ from: 'mary', to: 'karachi', pad: 'x'.repeat(5 * 1024 * 1024) });
    const outcomes: string[] = [];
    for (let i = 0; i < 20; i++) {
      try {
        const res = await fetch(`${base}/v1/routes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        const problem = (await res.json()) as { code: string };
        outcomes.push(`${res.status} ${problem.code} ${res.headers.get('connection')}`);
      } catch (err) {
        outcomes.push(`error ${String((err as { cause?: { code?: string } }).cause?.code ?? err)}`);
      }
    }
    assert.deepEqual(new Set(outcomes), new Set(['413 PAYLOAD_TOO_LARGE close']));
  });
});

/** A stand-in for a request stream that has not ended. */
function openStream(): IncomingMessage {
  const s = new PassThrough() as unknown as IncomingMessage & PassThrough;
  Object.defineProperty(s, 'complete', { value: false });
  return s;
}

describe('drainRequestBody bounds', () => {
  it('resolves when the body ends', async () => {
    const s = openStream();
    const done = drainRequestBody(s, 1000, 10_000);
    (s as unknown as PassThrough).end(Buffer.alloc(500));
    await done;
  });

  it('stops after maxBytes although the client keeps sending', async () => {
    const s = openStream();
    const done = drainRequestBody(s, 1000, 10_000);
    const started = Date.now();
    (s as unknown as PassThrough).write(Buffer.alloc(800));
    (s as unknown as PassThrough).write(Buffer.alloc(800));
    await done;
    assert.ok(Date.now() - started < 5_000);
  });

  it('stops after maxMs when the client sends nothing more', async () => {
    const s = openStream();
    let resolved = false;
    const done = drainRequestBody(s, 1000, 50).then(() => (resolved = true));
    await new Promise((r) => setTimeout(r, 10));
    assert.equal(resolved, false, 'still waiting before the bound');
    await done;
    assert.equal(resolved, true);
  });
});
