/** `compare FROM TO [options]`: today and each named scenario side by side, as GET /v1/compare answers. */
import { answerCompare } from '../domain/planning/answer-views.js';
import { compareAsk } from '../http/mappers/compare-request.js';
import { compareToWire } from '../http/mappers/compare-to-wire.js';
import { CompareQuerySchema, type CompareResponse } from '../http/schemas/compare.js';
import { listOption, parse, str, UsageError, type OptionKinds } from './args.js';
import { planningOf, type CliContext } from './context.js';
import { json, outputFormat } from './output.js';
import { table, type TableCell } from './table.js';
import { validate } from './validation.js';

export const COMPARE_USAGE = 'compare FROM TO [--scenarios ID,...] [--objective fastest|shortest|fewest-borders] [--modes MODE,...] [--cargo-tonnes T] [--json]';

const OPTIONS: OptionKinds = {
  scenarios: { type: 'string', multiple: true },
  objective: { type: 'string' },
  modes: { type: 'string', multiple: true },
  'cargo-tonnes': { type: 'string' },
  json: { type: 'boolean' },
};

export function compareAnswer(ctx: CliContext, argv: readonly string[]): { response: CompareResponse; format: 'table' | 'json' } {
  const { positionals, values } = parse(argv, OPTIONS);
  const format = outputFormat(values, ['table', 'json']) as 'table' | 'json';
  const [from, to, ...extra] = positionals;
  if (from === undefined || to === undefined || extra.length > 0) throw new UsageError('compare takes two places: compare FROM TO');
  // The query string of GET /v1/compare, checked by its schema.
  const input: Record<string, unknown> = { from, to };
  if (values.scenarios !== undefined) input.scenarios = listOption(values.scenarios).join(',');
  if (values.modes !== undefined) input.modes = listOption(values.modes).join(',');
  if (values.objective !== undefined) input.objective = str(values.objective);
  if (values['cargo-tonnes'] !== undefined) input.cargoTonnes = str(values['cargo-tonnes']);
  const q = validate(CompareQuerySchema, input, input);
  // The same planning as the API: places with suggestions, every scenario by default, the cargo rules.
  const c = answerCompare(planningOf(ctx), compareAsk(q));
  return { response: compareToWire(ctx.scenarios.base, c), format };
}

const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));

export function compareText(r: CompareResponse): string {
  const row = (name: string, route: CompareResponse['today']['route'], reason: string | null, d: CompareResponse['scenarios'][number]['differences'] | null): TableCell[] =>
    route === null
      ? [name, null, null, null, null, null, null, null, `no route: ${reason ?? ''}`]
      : [
          name,
          route.distanceKm,
          route.transitDays.typical,
          route.transitDays.high,
          route.crossings,
          route.gaugeBreaks,
          d ? signed(d.distanceKm) : null,
          d ? signed(d.typicalDays) : null,
          route.countries.join(' '),
        ];
  const rows = [row('today', r.today.route, r.today.reason, null), ...r.scenarios.map((s) => row(s.scenario.id, s.route, s.reason, s.differences))];
  return `${r.query.from.name} → ${r.query.to.name}, ${r.query.objective}\n\n${table(['network', 'km', 'days', 'days high', 'borders', 'gauge breaks', 'Δ km', 'Δ days', 'countries'], rows)}`;
}

export function compareCommand(ctx: CliContext, argv: readonly string[]): string {
  const { response, format } = compareAnswer(ctx, argv);
  return format === 'json' ? json(response) : compareText(response);
}
