/**
 * Literal networks for routing tests: compact constructors that fill the
 * provenance and source fields the schema requires, so a test states only the
 * figures its hand-worked answer depends on.
 */
import type { SourceEntry } from '../../../src/domain/network/source-register.js';
import type { Crossing, Gauge, Link, Network, Parameters, Place, Range } from '../../../src/domain/network/schema.js';

const src = [{ source: 'test', statement: 'made up for a test' }];

/** The one register entry `src` cites. */
export const TEST_SOURCE: SourceEntry = {
  id: 'test', address: 'made up for a test', addressForm: 'descriptive', aliases: [], title: null, publisher: null,
  published: null, publishedNote: 'made up for a test', read: null, readNote: 'made up for a test', statements: ['made up for a test'],
};

export function range(low: number, typical: number, high: number, basis: 'sourced' | 'estimate' = 'sourced'): Range {
  return { low, typical, high, provenance: basis === 'sourced' ? { basis } : { basis, method: 'test estimate' } };
}

export function place(id: string, country: string, extra: Partial<Place> = {}): Place {
  return { id, name: id, aliases: [], country, kind: 'station', lat: 0, lon: 0, coordinates: { basis: 'sourced' }, sources: [], ...extra };
}

export function rail(id: string, from: string, to: string, km: number, gaugeMm: Gauge, extra: Partial<Link> = {}): Link {
  return {
    id, from, to, mode: 'rail', lengthKm: km, length: { basis: 'sourced' }, gaugeMm, status: 'operational',
    statusAsOf: '2025', corridors: [], sources: src, ...extra,
  };
}

export function road(id: string, from: string, to: string, km: number, extra: Partial<Link> = {}): Link {
  return { id, from, to, mode: 'road', lengthKm: km, length: { basis: 'sourced' }, status: 'operational', statusAsOf: '2025', corridors: [], sources: src, ...extra };
}

/** A ferry whose crossing + wait + handling are given as typical hours (low = high = typical). */
export function ferry(id: string, from: string, to: string, km: number, crossing: number, wait: number, handling: number, extra: Partial<Link> = {}): Link {
  return {
    id, from, to, mode: 'ferry', lengthKm: km, length: { basis: 'sourced' }, status: 'operational', statusAsOf: '2025', corridors: [], sources: src,
    ferry: { crossingHours: range(crossing, crossing, crossing), waitHours: range(wait, wait, wait), handlingHours: range(handling, handling, handling) },
    ...extra,
  };
}

export function sea(id: string, from: string, to: string, km: number, handling: number, extra: Partial<Link> = {}): Link {
  return {
    id, from, to, mode: 'sea', lengthKm: km, length: { basis: 'sourced' }, status: 'operational', statusAsOf: '2025', corridors: [], sources: src,
    sea: { handlingHours: range(handling, handling, handling) }, ...extra,
  };
}

export function crossing(
  id: string,
  places: [string, string],
  countries: [string, string],
  dwell: number,
  extra: Partial<Crossing> = {},
): Crossing {
  return {
    id, name: id, places, countries, modes: ['rail'], dwell: [{ hours: range(dwell, dwell, dwell), sources: [] }],
    gaugeChange: { handling: 'none', includedInDwell: false }, status: 'open', statusAsOf: '2025', statusSources: [], sources: src, ...extra,
  };
}

/** Speeds: every listed country runs rail at `rail` km/h and road at `road` km/h (low = high = typical unless given). */
export function parameters(countries: readonly string[], speeds: { rail?: Range; road?: Range; knots?: Range; transfer?: Range } = {}): Parameters {
  const railSpeed = speeds.rail ?? range(50, 50, 50);
  const roadSpeed = speeds.road ?? range(40, 40, 40);
  return {
    dataVersion: 'test',
    dataDate: '2025',
    speedRules: countries.flatMap((c) => [
      { id: `${c.toLowerCase()}-rail`, country: c, mode: 'rail' as const, speedKmh: { ...railSpeed }, sources: [] },
      { id: `${c.toLowerCase()}-road`, country: c, mode: 'road' as const, speedKmh: { ...roadSpeed }, sources: [] },
    ]),
    seaSpeedKnots: speeds.knots ?? range(10, 10, 10),
    railRoadTransferHours: speeds.transfer ?? range(3, 3, 3),
    sources: [],
  };
}

export function network(places: Place[], links: Link[], crossings: Crossing[] = [], corridorIds: string[] = [], params?: Parameters): Network {
  const countries = [...new Set(places.map((p) => p.country))];
  return {
    places,
    links,
    crossings,
    corridors: corridorIds.map((id) => ({ id, name: id, description: 'corridor made up for a test', sources: src })),
    parameters: params ?? parameters(countries),
    sources: [TEST_SOURCE],
  };
}
