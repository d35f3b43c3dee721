/**
 * Moving time over one link, h (see README.md in this folder for the model).
 *
 * - rail / road: lengthKm / commercial speed (km/h). The speed is the link's own
 *   speedKmh, else the parameters' speed rule for the country the link is entered
 *   from (for a cross-border link, the country of `from` in travel direction) and
 *   the mode. Low hours use the high speed and high hours the low speed.
 * - ferry: crossing + waiting for a departure + port handling (all from the link).
 * - sea: lengthKm / (knots × 1.852 km/h per knot) + waiting for a sailing
 *   (parameters.seaWaitHours) + port handling.
 */
import { DomainError } from '../errors.js';
import type { Link, Parameters, Provenance } from '../network/schema.js';
import type { Hours } from '../routing/route-types.js';
import { addHours, hoursOf, ZERO_HOURS } from './hours.js';

/** km/h in one knot. */
export const KMH_PER_KNOT = 1.852;

interface SpeedUsed {
  low: number;
  typical: number;
  high: number;
  provenance: Provenance;
}

/** The commercial speed (km/h) a rail or road link runs at, with its provenance. */
export function speedFor(link: Link, params: Parameters, fromCountry: string): SpeedUsed {
  if (link.speedKmh) return link.speedKmh;
  if (link.mode !== 'rail' && link.mode !== 'road') {
    throw new DomainError('INVALID_DATA', `link "${link.id}" is a ${link.mode} link and has no running speed`, { linkId: link.id });
  }
  const rule = params.speedRules.find((r) => r.country === fromCountry && r.mode === link.mode);
  if (!rule) {
    throw new DomainError('INVALID_DATA', `no ${link.mode} speed rule for country ${fromCountry}, needed by link "${link.id}"`, {
      linkId: link.id,
      country: fromCountry,
      mode: link.mode,
    });
  }
  return rule.speedKmh;
}

/** Divides a distance (km) by a speed triple (km/h): low hours come from the high speed. */
function kmOverSpeed(km: number, speed: { low: number; typical: number; high: number }): Hours {
  return { low: km / speed.high, typical: km / speed.typical, high: km / speed.low };
}

export function linkHours(link: Link, params: Parameters, fromCountry: string): Hours {
  switch (link.mode) {
    case 'rail':
    case 'road':
      return kmOverSpeed(link.lengthKm, speedFor(link, params, fromCountry));
    case 'ferry': {
      const f = link.ferry;
      if (!f) throw new DomainError('INVALID_DATA', `ferry link "${link.id}" has no ferry timing`, { linkId: link.id });
      return addHours(hoursOf(f.crossingHours), hoursOf(f.waitHours), hoursOf(f.handlingHours));
    }
    case 'sea': {
      const s = link.sea;
      if (!s) throw new DomainError('INVALID_DATA', `sea link "${link.id}" has no sea timing`, { linkId: link.id });
      const knots = params.seaSpeedKnots;
      const sailing = kmOverSpeed(link.lengthKm, {
        low: knots.low * KMH_PER_KNOT,
        typical: knots.typical * KMH_PER_KNOT,
        high: knots.high * KMH_PER_KNOT,
      });
      const wait = params.seaWaitHours ? hoursOf(params.seaWaitHours) : ZERO_HOURS;
      return addHours(sailing, wait, hoursOf(s.handlingHours));
    }
  }
}

/**
 * True when a figure behind this link's time is an estimate: its length, its
 * speed (rail/road), its ferry timings, or the vessel speed and port handling (sea).
 */
export function linkEstimated(link: Link, params: Parameters, fromCountry: string): boolean {
  if (link.length.basis === 'estimate') return true;
  switch (link.mode) {
    case 'rail':
    case 'road':
      return speedFor(link, params, fromCountry).provenance.basis === 'estimate';
    case 'ferry':
      return (
        link.ferry !== undefined &&
        [link.ferry.crossingHours, link.ferry.waitHours, link.ferry.handlingHours].some((r) => r.provenance.basis === 'estimate')
      );
    case 'sea':
      return (
        params.seaSpeedKnots.provenance.basis === 'estimate' ||
        params.seaWaitHours?.provenance.basis === 'estimate' ||
        link.sea?.handlingHours.provenance.basis === 'estimate'
      );
  }
}
