/**
 * Discarding the rest of a refused body is bounded in bytes and time
 * (hooks/drain-body.ts). That the client then reads its 413 is tested against
 * the real process in test/server/payload-too-large.test.ts: a client in the
 * same process as the server shares its event loop and never sees the reset.
 */
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { drainRequestBody } from '../../../src/http/hooks/drain-body.js';

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
    // The drain's own timer is unref'd (it must not hold a closing server open): keep the test's loop alive meanwhile.
    const keepAlive = setTimeout(() => undefined, 5_000);
    const done = drainRequestBody(s, 1000, 400).then(() => (resolved = true));
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(resolved, false, 'still waiting before the bound');
    await done;
    clearTimeout(keepAlive);
    assert.equal(resolved, true);
  });
});
