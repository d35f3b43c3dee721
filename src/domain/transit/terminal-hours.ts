/**
 * Terminal and yard time, h (see README.md in this folder).
 *
 * - At the place where a route starts by rail: forming and loading the train,
 *   departure formalities (parameters.terminal.originHours, or the place's own entry).
 * - At the place where a route ends by rail: unloading, break-up, hand-over
 *   (parameters.terminal.destinationHours, or the place's own entry).
 * - At a marshalling yard a rail route passes on the same gauge: the yard's hours.
 * A route that starts or ends with a ferry or sea leg pays that leg's port
 * handling instead, so it gets no terminal time at that end.
 */
import type { Parameters, Range } from '../network/schema.js';
import type { Hours } from '../routing/route-types.js';
import { hoursOf, ZERO_HOURS } from './hours.js';
import type { LegState } from './leg-state.js';

export type TerminalEnd = 'origin' | 'destination';

/** The range (with provenance) used at one end of a route at `placeId`, or undefined when the data has none. */
export function terminalRange(params: Parameters, placeId: string, end: TerminalEnd): Range | undefined {
  const t = params.terminal;
  if (!t) return undefined;
  const own = t.places.find((p) => p.placeId === placeId);
  const r = end === 'origin' ? (own?.originHours ?? t.originHours) : (own?.destinationHours ?? t.destinationHours);
  return r;
}

/** Terminal hours at one end of a route whose first (origin) or last (destination) leg is in `state`. */
export function terminalHours(params: Parameters, placeId: string, end: TerminalEnd, state: LegState): Hours {
  if (!state.startsWith('rail')) return ZERO_HOURS;
  const r = terminalRange(params, placeId, end);
  return r ? hoursOf(r) : ZERO_HOURS;
}

export function terminalEstimated(params: Parameters, placeId: string, end: TerminalEnd, state: LegState): boolean {
  if (!state.startsWith('rail')) return false;
  return terminalRange(params, placeId, end)?.provenance.basis === 'estimate';
}

/** The marshalling-yard entry at a place, if any. */
export function yardAt(params: Parameters, placeId: string): Range | undefined {
  return params.terminal?.yards.find((y) => y.placeId === placeId)?.hours;
}
