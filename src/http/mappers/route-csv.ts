/**
 * Wire routes → CSV (RFC 4180) with one row per leg, for spreadsheets: a
 * header row, CRLF line ends, fields quoted when they hold a comma, a quote
 * or a line break, and text that a spreadsheet would run as a formula
 * (starting with = + - @ or a tab) prefixed with an apostrophe.
 */
import type { WireRoute } from '../schemas/route-response.js';

export const CSV_COLUMNS = [
  'routeIndex',
  'legIndex',
  'linkId',
  'fromId',
  'fromName',
  'fromCountry',
  'toId',
  'toName',
  'toCountry',
  'mode',
  'km',
  'hoursLow',
  'hoursTypical',
  'hoursHigh',
  'gaugeMm',
  'status',
  'corridors',
  'kgCo2e',
  'co2FactorId',
  'estimated',
] as const;

type Cell = string | number | boolean | null;

export function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function routesToCsv(routes: readonly WireRoute[]): string {
  const rows: Cell[][] = [];
  for (const route of routes) {
    route.legs.forEach((leg, i) => {
      rows.push([
        route.rank,
        i + 1,
        leg.linkId,
        leg.from.id,
        leg.from.name,
        leg.from.country,
        leg.to.id,
        leg.to.name,
        leg.to.country,
        leg.mode,
        leg.km,
        leg.hours.low,
        leg.hours.typical,
        leg.hours.high,
        leg.gaugeMm,
        leg.status,
        // Corridors of one leg in one cell, separated by semicolons.
        leg.corridors.join(';'),
        leg.co2.kgCo2e,
        leg.co2.factorId,
        leg.estimated,
      ]);
    });
  }
  return [[...CSV_COLUMNS], ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
