/**
 * Turns a path through the query graph (its edge keys) into a Route: legs,
 * crossings, gauge breaks, mode transfers, the hours breakdown, countries,
 * corridors with their km, warnings and the objective's cost. Every figure is
 * recomputed here from the data, not taken from the search's weights.
 */
import type { Mode } from '../network/schema.js';
import { serviceOf } from '../network/service.js';
import { expectedOpeningText, openedByDate } from '../network/expected-opening.js';
import { addHours } from '../transit/hours.js';
import { legState } from '../transit/place-transition.js';
import { terminalEstimated, terminalHours } from '../transit/terminal-hours.js';
import type { PreparedNetwork } from './prepare.js';
import { weightFor } from './objective.js';
import type { QueryGraph } from './query-graph.js';
import type {
  GaugeBreak,
  Hours,
  ModeTransfer,  TerminalStop,
  Objective,
  Route,
  RouteCrossing,
  RouteLeg,
  RouteWarning,
} from './route-types.js';

/** One step of a searched path: a link traversal or a transition (ref < 0: source or sink), and its via stretch. */
export interface PathStep {
  kind: 'link' | 'transfer';
  ref: number;
  layer: number;
}

export function assembleRoute(p: PreparedNetwork, g: QueryGraph, edges: readonly string[], objective: Objective): Route {
  return assembleSteps(
    p,
    edges.map((key) => g.getEdgeAttributes(key)),
    objective,
  );
}

export function assembleSteps(p: PreparedNetwork, steps: readonly PathStep[], objective: Objective): Route {
  const legs: RouteLeg[] = [];
  const legStretch: number[] = [];
  const crossings: RouteCrossing[] = [];
  const gaugeBreaks: GaugeBreak[] = [];
  const transfers: ModeTransfer[] = [];
  const terminals: TerminalStop[] = [];
  const warnings: RouteWarning[] = [];
  const estimatedRefs = new Set<string>();
  const parts = {
    running: [] as Hours[],
    borderDwell: [] as Hours[],
    gaugeChange: [] as Hours[],
    ferry: [] as Hours[],
    sea: [] as Hours[],
    transfer: [] as Hours[],
    terminal: [] as Hours[],
  };
  let borders = 0;

  for (const e of steps) {
    if (e.ref < 0) continue; // source and sink edges
    if (e.kind === 'link') {
      const t = p.traversals.at(e.ref)!;
      const link = t.link;
      legs.push({
        linkId: link.id,
        from: t.from,
        to: t.to,
        mode: link.mode,
        km: link.lengthKm,
        hours: t.hours,
        ...(link.gaugeMm !== undefined ? { gaugeMm: link.gaugeMm } : {}),
        status: link.status,
        corridors: link.corridors,
        sources: link.sources,
        estimated: t.estimated,
      });
      legStretch.push(e.layer);
      borders += t.borders;
      if (link.mode === 'ferry') parts.ferry.push(t.hours);
      else if (link.mode === 'sea') parts.sea.push(t.hours);
      else parts.running.push(t.hours);
      if (t.estimated) estimatedRefs.add(link.id);
      if (link.status !== 'operational') {
        warnings.push({
          code: 'NON_OPERATIONAL_LINK',
          message: `link ${link.id} (${t.from} – ${t.to}) is ${link.status} as of ${link.statusAsOf}`,
          refs: [link.id],
        });
      }
      // Counted as open only because a planning date (asOf) reached its expected opening.
      if (openedByDate(link)) {
        warnings.push({
          code: 'EXPECTED_OPENING',
          message: `link ${link.id} (${t.from} – ${t.to}) is counted as open: ${expectedOpeningText(link.expectedOpening!, p.network.parameters.dataDate)}`,
          refs: [link.id],
        });
      }
      const service = serviceOf(link);
      if (service === 'on-demand' || service === 'none') {
        warnings.push({
          code: 'UNSCHEDULED_LEG',
          message: `${link.mode} link ${link.id} (${t.from} – ${t.to}) has no scheduled service (${service}, as of ${link.service?.asOf ?? link.statusAsOf})`,
          refs: [link.id],
        });
      } else if (service === 'unknown') {
        warnings.push({
          code: 'SERVICE_UNKNOWN',
          message: `${link.mode} link ${link.id} (${t.from} – ${t.to}) has no service record: whether sailings are scheduled is unknown`,
          refs: [link.id],
        });
      }
      if (link.mode === 'road') {
        warnings.push({ code: 'ROAD_LEG', message: `${t.from} – ${t.to} (${link.lengthKm} km) is by road`, refs: [link.id] });
      }
      const c = t.crossing;
      if (c && t.crossingCountries) {
        parts.borderDwell.push(t.dwell);
        if (t.dwellEstimated) estimatedRefs.add(c.id);
        crossings.push({
          crossingId: c.id,
          name: c.name,
          from: t.from,
          to: t.to,
          countries: t.crossingCountries,
          dwellHours: t.dwell,
          gaugeChange: null,
          status: c.status,
        });
        if (openedByDate(c)) {
          warnings.push({
            code: 'EXPECTED_OPENING',
            message: `crossing ${c.name} is counted as open: ${expectedOpeningText(c.expectedOpening!, p.network.parameters.dataDate)}`,
            refs: [c.id],
          });
        }
        if (c.status === 'restricted') {
          warnings.push({ code: 'RESTRICTED_CROSSING', message: `crossing ${c.name} is restricted as of ${c.statusAsOf}`, refs: [c.id] });
        } else if (c.status === 'planned') {
          warnings.push({ code: 'PLANNED_CROSSING', message: `crossing ${c.name} is planned, not open (as of ${c.statusAsOf})`, refs: [c.id] });
        }
      }
    } else {
      const pt = p.transitions[e.ref]!;
      const tr = pt.transition;
      if (tr.kind === 'continue') {
        // A marshalling yard on the way: its time is terminal and yard time.
        if (tr.yard) {
          parts.terminal.push(tr.hours);
          terminals.push({ placeId: pt.place, kind: 'yard', hours: tr.hours });
          if (tr.estimated) estimatedRefs.add(pt.place);
        }
        continue;
      }
      if (tr.estimated) estimatedRefs.add(tr.kind === 'gauge-change' && tr.crossingId ? tr.crossingId : pt.place);
      if (tr.kind === 'gauge-change') {
        // tr.hours is what the route spends (0 when the crossing's dwell already contains the change);
        // the break reports the facility's own time.
        parts.gaugeChange.push(tr.hours);
        gaugeBreaks.push({
          placeId: pt.place,
          fromGaugeMm: tr.fromGaugeMm,
          toGaugeMm: tr.toGaugeMm,
          handling: tr.handling,
          hours: tr.facilityHours,
          ...(tr.crossingId !== undefined ? { crossingId: tr.crossingId } : {}),
          ...(tr.includedInDwell ? { includedInDwell: true as const } : {}),
        });
      } else {
        // A port's rail terminal time is terminal time; other mode changes are transfers.
        (tr.terminal ? parts.terminal : parts.transfer).push(tr.hours);
        transfers.push({ placeId: pt.place, fromMode: tr.fromMode, toMode: tr.toMode, hours: tr.hours, ...(tr.terminal ? { terminal: true as const } : {}) });
      }
    }
  }

  // Terminal time where the route starts and ends by rail (the search's source and sink edges carry the same).
  const params = p.network.parameters;
  const first = legs[0];
  const last = legs[legs.length - 1];
  if (first && last) {
    const ends = [
      [first.from, 'origin', legState(first.mode, first.gaugeMm)],
      [last.to, 'destination', legState(last.mode, last.gaugeMm)],
    ] as const;
    for (const [place, end, state] of ends) {
      const hours = terminalHours(params, place, end, state);
      parts.terminal.push(hours);
      terminals.push({ placeId: place, kind: end, hours });
      if (terminalEstimated(params, place, end, state)) estimatedRefs.add(place);
    }
  }

  // A gauge change done by a crossing's facility belongs to that crossing when the route passes it.
  for (const gb of gaugeBreaks) {
    const rc = crossings.find((c) => c.crossingId === gb.crossingId);
    if (rc && gb.crossingId !== undefined) {
      rc.gaugeChange = {
        fromGaugeMm: gb.fromGaugeMm,
        toGaugeMm: gb.toGaugeMm,
        handling: gb.handling,
        hours: gb.hours,
        ...(gb.includedInDwell ? { includedInDwell: true as const } : {}),
      };
    } else {
      delete gb.crossingId;
    }
  }
  if (estimatedRefs.size > 0) {
    warnings.push({
      code: 'ESTIMATED_FIGURE',
      message: 'some lengths, speeds or times on this route are estimates, not published figures',
      refs: [...estimatedRefs],
    });
  }

  const hours = {
    running: addHours(...parts.running),
    borderDwell: addHours(...parts.borderDwell),
    gaugeChange: addHours(...parts.gaugeChange),
    ferry: addHours(...parts.ferry),
    sea: addHours(...parts.sea),
    transfer: addHours(...parts.transfer),
    terminal: addHours(...parts.terminal),
  };
  const total = addHours(hours.running, hours.borderDwell, hours.gaugeChange, hours.ferry, hours.sea, hours.transfer, hours.terminal);

  const places = legs.length > 0 ? [legs[0]!.from, ...legs.map((l) => l.to)] : [];
  const countries: string[] = [];
  for (const pl of places) {
    const c = p.index.countryOf(pl);
    if (countries[countries.length - 1] !== c) countries.push(c);
  }
  const corridorKm = new Map<string, number>();
  const byMode: Partial<Record<Mode, number>> = {};
  let distanceKm = 0;
  for (const l of legs) {
    distanceKm += l.km;
    byMode[l.mode] = (byMode[l.mode] ?? 0) + l.km;
    for (const c of l.corridors) corridorKm.set(c, (corridorKm.get(c) ?? 0) + l.km);
  }
  const cost = weightFor(objective, { hours: total.typical, km: distanceKm, borders });

  return {
    places,
    legs,
    crossings,
    gaugeBreaks,
    transfers,
    terminals,
    distanceKm,
    distanceKmByMode: byMode,
    hours: { total, ...hours },
    countries,
    corridors: [...corridorKm].map(([id, km]) => ({ id, km })),
    warnings,
    cost,
    legStretch,
  };
}
