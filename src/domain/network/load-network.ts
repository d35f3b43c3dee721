/**
 * Reads the data set from disk, checks every record's shape with zod and the
 * cross-record rules with validateReferences, and either returns the Network
 * or throws one InvalidDataError listing every problem found.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import type { DataIssue } from '../errors.js';
import { InvalidDataError } from '../errors.js';
import {
  CorridorSchema,
  CrossingSchema,
  LinkSchema,
  ParametersSchema,
  PlaceSchema,
  type Network,
  type Parameters,
} from './schema.js';
import { validateReferences, type RecordKind } from './validate-references.js';
import { checkCitations, readSourceRegister, REGISTER_FILE, type CitingRecord } from './load-sources.js';

/** Used as record and field of an issue about a whole file. */
const WHOLE_FILE = '(file)';

interface Parsed<T> {
  records: T[];
  /** files[i] is the file records[i] came from. */
  files: string[];
  /** Ids (or "#index") of records that failed their shape check. */
  unparsed: Set<string>;
  /** The raw failed records, for what can still be read from them. */
  unparsedRaw: unknown[];
}

/** A schema whose top-level keys are known, so unknown (misspelt) fields can be reported. */
type ObjectSchema = z.ZodType & { shape: Record<string, unknown> };

export async function loadNetwork(dataDir: string): Promise<Network> {
  // Files are read in parallel; each read gets its own issue list so that
  // the report comes out in a fixed order (folder, then file name, then record).
  const lists: DataIssue[][] = [[], [], [], [], [], []];
  // Files are named relative to dataDir's parent ("data/links/kz.json"): a
  // path a data author recognises, without the machine's absolute path.
  const base = path.dirname(path.resolve(dataDir));
  const label = (abs: string): string => path.relative(base, abs).split(path.sep).join('/');
  const root = path.resolve(dataDir);

  const unparsedSources = new Set<string>();
  const registerFile = label(path.join(root, REGISTER_FILE));
  const [sources, places, links, crossings, corridors, parameters] = await Promise.all([
    readSourceRegister(path.join(root, REGISTER_FILE), registerFile, lists[5]!, unparsedSources),
    readFolder(path.join(root, 'places'), PlaceSchema, label, lists[0]!),
    readFolder(path.join(root, 'links'), LinkSchema, label, lists[1]!),
    readFolder(path.join(root, 'crossings'), CrossingSchema, label, lists[2]!),
    readArrayFile(path.join(root, 'corridors.json'), CorridorSchema, label, lists[3]!),
    readParameters(path.join(root, 'parameters.json'), label, lists[4]!),
  ]);
  // The register's problems first: an unknown id further down may come from them.
  const issues = [...lists[5]!, ...lists.slice(0, 5).flat()];

  const byKind: Record<Exclude<RecordKind, 'parameters'>, Parsed<{ id: string }>> = { place: places, link: links, crossing: crossings, corridor: corridors };
  const parametersFile = label(path.join(root, 'parameters.json'));
  const fileOf = (kind: RecordKind, id: string, index?: number): string => {
    if (kind === 'parameters') return parametersFile;
    const p = byKind[kind];
    const i = index ?? p.records.findIndex((r) => r.id === id);
    return p.files[i] ?? '';
  };
  issues.push(
    ...validateReferences(
      {
        places: places.records,
        links: links.records,
        crossings: crossings.records,
        corridors: corridors.records,
        parameters,
        unparsedIds: { place: places.unparsed, link: links.unparsed, crossing: crossings.unparsed, corridor: corridors.unparsed },
        unparsedCrossingPlaces: new Set(crossings.unparsedRaw.flatMap(placesNamedBy)),
      },
      fileOf,
    ),
  );

  const citing: CitingRecord[] = [places, links, crossings, corridors].flatMap((p) =>
    p.records.map((r, i) => ({ file: p.files[i] ?? '', record: r.id, value: r })),
  );
  if (parameters !== undefined) citing.push({ file: parametersFile, record: 'parameters', value: parameters });
  issues.push(...checkCitations(citing, sources, registerFile, unparsedSources));

  if (issues.length > 0 || parameters === undefined) throw new InvalidDataError(issues);
  return { places: places.records, links: links.records, crossings: crossings.records, corridors: corridors.records, parameters, sources };
}

async function readFolder<S extends ObjectSchema>(
  dir: string,
  schema: S,
  label: (abs: string) => string,
  issues: DataIssue[],
): Promise<Parsed<z.output<S>>> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch (e) {
    issues.push({ file: label(dir), record: WHOLE_FILE, field: WHOLE_FILE, message: `cannot read the folder: ${errorText(e)}` });
    return { records: [], files: [], unparsed: new Set(), unparsedRaw: [] };
  }
  if (names.length === 0) {
    issues.push({ file: label(dir), record: WHOLE_FILE, field: WHOLE_FILE, message: 'the folder holds no .json file' });
    return { records: [], files: [], unparsed: new Set(), unparsedRaw: [] };
  }
  const perFile = names.map((): DataIssue[] => []);
  const parts = await Promise.all(names.map((n, i) => readArrayFile(path.join(dir, n), schema, label, perFile[i]!)));
  issues.push(...perFile.flat());
  return {
    records: parts.flatMap((p) => p.records),
    files: parts.flatMap((p) => p.files),
    unparsed: new Set(parts.flatMap((p) => [...p.unparsed])),
    unparsedRaw: parts.flatMap((p) => p.unparsedRaw),
  };
}

async function readArrayFile<S extends ObjectSchema>(
  abs: string,
  schema: S,
  label: (abs: string) => string,
  issues: DataIssue[],
): Promise<Parsed<z.output<S>>> {
  const file = label(abs);
  const out: Parsed<z.output<S>> = { records: [], files: [], unparsed: new Set(), unparsedRaw: [] };
  const json = await readJson(abs, file, issues);
  if (json === NOTHING) return out;
  if (!Array.isArray(json)) {
    issues.push({ file, record: WHOLE_FILE, field: WHOLE_FILE, message: 'expected a JSON array of records' });
    return out;
  }
  json.forEach((raw: unknown, i) => {
    const record = recordLabel(raw, i);
    const parsed = parseRecord(raw, schema, file, record, issues, out.unparsed);
    if (parsed !== NOTHING) {
      out.records.push(parsed);
      out.files.push(file);
    } else out.unparsedRaw.push(raw);
  });
  return out;
}

async function readParameters(abs: string, label: (abs: string) => string, issues: DataIssue[]): Promise<Parameters | undefined> {
  const file = label(abs);
  const json = await readJson(abs, file, issues);
  if (json === NOTHING) return undefined;
  const parsed = parseRecord(json, ParametersSchema, file, 'parameters', issues);
  return parsed === NOTHING ? undefined : parsed;
}

const NOTHING = Symbol('nothing');

async function readJson(abs: string, file: string, issues: DataIssue[]): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(abs, 'utf8');
  } catch (e) {
    issues.push({ file, record: WHOLE_FILE, field: WHOLE_FILE, message: `cannot read the file: ${errorText(e)}` });
    return NOTHING;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    issues.push({ file, record: WHOLE_FILE, field: WHOLE_FILE, message: `not valid JSON: ${errorText(e)}` });
    return NOTHING;
  }
}

/**
 * Parses one record, adding an issue per zod problem and per unknown
 * top-level field (zod strips those silently, which would hide a misspelt
 * optional field such as "speedKmH").
 */
function parseRecord<S extends ObjectSchema>(
  raw: unknown,
  schema: S,
  file: string,
  record: string,
  issues: DataIssue[],
  unparsed?: Set<string>,
): z.output<S> | typeof NOTHING {
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    for (const key of Object.keys(raw)) {
      if (!(key in schema.shape)) {
        issues.push({ file, record, field: key, message: 'unknown field (misspelt?)' });
      }
    }
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    // Remembered so that references to this record are not reported a second time as unknown.
    unparsed?.add(record);
    for (const zi of result.error.issues) {
      issues.push({ file, record, field: zi.path.length > 0 ? zi.path.map(String).join('.') : '(record)', message: zi.message });
    }
    return NOTHING;
  }
  return result.data as z.output<S>;
}

/** The place ids a raw (unparsed) crossing record names, as far as they can be read. */
function placesNamedBy(raw: unknown): string[] {
  if (raw === null || typeof raw !== 'object' || !('places' in raw) || !Array.isArray(raw.places)) return [];
  return raw.places.filter((p: unknown): p is string => typeof p === 'string');
}

/** The record's id when it has a usable one, else its position ("#3"). */
function recordLabel(raw: unknown, index: number): string {
  if (raw !== null && typeof raw === 'object' && 'id' in raw && typeof raw.id === 'string' && raw.id !== '') return raw.id;
  return `#${index}`;
}

/** The error without the absolute path node puts in fs messages. */
function errorText(e: unknown): string {
  const code = e !== null && typeof e === 'object' && 'code' in e ? String(e.code) : undefined;
  if (code === 'ENOENT') return 'not found';
  if (code !== undefined) return code;
  return e instanceof Error ? e.message : String(e);
}

