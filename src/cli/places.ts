/**
 * `places [QUERY]`: places whose id, name, alias or UN/LOCODE contains the
 * query (all of them without one), as GET /v1/places searches; or, for
 * coordinates "lat,lon", the place they resolve to and how far away it is.
 */
import { COORDINATE_SNAP_KM, parseCoordinates } from '../domain/network/place-index.js';
import type { Place } from '../domain/network/schema.js';
import { parse, UsageError, type OptionKinds } from './args.js';
import type { CliContext } from './context.js';
import { json, outputFormat } from './output.js';
import { table } from './table.js';

export const PLACES_USAGE = 'places [QUERY | LAT,LON] [--country CC] [--json]';

const OPTIONS: OptionKinds = { country: { type: 'string' }, json: { type: 'boolean' } };

const brief = (p: Place) => ({ id: p.id, name: p.name, country: p.country, kind: p.kind, unlocode: p.unlocode ?? null, aliases: [...p.aliases], lat: p.lat, lon: p.lon });

export function placesCommand(ctx: CliContext, argv: readonly string[]): string {
  const { positionals, values } = parse(argv, OPTIONS);
  const format = outputFormat(values, ['table', 'json']);
  if (positionals.length > 1) throw new UsageError('places takes one query; quote a name with spaces: places "Bandar Abbas"');
  const q = positionals[0] ?? '';
  if (parseCoordinates(q) !== undefined) {
    const m = ctx.places.coordinateMatch(q)!;
    const km = Math.round(m.distanceKm * 10) / 10;
    const within = km <= COORDINATE_SNAP_KM;
    if (format === 'json') return json({ input: q, place: brief(m.place), distanceKm: km, withinSnapKm: within, snapKm: COORDINATE_SNAP_KM });
    return `${q}: nearest place ${m.place.name} (${m.place.id}, ${m.place.country}), ${km} km away; ` +
      (within ? `used for from/to/via.\n` : `beyond ${COORDINATE_SNAP_KM} km, so not used for routes.\n`);
  }
  const country = typeof values.country === 'string' ? values.country.toUpperCase() : undefined;
  const found = (q === '' ? [...ctx.network.places].sort((a, b) => a.name.localeCompare(b.name)) : ctx.places.search(q)).filter(
    (p) => country === undefined || p.country === country,
  );
  if (format === 'json') return json(found.map(brief));
  if (found.length === 0) {
    const near = ctx.places.suggest(q);
    return `no place matches "${q}"${near.length ? `; did you mean ${near.map((p) => `${p.name} (${p.id})`).join(', ')}?` : ''}\n`;
  }
  return table(['id', 'name', 'country', 'kind', 'UN/LOCODE'], found.map((p) => [p.id, p.name, p.country, p.kind, p.unlocode ?? null]));
}
