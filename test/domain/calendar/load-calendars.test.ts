/**
 * data/calendars/ on the real data set loads; a broken calendar file stops
 * loading with one issue per problem naming file, record and field.
 */
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadCalendars } from '../../../src/domain/calendar/load-calendars.js';
import { InvalidDataError } from '../../../src/domain/errors.js';
import { loadNetwork } from '../../../src/domain/network/load-network.js';

const DATA = fileURLToPath(new URL('../../../data', import.meta.url));

describe('loadCalendars', async () => {
  const network = await loadNetwork(DATA);

  it('loads the real calendars, every kind present', async () => {
    const c = await loadCalendars(DATA, network);
    assert.ok(c.sailings.length >= 3 && c.seasonal.length >= 2 && c.holidays.length >= 1 && c.borderRules.length >= 1);
    assert.ok(c.seasonal.some((e) => e.id === 'kuryk-winter-storms' && e.window.from === '11-01' && e.window.to === '12-31'));
  });

  it('a data set without calendars/ has none', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cal-'));
    try {
      const c = await loadCalendars(dir, network);
      assert.deepEqual(c, { sailings: [], seasonal: [], holidays: [], borderRules: [] });
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  it('a broken file names file, record and field', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cal-'));
    const data = path.join(dir, 'data');
    try {
      await cp(path.join(DATA, 'calendars'), path.join(data, 'calendars'), { recursive: true });
      await symlink(path.join(DATA, 'sources.json'), path.join(data, 'sources.json'));
      const rulesFile = path.join(data, 'calendars', 'border-rules.json');
      const rules = JSON.parse(await readFile(rulesFile, 'utf8'));
      rules.rules[0].crossing = 'nowhere--never';
      rules.rules[0].sources[0].source = 'no-such-source';
      await writeFile(rulesFile, JSON.stringify(rules));
      const holFile = path.join(data, 'calendars', 'holidays.json');
      const hol = JSON.parse(await readFile(holFile, 'utf8'));
      hol.holidays[0].dates[0].start = '2026-02-30';
      await writeFile(holFile, JSON.stringify(hol));
      await writeFile(path.join(data, 'calendars', 'sailings.json'), '{ not json');
      await assert.rejects(loadCalendars(data, network), (e: unknown) => {
        assert.ok(e instanceof InvalidDataError);
        const lines = e.issues.map((i) => `${i.file} | ${i.record} | ${i.field}`);
        assert.ok(lines.includes('data/calendars/sailings.json | (file) | (file)'), lines.join('\n'));
        assert.ok(lines.includes('data/calendars/holidays.json | ir-nowruz | holidays.0.dates.0.start'), lines.join('\n'));
        assert.ok(lines.includes('data/calendars/border-rules.json | taftan-nowruz-closure | rules.0.crossing'), lines.join('\n'));
        assert.ok(lines.includes('data/calendars/border-rules.json | taftan-nowruz-closure | rules.0.sources.0.source'), lines.join('\n'));
        return true;
      });
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});
