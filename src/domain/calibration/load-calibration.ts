/**
 * Reads data/calibration/*.json: each file a JSON array of calibration records.
 * Every problem is reported with file, record and field, and lane places and
 * avoided links must exist in the network. Only the calibration script and the
 * data tests read this; the service does not.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DataIssue } from '../errors.js';
import { InvalidDataError } from '../errors.js';
import type { Network } from '../network/schema.js';
import { checkCitations } from '../network/load-sources.js';
import { CalibrationRecordSchema, type CalibrationRecord } from './schema.js';

const WHOLE_FILE = '(file)';

export async function loadCalibration(dir: string, net: Network): Promise<CalibrationRecord[]> {
  const issues: DataIssue[] = [];
  const label = (name: string): string => path.posix.join(path.basename(path.dirname(path.resolve(dir))), path.basename(path.resolve(dir)), name);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch (e) {
    throw new InvalidDataError([{ file: dir, record: WHOLE_FILE, field: WHOLE_FILE, message: `cannot read the folder: ${(e as Error).message}` }]);
  }
  if (names.length === 0) throw new InvalidDataError([{ file: dir, record: WHOLE_FILE, field: WHOLE_FILE, message: 'the folder holds no .json file' }]);

  const places = new Set(net.places.map((p) => p.id));
  const links = new Set(net.links.map((l) => l.id));
  const records: CalibrationRecord[] = [];
  const seen = new Map<string, string>();
  for (const name of names) {
    const file = label(name);
    let json: unknown;
    try {
      json = JSON.parse(await readFile(path.join(dir, name), 'utf8'));
    } catch (e) {
      issues.push({ file, record: WHOLE_FILE, field: WHOLE_FILE, message: `not valid JSON or unreadable: ${(e as Error).message}` });
      continue;
    }
    if (!Array.isArray(json)) {
      issues.push({ file, record: WHOLE_FILE, field: WHOLE_FILE, message: 'expected a JSON array of records' });
      continue;
    }
    json.forEach((raw: unknown, i) => {
      const id = raw !== null && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : `#${i}`;
      if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
        for (const key of Object.keys(raw)) {
          if (!(key in CalibrationRecordSchema.shape)) issues.push({ file, record: id, field: key, message: 'unknown field (misspelt?)' });
        }
      }
      const r = CalibrationRecordSchema.safeParse(raw);
      if (!r.success) {
        for (const zi of r.error.issues) issues.push({ file, record: id, field: zi.path.length > 0 ? zi.path.map(String).join('.') : '(record)', message: zi.message });
        return;
      }
      const rec = r.data;
      const first = seen.get(rec.id);
      if (first !== undefined) issues.push({ file, record: rec.id, field: 'id', message: `duplicate calibration id (first in ${first})` });
      seen.set(rec.id, file);
      for (const [field, id2] of [
        ['lane.from', rec.lane.from],
        ['lane.to', rec.lane.to],
        ...rec.lane.via.map((v, j) => [`lane.via.${j}`, v] as const),
      ] as const) {
        if (!places.has(id2)) issues.push({ file, record: rec.id, field, message: `no place with id "${id2}"` });
      }
      rec.lane.avoidLinks.forEach((l, j) => {
        if (!links.has(l)) issues.push({ file, record: rec.id, field: `lane.avoidLinks.${j}`, message: `no link with id "${l}"` });
      });
      // Citations name entries of the network's source register, like every other record.
      issues.push(...checkCitations([{ file, record: rec.id, value: rec }], net.sources, 'sources.json'));
      records.push(rec);
    });
  }
  if (issues.length > 0) throw new InvalidDataError(issues);
  return records;
}
