/**
 * Test helper: copies the small fixture into a fresh temp folder named `data`,
 * lets a test break it, loads it and returns the issues reported. File names
 * in the issues are then "data/links/pk.json" etc., as for the real data set.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidDataError, type DataIssue } from '../../../src/domain/errors.js';
import { loadNetwork } from '../../../src/domain/network/load-network.js';

export const SMALL_FIXTURE = fileURLToPath(new URL('../../fixtures/network-small', import.meta.url));

/** JSON files of the copy by path relative to the data folder ("links/pk.json"); edit in place. */
export type Files = Map<string, any>;

export interface Breakage {
  /** Edits the parsed JSON files. */
  edit?: (files: Files) => void;
  /** Raw text written after the edit (for invalid JSON), by relative path; null deletes the file. */
  raw?: Record<string, string | null>;
}

const JSON_FILES = [
  'places/az.json',
  'places/tm.json',
  'places/af.json',
  'places/ir.json',
  'places/pk.json',
  'links/tm.json',
  'links/af.json',
  'links/ir.json',
  'links/pk.json',
  'links/cross-border.json',
  'links/ferries.json',
  'links/sea.json',
  'crossings/tm.json',
  'crossings/af-pk.json',
  'crossings/ir-pk.json',
  'corridors.json',
  'parameters.json',
  'sources.json',
];

/** Loads a broken copy; returns the issues, or fails the test if it loads cleanly. */
export async function issuesOf(b: Breakage): Promise<DataIssue[]> {
  const root = await mkdtemp(path.join(tmpdir(), 'network-'));
  const data = path.join(root, 'data');
  try {
    await cp(SMALL_FIXTURE, data, { recursive: true });
    const files: Files = new Map();
    for (const f of JSON_FILES) files.set(f, JSON.parse(await readFile(path.join(data, f), 'utf8')));
    b.edit?.(files);
    for (const [f, json] of files) await writeFile(path.join(data, f), JSON.stringify(json, null, 2));
    for (const [f, text] of Object.entries(b.raw ?? {})) {
      if (text === null) await rm(path.join(data, f));
      else await writeFile(path.join(data, f), text);
    }
    try {
      await loadNetwork(data);
    } catch (e) {
      if (e instanceof InvalidDataError) return [...e.issues];
      throw e;
    }
    throw new Error('the broken copy loaded without any issue');
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** Issue as [file, record, field], the part tests pin exactly. */
export const where = (i: DataIssue): [string, string, string] => [i.file, i.record, i.field];

/** The record with this id in a parsed file (throws if absent, so a typo in a test fails loudly). */
export function rec(files: Files, file: string, id: string): any {
  const list = files.get(file) as { id: string }[] | undefined;
  const r = list?.find((x) => x.id === id);
  if (r === undefined) throw new Error(`no record "${id}" in ${file}`);
  return r;
}
