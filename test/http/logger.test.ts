import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
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
  it('writes every line whole and in order, non-ASCII text included, once flushed', async () => {
    const { path, fd } = tempFile();
    const destination = batchedDestination(fd);
    const logger = pino({ base: null, timestamp: false }, destination);
    // More than one batch (16,000 characters) of lines, so several batches are joined; the first is being written
    // while the others are logged. (flushSync at that moment would write the rest before it: sonic-boom's
    // synchronous flush does not wait for a write in flight, which is why the service only uses it at exit.)
    const n = 600;
    for (let i = 0; i < n; i++) logger.info({ i, place: i % 2 ? 'Türkmenbaşy' : 'Ақтау' }, 'line');
    await new Promise<void>((resolve, reject) => destination.flush((err) => (err ? reject(err) : resolve())));
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

describe('batchedDestination at exit and on flush', () => {
  it('writes the lines still waiting when the process exits at once after logging (as on shutdown)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'logger-exit-'));
    const path = join(dir, 'log.ndjson');
    const script = join(dir, 'exit.ts');
    const logger = new URL('../../src/http/logger.ts', import.meta.url).href;
    // The script lives outside the project, so it names pino by the file the project resolves.
    const pinoUrl = pathToFileURL(createRequire(import.meta.url).resolve('pino')).href;
    writeFileSync(
      script,
      `import { openSync } from 'node:fs';\n` +
        `import { pino } from ${JSON.stringify(pinoUrl)};\n` +
        `import { batchedDestination } from ${JSON.stringify(logger)};\n` +
        `const log = pino({ base: null, timestamp: false }, batchedDestination(openSync(${JSON.stringify(path)}, 'w')));\n` +
        `for (let i = 0; i < 3; i++) log.info({ i }, 'before exit');\n` +
        // Not fatal: pino flushes its stream after a fatal line itself.
        `log.info('server closed');\n` +
        `process.exit(3);\n`,
    );
    const run = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', cwd: process.cwd() });
    assert.equal(run.status, 3, run.stderr);
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { msg: string; i?: number });
    assert.deepEqual(lines.map((l) => l.msg), ['before exit', 'before exit', 'before exit', 'server closed']);
    assert.deepEqual(lines.slice(0, 3).map((l) => l.i), [0, 1, 2]);
  });

  it("calls back from pino's logger.flush once the waiting lines are written", async () => {
    const { path, fd } = tempFile();
    const logger = pino({ base: null, timestamp: false }, batchedDestination(fd));
    logger.info('flushed by hand');
    assert.equal(readFileSync(path, 'utf8'), '', 'a short line waits for its batch');
    await new Promise<void>((resolve, reject) => logger.flush((err) => (err ? reject(err) : resolve())));
    assert.equal(readFileSync(path, 'utf8'), '{"level":30,"msg":"flushed by hand"}\n');
    closeSync(fd);
  });
});
