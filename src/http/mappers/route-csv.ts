/**
 * Wire routes → CSV (RFC 4180) for spreadsheets: a header row, then per route
 * one row for everything that takes time, in travel order (legs, border
 * dwells, gauge changes, changes of mode; `kind` says which and `component`
 * which part of hoursByComponent it counts in), one `component` row per
 * component of hoursByComponent, and a `total` row with transitHours, the km
 * and the CO2. The hours of a route's item rows add up to its total row (up
 * to the 0.1 h rounding of each row), in every band: low, typical and high.
 *
 * CRLF line ends, fields quoted when they hold a comma, a quote or a line
 * break, and text that a spreadsheet would run as a formula (starting with
 * = + - @ or a tab) prefixed with an apostrophe.
 */
import type { WireRoute } from '../schemas/route-response.js';
import { componentsOf, routeTimeline, type TimelineItem } from './route-timeline.js';

export const CSV_COLUMNS = [
  'routeIndex',
  'kind',
  'component',
  'legIndex',
  'ref',
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
  'note',
] as const;

/** What the `kind` column holds. */
export const CSV_ROW_KINDS = ['leg', 'border-dwell', 'gauge-change', 'transfer', 'component', 'total'] as const;

type Cell = string | number | boolean | null;
type Row = Record<(typeof CSV_COLUMNS)[number], Cell>;

export function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const EMPTY: Row = Object.fromEntries(CSV_COLUMNS.map((c) => [c, null])) as Row;

/** An event at one place (gauge change, change of mode, terminal): it starts and ends there. */
function atPlace(p: { id: string; name: string; country: string }) {
  return { fromId: p.id, fromName: p.name, fromCountry: p.country, toId: p.id, toName: p.name, toCountry: p.country };
}

function itemRow(route: WireRoute, item: TimelineItem): Row {
  const base: Row = {
    ...EMPTY,
    routeIndex: route.rank,
    kind: item.kind,
    component: item.component,
    hoursLow: item.hours.low,
    hoursTypical: item.hours.typical,
    hoursHigh: item.hours.high,
  };
  switch (item.kind) {
    case 'leg': {
      const leg = item.leg;
      return {
        ...base,
        legIndex: item.legIndex,
        ref: leg.linkId,
        fromId: leg.from.id,
        fromName: leg.from.name,
        fromCountry: leg.from.country,
        toId: leg.to.id,
        toName: leg.to.name,
        toCountry: leg.to.country,
        mode: leg.mode,
        km: leg.km,
        gaugeMm: leg.gaugeMm,
        status: leg.status,
        // Corridors of one leg in one cell, separated by semicolons.
        corridors: leg.corridors.join(';'),
        kgCo2e: leg.co2.kgCo2e,
        co2FactorId: leg.co2.factorId,
        estimated: leg.estimated,
      };
    }
    case 'border-dwell': {
      const c = item.crossing;
      return {
        ...base,
        ref: c.id,
        fromId: c.from.id,
        fromName: c.from.name,
        fromCountry: c.countries[0] ?? null,
        toId: c.to.id,
        toName: c.to.name,
        toCountry: c.countries[1] ?? null,
        status: c.status,
        note: `border crossing ${c.name}${c.gaugeChange?.includedInDwell ? ' (dwell includes the gauge change)' : ''}`,
      };
    }
    case 'gauge-change': {
      const g = item.gaugeBreak;
      return {
        ...base,
        ref: g.crossingId ?? item.place.id,
        ...atPlace(item.place),
        gaugeMm: g.toGaugeMm,
        note:
          `gauge ${g.fromGaugeMm} mm to ${g.toGaugeMm} mm by ${g.handling}` +
          (g.includedInDwell ? `, included in the border dwell (facility time ${g.hours.typical} h typical, not added again)` : ''),
      };
    }
    case 'transfer': {
      return {
        ...base,
        ref: item.place.id,
        ...atPlace(item.place),
        mode: item.transfer.toMode,
        note: `change of mode from ${item.transfer.fromMode} to ${item.transfer.toMode}${item.transfer.terminal ? " (a port's rail terminal)" : ''}`,
      };
    }
    case 'terminal': {
      return {
        ...base,
        ref: item.place.id,
        ...atPlace(item.place),
        note: TERMINAL_NOTE[item.terminal.kind],
      };
    }
  }
}

/** What a terminal row stands for. */
export const TERMINAL_NOTE = {
  origin: 'terminal time where the route starts by rail (forming, loading, departure formalities)',
  destination: 'terminal time where the route ends by rail (arrival, unloading, hand-over)',
  yard: 'marshalling yard passed',
} as const;

function routeRows(route: WireRoute): Row[] {
  const rows = routeTimeline(route).map((item) => itemRow(route, item));
  for (const component of componentsOf(route)) {
    const h = route.hoursByComponent[component];
    rows.push({ ...EMPTY, routeIndex: route.rank, kind: 'component', component, hoursLow: h.low, hoursTypical: h.typical, hoursHigh: h.high });
  }
  const firstLeg = route.legs[0];
  const lastLeg = route.legs.at(-1);
  rows.push({
    ...EMPTY,
    routeIndex: route.rank,
    kind: 'total',
    fromId: firstLeg?.from.id ?? null,
    fromName: firstLeg?.from.name ?? null,
    fromCountry: firstLeg?.from.country ?? null,
    toId: lastLeg?.to.id ?? null,
    toName: lastLeg?.to.name ?? null,
    toCountry: lastLeg?.to.country ?? null,
    km: route.distanceKm,
    hoursLow: route.transitHours.low,
    hoursTypical: route.transitHours.typical,
    hoursHigh: route.transitHours.high,
    corridors: route.corridors.map((c) => c.id).join(';'),
    kgCo2e: route.co2.kgCo2e,
    note: `${route.transitDays.low} / ${route.transitDays.typical} / ${route.transitDays.high} days; countries ${route.countries.join(' ')}`,
  });
  return rows;
}

export function routesToCsv(routes: readonly WireRoute[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const route of routes) for (const row of routeRows(route)) lines.push(CSV_COLUMNS.map((c) => csvField(row[c])).join(','));
  return lines.join('\r\n') + '\r\n';
}
