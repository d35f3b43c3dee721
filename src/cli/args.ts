/**
 * Argument parsing for the command line: node:util parseArgs with the
 * options of one sub-command, and errors a planner can act on (an unknown
 * option gets a did-you-mean, a missing value says which).
 */
import { parseArgs } from 'node:util';
import { levenshtein } from '../domain/network/place-index.js';

/** Bad use of the command line: exit code 2, with the message and the usage line. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export type OptionKinds = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;

export interface Parsed {
  positionals: string[];
  values: Record<string, string | boolean | string[] | undefined>;
}

/** The known option nearest to a misspelt one, if near enough to be meant. */
export function nearestOption(name: string, known: readonly string[]): string | undefined {
  let best: { key: string; d: number } | undefined;
  for (const key of known) {
    const d = levenshtein(name, key);
    if (best === undefined || d < best.d) best = { key, d };
  }
  const prefix = known.find((k) => k.startsWith(name) || name.startsWith(k));
  if (best && best.d <= Math.max(1, Math.floor(name.length / 3))) return best.key;
  return prefix !== undefined && Math.min(name.length, prefix.length) >= 4 ? prefix : undefined;
}

export function parse(argv: readonly string[], options: OptionKinds): Parsed {
  try {
    const { positionals, values } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    return { positionals, values: values as Parsed['values'] };
  } catch (err) {
    const e = err as { code?: string; message: string };
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const name = /'(-{1,2}[^' ]+)/.exec(e.message)?.[1] ?? '';
      const near = nearestOption(name.replace(/^-+/, ''), Object.keys(options));
      throw new UsageError(`unknown option ${name}${near ? `; did you mean --${near}?` : ''}`);
    }
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(e.message.replace(/\.$/, '').replace(/^Option '(.+?)'.*argument missing$/, 'option $1 needs a value'));
    if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw new UsageError(e.message);
    throw err;
  }
}

/** A comma list option, possibly given several times ("--via Merv --via Herat" or "--via Merv,Herat"); coordinates "lat,lon" stay whole. */
export function listOption(value: string | boolean | string[] | undefined): string[] {
  if (value === undefined || typeof value === 'boolean') return [];
  const items = (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(',')).map((s) => s.trim()).filter((s) => s !== '');
  const out: string[] = [];
  const num = /^[+-]?\d{1,3}(\.\d+)?$/;
  for (let i = 0; i < items.length; i++) {
    if (num.test(items[i]!) && items[i + 1] !== undefined && num.test(items[i + 1]!)) {
      out.push(`${items[i]},${items[i + 1]}`);
      i++;
    } else out.push(items[i]!);
  }
  return out;
}

export const str = (v: string | boolean | string[] | undefined): string | undefined => (typeof v === 'string' ? v : Array.isArray(v) ? v.at(-1) : undefined);
