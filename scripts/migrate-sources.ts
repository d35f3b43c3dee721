/**
 * Converts inline citations `{ "address": …, "statement": … }` in a data set
 * into register citations `{ "source": id, "statement": … }`, adding an entry
 * to `<dataDir>/sources.json` for every address the register does not hold.
 *
 *   npx tsx scripts/migrate-sources.ts [dataDir…]      (default: data)
 *   npx tsx scripts/migrate-sources.ts --dry-run data  (report only, write nothing)
 *
 * Safe to run again and on a data set that mixes both forms: register
 * citations are left as they are (their statements are added to the register
 * entry when missing), inline ones are matched against the register by
 * address. An address of several sources joined by ";" becomes one citation
 * per source with the same statement. Matching ignores scheme, "www." and a
 * trailing slash, and lets a full URL match a register address shortened
 * with "…" (the register then keeps the full URL). A citation whose address
 * fits several entries, or a shortened entry that gives too little to tell
 * (only a date), is left inline and reported: add the address to the right
 * entry's `aliases` and run again. Only the citation text of a data file is
 * rewritten; the rest of the file keeps its formatting byte for byte.
 *
 * Exit code 0 when nothing is left inline, 1 otherwise.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isCitationKey, normaliseAddress, type SourceEntry } from '../src/domain/network/source-register.js';

export const REGISTER = 'sources.json';

// ---------------------------------------------------------------- JSON with positions

/** A parsed JSON value with the character span [start, end) it occupies in the text. */
type Node =
  | { kind: 'object'; start: number; end: number; entries: { key: string; value: Node }[] }
  | { kind: 'array'; start: number; end: number; items: Node[] }
  | { kind: 'scalar'; start: number; end: number; value: unknown };

export function parseWithSpans(text: string): Node {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const fail = (what: string): never => {
    throw new Error(`invalid JSON at offset ${i}: ${what}`);
  };
  const value = (): Node => {
    ws();
    const start = i;
    const c = text[i];
    if (c === '{') {
      i++;
      const entries: { key: string; value: Node }[] = [];
      ws();
      if (text[i] === '}') return { kind: 'object', start, end: ++i, entries };
      for (;;) {
        ws();
        const k = value();
        if (k.kind !== 'scalar' || typeof k.value !== 'string') fail('expected a key');
        ws();
        if (text[i++] !== ':') fail('expected ":"');
        entries.push({ key: (k as { value: string }).value, value: value() });
        ws();
        const d = text[i++];
        if (d === '}') return { kind: 'object', start, end: i, entries };
        if (d !== ',') fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      i++;
      const items: Node[] = [];
      ws();
      if (text[i] === ']') return { kind: 'array', start, end: ++i, items };
      for (;;) {
        items.push(value());
        ws();
        const d = text[i++];
        if (d === ']') return { kind: 'array', start, end: i, items };
        if (d !== ',') fail('expected "," or "]"');
      }
    }
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
    } else {
      while (i < text.length && /[^\s,\]}]/.test(text[i]!)) i++;
    }
    if (i === start) fail('expected a value');
    return { kind: 'scalar', start, end: i, value: JSON.parse(text.slice(start, i)) as unknown };
  };
  const root = value();
  ws();
  if (i !== text.length) fail('trailing text');
  return root;
}

const field = (n: Node, key: string): unknown => {
  if (n.kind !== 'object') return undefined;
  const e = n.entries.find((x) => x.key === key);
  return e && e.value.kind === 'scalar' ? e.value.value : undefined;
};

// ---------------------------------------------------------------- addresses

const URL_LIKE = /^(https?:\/\/)?[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i;
const hasPath = (a: string): boolean => /\/\S/.test(a.replace(/^https?:\/\//i, ''));

/** Address, form and any note of one source as an inline citation writes it. */
export function describeAddress(piece: string): { address: string; form: SourceEntry['addressForm'] } {
  const p = piece.trim();
  if (p.includes('…')) return { address: p, form: 'shortened' };
  // "docslib.org/doc/1596878 (UNESCAP)": the URL, the remark kept as an alias.
  const noted = /^(\S+)\s+\(.*\)$/.exec(p);
  const url = noted && URL_LIKE.test(noted[1]!) ? noted[1]! : p;
  if (URL_LIKE.test(url) && hasPath(url)) return { address: /^https?:\/\//i.test(url) ? url : `https://${url}`, form: 'full' };
  return { address: p, form: 'descriptive' };
}

/** Does `s` fit the shortened `pattern` (pieces around "…" in order)? Both normalised. */
function fitsPattern(pattern: string, s: string): boolean {
  const parts = pattern.split('…');
  const first = parts[0]!.replace(/\/+$/, '');
  const last = parts[parts.length - 1]!;
  if (!s.startsWith(first) || !s.endsWith(last) || s.length < first.length + last.length) return false;
  let at = first.length;
  for (const mid of parts.slice(1, -1)) {
    const k = s.indexOf(mid, at);
    if (k < 0 || k + mid.length > s.length - last.length) return false;
    at = k + mid.length;
  }
  return true;
}

/** Two shortened forms that could be the same address: the known start of one begins the other, the known end of one ends the other. */
function compatibleShortened(a: string, b: string): boolean {
  const [a0, a1] = [a.split('…')[0]!.replace(/\/+$/, ''), a.split('…').at(-1)!];
  const [b0, b1] = [b.split('…')[0]!.replace(/\/+$/, ''), b.split('…').at(-1)!];
  return (a0.startsWith(b0) || b0.startsWith(a0)) && (a1.endsWith(b1) || b1.endsWith(a1));
}

const GENERIC = new Set(['news', 'wiki', 'article', 'articles', 'amp', 'post', 'blog', 'page', 'html', 'node', 'issues', 'print', 'business', 'transport', 'world', 'economy', 'infrastructure', 'freight', 'content']);

/** A shortened address whose known path is only dates and generic words cannot tell one article of the site from another. */
export function isWeakShortened(normalised: string): boolean {
  const slash = normalised.indexOf('/');
  const host = slash < 0 ? normalised.split('…')[0]! : normalised.slice(0, slash);
  const known = normalised.slice(host.length).split('…').join(' ');
  const rest = known
    .replace(/\b(19|20)\d\d\b/g, ' ')
    .split(/[^a-z0-9\u00c0-\uffff]+/i)
    .filter((w) => w !== '' && !GENERIC.has(w.toLowerCase()));
  return !rest.some((w) => /[a-z\u00c0-\uffff]{4,}/i.test(w) || /\d{4,}/.test(w));
}

export type Match =
  | { kind: 'exact'; id: string }
  | { kind: 'shortened'; id: string; registered: string }
  | { kind: 'ambiguous'; ids: string[]; reason: string }
  | { kind: 'none' };

/** Which register entry an address (one source, no ";") names. */
export function matchAddress(piece: string, register: readonly SourceEntry[]): Match {
  const forms = (s: SourceEntry) => [s.address, ...s.aliases];
  const candidates = [describeAddress(piece).address, piece].map(normaliseAddress);
  for (const s of register) for (const f of forms(s)) if (candidates.includes(normaliseAddress(f))) return { kind: 'exact', id: s.id };
  const n = candidates[0]!;
  const strong: { id: string; registered: string }[] = [];
  const weak = new Set<string>();
  for (const s of register) {
    for (const f of forms(s)) {
      const nf = normaliseAddress(f);
      const fShort = nf.includes('…');
      const nShort = n.includes('…');
      let fits = false;
      let weakFit = false;
      if (fShort && !nShort) {
        fits = fitsPattern(nf, n);
        weakFit = isWeakShortened(nf);
      } else if (!fShort && nShort) {
        fits = fitsPattern(n, nf);
        weakFit = isWeakShortened(n);
      } else if (fShort && nShort) {
        fits = compatibleShortened(nf, n);
        weakFit = isWeakShortened(nf) || isWeakShortened(n);
      }
      if (!fits) continue;
      if (weakFit) weak.add(s.id);
      else if (!strong.some((x) => x.id === s.id)) strong.push({ id: s.id, registered: f });
    }
  }
  if (strong.length === 1 && weak.size === 0) return { kind: 'shortened', ...strong[0]! };
  const ids = [...new Set([...strong.map((x) => x.id), ...weak])];
  if (ids.length === 0) return { kind: 'none' };
  const reason = strong.length > 1 ? 'fits several register entries' : 'fits a shortened register address that gives too little to tell (only a date or a site)';
  return { kind: 'ambiguous', ids, reason };
}

// ---------------------------------------------------------------- ids

const DROP_HOST = new Set(['www', 'en', 'amp', 'm', 'com', 'org', 'net', 'co', 'uk', 'gov', 'edu', 'info', 'io']);
const DROP_PATH = new Set(['wiki', 'amp', 'en', 'article', 'articles', 'html', 'htm', 'shtml', 'php', 'w', 'news', 'node', 's', 'p', 'doc', 'document']);

const slugWords = (s: string): string[] =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');

/** A readable, unique id for a new register entry: the site and the known part of the path. */
export function idFor(address: string, taken: ReadonlySet<string>): string {
  const { form } = describeAddress(address);
  let words: string[];
  if (form === 'descriptive') words = slugWords(address);
  else {
    const n = normaliseAddress(address.replace(/\s*\(.*\)$/, ''));
    const slash = n.search(/[/…]/);
    const host = slash < 0 ? n : n.slice(0, slash);
    const rest = slash < 0 ? '' : n.slice(slash);
    words = [...host.split('.').filter((h) => !DROP_HOST.has(h)).flatMap(slugWords), ...slugWords(rest).filter((w) => !DROP_PATH.has(w))];
  }
  let base = '';
  for (const w of words.length > 0 ? words : ['source']) {
    if (base !== '' && base.length + 1 + w.length > 72) break;
    base = base === '' ? w.slice(0, 72) : `${base}-${w}`;
  }
  let id = base;
  for (let k = 2; taken.has(id); k++) id = `${base}-${k}`;
  return id;
}

// ---------------------------------------------------------------- migration

/** The project's own reference notes, cited as "facts sheet §7 (…)": one entry, the section as locator. */
const FACTS_SHEET = /^(?:facts sheet|network-facts)\b\s*(.*)$/i;
export const FACTS_SHEET_ENTRY: SourceEntry = {
  id: 'network-facts',
  address: 'network facts sheet (the project reference notes on the corridors)',
  addressForm: 'descriptive',
  aliases: [],
  title: 'Network facts: rail freight corridors through Kazakhstan, Turkmenistan, Uzbekistan, Afghanistan, Pakistan, Iran, Azerbaijan, Georgia and Türkiye',
  publisher: null,
  published: null,
  publishedNote: 'unpublished reference notes compiled for the project; cited for derived figures and estimates it states with their method',
  read: null,
  readNote: 'the notes do not record when they were read',
  statements: [],
};

export interface Report {
  converted: number;
  alreadyMigrated: number;
  newEntries: string[];
  upgraded: string[];
  shortenedMatches: string[];
  left: string[];
  unknownIds: string[];
  /** Register entries no citation names (the data test fails on them). */
  uncited: string[];
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

function newEntry(piece: string, taken: Set<string>): SourceEntry {
  const { address, form } = describeAddress(piece);
  const id = idFor(piece, taken);
  taken.add(id);
  return {
    id,
    address,
    addressForm: form,
    aliases: normaliseAddress(address) === normaliseAddress(piece) ? [] : [piece.trim()],
    title: null,
    publisher: null,
    published: null,
    publishedNote: 'not looked up yet (entry added by scripts/migrate-sources.ts from an inline citation)',
    read: null,
    readNote: 'the inline citation did not record when the source was read',
    statements: [],
  };
}

const quoteKey = (id: string, statement: string): string => `${id}\u0000${statement}`;

/** Rewrites one file's text; returns the new text (or the same text when nothing changed). */
function migrateText(text: string, file: string, register: SourceEntry[], report: Report, quoted: Set<string>): string {
  const root = parseWithSpans(text);
  const byId = new Map(register.map((s) => [s.id, s]));
  const taken = new Set(register.map((s) => s.id));
  const edits: Edit[] = [];
  const addStatement = (s: SourceEntry, statement: string): void => {
    quoted.add(quoteKey(s.id, statement));
    if (!s.statements.includes(statement)) s.statements.push(statement);
  };
  const indentAt = (pos: number): string => {
    const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
    return /^[ \t]*/.exec(text.slice(lineStart, pos))![0];
  };
  const render = (node: Node, citations: Record<string, string>[]): string => {
    const multiLine = text.slice(node.start, node.end).includes('\n');
    const indent = indentAt(node.start);
    if (!multiLine) {
      return citations.map((c) => `{ ${Object.entries(c).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')} }`).join(', ');
    }
    return citations.map((c) => JSON.stringify(c, null, 2).split('\n').join(`\n${indent}`)).join(`,\n${indent}`);
  };

  /** The register ids an inline address names, or undefined (reported) when one of them cannot be told. */
  const resolve = (address: string, where: string): { ids: string[]; locator?: string } | undefined => {
    const facts = FACTS_SHEET.exec(address.trim());
    if (facts) {
      if (!byId.has(FACTS_SHEET_ENTRY.id)) {
        const e = structuredClone(FACTS_SHEET_ENTRY);
        register.push(e);
        byId.set(e.id, e);
        taken.add(e.id);
        report.newEntries.push(e.id);
      }
      return { ids: [FACTS_SHEET_ENTRY.id], ...(facts[1] ? { locator: facts[1] } : {}) };
    }
    const pieces = address.split(';').map((p) => p.trim()).filter((p) => p !== '');
    // Match every piece before changing anything, so a citation left inline leaves the register as it was.
    const matches = pieces.map((piece) => ({ piece, m: matchAddress(piece, register) }));
    const unclear = matches.filter((x) => x.m.kind === 'ambiguous');
    if (unclear.length > 0) {
      for (const { piece, m } of unclear) if (m.kind === 'ambiguous') report.left.push(`${where}: "${piece}" ${m.reason}: ${m.ids.join(', ')}`);
      return undefined;
    }
    const ids: string[] = [];
    for (const { piece, m } of matches) {
      if (m.kind === 'exact') ids.push(m.id);
      else if (m.kind === 'shortened') {
        const s = byId.get(m.id)!;
        const d = describeAddress(piece);
        if (s.addressForm === 'shortened' && d.form === 'full') {
          report.upgraded.push(`${s.id}: "${s.address}" → "${d.address}" (from ${where})`);
          s.aliases.push(s.address);
          s.address = d.address;
          s.addressForm = 'full';
        } else {
          report.shortenedMatches.push(`${where}: "${piece}" taken as ${s.id} ("${m.registered}")`);
          if (!s.aliases.some((a) => normaliseAddress(a) === normaliseAddress(piece))) s.aliases.push(piece);
        }
        ids.push(m.id);
      } else {
        // A piece repeated within one address, or new twice in one run, was registered by the first occurrence.
        const again = matchAddress(piece, register);
        if (again.kind === 'exact') {
          ids.push(again.id);
          continue;
        }
        const e = newEntry(piece, taken);
        register.push(e);
        byId.set(e.id, e);
        report.newEntries.push(e.id);
        ids.push(e.id);
      }
    }
    return { ids: [...new Set(ids)] };
  };

  const visit = (node: Node, at: string[], inCitationArray: boolean): void => {
    if (node.kind === 'array') {
      node.items.forEach((n, i) => visit(n, [...at, String(i)], inCitationArray));
      return;
    }
    if (node.kind !== 'object') return;
    const where = `${file} ${at.join('.')}`;
    const address = field(node, 'address');
    const statement = field(node, 'statement');
    if (typeof address === 'string' && typeof statement === 'string') {
      const r = resolve(address, where);
      if (r === undefined) return;
      if (r.ids.length > 1 && !inCitationArray) {
        report.left.push(`${where}: several sources in one citation outside a citation list; split it by hand`);
        return;
      }
      const locator = field(node, 'locator') ?? r.locator;
      for (const id of r.ids) addStatement(byId.get(id)!, statement);
      edits.push({
        start: node.start,
        end: node.end,
        text: render(
          node,
          r.ids.map((id) => ({ source: id, ...(typeof locator === 'string' ? { locator } : {}), statement })),
        ),
      });
      report.converted++;
      return;
    }
    const source = field(node, 'source');
    if (inCitationArray && typeof source === 'string' && typeof statement === 'string') {
      report.alreadyMigrated++;
      const s = byId.get(source);
      if (s === undefined) report.unknownIds.push(`${where}: unknown source "${source}"`);
      else addStatement(s, statement);
      return;
    }
    for (const e of node.entries) visit(e.value, [...at, e.key], isCitationKey(e.key) && e.value.kind === 'array');
  };
  visit(root, [], false);

  let out = text;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => (e.isDirectory() ? jsonFiles(path.join(dir, e.name)) : e.name.endsWith('.json') ? [path.join(dir, e.name)] : []));
}

/** Migrates one data folder in place (unless dryRun); returns what it did. */
export function migrateDataDir(dataDir: string, { dryRun = false } = {}): Report {
  const registerPath = path.join(dataDir, REGISTER);
  const register: SourceEntry[] = existsSync(registerPath) ? (JSON.parse(readFileSync(registerPath, 'utf8')) as SourceEntry[]) : [];
  for (const s of register) s.aliases ??= [];
  const report: Report = { converted: 0, alreadyMigrated: 0, newEntries: [], upgraded: [], shortenedMatches: [], left: [], unknownIds: [], uncited: [] };
  const quoted = new Set<string>();
  const before = JSON.stringify(register);
  const writes: [string, string][] = [];
  for (const abs of jsonFiles(dataDir)) {
    if (path.resolve(abs) === path.resolve(registerPath)) continue;
    const text = readFileSync(abs, 'utf8');
    const out = migrateText(text, path.relative(dataDir, abs).split(path.sep).join('/'), register, report, quoted);
    if (out !== text) writes.push([abs, out]);
  }
  // A statement no record quotes any more (the record was edited) leaves the register; an entry nobody cites is reported.
  // Nothing is pruned while a citation is left inline: it may be the one still quoting it.
  for (const s of register) {
    const kept = s.statements.filter((st) => quoted.has(quoteKey(s.id, st)));
    if (kept.length === 0) report.uncited.push(s.id);
    else if (report.left.length === 0) s.statements = kept;
  }
  if (!dryRun) {
    for (const [abs, out] of writes) writeFileSync(abs, out);
    if (JSON.stringify(register) !== before || !existsSync(registerPath)) {
      register.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      writeFileSync(registerPath, `${JSON.stringify(register, null, 2)}\n`);
    }
  }
  return report;
}

function main(): void {
  const args = process.argv.slice(2);
  const dryRun = args.includes('--dry-run');
  const dirs = args.filter((a) => a !== '--dry-run');
  let left = 0;
  for (const dir of dirs.length > 0 ? dirs : ['data']) {
    const r = migrateDataDir(dir, { dryRun });
    const lines = [
      `${dir}: ${r.converted} inline citation(s) converted, ${r.alreadyMigrated} already in register form, ${r.newEntries.length} new register entr${r.newEntries.length === 1 ? 'y' : 'ies'}${dryRun ? ' (dry run: nothing written)' : ''}`,
      ...r.newEntries.map((id) => `  new entry: ${id}`),
      ...r.upgraded.map((u) => `  full address learnt: ${u}`),
      ...r.shortenedMatches.map((m) => `  matched by a shortened form (check): ${m}`),
      ...r.unknownIds.map((m) => `  UNKNOWN ID: ${m}`),
      ...r.left.map((m) => `  LEFT INLINE: ${m}`),
      ...r.uncited.map((id) => `  not cited by any record (remove it or cite it): ${id}`),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    left += r.left.length + r.unknownIds.length;
  }
  if (left > 0) {
    process.stderr.write(`${left} citation(s) need a decision: add the address to the right entry's "aliases" in sources.json (or fix the id) and run again.\n`);
    process.exit(1);
  }
}

// Run only as a script, not when imported by the tests.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
