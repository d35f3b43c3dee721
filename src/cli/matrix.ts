/** `matrix --sources A,B --targets C,D [options]`: km, typical hours and borders between every source and target, as POST /v1/matrix answers. */
import { matrixQuestion, matrixSteps } from '../domain/planning/answer-views.js';
import { runToEnd } from '../domain/planning/resilience.js';
import { matrixToWire } from '../http/mappers/matrix-to-wire.js';
import { MatrixRequestSchema, type MatrixResponse } from '../http/schemas/matrix.js';
import { listOption, parse, str, UsageError, type OptionKinds } from './args.js';
import { planningOf, type CliContext } from './context.js';
import { json, outputFormat } from './output.js';
import { table } from './table.js';
import { validate } from './validation.js';

export const MATRIX_USAGE = 'matrix --sources PLACE,... --targets PLACE,... [--objective ...] [--scenario ID] [--include STATUS,...] [--modes MODE,...] [--json]';

const OPTIONS: OptionKinds = {
  sources: { type: 'string', multiple: true },
  targets: { type: 'string', multiple: true },
  objective: { type: 'string' },
  scenario: { type: 'string' },
  include: { type: 'string', multiple: true },
  modes: { type: 'string', multiple: true },
  json: { type: 'boolean' },
};

export function matrixAnswer(ctx: CliContext, argv: readonly string[]): { response: MatrixResponse; format: 'table' | 'json' } {
  const { positionals, values } = parse(argv, OPTIONS);
  if (positionals.length > 0) throw new UsageError(`matrix takes its places as --sources and --targets, not ${positionals.map((p) => JSON.stringify(p)).join(', ')}`);
  const format = outputFormat(values, ['table', 'json']) as 'table' | 'json';
  // The body of POST /v1/matrix, checked by its schema.
  const body: Record<string, unknown> = { sources: listOption(values.sources), targets: listOption(values.targets) };
  if (values.include !== undefined) body.include = listOption(values.include);
  if (values.modes !== undefined) body.modes = listOption(values.modes);
  if (values.objective !== undefined) body.objective = str(values.objective);
  if (values.scenario !== undefined) body.scenario = str(values.scenario);
  const b = validate(MatrixRequestSchema, body, body);
  const data = planningOf(ctx);
  const q = matrixQuestion(data, b);
  return { response: matrixToWire(ctx.scenarios.base, q, runToEnd(matrixSteps(data, q))), format };
}

export function matrixText(m: MatrixResponse): string {
  const rows = m.sources.map((s, i) => [
    s.name,
    ...m.cells[i]!.map((c) => (c === null ? 'no route' : `${c.distanceKm} km, ${(c.typicalHours / 24).toFixed(1)} d, ${c.crossings} b`)),
  ]);
  return `${m.objective}${m.scenario ? `, scenario ${m.scenario.id}` : ''}: km, typical days (d) and borders (b) from each row to each column\n\n${table(['from \\ to', ...m.targets.map((t) => t.name)], rows)}`;
}

export function matrixCommand(ctx: CliContext, argv: readonly string[]): string {
  const { response, format } = matrixAnswer(ctx, argv);
  return format === 'json' ? json(response) : matrixText(response);
}
