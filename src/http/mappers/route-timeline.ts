/**
 * A wire route as the list of everything it spends time on, in travel order:
 * each leg (running, ferry or sea hours), each border dwell, each gauge
 * change and each change of mode. The CSV and GeoJSON exports are built from
 * this one list (terminal and yard time included), so both carry every time component of `hoursByComponent`
 * and their items add up to `transitHours` (up to the 0.1 h rounding of each
 * figure, as in the JSON answer).
 */
import { addHours } from '../../domain/transit/hours.js';
import type { WireRoute } from '../schemas/route-response.js';
import { roundHours } from './route-to-wire.js';

/** A time component of the answer: the keys of `hoursByComponent`, whatever they are. */
export type HoursComponent = keyof WireRoute['hoursByComponent'];
type Hours = WireRoute['transitHours'];
type Mode = WireRoute['legs'][number]['mode'];
type PlaceRef = WireRoute['legs'][number]['from'];

/** Which component a leg's moving time counts in (as the router adds it up). */
export const LEG_COMPONENT: Readonly<Record<Mode, HoursComponent>> = {
  rail: 'running',
  road: 'running',
  ferry: 'ferry',
  sea: 'sea',
};

export type TimelineItem =
  | { kind: 'leg'; component: HoursComponent; hours: Hours; legIndex: number; leg: WireRoute['legs'][number] }
  | { kind: 'border-dwell'; component: HoursComponent; hours: Hours; crossing: WireRoute['borderCrossings'][number] }
  | {
      kind: 'gauge-change';
      component: HoursComponent;
      /** Hours the route spends on it: 0 when the crossing's dwell already contains the change. */
      hours: Hours;
      place: PlaceRef;
      gaugeBreak: WireRoute['gaugeBreaks'][number];
    }
  | { kind: 'transfer'; component: HoursComponent; hours: Hours; place: PlaceRef; transfer: WireRoute['modeTransfers'][number] }
  | { kind: 'terminal'; component: HoursComponent; hours: Hours; place: PlaceRef; terminal: WireRoute['terminals'][number] };

const ZERO: Hours = { low: 0, typical: 0, high: 0 };

/** The components of a route, in the answer's order. */
export function componentsOf(route: WireRoute): HoursComponent[] {
  return Object.keys(route.hoursByComponent) as HoursComponent[];
}

function withCountry(route: WireRoute, id: string, name: string): PlaceRef {
  for (const l of route.legs) {
    if (l.from.id === id) return l.from;
    if (l.to.id === id) return l.to;
  }
  return { id, name, country: '' };
}

/** Every item of the route that takes time, in travel order. */
export function routeTimeline(route: WireRoute): TimelineItem[] {
  const atPlace = new Map<string, TimelineItem[]>();
  const push = (placeId: string, item: TimelineItem) => {
    const list = atPlace.get(placeId) ?? [];
    list.push(item);
    atPlace.set(placeId, list);
  };
  for (const g of route.gaugeBreaks) {
    push(g.place.id, {
      kind: 'gauge-change',
      component: 'gaugeChange',
      hours: g.includedInDwell ? ZERO : g.hours,
      place: withCountry(route, g.place.id, g.place.name),
      gaugeBreak: g,
    });
  }
  for (const t of route.modeTransfers) {
    // A port's rail terminal counts in the terminal component, as the router adds it up.
    const component: HoursComponent = t.terminal ? 'terminal' : 'transfer';
    push(t.place.id, { kind: 'transfer', component, hours: t.hours, place: withCountry(route, t.place.id, t.place.name), transfer: t });
  }
  // Origin terminal first at its place, destination terminal after the last leg, yards where they are.
  const destination: TimelineItem[] = [];
  for (const t of route.terminals) {
    const item: TimelineItem = { kind: 'terminal', component: 'terminal', hours: t.hours, place: withCountry(route, t.place.id, t.place.name), terminal: t };
    if (t.kind === 'destination') destination.push(item);
    else push(t.place.id, item);
  }

  const items: TimelineItem[] = [];
  const placed = new Set<TimelineItem>();
  const emitAt = (placeId: string) => {
    for (const item of atPlace.get(placeId) ?? []) {
      items.push(item);
      placed.add(item);
    }
    atPlace.delete(placeId);
  };
  const first = route.legs[0];
  if (first) emitAt(first.from.id);
  route.legs.forEach((leg, i) => {
    items.push({ kind: 'leg', component: LEG_COMPONENT[leg.mode], hours: leg.hours, legIndex: i + 1, leg });
    // A crossing is the link between its two border points: its dwell follows that leg.
    for (const c of route.borderCrossings) {
      if (c.from.id === leg.from.id && c.to.id === leg.to.id) items.push({ kind: 'border-dwell', component: 'borderDwell', hours: c.dwellHours, crossing: c });
    }
    emitAt(leg.to.id);
  });
  items.push(...destination);
  // Never drop time: an item whose place is not on a leg (none in a well-formed route) goes last.
  for (const rest of atPlace.values()) items.push(...rest);
  return items;
}

/** Sum of hour triples, rounded to 0.1 h like every figure of the answer. */
export function sumHours(hours: readonly Hours[]): Hours {
  return roundHours(addHours(...hours));
}
