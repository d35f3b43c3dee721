/**
 * The source register (data/sources.json) and the citations of the data set:
 * every citation names a register entry and quotes one of its statements,
 * every entry is cited, and no citation is left in the old inline form.
 * Reads every JSON file under data/ (scenarios, emission factors and any
 * later folder too), not only what the network loader reads.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadSourceRegister } from '../../src/domain/network/load-sources.js';
import { citationArrays, type SourceEntry } from '../../src/domain/network/source-register.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DATA = path.join(ROOT, 'data');

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsonFiles(path.join(dir, e.name)) : e.name.endsWith('.json') ? [path.join(dir, e.name)] : [],
  );
}

/** Every object with a string `address` and `statement`, wherever it sits: the old inline form. */
function inlineCitations(value: unknown, where: string, out: string[]): void {
  if (Array.isArray(value)) value.forEach((v, i) => inlineCitations(v, `${where}.${i}`, out));
  else if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.address === 'string' && typeof o.statement === 'string') out.push(`${where}: ${o.address}`);
    for (const [k, v] of Object.entries(o)) inlineCitations(v, `${where}.${k}`, out);
  }
}

interface Cited {
  where: string;
  source: unknown;
  statement: unknown;
  locator: unknown;
}

const files = jsonFiles(DATA).filter((f) => path.basename(f) !== 'sources.json' || path.dirname(f) !== DATA);
const parsed = files.map((f) => ({ file: path.relative(ROOT, f), json: JSON.parse(readFileSync(f, 'utf8')) as unknown }));
const cited: Cited[] = parsed.flatMap(({ file, json }) =>
  citationArrays(json).flatMap(({ path: at, citations }) =>
    citations.map((c, i) => {
      const o = (c ?? {}) as Record<string, unknown>;
      return { where: `${file} ${[...at, i].join('.')}`, source: o.source, statement: o.statement, locator: o.locator };
    }),
  ),
);

describe('data/sources.json and the citations of data/', async () => {
  const register: SourceEntry[] = await loadSourceRegister(DATA);
  const byId = new Map(register.map((s) => [s.id, s]));

  it('the data set cites its sources, and the register holds them', () => {
    assert.ok(cited.length > 700, `expected the data set to cite its sources, found ${cited.length} citations`);
    assert.ok(register.length > 150, `expected a register of the sources, found ${register.length} entries`);
  });

  it('no citation is left in the inline { address, statement } form', () => {
    const inline: string[] = [];
    for (const { file, json } of parsed) inlineCitations(json, file, inline);
    assert.deepEqual(inline, [], 'run: npx tsx scripts/migrate-sources.ts data');
  });

  it('every citation names a register id', () => {
    const unknown = cited.filter((c) => typeof c.source !== 'string' || !byId.has(c.source)).map((c) => `${c.where}: ${String(c.source)}`);
    assert.deepEqual(unknown, []);
  });

  it("every citation's statement is one of the statements its register entry quotes", () => {
    const missing = cited
      .filter((c) => typeof c.source === 'string' && byId.has(c.source))
      .filter((c) => !byId.get(c.source as string)!.statements.includes(c.statement as string))
      .map((c) => `${c.where}: ${String(c.source)}: ${String(c.statement)}`);
    assert.deepEqual(missing, [], 'run: npx tsx scripts/migrate-sources.ts data (it adds missing statements to the register)');
  });

  it('every register entry is cited by some record', () => {
    const used = new Set(cited.map((c) => c.source));
    assert.deepEqual(register.filter((s) => !used.has(s.id)).map((s) => s.id), []);
  });

  it('every statement of the register is quoted by a record citing it', () => {
    const quoted = new Set(cited.map((c) => `${String(c.source)}\u0000${String(c.statement)}`));
    const stale = register.flatMap((s) => s.statements.filter((st) => !quoted.has(`${s.id}\u0000${st}`)).map((st) => `${s.id}: ${st}`));
    assert.deepEqual(stale, []);
  });

  it('citations of the project reference notes say which section (locator)', () => {
    const bare = cited.filter((c) => c.source === 'network-facts' && typeof c.locator !== 'string').map((c) => c.where);
    assert.deepEqual(bare, []);
  });

  it('no register address points outside the project at the shared reference folder', () => {
    const local = register.filter((s) => [s.address, ...s.aliases].some((a) => /(^|\/)\.\.?\/shared\b|\/work\//.test(a))).map((s) => s.id);
    assert.deepEqual(local, []);
  });
});
