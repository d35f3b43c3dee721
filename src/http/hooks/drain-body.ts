/**
 * Reads and discards what is left of a request body before the service
 * answers and closes, as nginx's lingering close does. A server that answers
 * 413 and closes while the client is still sending leaves unread bytes in the
 * socket: the kernel then resets the connection and the client sees EPIPE or
 * ECONNRESET instead of the 413. Discarding is bounded in bytes and time, so a
 * client that sends without end cannot hold the socket: past either bound the
 * answer goes out anyway.
 */
import type { IncomingMessage } from 'node:http';

/** At most this many bytes are read and thrown away (16 MiB: a few seconds of a fast client). */
export const DRAIN_MAX_BYTES = 16 * 1024 * 1024;
/** At most this long is spent discarding, ms. */
export const DRAIN_MAX_MS = 3_000;

/** Resolves once the body has ended, or a bound is reached, or the socket closed; never rejects. */
export function drainRequestBody(raw: IncomingMessage, maxBytes = DRAIN_MAX_BYTES, maxMs = DRAIN_MAX_MS): Promise<void> {
  if (raw.complete || raw.destroyed || raw.readableEnded) return Promise.resolve();
  return new Promise((resolve) => {
    let seen = 0;
    const finish = (): void => {
      clearTimeout(timer);
      raw.removeListener('data', onData);
      raw.removeListener('end', finish);
      raw.removeListener('error', finish);
      raw.removeListener('close', finish);
      resolve();
    };
    const onData = (chunk: Buffer): void => {
      seen += chunk.length;
      if (seen > maxBytes) finish();
    };
    const timer = setTimeout(finish, maxMs);
    timer.unref();
    raw.on('data', onData);
    raw.once('end', finish);
    raw.once('error', finish);
    raw.once('close', finish);
    raw.resume();
  });
}
