/**
 * Reads and checks the source register (data/sources.json), and checks the
 * citations of any record against it: an unknown id is a data error naming
 * file, record and field, found at start-up.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DataIssue } from '../errors.js';
import { InvalidDataError } from '../errors.js';
import { BUILT_IN_SOURCES, citationArrays, normaliseAddress, SourceEntrySchema, type SourceEntry } from './source-register.js';
import { suggestIds } from './suggest-ids.js';

export const REGISTER_FILE = 'sources.json';

/**
 * The register's entries that passed their checks, and issues for the rest:
 * shape, duplicate ids, reserved ids, and one address registered twice
 * (directly or as an alias), which would split one source's citations.
 */
export async function readSourceRegister(abs: string, file: string, issues: DataIssue[], unparsed?: Set<string>): Promise<SourceEntry[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(abs, 'utf8'));
  } catch (e) {
    const code = e !== null && typeof e === 'object' && 'code' in e ? String(e.code) : undefined;
    const why = code === 'ENOENT' ? 'not found' : code ?? `not valid JSON: ${(e as Error).message}`;
    issues.push({ file, record: '(file)', field: '(file)', message: `cannot read the source register: ${why}` });
    return [];
  }
  if (!Array.isArray(raw)) {
    issues.push({ file, record: '(file)', field: '(file)', message: 'expected a JSON array of source entries' });
    return [];
  }
  const entries: SourceEntry[] = [];
  const ids = new Map<string, number>();
  const addresses = new Map<string, string>();
  raw.forEach((r: unknown, i) => {
    const record = r !== null && typeof r === 'object' && 'id' in r && typeof r.id === 'string' && r.id !== '' ? r.id : `#${i}`;
    const parsed = SourceEntrySchema.safeParse(r);
    if (!parsed.success) {
      // Remembered so that citations of this entry are not reported a second time as unknown.
      unparsed?.add(record);
      for (const zi of parsed.error.issues) {
        issues.push({ file, record, field: zi.path.length > 0 ? zi.path.map(String).join('.') : '(record)', message: zi.message });
      }
      return;
    }
    const s = parsed.data;
    if (ids.has(s.id)) {
      issues.push({ file, record: s.id, field: 'id', message: `duplicate source id (also entry #${ids.get(s.id)})` });
      return;
    }
    ids.set(s.id, i);
    if (BUILT_IN_SOURCES.has(s.id)) {
      issues.push({ file, record: s.id, field: 'id', message: `"${s.id}" is reserved for hypothetical links of requests` });
      return;
    }
    [s.address, ...s.aliases].forEach((a, k) => {
      const key = normaliseAddress(a);
      const other = addresses.get(key);
      if (other !== undefined && other !== s.id) {
        issues.push({ file, record: s.id, field: k === 0 ? 'address' : `aliases.${k - 1}`, message: `address "${a}" is already registered as source "${other}"` });
      }
      addresses.set(key, s.id);
    });
    entries.push(s);
  });
  return entries;
}

/** Loads `<dataDir>/sources.json` on its own; throws InvalidDataError listing every problem. */
export async function loadSourceRegister(dataDir: string): Promise<SourceEntry[]> {
  const abs = path.join(dataDir, REGISTER_FILE);
  const file = path.relative(path.dirname(path.resolve(dataDir)), path.resolve(abs)).split(path.sep).join('/');
  const issues: DataIssue[] = [];
  const entries = await readSourceRegister(abs, file, issues);
  if (issues.length > 0) throw new InvalidDataError(issues);
  return entries;
}

/** One parsed record to check: where it came from and the value whose citations to look at. */
export interface CitingRecord {
  file: string;
  record: string;
  value: unknown;
  /** Prefix of the field path inside the file ("factors.2"), when the record is not the file's top level. */
  fieldPrefix?: string;
}

/**
 * Issues for every citation naming an id the register does not hold (the
 * field is the citation's path, "dwell.0.sources.1.source"), with the
 * closest register ids as suggestions.
 */
export function checkCitations(
  records: readonly CitingRecord[],
  register: readonly SourceEntry[],
  registerFile: string,
  unparsed: ReadonlySet<string> = new Set(),
): DataIssue[] {
  const ids = new Set(register.map((s) => s.id));
  const issues: DataIssue[] = [];
  for (const { file, record, value, fieldPrefix } of records) {
    for (const { path: at, citations } of citationArrays(value)) {
      citations.forEach((c, i) => {
        const id = c !== null && typeof c === 'object' && 'source' in c ? c.source : undefined;
        if (typeof id !== 'string' || ids.has(id) || unparsed.has(id)) return;
        const near = suggestIds(id, ids);
        const hint = near.length > 0 ? `; did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : '';
        issues.push({
          file,
          record,
          field: [...(fieldPrefix ? [fieldPrefix] : []), ...at, String(i), 'source'].join('.'),
          message: `unknown source "${id}": not in ${registerFile}${hint}`,
        });
      });
    }
  }
  return issues;
}
