/**
 * `route FROM TO [options]`: plans routes as GET/POST /v1/routes does (same
 * schema, same place resolution, same planning and NO_ROUTE diagnosis, same
 * mappers), and prints them as a table, or as the API's JSON, CSV or GeoJSON.
 */
import { answerRoute, routeQuestion } from '../domain/planning/answer.js';
import { exportText, routeAnswerToWire, withPolylineGeometry } from '../http/mappers/route-answer.js';
import { coordinateMatches, routeAsk } from '../http/mappers/route-request.js';
import { routeTimeline } from '../http/mappers/route-timeline.js';
import { RouteRequestSchema } from '../http/schemas/route-request.js';
import type { RouteResponse, WireRoute } from '../http/schemas/route-response.js';
import { listOption, parse, str, UsageError, type OptionKinds } from './args.js';
import { planningOf, type CliContext } from './context.js';
import { FORMAT_OPTIONS, json, outputFormat } from './output.js';
import { table, type TableCell } from './table.js';
import { validate } from './validation.js';

export const ROUTE_USAGE =
  'route FROM TO [--via PLACE]... [--objective fastest|shortest|fewest-borders] [--include STATUS,...] [--modes MODE,...]\n' +
  '      [--alternatives N] [--max-overlap 0..1] [--avoid-countries CC,...] [--avoid-places P,...] [--avoid-crossings ID,...]\n' +
  '      [--avoid-corridors ID,...] [--avoid-links ID,...] [--scenario ID] [--as-of YYYY-MM] [--cargo-tonnes T] [--explain] [--geometry polyline]\n' +
  '      [--json | --csv | --geojson]';

const OPTIONS: OptionKinds = {
  via: { type: 'string', multiple: true },
  objective: { type: 'string' },
  include: { type: 'string', multiple: true },
  modes: { type: 'string', multiple: true },
  alternatives: { type: 'string' },
  'max-overlap': { type: 'string' },
  'avoid-countries': { type: 'string', multiple: true },
  'avoid-places': { type: 'string', multiple: true },
  'avoid-crossings': { type: 'string', multiple: true },
  'avoid-corridors': { type: 'string', multiple: true },
  'avoid-links': { type: 'string', multiple: true },
  scenario: { type: 'string' },
  'as-of': { type: 'string' },
  'cargo-tonnes': { type: 'string' },
  explain: { type: 'boolean' },
  geometry: { type: 'string' },
  ...FORMAT_OPTIONS,
};

const num = (v: string | undefined): number | undefined => (v === undefined ? undefined : v.trim() === '' ? Number.NaN : Number(v));

/** The options as a POST /v1/routes body (defaults left to the schema). */
function requestBody(positionals: readonly string[], v: Record<string, string | boolean | string[] | undefined>): { body: Record<string, unknown>; raw: Record<string, unknown> } {
  const [from, to, ...extra] = positionals;
  if (from === undefined || to === undefined) throw new UsageError('route needs an origin and a destination: route FROM TO');
  if (extra.length > 0) throw new UsageError(`route takes two places, got also ${extra.map((e) => JSON.stringify(e)).join(', ')} (quote a name with spaces: "Bandar Abbas")`);
  const raw: Record<string, unknown> = {
    alternatives: str(v.alternatives),
    maxOverlap: str(v['max-overlap']),
    cargoTonnes: str(v['cargo-tonnes']),
    objective: str(v.objective),
    scenario: str(v.scenario),
    asOf: str(v['as-of']),
    geometry: str(v.geometry),
  };
  const body: Record<string, unknown> = { from, to };
  const lists = { via: 'via', include: 'include', modes: 'modes', avoidCountries: 'avoid-countries', avoidPlaces: 'avoid-places', avoidCrossings: 'avoid-crossings', avoidCorridors: 'avoid-corridors', avoidLinks: 'avoid-links' } as const;
  for (const [key, option] of Object.entries(lists)) if (v[option] !== undefined) body[key] = listOption(v[option]);
  for (const key of ['alternatives', 'maxOverlap', 'cargoTonnes'] as const) if (raw[key] !== undefined) body[key] = num(raw[key] as string);
  for (const key of ['objective', 'scenario', 'asOf', 'geometry'] as const) if (raw[key] !== undefined) body[key] = raw[key];
  if (v.explain === true) body.explain = true;
  return { body, raw };
}

/** Plans the question: the same steps as /v1/routes. */
export function routeAnswer(ctx: CliContext, argv: readonly string[]): { response: RouteResponse; format: ReturnType<typeof outputFormat>; geometry: 'geojson' | 'polyline' } {
  const { positionals, values } = parse(argv, OPTIONS);
  const format = outputFormat(values, ['table', 'json', 'csv', 'geojson']);
  const { body, raw } = requestBody(positionals, values);
  const req = validate(RouteRequestSchema, body, raw);
  const ask = routeAsk(req);
  const data = planningOf(ctx);
  const response = routeAnswerToWire(answerRoute(data, routeQuestion(data, ask.query, ask.options)), {
    geometry: req.geometry,
    coordinateMatches: coordinateMatches(req, ctx.places),
  });
  return { response, format, geometry: req.geometry };
}

const h1 = (n: number): string => n.toFixed(1);
const band = (h: { low: number; typical: number; high: number }): string => `${h1(h.low)} / ${h1(h.typical)} / ${h1(h.high)}`;

function routeTable(r: WireRoute, of: number): string {
  const first = r.legs[0]!.from;
  const last = r.legs.at(-1)!.to;
  const lines = [
    `Route ${r.rank} of ${of}: ${first.name} → ${last.name}, ${h1(r.distanceKm)} km, ${r.transitDays.typical} days typical (${r.transitDays.low} to ${r.transitDays.high})`,
    `  countries ${r.countries.join(' → ')}; ${r.borderCrossings.length} border crossing(s), ${r.gaugeBreaks.length} gauge break(s); ` +
      `${r.co2.kgCo2e} kg CO2e (${r.co2.scope}) for ${r.co2.cargoTonnes} t`,
    `  corridors: ${r.corridors.length ? r.corridors.map((c) => `${c.name} ${h1(c.km)} km`).join(', ') : 'none'}`,
    '',
  ];
  const rows: TableCell[][] = routeTimeline(r).map((item): TableCell[] => {
    if (item.kind === 'leg') return [item.kind, `${item.leg.from.name} → ${item.leg.to.name}`, item.leg.mode, item.leg.km, band(item.hours), item.leg.status];
    if (item.kind === 'border-dwell') return ['border', item.crossing.name, null, null, band(item.hours), item.crossing.status];
    if (item.kind === 'gauge-change') {
      const g = item.gaugeBreak;
      return ['gauge', `${item.place.name}: ${g.fromGaugeMm} → ${g.toGaugeMm} mm, ${g.handling}${g.includedInDwell ? ' (in the border dwell)' : ''}`, null, null, band(item.hours), null];
    }
    if (item.kind === 'terminal') return ['terminal', `${item.place.name}: ${item.terminal.kind}`, null, null, band(item.hours), null];
    return ['transfer', `${item.place.name}: ${item.transfer.fromMode} → ${item.transfer.toMode}`, null, null, band(item.hours), null];
  });
  rows.push(['total', '', null, r.distanceKm, band(r.transitHours), null]);
  lines.push(table(['item', 'where', 'mode', 'km', 'hours low / typical / high', 'status'], rows).replace(/^/gm, '  ').trimEnd());
  lines.push('');
  lines.push(
    `  hours by component: ${Object.entries(r.hoursByComponent)
      .filter(([, h]) => h.high > 0)
      .map(([c, h]) => `${c} ${h1(h.typical)}`)
      .join(', ')}`,
  );
  for (const w of r.warnings) lines.push(`  ! ${w.code}: ${w.message}`);
  return lines.join('\n') + '\n';
}

export function routeText(response: RouteResponse): string {
  const head: string[] = [];
  for (const m of response.query.coordinateMatches) head.push(`${m.parameter} ${m.input} is ${m.place.name} (${m.place.id}), ${m.distanceKm} km away`);
  if (response.scenario) head.push(`scenario: ${response.scenario.name} (${response.scenario.id})`);
  return [...head.map((l) => `${l}\n`), ...response.routes.map((r) => routeTable(r, response.routes.length))].join('\n');
}

export function routeCommand(ctx: CliContext, argv: readonly string[]): string {
  const { response, format, geometry } = routeAnswer(ctx, argv);
  if (format === 'csv' || format === 'geojson') return format === 'geojson' ? `${exportText(response, format)}\n` : exportText(response, format);
  if (format === 'json') return json(geometry === 'polyline' ? withPolylineGeometry(response) : response);
  return routeText(response);
}
