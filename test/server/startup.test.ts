/**
 * Start-up refusals of the real process: a bad setting or a broken data set
 * stops it with a non-zero exit code and a message that says exactly what to
 * fix (the variable; the file, record and field).
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fixtureCopy, listeningPort, spawnServer } from './spawn-helper.js';

describe('server start-up', () => {
  it('starts on the fixture network and answers /ready', async () => {
    const s = spawnServer({ DATA_DIR: fixtureCopy() });
    try {
      const port = await listeningPort(s);
      const res = await fetch(`http://127.0.0.1:${port}/ready`);
      assert.equal(res.status, 200);
      assert.equal(((await res.json()) as { dataVersion: string }).dataVersion, 'fixture-1');
    } finally {
      s.child.kill('SIGTERM');
      await s.exited;
    }
  });

  it('refuses a bad setting: exit code 1, the message names the variable and what was expected', async () => {
    const s = spawnServer({ DATA_DIR: fixtureCopy(), RATE_LIMIT_MAX: 'lots', KEEP_ALIVE_TIMEOUT_MS: '-1' });
    const exit = await s.exited;
    assert.equal(exit.code, 1);
    assert.match(s.stderr(), /invalid configuration/);
    assert.match(s.stderr(), /RATE_LIMIT_MAX="lots": expected a whole number of requests/);
    assert.match(s.stderr(), /KEEP_ALIVE_TIMEOUT_MS="-1": expected a whole number of milliseconds/);
    assert.doesNotMatch(s.stdout(), /Server listening/);
  });

  it('refuses a broken data set: exit code 1, the message names file, record and field', async () => {
    const dir = fixtureCopy();
    const file = path.join(dir, 'places/af.json');
    const places = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>[];
    places[1]!.lat = 'north';
    places[0]!.country = 'AFG';
    writeFileSync(file, JSON.stringify(places));
    const s = spawnServer({ DATA_DIR: dir });
    const exit = await s.exited;
    assert.equal(exit.code, 1);
    assert.match(s.stderr(), /the data set is invalid/);
    assert.match(s.stderr(), /places\/af\.json: record "herat", field "lat": /);
    assert.match(s.stderr(), /places\/af\.json: record "torghundi", field "country": /);
    rmSync(path.dirname(dir), { recursive: true, force: true });
  });

  it('refuses a broken calendar: exit code 1, the message names file, record and field', async () => {
    const dir = fixtureCopy();
    mkdirSync(path.join(dir, 'calendars'));
    const effect = {
      id: 'atlantis-storms',
      name: 'Atlantis storms',
      places: ['atlantis'],
      modes: ['ferry'],
      window: { from: '11-01', to: '13-31' },
      utcOffset: '+05:00',
      effect: { kind: 'closed' },
      sources: [{ source: 'no-such-source', statement: 'none' }],
    };
    writeFileSync(path.join(dir, 'calendars/seasonal.json'), JSON.stringify({ about: 'test', effects: [effect] }));
    const s = spawnServer({ DATA_DIR: dir });
    assert.equal((await s.exited).code, 1);
    assert.match(s.stderr(), /the data set is invalid/);
    assert.match(s.stderr(), /calendars\/seasonal\.json: record "atlantis-storms", field "effects\.0\.window\.to": /);
    rmSync(path.dirname(dir), { recursive: true, force: true });
  });

  it('a port already in use: one line that says so, no stack trace, exit code 1', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const s = spawnServer({ DATA_DIR: fixtureCopy(), PORT: String(port), HOST: '127.0.0.1' });
      assert.equal((await s.exited).code, 1);
      assert.match(s.stderr(), new RegExp(`^failed to start: port ${port} is already in use on 127\\.0\\.0\\.1 .*set PORT to a free port\\n$`));
      assert.doesNotMatch(s.stderr(), /\n\s+at /, 'no stack trace');
    } finally {
      blocker.close();
    }
  });

  it('refuses a data set with unparsable JSON, naming the file', async () => {
    const dir = fixtureCopy();
    writeFileSync(path.join(dir, 'links/af.json'), '[{"id": ');
    const s = spawnServer({ DATA_DIR: dir });
    assert.equal((await s.exited).code, 1);
    assert.match(s.stderr(), /links\/af\.json: .*not valid JSON/);
    rmSync(path.dirname(dir), { recursive: true, force: true });
  });
});
