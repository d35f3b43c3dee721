/**
 * Dwell at a border crossing, h: the entry for the travel direction ("KZ>TM")
 * when the data has one, else the entry without a direction. CPMM figures
 * differ strongly by direction, hence direction-specific entries.
 */
import { DomainError } from '../errors.js';
import type { Crossing, Dwell } from '../network/schema.js';
import type { Hours } from '../routing/route-types.js';
import { hoursOf } from './hours.js';

/** The dwell record used for one direction (exposed for provenance). */
export function dwellEntry(c: Crossing, fromCountry: string, toCountry: string): Dwell {
  const direction = `${fromCountry}>${toCountry}`;
  const entry = c.dwell.find((d) => d.direction === direction) ?? c.dwell.find((d) => d.direction === undefined);
  if (!entry) {
    throw new DomainError('INVALID_DATA', `crossing "${c.id}" has no dwell entry for ${direction} and no direction-less entry`, {
      crossingId: c.id,
    });
  }
  return entry;
}

export function crossingDwell(c: Crossing, fromCountry: string, toCountry: string): Hours {
  return hoursOf(dwellEntry(c, fromCountry, toCountry).hours);
}
