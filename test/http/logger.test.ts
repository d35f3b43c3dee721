import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pino } from 'pino';
import { batchedDestination, createLogger, REDACTED } from '../../src/http/logger.js';

function tempFile(): { path: string; fd: number } {
  const path = join(mkdtempSync(join(tmpdir(), 'logger-')), 'log.ndjson');
  return { path, fd: openSync(path, 'w') };
}

describe('batchedDestination', () => {
  it('writes every line whole and in order, non-ASCII text included, once flushed', () => {
    const { path, fd } = tempFile();
    const destination = batchedDestination(fd);
    const logger = pino({ base: null, timestamp: false }, destination);
    // More than one batch (16,000 bytes) of lines, so several writes are joined from buffers.
    const n = 600;
    for (let i = 0; i < n; i++) logger.info({ i, place: i % 2 ? 'Türkmenbaşy' : 'Ақтау' }, 'line');
    destination.flushSync();
    closeSync(fd);
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { i: number; place: string; msg: string });
    assert.equal(lines.length, n);
    assert.deepEqual(lines.map((l) => l.i), [...Array(n).keys()]);
    assert.equal(lines[1]!.place, 'Türkmenbaşy');
    assert.equal(lines[2]!.place, 'Ақтау');
    assert.ok(lines.every((l) => l.msg === 'line'));
  });

  it('writes a short line within the flush interval without an explicit flush', async () => {
    const { path, fd } = tempFile();
    const logger = pino({ base: null, timestamp: false }, batchedDestination(fd));
    logger.info('one short line, far below a batch');
    // LOG_FLUSH_MS is 100 ms.
    const deadline = Date.now() + 2000;
    while (readFileSync(path, 'utf8') === '' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.equal(readFileSync(path, 'utf8'), '{"level":30,"msg":"one short line, far below a batch"}\n');
    closeSync(fd);
  });
});

describe('createLogger', () => {
  it('redacts API keys in logged headers', () => {
    const { path, fd } = tempFile();
    const destination = batchedDestination(fd);
    const logger = createLogger({ logLevel: 'info' }, destination);
    logger.info({ req: { headers: { 'x-api-key': 'secret-1', accept: 'text/csv' } } }, 'with headers');
    destination.flushSync();
    closeSync(fd);
    const line = JSON.parse(readFileSync(path, 'utf8')) as { req: { headers: Record<string, string> }; service: string };
    assert.equal(line.req.headers['x-api-key'], REDACTED);
    assert.equal(line.req.headers.accept, 'text/csv');
    assert.equal(line.service, 'corridor-route-planner');
  });
});
