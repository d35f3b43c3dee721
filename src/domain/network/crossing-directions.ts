/**
 * A border crossing seen per direction of travel: which dwell figure applies
 * going each way (the direction's own entry, else the direction-less one,
 * exactly as the router picks it), and whether wagons change gauge there.
 */
import { dwellEntry } from '../transit/crossing-dwell.js';
import type { Crossing, Dwell } from './schema.js';

export interface DirectionDwell {
  fromCountry: string;
  toCountry: string;
  /** The dwell record that applies, h. */
  entry: Dwell;
  /** True when the data has a figure for this very direction, false when the direction-less one applies. */
  directionSpecific: boolean;
}

/** Both directions: countries[0] → countries[1] first, then back. */
export function dwellByDirection(c: Crossing): [DirectionDwell, DirectionDwell] {
  const [a, b] = c.countries;
  const one = (fromCountry: string, toCountry: string): DirectionDwell => {
    const entry = dwellEntry(c, fromCountry, toCountry);
    return { fromCountry, toCountry, entry, directionSpecific: entry.direction === `${fromCountry}>${toCountry}` };
  };
  return [one(a, b), one(b, a)];
}

/**
 * True when the gauges on the two sides are known and differ (road crossings
 * have none). Whether and where the crossing changes a train's gauge is
 * changesGaugeAt (transit/place-transition.ts).
 */
export function gaugesDiffer(c: Crossing): boolean {
  const g = c.gaugeChange.gauges;
  return g !== undefined && g[0] !== g[1];
}
