/**
 * What it takes to go on from one leg to the next at a place, h.
 *
 * The time depends on the pair of consecutive legs, through their "state":
 * rail of a given gauge, ferry, sea or road.
 * - same state: nothing (train runs on; ferry to ferry; road to road), except a
 *   rail route through a marshalling yard (parameters.terminal.yards): the yard's hours;
 * - rail to rail of another gauge: a gauge change, allowed only where a
 *   facility is recorded: a border crossing at this place whose gaugeChange
 *   covers the two gauges (its hours), else the place's own transshipment
 *   (any handling but "none" and "rail-to-road"); elsewhere the legs do not connect.
 *   Exception: when one of the two legs passes a crossing whose dwell already
 *   contains the gauge change (gaugeChange.includedInDwell, e.g. CPMM TFI1),
 *   that crossing's facility does the change and adds no time (0 h), so the
 *   change is not counted twice; its hours are kept for information;
 * - rail to road or back: a transfer, place.transshipment.hours when its handling
 *   is "rail-to-road" (a railhead), else parameters.railRoadTransferHours;
 * - rail to ferry or sea and back: the train ends (or starts) at the port, so the
 *   rail terminal time (parameters.terminal: destination when arriving by rail,
 *   origin when leaving by rail); loading and unloading the vessel is the ferry or
 *   sea link's own port handling;
 * - any other change (road to ferry or sea and back, ferry to sea): no extra time.
 */
import type { Crossing, Gauge, Handling, Mode, Parameters, Place } from '../network/schema.js';
import type { Hours } from '../routing/route-types.js';
import { hoursOf, ZERO_HOURS } from './hours.js';
import type { LegState } from './leg-state.js';
import { terminalRange, yardAt } from './terminal-hours.js';

export type { LegState } from './leg-state.js';

/** The rail state of each gauge, as constant strings (a template per call would make a new string per link end). */
const RAIL_STATE: Record<Gauge, LegState> = { 1520: 'rail-1520', 1435: 'rail-1435', 1676: 'rail-1676' };

export function legState(mode: Mode, gaugeMm: Gauge | undefined): LegState {
  if (mode === 'rail') return RAIL_STATE[gaugeMm ?? 1520];
  return mode;
}

export function stateGauge(s: LegState): Gauge | undefined {
  switch (s) {
    case 'rail-1520':
      return 1520;
    case 'rail-1435':
      return 1435;
    case 'rail-1676':
      return 1676;
    default:
      return undefined;
  }
}

export function stateMode(s: LegState): Mode {
  return s.startsWith('rail') ? 'rail' : (s as Mode);
}

export type Transition =
  | {
      kind: 'continue';
      hours: Hours;
      estimated: boolean;
      /** Set when the place is a marshalling yard: `hours` is the yard time (parameters.terminal.yards). */
      yard?: true;
    }
  | {
      kind: 'mode-change';
      hours: Hours;
      estimated: boolean;
      fromMode: Mode;
      toMode: Mode;
      /** Set for rail ↔ ferry / sea at a port: `hours` is the rail terminal time there (a train ends or starts). */
      terminal?: true;
    }
  | {
      kind: 'gauge-change';
      hours: Hours;
      estimated: boolean;
      fromGaugeMm: Gauge;
      toGaugeMm: Gauge;
      handling: Handling;
      /** Set when the facility is a border crossing's. */
      crossingId?: string;
      /** The facility's own time for the change, h; equals `hours` unless included in the dwell. */
      facilityHours: Hours;
      /** Set when the crossing's dwell already contains the change: `hours` is then 0. */
      includedInDwell?: true;
    };

/**
 * The transition from state `a` (the leg arriving) to state `b` (the leg leaving)
 * at `place`, or null when the two legs cannot be joined there.
 * `crossingsAt` are the crossings that have `place` as one of their border points;
 * `passed` the ids of those the arriving or the leaving leg passes (the leg is
 * one of the crossing's links).
 */
export function transitionAt(
  place: Place,
  crossingsAt: readonly Crossing[],
  params: Parameters,
  a: LegState,
  b: LegState,
  passed: readonly string[] = [],
): Transition | null {
  if (a === b) {
    const yard = a.startsWith('rail') ? yardAt(params, place.id) : undefined;
    if (yard) return { kind: 'continue', hours: hoursOf(yard), estimated: yard.provenance.basis === 'estimate', yard: true };
    return { kind: 'continue', hours: ZERO_HOURS, estimated: false };
  }
  const ga = stateGauge(a);
  const gb = stateGauge(b);
  if (ga !== undefined && gb !== undefined) return gaugeChangeAt(place, crossingsAt, ga, gb, passed);
  const ma = stateMode(a);
  const mb = stateMode(b);
  if ((ma === 'rail' && mb === 'road') || (ma === 'road' && mb === 'rail')) {
    const t = place.transshipment;
    const range = t && t.handling === 'rail-to-road' ? t.hours : params.railRoadTransferHours;
    return { kind: 'mode-change', hours: hoursOf(range), estimated: range.provenance.basis === 'estimate', fromMode: ma, toMode: mb };
  }
  // Rail to a ferry or a ship or back: the train ends or starts here, so the port's rail side does a terminal's work.
  if (ma === 'rail' || mb === 'rail') {
    const range = terminalRange(params, place.id, ma === 'rail' ? 'destination' : 'origin');
    if (range) {
      return { kind: 'mode-change', hours: hoursOf(range), estimated: range.provenance.basis === 'estimate', fromMode: ma, toMode: mb, terminal: true };
    }
  }
  return { kind: 'mode-change', hours: ZERO_HOURS, estimated: false, fromMode: ma, toMode: mb };
}

/** True when crossing `c` has a gauge-change facility at `placeId` for the two gauges. */
export function changesGaugeAt(c: Crossing, placeId: string, from?: Gauge, to?: Gauge): boolean {
  const g = c.gaugeChange;
  if (g.handling === 'none' || g.handling === 'rail-to-road' || g.hours === undefined) return false;
  if (!c.places.includes(placeId)) return false;
  if (from === undefined || to === undefined || !g.gauges) return true;
  return (g.gauges[0] === from && g.gauges[1] === to) || (g.gauges[0] === to && g.gauges[1] === from);
}

function gaugeChangeAt(place: Place, crossingsAt: readonly Crossing[], from: Gauge, to: Gauge, passed: readonly string[]): Transition | null {
  const sorted = [...crossingsAt].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  // A crossing the route passes whose dwell already contains the change: it does the change, at no extra time.
  for (const c of sorted) {
    if (!c.gaugeChange.includedInDwell || !passed.includes(c.id) || !changesGaugeAt(c, place.id, from, to)) continue;
    return {
      kind: 'gauge-change',
      hours: ZERO_HOURS,
      // No figure of the change enters the route's time, so none can make it an estimate.
      estimated: false,
      fromGaugeMm: from,
      toGaugeMm: to,
      handling: c.gaugeChange.handling,
      crossingId: c.id,
      facilityHours: hoursOf(c.gaugeChange.hours!),
      includedInDwell: true,
    };
  }
  for (const c of sorted) {
    const g = c.gaugeChange;
    if (!changesGaugeAt(c, place.id, from, to)) continue;
    const hours = hoursOf(g.hours!);
    return {
      kind: 'gauge-change',
      hours,
      estimated: g.hours!.provenance.basis === 'estimate',
      fromGaugeMm: from,
      toGaugeMm: to,
      handling: g.handling,
      crossingId: c.id,
      facilityHours: hours,
    };
  }
  const t = place.transshipment;
  if (t && t.handling !== 'none' && t.handling !== 'rail-to-road') {
    const hours = hoursOf(t.hours);
    return {
      kind: 'gauge-change',
      hours,
      estimated: t.hours.provenance.basis === 'estimate',
      fromGaugeMm: from,
      toGaugeMm: to,
      handling: t.handling,
      facilityHours: hours,
    };
  }
  return null;
}
