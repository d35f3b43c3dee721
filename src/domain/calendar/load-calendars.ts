/**
 * Reads and checks data/calendars/: each file's shape, unique ids, the links,
 * places, crossings and holidays each entry names, holiday dates in order
 * and in their year, and every citation against the source register. A
 * problem stops start-up with one line naming file, record and field, as the
 * network loader does. A data set without the folder (or one of its files)
 * has no calendar entries of that kind: dated answers then add no waits.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import type { DataIssue } from '../errors.js';
import { InvalidDataError } from '../errors.js';
import { checkCitations, REGISTER_FILE, type CitingRecord } from '../network/load-sources.js';
import type { Network } from '../network/schema.js';
import {
  BorderRulesFileSchema,
  HolidaysFileSchema,
  SailingsFileSchema,
  SeasonalFileSchema,
  type Calendars,
} from './calendar-schema.js';

export const CALENDAR_DIR = 'calendars';

/** File name → the list key inside it and its schema. */
const FILES = {
  'sailings.json': { key: 'sailings', schema: SailingsFileSchema },
  'seasonal.json': { key: 'effects', schema: SeasonalFileSchema },
  'holidays.json': { key: 'holidays', schema: HolidaysFileSchema },
  'border-rules.json': { key: 'rules', schema: BorderRulesFileSchema },
} as const;

type FileName = keyof typeof FILES;

async function readOne<S extends z.ZodType>(abs: string, file: string, key: string, schema: S, issues: DataIssue[]): Promise<z.infer<S> | null> {
  let text: string;
  try {
    text = await readFile(abs, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    issues.push({ file, record: '(file)', field: '(file)', message: `cannot read: ${(e as Error).message}` });
    return null;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    issues.push({ file, record: '(file)', field: '(file)', message: `not valid JSON: ${(e as Error).message}` });
    return null;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const list = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>)[key] : undefined;
    for (const zi of parsed.error.issues) {
      const [top, idx] = zi.path;
      const item = top === key && Array.isArray(list) && typeof idx === 'number' ? (list[idx] as { id?: unknown } | undefined) : undefined;
      const record = item === undefined ? '(file)' : typeof item?.id === 'string' ? item.id : `#${String(idx)}`;
      issues.push({ file, record, field: zi.path.length > 0 ? zi.path.map(String).join('.') : '(file)', message: zi.message });
    }
    return null;
  }
  return parsed.data as z.infer<S>;
}

/** Cross-record rules: ids unique over the folder, references resolve, dates in order. */
export function checkCalendars(c: Calendars, network: Network, fileOf: (kind: FileName) => string): DataIssue[] {
  const issues: DataIssue[] = [];
  // Only the few links and places the calendars name are looked up: one pass over the network against those ids,
  // not a map of every link and place (300k entries at 100k places).
  const namedLinks = new Set([...c.sailings.map((s) => s.link), ...c.seasonal.flatMap((e) => e.links)]);
  const namedPlaces = new Set(c.seasonal.flatMap((e) => e.places));
  const links = new Map<string, Network['links'][number]>();
  if (namedLinks.size > 0) for (const l of network.links) if (namedLinks.has(l.id) && !links.has(l.id)) links.set(l.id, l);
  const places = new Set<string>();
  if (namedPlaces.size > 0) for (const p of network.places) if (namedPlaces.has(p.id)) places.add(p.id);
  const crossings = new Set(network.crossings.map((x) => x.id));
  const holidays = new Set(c.holidays.map((h) => h.id));
  const seen = new Map<string, string>();
  const unique = (kind: FileName, id: string, i: number) => {
    const other = seen.get(id);
    if (other !== undefined) issues.push({ file: fileOf(kind), record: id, field: `${FILES[kind].key}.${i}.id`, message: `duplicate calendar id (also in ${other})` });
    seen.set(id, fileOf(kind));
  };
  c.sailings.forEach((s, i) => {
    unique('sailings.json', s.id, i);
    const l = links.get(s.link);
    if (!l) issues.push({ file: fileOf('sailings.json'), record: s.id, field: `sailings.${i}.link`, message: `unknown link "${s.link}"` });
    else if (l.mode !== 'ferry' && l.mode !== 'sea') issues.push({ file: fileOf('sailings.json'), record: s.id, field: `sailings.${i}.link`, message: `link "${s.link}" is ${l.mode}, not a ferry or sea link` });
  });
  c.seasonal.forEach((e, i) => {
    unique('seasonal.json', e.id, i);
    e.places.forEach((p, k) => {
      if (!places.has(p)) issues.push({ file: fileOf('seasonal.json'), record: e.id, field: `effects.${i}.places.${k}`, message: `unknown place "${p}"` });
    });
    e.links.forEach((id, k) => {
      const l = links.get(id);
      if (!l) issues.push({ file: fileOf('seasonal.json'), record: e.id, field: `effects.${i}.links.${k}`, message: `unknown link "${id}"` });
      else if (!e.modes.includes(l.mode)) issues.push({ file: fileOf('seasonal.json'), record: e.id, field: `effects.${i}.links.${k}`, message: `link "${id}" is ${l.mode}, not one of modes ${e.modes.join(', ')}` });
    });
  });
  c.holidays.forEach((h, i) => {
    unique('holidays.json', h.id, i);
    const years = new Set<number>();
    h.dates.forEach((d, k) => {
      const field = `holidays.${i}.dates.${k}`;
      if (d.end < d.start) issues.push({ file: fileOf('holidays.json'), record: h.id, field: `${field}.end`, message: `ends (${d.end}) before it starts (${d.start})` });
      if (!d.start.startsWith(String(d.year))) issues.push({ file: fileOf('holidays.json'), record: h.id, field: `${field}.start`, message: `${d.start} is not in ${d.year}` });
      if (years.has(d.year)) issues.push({ file: fileOf('holidays.json'), record: h.id, field: `${field}.year`, message: `second entry for ${d.year}` });
      years.add(d.year);
    });
  });
  c.borderRules.forEach((r, i) => {
    unique('border-rules.json', r.id, i);
    if (!crossings.has(r.crossing)) issues.push({ file: fileOf('border-rules.json'), record: r.id, field: `rules.${i}.crossing`, message: `unknown crossing "${r.crossing}"` });
    if (!holidays.has(r.holiday)) issues.push({ file: fileOf('border-rules.json'), record: r.id, field: `rules.${i}.holiday`, message: `unknown holiday "${r.holiday}"` });
  });
  return issues;
}

/** Loads `<dataDir>/calendars/`; throws InvalidDataError listing every problem. */
export async function loadCalendars(dataDir: string, network: Network): Promise<Calendars> {
  const base = path.dirname(path.resolve(dataDir));
  const label = (abs: string): string => path.relative(base, abs).split(path.sep).join('/');
  const dir = path.join(path.resolve(dataDir), CALENDAR_DIR);
  const fileOf = (name: FileName) => label(path.join(dir, name));
  const issues: DataIssue[] = [];
  const [sailings, seasonal, holidays, rules] = await Promise.all([
    readOne(path.join(dir, 'sailings.json'), fileOf('sailings.json'), 'sailings', SailingsFileSchema, issues),
    readOne(path.join(dir, 'seasonal.json'), fileOf('seasonal.json'), 'effects', SeasonalFileSchema, issues),
    readOne(path.join(dir, 'holidays.json'), fileOf('holidays.json'), 'holidays', HolidaysFileSchema, issues),
    readOne(path.join(dir, 'border-rules.json'), fileOf('border-rules.json'), 'rules', BorderRulesFileSchema, issues),
  ]);
  const calendars: Calendars = {
    sailings: sailings?.sailings ?? [],
    seasonal: seasonal?.effects ?? [],
    holidays: holidays?.holidays ?? [],
    borderRules: rules?.rules ?? [],
  };
  const citing: CitingRecord[] = [
    ...calendars.sailings.map((v, i) => ({ file: fileOf('sailings.json'), record: v.id, value: v, fieldPrefix: `sailings.${i}` })),
    ...calendars.seasonal.map((v, i) => ({ file: fileOf('seasonal.json'), record: v.id, value: v, fieldPrefix: `effects.${i}` })),
    ...calendars.holidays.map((v, i) => ({ file: fileOf('holidays.json'), record: v.id, value: v, fieldPrefix: `holidays.${i}` })),
    ...calendars.borderRules.map((v, i) => ({ file: fileOf('border-rules.json'), record: v.id, value: v, fieldPrefix: `rules.${i}` })),
  ];
  issues.push(...checkCalendars(calendars, network, fileOf), ...checkCitations(citing, network.sources, label(path.join(path.resolve(dataDir), REGISTER_FILE))));
  if (issues.length > 0) throw new InvalidDataError(issues);
  return calendars;
}
