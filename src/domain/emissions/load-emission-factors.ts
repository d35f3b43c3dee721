/**
 * Reads and checks data/emission-factors.json: shape, unique ids, every
 * default naming a factor of the right mode and traction, one scope for all.
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
  f.factors.forEach((x, i) => {
    if (byId.has(x.id)) issues.push({ file, record: x.id, field: 'id', message: `duplicate factor id "${x.id}"` });
    byId.set(x.id, x);
    if (x.scope !== f.scope) {
      issues.push({ file, record: x.id, field: `factors.${i}.scope`, message: `scope ${x.scope} differs from the set's scope ${f.scope}; totals would mix scopes` });
    }
  });
  for (const [kind, want] of Object.entries(EXPECTED) as [LegKind, { mode: string; traction?: string }][]) {
    const id = f.defaults[kind];
    const factor = byId.get(id);
    if (!factor) {
      issues.push({ file, record: 'defaults', field: `defaults.${kind}`, message: `unknown factor "${id}"` });
    } else if (factor.mode !== want.mode || factor.traction !== want.traction) {
      issues.push({ file, record: 'defaults', field: `defaults.${kind}`, message: `factor "${id}" is ${factor.mode}${factor.traction ? `/${factor.traction}` : ''}, expected ${want.mode}${want.traction ? `/${want.traction}` : ''}` });
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
        const record = top === 'factors' && typeof idx === 'number' ? ((raw as { factors?: { id?: string }[] }).factors?.[idx]?.id ?? `#${idx}`) : String(top ?? '-');
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
