/**
 * Options checked by the API's own zod schemas, so the command line takes
 * exactly what the API takes; issues are worded as the API words them
 * (http/error-handler.ts) and named by their option (--avoid-countries).
 */
import type { z } from 'zod';
import { plainMessage } from '../http/error-handler.js';
import { UsageError } from './args.js';

/** avoidCountries → --avoid-countries; via[2] → --via (item 3). */
export function optionName(parameter: string): string {
  const m = /^([A-Za-z]+)(?:\[(\d+)\])?/.exec(parameter);
  const base = (m?.[1] ?? parameter).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return m?.[2] === undefined ? `--${base}` : `--${base} (item ${Number(m[2]) + 1})`;
}

export function validate<S extends z.ZodType>(schema: S, input: Record<string, unknown>, raw: Record<string, unknown>, names: (p: string) => string = optionName): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const lines = r.error.issues.map((issue) => {
    const parameter = issue.path.map(String).join('.') || 'options';
    const top = String(issue.path[0] ?? '');
    const sent = issue.path.length === 1 ? raw[top] : undefined;
    const message = plainMessage(issue.code, issue as unknown as Record<string, unknown>, issue.message, sent);
    return `${names(parameter)}: ${message}`;
  });
  throw new UsageError(lines.join('\n'));
}
