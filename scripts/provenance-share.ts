/**
 * Counts the figures of the data set by provenance basis (sourced / derived /
 * estimate): every provenance object in data/**\/*.json (an object with a
 * `basis`: a `provenance` field, or a link's `length`), grouped by the file's
 * folder. Prints a table and the shares.
 *
 *   npx tsx scripts/provenance-share.ts [dataDir]
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

type Basis = 'sourced' | 'derived' | 'estimate';
const BASES: readonly Basis[] = ['sourced', 'derived', 'estimate'];

async function jsonFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await jsonFiles(abs)));
    else if (e.name.endsWith('.json')) out.push(abs);
  }
  return out.sort();
}

function countBases(v: unknown, into: Record<Basis, number>): void {
  if (Array.isArray(v)) {
    for (const x of v) countBases(x, into);
    return;
  }
  if (v === null || typeof v !== 'object') return;
  const o = v as Record<string, unknown>;
  if (typeof o.basis === 'string' && (BASES as readonly string[]).includes(o.basis)) into[o.basis as Basis] += 1;
  for (const x of Object.values(o)) countBases(x, into);
}

export async function provenanceShare(dataDir: string): Promise<Map<string, Record<Basis, number>>> {
  const groups = new Map<string, Record<Basis, number>>();
  for (const abs of await jsonFiles(dataDir)) {
    const group = path.relative(dataDir, path.dirname(abs)) || path.basename(abs, '.json');
    const into = groups.get(group) ?? { sourced: 0, derived: 0, estimate: 0 };
    countBases(JSON.parse(await readFile(abs, 'utf8')), into);
    groups.set(group, into);
  }
  return groups;
}

async function main(): Promise<void> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const dataDir = path.resolve(process.argv[2] ?? path.join(root, 'data'));
  const groups = await provenanceShare(dataDir);
  const total: Record<Basis, number> = { sourced: 0, derived: 0, estimate: 0 };
  const rows = ['| data | sourced | derived | estimate |', '|---|---|---|---|'];
  for (const [g, c] of groups) {
    if (c.sourced + c.derived + c.estimate === 0) continue;
    rows.push(`| ${g} | ${c.sourced} | ${c.derived} | ${c.estimate} |`);
    for (const b of BASES) total[b] += c[b];
  }
  const n = total.sourced + total.derived + total.estimate;
  const pct = (b: Basis): string => `${((100 * total[b]) / n).toFixed(1)} %`;
  rows.push(`| all (${n} figures) | ${total.sourced} (${pct('sourced')}) | ${total.derived} (${pct('derived')}) | ${total.estimate} (${pct('estimate')}) |`);
  process.stdout.write(`${rows.join('\n')}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
