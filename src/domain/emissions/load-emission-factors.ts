/**
 * Reads and checks data/emission-factors.json: shape, unique ids, every
 * default naming a factor of the right mode and traction that can give a WTW
 * figure (a WTT part, or for electric traction an energy use), one grid
 * figure per country.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InvalidDataError } from '../errors.js';
import type { DataIssue } from '../errors.js';
import { EmissionFactorsSchema } from './emission-schema.js';
import { checkCitations, loadSourceRegister, REGISTER_FILE } from '../network/load-sources.js';
import type { SourceEntry } from '../network/source-register.js';
import type { EmissionFactors, LegKind } from './emission-schema.js';

const EXPECTED: Record<LegKind, { mode: string; traction?: string }> = {
  'rail-diesel': { mode: 'rail', traction: 'diesel' },
  'rail-electric': { mode: 'rail', traction: 'electric' },
  ferry: { mode: 'ferry' },
  sea: { mode: 'sea' },
  road: { mode: 'road' },
};

/** Cross-field rules; returns issues for `file`. */
export function checkEmissionFactors(f: EmissionFactors, file: string): DataIssue[] {
  const issues: DataIssue[] = [];
  const byId = new Map<string, EmissionFactors['factors'][number]>();
  f.factors.forEach((x) => {
    if (byId.has(x.id)) issues.push({ file, record: x.id, field: 'id', message: `duplicate factor id "${x.id}"` });
    byId.set(x.id, x);
  });
  const countries = new Set<string>();
  f.grid.forEach((g, i) => {
    if (countries.has(g.country)) issues.push({ file, record: g.country, field: `grid.${i}.country`, message: `second grid figure for ${g.country}` });
    countries.add(g.country);
  });
  const hubIds = new Set<string>();
  f.hubs.forEach((h, i) => {
    if (hubIds.has(h.id)) issues.push({ file, record: h.id, field: `hubs.${i}.id`, message: `duplicate hub factor id "${h.id}"` });
    hubIds.add(h.id);
  });
  for (const [kind, want] of Object.entries(EXPECTED) as [LegKind, { mode: string; traction?: string }][]) {
    const id = f.defaults[kind];
    const factor = byId.get(id);
    if (!factor) {
      issues.push({ file, record: 'defaults', field: `defaults.${kind}`, message: `unknown factor "${id}"` });
    } else if (factor.mode !== want.mode || factor.traction !== want.traction) {
      issues.push({ file, record: 'defaults', field: `defaults.${kind}`, message: `factor "${id}" is ${factor.mode}${factor.traction ? `/${factor.traction}` : ''}, expected ${want.mode}${want.traction ? `/${want.traction}` : ''}` });
    } else if (factor.wttKgCo2ePerTkm === undefined && factor.energyKwhPerTkm === undefined) {
      issues.push({ file, record: 'defaults', field: `defaults.${kind}`, message: `factor "${id}" has no WTT part, so a route could not get a WTW figure` });
    }
  }
  return issues;
}

/**
 * Loads `<dataDir>/emission-factors.json`; throws InvalidDataError listing
 * every problem. Citations are checked against `sources` (the network's
 * register), or against `<dataDir>/sources.json` when not given.
 */
export async function loadEmissionFactors(dataDir: string, sources?: readonly SourceEntry[]): Promise<EmissionFactors> {
  const abs = path.join(dataDir, 'emission-factors.json');
  const file = path.relative(path.dirname(path.resolve(dataDir)), path.resolve(abs));
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(abs, 'utf8'));
  } catch (e) {
    throw new InvalidDataError([{ file, record: '-', field: '-', message: `cannot read or parse: ${(e as Error).message}` }]);
  }
  const parsed = EmissionFactorsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new InvalidDataError(
      parsed.error.issues.map((i) => {
        const [top, idx] = i.path;
        const list = (raw as Record<string, unknown>)[String(top)];
        const item = Array.isArray(list) && typeof idx === 'number' ? (list[idx] as { id?: string; country?: string } | undefined) : undefined;
        const record = typeof idx === 'number' && Array.isArray(list) ? (item?.id ?? item?.country ?? `#${idx}`) : String(top ?? '-');
        return { file, record, field: i.path.join('.') || '-', message: i.message };
      }),
    );
  }
  const register = sources ?? (await loadSourceRegister(dataDir));
  const registerFile = path.relative(path.dirname(path.resolve(dataDir)), path.resolve(dataDir, REGISTER_FILE));
  const issues = [
    ...checkEmissionFactors(parsed.data, file),
    ...checkCitations(
      parsed.data.factors.map((f, i) => ({ file, record: f.id, value: f, fieldPrefix: `factors.${i}` })),
      register,
      registerFile,
    ),
  ];
  if (issues.length > 0) throw new InvalidDataError(issues);
  return parsed.data;
}
