/**
 * Domain Route → wire Route: ids become {id, name} references, hours and km
 * are rounded for display, days are derived from hours, and the places
 * passed become a GeoJSON line. No routing logic here.
 */
import type { Corridor, Place, Source } from '../../domain/network/schema.js';
import type { SourceEntry } from '../../domain/network/source-register.js';
import type { WireCitedSource } from '../schemas/source.js';
import { citationsToWire } from './source-to-wire.js';
import type { Hours, Route } from '../../domain/routing/route-types.js';
import type { WireRoute } from '../schemas/route-response.js';

/** What a wire route carries beyond the domain route: CO2 (route and per leg, in leg order) and, when asked, its explanation. */
export interface RouteWireExtras {
  co2: WireRoute['co2'];
  legCo2: readonly WireRoute['legs'][number]['co2'][];
  explanation?: WireRoute['explanation'];
}

/** Display precision: 0.1 km and 0.1 h are below what the data can tell apart. */
export const round1 = (n: number): number => Math.round(n * 10) / 10;

export function roundHours(h: Hours): Hours {
  return { low: round1(h.low), typical: round1(h.typical), high: round1(h.high) };
}

export function hoursToDays(h: Hours): Hours {
  return { low: round1(h.low / 24), typical: round1(h.typical / 24), high: round1(h.high / 24) };
}

/** Looks places, crossings and corridors up for their names; a dangling id is a bug upstream. */
export class WireNames {
  /** Only these three lookups by id are read: every caller passes the prepared network's NetworkIndex. */
  constructor(
    private readonly index: {
      placeById: ReadonlyMap<string, Place>;
      corridorById: ReadonlyMap<string, Corridor>;
      sourceById: ReadonlyMap<string, SourceEntry>;
    },
  ) {}

  /** Citations with their register entries in full. */
  sources(citations: readonly Source[]): WireCitedSource[] {
    return citationsToWire(this.index.sourceById, citations);
  }

  place(id: string): { id: string; name: string } {
    const p = this.index.placeById.get(id);
    if (!p) throw new Error(`route refers to unknown place ${id}`);
    return { id: p.id, name: p.name };
  }

  placeWithCountry(id: string): { id: string; name: string; country: string } {
    const p = this.index.placeById.get(id);
    if (!p) throw new Error(`route refers to unknown place ${id}`);
    return { id: p.id, name: p.name, country: p.country };
  }

  coordinates(id: string): [number, number] {
    const p = this.index.placeById.get(id);
    if (!p) throw new Error(`route refers to unknown place ${id}`);
    return [p.lon, p.lat];
  }

  corridorName(id: string): string {
    return this.index.corridorById.get(id)?.name ?? id;
  }
}

function legCo2At(extras: RouteWireExtras, i: number): WireRoute['legs'][number]['co2'] {
  const c = extras.legCo2[i];
  if (!c) throw new Error(`no CO2 figure for leg ${i + 1}`);
  return c;
}

export function routeToWire(route: Route, rank: number, names: WireNames, extras: RouteWireExtras): WireRoute {
  const byMode = route.distanceKmByMode;
  return {
    rank,
    distanceKm: round1(route.distanceKm),
    distanceKmByMode: {
      rail: round1(byMode.rail ?? 0),
      ferry: round1(byMode.ferry ?? 0),
      sea: round1(byMode.sea ?? 0),
      road: round1(byMode.road ?? 0),
    },
    transitHours: roundHours(route.hours.total),
    transitDays: hoursToDays(route.hours.total),
    hoursByComponent: {
      running: roundHours(route.hours.running),
      borderDwell: roundHours(route.hours.borderDwell),
      gaugeChange: roundHours(route.hours.gaugeChange),
      ferry: roundHours(route.hours.ferry),
      sea: roundHours(route.hours.sea),
      transfer: roundHours(route.hours.transfer),
      terminal: roundHours(route.hours.terminal),
    },
    borderCrossings: route.crossings.map((c) => ({
      id: c.crossingId,
      name: c.name,
      from: names.place(c.from),
      to: names.place(c.to),
      countries: [...c.countries],
      dwellHours: roundHours(c.dwellHours),
      gaugeChange: c.gaugeChange
        ? {
            fromGaugeMm: c.gaugeChange.fromGaugeMm,
            toGaugeMm: c.gaugeChange.toGaugeMm,
            handling: c.gaugeChange.handling,
            hours: roundHours(c.gaugeChange.hours),
            includedInDwell: c.gaugeChange.includedInDwell === true,
          }
        : null,
      status: c.status as WireRoute['borderCrossings'][number]['status'],
    })),
    gaugeBreaks: route.gaugeBreaks.map((g) => ({
      place: names.place(g.placeId),
      fromGaugeMm: g.fromGaugeMm,
      toGaugeMm: g.toGaugeMm,
      handling: g.handling,
      hours: roundHours(g.hours),
      crossingId: g.crossingId ?? null,
      includedInDwell: g.includedInDwell === true,
    })),
    modeTransfers: route.transfers.map((t) => ({
      place: names.place(t.placeId),
      fromMode: t.fromMode,
      toMode: t.toMode,
      hours: roundHours(t.hours),
      terminal: t.terminal === true,
    })),
    terminals: route.terminals.map((t) => ({ place: names.place(t.placeId), kind: t.kind, hours: roundHours(t.hours) })),
    countries: [...route.countries],
    corridors: route.corridors.map((c) => ({ id: c.id, name: names.corridorName(c.id), km: round1(c.km) })),
    legs: route.legs.map((l, i) => ({
      linkId: l.linkId,
      from: names.placeWithCountry(l.from),
      to: names.placeWithCountry(l.to),
      mode: l.mode,
      km: round1(l.km),
      hours: roundHours(l.hours),
      gaugeMm: l.gaugeMm ?? null,
      status: l.status,
      corridors: [...l.corridors],
      sources: names.sources(l.sources),
      estimated: l.estimated,
      co2: legCo2At(extras, i),
    })),
    warnings: route.warnings.map((w) => ({ code: w.code, message: w.message, refs: [...w.refs] })),
    geometry: { type: 'LineString', coordinates: route.places.map((id) => names.coordinates(id)) },
    co2: extras.co2,
    ...(extras.explanation ? { explanation: extras.explanation } : {}),
  };
}
