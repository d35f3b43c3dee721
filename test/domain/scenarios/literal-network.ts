/**
 * A six-place network written out in code for the overlay tests.
 *
 *   alpha (KZ) ─rail 1520, 400 km, electric─ bravo (KZ) ─rail 1520, 160 km─ charlie (TM)
 *   charlie ─rail 1520, 280 km, PROPOSED─ delta (AF)       crossing charlie--delta: planned
 *   delta ─rail 1520, 15 km, PROPOSED─ echo (PK)           crossing delta--echo--rail: planned, 1520/1676 transshipment
 *   delta ─road, 20 km─ echo                               crossing delta--echo--road: closed
 *   echo ─rail 1676, 260 km─ foxtrot (PK)
 *   alpha ─ferry, 300 km─ golf (AZ)
 * Corridor kz-tm-af-pk holds every rail link except echo--foxtrot's neighbours outside it.
 */
import type { Crossing, Link, Network, Place } from '../../../src/domain/network/schema.js';
import { TEST_SOURCE } from '../routing/build-network.js';

const src = [{ source: 'test', statement: 'figure made up for tests' }];
const sourced = { basis: 'sourced' as const };
const est = { basis: 'estimate' as const, method: 'made up for tests' };

function place(id: string, country: string, lat: number, lon: number): Place {
  return { id, name: id[0]!.toUpperCase() + id.slice(1), aliases: [], country, kind: 'station', lat, lon, coordinates: est, sources: src };
}

function link(id: string, from: string, to: string, mode: Link['mode'], lengthKm: number, extra: Partial<Link> = {}): Link {
  return { id, from, to, mode, lengthKm, length: sourced, status: 'operational', statusAsOf: '2025-10', corridors: [], sources: src, ...extra };
}

function crossing(id: string, a: string, b: string, countries: [string, string], modes: Link['mode'][], status: Crossing['status'], gaugeChange: Omit<Crossing['gaugeChange'], 'includedInDwell'> = { handling: 'none' }): Crossing {
  return {
    id,
    name: `${a} – ${b}`,
    places: [a, b],
    countries,
    modes,
    dwell: [{ hours: { low: 2, typical: 4, high: 8, provenance: est }, sources: [] }],
    gaugeChange: { ...gaugeChange, includedInDwell: false },
    status,
    statusAsOf: '2025-10',
    statusSources: [],
    sources: src,
  };
}

const range = (low: number, typical: number, high: number) => ({ low, typical, high, provenance: sourced });

export function literalNetwork(): Network {
  return {
    places: [
      place('alpha', 'KZ', 43.0, 76.0),
      place('bravo', 'KZ', 43.0, 72.0),
      place('charlie', 'TM', 42.0, 71.0),
      place('delta', 'AF', 40.0, 70.0),
      place('echo', 'PK', 39.9, 70.1),
      place('foxtrot', 'PK', 38.0, 71.0),
      place('golf', 'AZ', 41.0, 73.0),
    ],
    links: [
      link('alpha--bravo', 'alpha', 'bravo', 'rail', 400, { gaugeMm: 1520, electrified: true, corridors: ['kz-tm-af-pk'] }),
      link('bravo--charlie', 'bravo', 'charlie', 'rail', 160, { gaugeMm: 1520, corridors: ['kz-tm-af-pk'] }),
      link('charlie--delta', 'charlie', 'delta', 'rail', 280, { gaugeMm: 1520, status: 'proposed', corridors: ['kz-tm-af-pk'] }),
      link('delta--echo', 'delta', 'echo', 'rail', 15, { gaugeMm: 1520, status: 'proposed', corridors: ['kz-tm-af-pk'] }),
      link('delta--echo--road', 'delta', 'echo', 'road', 20),
      link('echo--foxtrot', 'echo', 'foxtrot', 'rail', 260, { gaugeMm: 1676, speedKmh: range(40, 50, 60) }),
      link('alpha--golf', 'alpha', 'golf', 'ferry', 300, {
        ferry: { crossingHours: range(10, 12, 14), waitHours: range(0, 24, 72), handlingHours: range(6, 8, 12) },
      }),
    ],
    crossings: [
      crossing('bravo--charlie', 'bravo', 'charlie', ['KZ', 'TM'], ['rail'], 'open', { gauges: [1520, 1520], handling: 'none' }),
      crossing('charlie--delta', 'charlie', 'delta', ['TM', 'AF'], ['rail'], 'planned', { gauges: [1520, 1520], handling: 'none' }),
      crossing('delta--echo--rail', 'delta', 'echo', ['AF', 'PK'], ['rail'], 'planned', {
        gauges: [1520, 1676],
        handling: 'transshipment',
        hours: { low: 6, typical: 10, high: 20, provenance: est },
      }),
      crossing('delta--echo--road', 'delta', 'echo', ['AF', 'PK'], ['road'], 'closed'),
    ],
    corridors: [{ id: 'kz-tm-af-pk', name: 'KZ–TM–AF–PK', description: 'test corridor through all four countries', sources: src }],
    parameters: {
      dataVersion: 'literal-1',
      dataDate: '2025-10',
      speedRules: [
        { id: 'kz-rail', country: 'KZ', mode: 'rail', speedKmh: range(50, 60, 70), sources: [] },
        { id: 'tm-rail', country: 'TM', mode: 'rail', speedKmh: range(30, 40, 50), sources: [] },
        { id: 'af-rail', country: 'AF', mode: 'rail', speedKmh: { low: 20, typical: 30, high: 40, provenance: est }, sources: [] },
        { id: 'af-road', country: 'AF', mode: 'road', speedKmh: range(20, 30, 40), sources: [] },
        { id: 'pk-rail', country: 'PK', mode: 'rail', speedKmh: range(40, 50, 60), sources: [] },
        { id: 'pk-road', country: 'PK', mode: 'road', speedKmh: range(20, 30, 40), sources: [] },
      ],
      seaSpeedKnots: range(12, 14, 16),
      railRoadTransferHours: range(2, 4, 8),
      sources: [],
    },
    sources: [TEST_SOURCE],
  };
}
