/**
 * scripts/migrate-sources.ts on small made-up data sets: mixed inline and
 * register citations, full URLs against shortened register addresses,
 * ambiguous matches left inline, idempotence, formatting kept.
 */
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { isWeakShortened, matchAddress, migrateDataDir } from '../../scripts/migrate-sources.js';
import type { SourceEntry } from '../../src/domain/network/source-register.js';
import { normaliseAddress } from '../../src/domain/network/source-register.js';

const roots: string[] = [];
after(async () => {
  for (const r of roots) await rm(r, { recursive: true, force: true });
});

const entry = (id: string, address: string, form: SourceEntry['addressForm'], statements: string[] = ['x stated']): SourceEntry => ({
  id, address, addressForm: form, aliases: [], title: null, publisher: null,
  published: null, publishedNote: 'not known', read: null, readNote: 'not recorded', statements,
});

async function dataSet(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'migrate-'));
  roots.push(root);
  const dir = path.join(root, 'data');
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

const register = [
  entry('tass-world-764933', 'https://tass.com/world/764933', 'full', ['928 km']),
  entry('railwaygazette-herat', 'railwaygazette.com/infrastructure/herat-kandahar-railway…/68284.article', 'shortened', ['737.5 km']),
  entry('astanatimes-2026-02', 'astanatimes.com/2026/02/…', 'shortened', ['36 pairs']),
];

describe('matchAddress', () => {
  it('ignores scheme, "www." and a trailing slash', () => {
    assert.deepEqual(matchAddress('http://www.tass.com/world/764933/', register), { kind: 'exact', id: 'tass-world-764933' });
    assert.equal(normaliseAddress('HTTPS://WWW.Tass.com/world/764933/'), 'tass.com/world/764933');
  });

  it('lets a full URL match a shortened register address around its "…"', () => {
    const m = matchAddress('https://www.railwaygazette.com/infrastructure/herat-kandahar-railway-design-contracts-awarded/68284.article', register);
    assert.equal(m.kind, 'shortened');
    assert.equal(m.kind === 'shortened' && m.id, 'railwaygazette-herat');
  });

  it('does not let a shortened address that holds only a date stand for any article of that month', () => {
    assert.equal(isWeakShortened(normaliseAddress('astanatimes.com/2026/02/…')), true);
    assert.equal(isWeakShortened(normaliseAddress('qazinform.com/news/…-822243')), false);
    const m = matchAddress('https://astanatimes.com/2026/02/kazakhstan-uzbekistan-border-crossing/', register);
    assert.equal(m.kind, 'ambiguous');
  });

  it('reports an address that fits two shortened entries as ambiguous', () => {
    const two = [entry('a', 'example.org/news/rail…', 'shortened'), entry('b', 'example.org/news/rail-freight…', 'shortened')];
    const m = matchAddress('https://example.org/news/rail-freight-grows', two);
    assert.deepEqual(m.kind === 'ambiguous' && m.ids.sort(), ['a', 'b']);
  });

  it('finds nothing for an address of another article', () => {
    assert.deepEqual(matchAddress('tass.com/world/764934', register), { kind: 'none' });
  });
});

describe('migrateDataDir', () => {
  const links = `[
  {
    "id": "a--b",
    "lengthKm": 29.0,
    "sources": [
      {
        "address": "https://www.railwaygazette.com/infrastructure/herat-kandahar-railway-design-contracts-awarded/68284.article; tass.com/world/764933",
        "statement": "Herat – Kandahar 737.5 km"
      },
      {
        "source": "tass-world-764933",
        "statement": "928 km"
      }
    ]
  },
  {
    "id": "b--c",
    "statusSources": [{ "address": "example.org/new/opening-2025", "statement": "opened 2025" }],
    "sources": [{ "address": "astanatimes.com/2026/02/another-story", "statement": "40 pairs" }]
  }
]
`;

  it('converts inline citations, keeps register ones, splits joined addresses, learns full URLs, leaves the ambiguous inline', async () => {
    const dir = await dataSet({ 'sources.json': JSON.stringify(register), 'links/x.json': links });
    const r = migrateDataDir(dir);
    assert.equal(r.converted, 2);
    assert.equal(r.alreadyMigrated, 1);
    assert.deepEqual(r.newEntries, ['example-new-opening-2025']);
    assert.equal(r.upgraded.length, 1);
    assert.equal(r.left.length, 1);
    assert.match(r.left[0]!, /links\/x\.json 1\.sources\.0: "astanatimes\.com\/2026\/02\/another-story" fits a shortened register address/);

    const out = await readFile(path.join(dir, 'links/x.json'), 'utf8');
    const json = JSON.parse(out);
    assert.deepEqual(json[0].sources, [
      { source: 'railwaygazette-herat', statement: 'Herat – Kandahar 737.5 km' },
      { source: 'tass-world-764933', statement: 'Herat – Kandahar 737.5 km' },
      { source: 'tass-world-764933', statement: '928 km' },
    ]);
    assert.deepEqual(json[1].statusSources, [{ source: 'example-new-opening-2025', statement: 'opened 2025' }]);
    assert.deepEqual(json[1].sources, [{ address: 'astanatimes.com/2026/02/another-story', statement: '40 pairs' }]);
    // Only citation text changes: "29.0" and the one-line citation style stay as written.
    assert.match(out, /"lengthKm": 29\.0,/);
    assert.match(out, /"statusSources": \[\{ "source": "example-new-opening-2025", "statement": "opened 2025" \}\],/);

    const reg = JSON.parse(await readFile(path.join(dir, 'sources.json'), 'utf8')) as SourceEntry[];
    const rg = reg.find((s) => s.id === 'railwaygazette-herat')!;
    assert.equal(rg.address, 'https://www.railwaygazette.com/infrastructure/herat-kandahar-railway-design-contracts-awarded/68284.article');
    assert.equal(rg.addressForm, 'full');
    assert.deepEqual(rg.aliases, ['railwaygazette.com/infrastructure/herat-kandahar-railway…/68284.article']);
    assert.deepEqual(reg.find((s) => s.id === 'tass-world-764933')!.statements, ['928 km', 'Herat – Kandahar 737.5 km']);
    const added = reg.find((s) => s.id === 'example-new-opening-2025')!;
    assert.equal(added.address, 'https://example.org/new/opening-2025');
    assert.equal(added.addressForm, 'full');
    assert.equal(added.published, null);
  });

  it('is idempotent: a second run, once the ambiguous address is given as an alias, changes nothing more', async () => {
    const dir = await dataSet({ 'sources.json': JSON.stringify(register), 'links/x.json': links });
    migrateDataDir(dir);
    const reg = JSON.parse(await readFile(path.join(dir, 'sources.json'), 'utf8')) as SourceEntry[];
    reg.find((s) => s.id === 'astanatimes-2026-02')!.aliases.push('astanatimes.com/2026/02/another-story');
    await writeFile(path.join(dir, 'sources.json'), JSON.stringify(reg, null, 2));
    const second = migrateDataDir(dir);
    assert.equal(second.converted, 1);
    assert.deepEqual(second.left, []);
    const files = async () => [await readFile(path.join(dir, 'links/x.json'), 'utf8'), await readFile(path.join(dir, 'sources.json'), 'utf8')];
    const before = await files();
    const third = migrateDataDir(dir);
    assert.equal(third.converted, 0);
    assert.equal(third.alreadyMigrated, 5);
    assert.deepEqual(await files(), before);
  });

  it('cites the project reference notes by section, and drops register statements no record quotes any more', async () => {
    const reg = [entry('tass-world-764933', 'https://tass.com/world/764933', 'full', ['928 km', 'an old statement'])];
    const dir = await dataSet({
      'sources.json': JSON.stringify(reg),
      'corridors.json': '[{ "id": "c", "sources": [{ "address": "facts sheet §7 (ESTIMATE, great-circle)", "statement": "433 km" }, { "source": "tass-world-764933", "statement": "928 km" }] }]\n',
    });
    const r = migrateDataDir(dir);
    assert.deepEqual(r.newEntries, ['network-facts']);
    const json = JSON.parse(await readFile(path.join(dir, 'corridors.json'), 'utf8'));
    assert.deepEqual(json[0].sources[0], { source: 'network-facts', locator: '§7 (ESTIMATE, great-circle)', statement: '433 km' });
    const out = JSON.parse(await readFile(path.join(dir, 'sources.json'), 'utf8')) as SourceEntry[];
    assert.deepEqual(out.find((s) => s.id === 'tass-world-764933')!.statements, ['928 km']);
  });

  it('writes nothing on a dry run', async () => {
    const dir = await dataSet({ 'sources.json': JSON.stringify(register), 'links/x.json': links });
    const r = migrateDataDir(dir, { dryRun: true });
    assert.equal(r.converted, 2);
    assert.equal(await readFile(path.join(dir, 'links/x.json'), 'utf8'), links);
  });
});
