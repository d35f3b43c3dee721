/** The output formats every sub-command takes: a readable table (default) or --json, and for routes --csv and --geojson. */
import { UsageError } from './args.js';

export type OutputFormat = 'table' | 'json' | 'csv' | 'geojson';

export const FORMAT_OPTIONS = {
  json: { type: 'boolean' },
  csv: { type: 'boolean' },
  geojson: { type: 'boolean' },
} as const;

export function outputFormat(values: Record<string, unknown>, offered: readonly OutputFormat[]): OutputFormat {
  const asked = (['json', 'csv', 'geojson'] as const).filter((f) => values[f] === true);
  if (asked.length > 1) throw new UsageError(`choose one output format, not ${asked.map((f) => `--${f}`).join(' and ')}`);
  const f = asked[0] ?? 'table';
  if (!offered.includes(f)) throw new UsageError(`--${f} is not offered here; choose ${offered.filter((o) => o !== 'table').map((o) => `--${o}`).join(', ')} or none for a table`);
  return f;
}

export const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
