/**
 * Reads data/scenarios/*.json (one scenario per file, file name = id) and
 * checks each against the network by applying its overlays: an unknown id or
 * an overlay that breaks a data-set rule is a data error, found at start-up.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { DomainError, InvalidDataError } from '../errors.js';
import type { DataIssue } from '../errors.js';
import type { Network } from '../network/schema.js';
import { checkCitations, REGISTER_FILE } from '../network/load-sources.js';
import { applyOverlays } from './apply-overlays.js';
import { ScenarioSchema } from './scenario-schema.js';
import type { Scenario } from './scenario-schema.js';

async function listJson(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  } catch (e) {
    // No scenarios folder simply means no named scenarios.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

/** Turns an overlay error into issues on the scenario's `overlays.<i>.<field>`. */
function overlayIssues(err: DomainError, file: string, record: string): DataIssue[] {
  const d = err.details as { overlayIndex?: number; field?: string; overlayIssues?: { record: string; field: string; message: string }[] };
  if (d.overlayIssues) {
    return d.overlayIssues.map((i) => ({ file, record, field: 'overlays', message: `after applying the overlays, ${i.record}.${i.field}: ${i.message}` }));
  }
  const field = d.overlayIndex === undefined ? 'overlays' : `overlays.${d.overlayIndex}${d.field ? `.${d.field}` : ''}`;
  return [{ file, record, field, message: err.message }];
}

export async function loadScenarios(dataDir: string, net: Network): Promise<Scenario[]> {
  const dir = path.join(dataDir, 'scenarios');
  const base = path.dirname(path.resolve(dataDir));
  const issues: DataIssue[] = [];
  const scenarios: Scenario[] = [];
  const seen = new Map<string, string>();

  for (const name of await listJson(dir)) {
    const abs = path.join(dir, name);
    const file = path.relative(base, path.resolve(abs));
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(abs, 'utf8'));
    } catch (e) {
      issues.push({ file, record: '-', field: '-', message: `cannot read or parse: ${(e as Error).message}` });
      continue;
    }
    const rawId = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : '#0';
    const parsed = ScenarioSchema.safeParse(raw);
    if (!parsed.success) {
      for (const i of parsed.error.issues) issues.push({ file, record: rawId, field: i.path.join('.') || '-', message: i.message });
      continue;
    }
    const s = parsed.data;
    if (name !== `${s.id}.json`) issues.push({ file, record: s.id, field: 'id', message: `the file must be named after the id ("${s.id}.json")` });
    const other = seen.get(s.id);
    if (other) issues.push({ file, record: s.id, field: 'id', message: `duplicate scenario id, also in ${other}` });
    seen.set(s.id, file);
    const cited = checkCitations([{ file, record: s.id, value: s }], net.sources, path.relative(base, path.resolve(dataDir, REGISTER_FILE)));
    if (cited.length > 0) {
      issues.push(...cited);
      continue;
    }
    try {
      applyOverlays(net, s.overlays);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      issues.push(...overlayIssues(e, file, s.id));
      continue;
    }
    scenarios.push(s);
  }
  if (issues.length > 0) throw new InvalidDataError(issues);
  return scenarios;
}
