/**
 * Dated ETAs: a planned route and a departure instant give, for each leg and
 * for the route, departure and arrival windows (low / typical / high, each
 * band walked on its own with that band's hours). Where a leg meets a
 * calendar entry it waits: a ferry or sea leg for a port's seasonal closure
 * or slowdown and for the next sailing of a published timetable, a train at
 * a border for a holiday closure. The answer says which entry applied and
 * how long each band waited. Instants are ms since the epoch (UTC).
 *
 * Simplifications, stated: a crossing's closure is checked at the moment
 * the train reaches the border (a dwell already under way is not cut); a
 * port's effect at the moment the leg would sail; a timetabled leg sails at
 * its published departure and its time is then the link's hours without the
 * model's average wait for a departure (which the timetable replaces).
 */
import type { BorderRule, Calendars, Holiday, Sailing, SeasonalEffect } from '../calendar/calendar-schema.js';
import type { Network } from '../network/schema.js';
import type { Hours, Route } from '../routing/route-types.js';
import { hoursOf, ZERO_HOURS } from '../transit/hours.js';
import { afterSeasonal, BANDS, borderClosureAt, holidayCovers, HOUR_MS, nextSailing, type Band } from './calendar-rules.js';
import { routeSteps, type RouteStep } from './route-steps.js';

/** Instants per band, ms since the epoch. */
export interface InstantWindow {
  low: number;
  typical: number;
  high: number;
}

export type CalendarEntryKind = 'seasonal' | 'sailing' | 'border-rule';

/** One calendar entry that made the route wait (in at least one band). */
export interface AppliedEntry {
  entry: string;
  kind: CalendarEntryKind;
  /** What waited: the leg (index in the route's legs) or the crossing. */
  legIndex?: number;
  crossingId?: string;
  /** Hours waited in each band because of this entry (0 where it did not hold). */
  waitHours: Hours;
  message: string;
}

export interface LegTiming {
  legIndex: number;
  linkId: string;
  /** When the leg starts moving (after any wait), per band. */
  departure: InstantWindow;
  arrival: InstantWindow;
  /** Calendar waits before this leg, h per band. */
  waitHours: Hours;
  applied: readonly AppliedEntry[];
}

export interface CrossingTiming {
  crossingId: string;
  /** The train reaches the border (end of the leg that crosses it). */
  arrival: InstantWindow;
  /** It leaves the border, after any closure and the dwell. */
  departure: InstantWindow;
  waitHours: Hours;
  applied: readonly AppliedEntry[];
}

export interface RouteTiming {
  departAt: number;
  arrival: InstantWindow;
  /** Hours of the route per band including calendar waits (arrival − departure). */
  totalHours: Hours;
  /** All calendar waits of the route, h per band. */
  waitHours: Hours;
  legs: readonly LegTiming[];
  crossings: readonly CrossingTiming[];
  applied: readonly AppliedEntry[];
  /** What could not be applied (a holiday without a date for the year met, …). */
  notes: readonly string[];
}

/** The calendars indexed for the routes of one network. */
export interface TimingContext {
  sailingsByLink: ReadonlyMap<string, Sailing>;
  seasonalByPlace: ReadonlyMap<string, readonly SeasonalEffect[]>;
  seasonalByLink: ReadonlyMap<string, readonly SeasonalEffect[]>;
  rulesByCrossing: ReadonlyMap<string, readonly { rule: BorderRule; holiday: Holiday }[]>;
  /** The model's wait for a departure of a ferry or sea link, h per band: what a timetable replaces. */
  modelWait(linkId: string): Hours;
}

export function timingContext(network: Network, calendars: Calendars): TimingContext {
  const links = new Map(network.links.map((l) => [l.id, l]));
  const sailingsByLink = new Map(calendars.sailings.map((s) => [s.link, s]));
  const seasonalByPlace = new Map<string, SeasonalEffect[]>();
  const seasonalByLink = new Map<string, SeasonalEffect[]>();
  for (const e of calendars.seasonal) {
    for (const p of e.places) seasonalByPlace.set(p, [...(seasonalByPlace.get(p) ?? []), e]);
    for (const l of e.links) seasonalByLink.set(l, [...(seasonalByLink.get(l) ?? []), e]);
  }
  const holidays = new Map(calendars.holidays.map((h) => [h.id, h]));
  const rulesByCrossing = new Map<string, { rule: BorderRule; holiday: Holiday }[]>();
  for (const rule of calendars.borderRules) {
    const holiday = holidays.get(rule.holiday);
    if (holiday) rulesByCrossing.set(rule.crossing, [...(rulesByCrossing.get(rule.crossing) ?? []), { rule, holiday }]);
  }
  const seaWait = network.parameters.seaWaitHours ? hoursOf(network.parameters.seaWaitHours) : ZERO_HOURS;
  return {
    sailingsByLink,
    seasonalByPlace,
    seasonalByLink,
    rulesByCrossing,
    modelWait(linkId) {
      const l = links.get(linkId);
      if (l?.mode === 'ferry' && l.ferry) return hoursOf(l.ferry.waitHours);
      if (l?.mode === 'sea') return seaWait;
      return ZERO_HOURS;
    },
  };
}

interface Wait {
  entry: string;
  kind: CalendarEntryKind;
  hours: number;
  message: string;
}

/** One band's walk over the steps: the instant after each step, and each step's waits. */
interface BandWalk {
  /** start[i], end[i]: when step i starts moving (after its waits) and ends. */
  start: number[];
  ready: number[];
  end: number[];
  waits: Wait[][];
  notes: string[];
}

const fmtDay = (t: number) => new Date(t).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';

function walk(steps: readonly RouteStep[], ctx: TimingContext, band: Band, departAt: number): BandWalk {
  const out: BandWalk = { start: [], ready: [], end: [], waits: [], notes: [] };
  let t = departAt;
  for (const step of steps) {
    const ready = t;
    const waits: Wait[] = [];
    let hours = step.hours[band];
    if (step.kind === 'leg') {
      const leg = step.leg;
      // A port's effect holds for the legs of its modes that start or end there; a link's for the legs over it.
      const effects = new Set(
        [...(ctx.seasonalByLink.get(leg.linkId) ?? []), ...(ctx.seasonalByPlace.get(leg.from) ?? []), ...(ctx.seasonalByPlace.get(leg.to) ?? [])].filter((e) =>
          e.modes.includes(leg.mode),
        ),
      );
      for (const e of effects) {
        const next = afterSeasonal(e, band, t);
        if (next > t) {
          const where = e.links.includes(leg.linkId) ? `on ${leg.linkId}` : `at ${e.places.includes(leg.from) ? leg.from : leg.to}`;
          waits.push({
            entry: e.id,
            kind: 'seasonal',
            hours: (next - t) / HOUR_MS,
            message:
              e.effect.kind === 'closed'
                ? `${e.name}: closed ${where}; the leg starts when it reopens (${fmtDay(next)})`
                : `${e.name}: the leg waits ${where} before it starts (an extra wait for the season, never past its end)`,
          });
        }
        t = next;
      }
      const sailing = leg.mode === 'ferry' || leg.mode === 'sea' ? ctx.sailingsByLink.get(leg.linkId) : undefined;
      if (sailing?.timetable) {
        const next = nextSailing(sailing, band, t);
        waits.push({
          entry: sailing.id,
          kind: 'sailing',
          hours: (next - t) / HOUR_MS,
          message: `sails on ISO weekdays ${sailing.timetable.weekdays.join(', ')} at ${sailing.timetable.departureUtc} UTC; next ${band === 'high' ? 'but one (a missed sailing) ' : ''}sailing ${fmtDay(next)}`,
        });
        t = next;
        // The timetable replaces the model's average wait for a departure.
        hours = Math.max(0, hours - ctx.modelWait(leg.linkId)[band]);
      }
    }
    if (step.kind === 'dwell') {
      for (const { rule, holiday } of ctx.rulesByCrossing.get(step.crossing.crossingId) ?? []) {
        if (!holidayCovers(holiday, t)) {
          out.notes.push(`${holiday.id} has no date for ${new Date(t).getUTCFullYear()}: the closure ${rule.id} at ${step.crossing.crossingId} is not applied that year`);
          continue;
        }
        const c = borderClosureAt(rule, holiday, t);
        if (c) {
          waits.push({
            entry: rule.id,
            kind: 'border-rule',
            hours: (c.end - t) / HOUR_MS,
            message: `${step.crossing.name} is closed for ${holiday.name} from ${fmtDay(c.start)} to ${fmtDay(c.end)}; the train waits for the reopening`,
          });
          t = c.end;
        }
      }
    }
    out.ready.push(ready);
    out.start.push(t);
    t += hours * HOUR_MS;
    out.end.push(t);
    out.waits.push(waits);
  }
  return out;
}

const window = (walks: Record<Band, BandWalk>, pick: (w: BandWalk) => number): InstantWindow => ({
  low: pick(walks.low),
  typical: pick(walks.typical),
  high: pick(walks.high),
});

/** Waits of the steps `indices`, merged per entry over the bands; entries that waited 0 h in every band are left out. */
function applied(walks: Record<Band, BandWalk>, indices: readonly number[], at: { legIndex?: number; crossingId?: string }): AppliedEntry[] {
  const byEntry = new Map<string, AppliedEntry>();
  for (const band of BANDS) {
    for (const i of indices) {
      for (const w of walks[band].waits[i] ?? []) {
        const a = byEntry.get(w.entry) ?? { entry: w.entry, kind: w.kind, ...at, waitHours: { ...ZERO_HOURS }, message: w.message };
        a.waitHours[band] += w.hours;
        if (band === 'typical') a.message = w.message;
        byEntry.set(w.entry, a);
      }
    }
  }
  return [...byEntry.values()].filter((a) => a.waitHours.low > 0 || a.waitHours.typical > 0 || a.waitHours.high > 0);
}

const sumWaits = (entries: readonly AppliedEntry[]): Hours =>
  entries.reduce((s, a) => ({ low: s.low + a.waitHours.low, typical: s.typical + a.waitHours.typical, high: s.high + a.waitHours.high }), { ...ZERO_HOURS });

/** Windows for a route leaving at `departAt` (ms). */
export function datedRoute(route: Route, ctx: TimingContext, departAt: number): RouteTiming {
  const steps = routeSteps(route);
  const walks = { low: walk(steps, ctx, 'low', departAt), typical: walk(steps, ctx, 'typical', departAt), high: walk(steps, ctx, 'high', departAt) };
  const legs: LegTiming[] = [];
  const crossings: CrossingTiming[] = [];
  steps.forEach((s, i) => {
    if (s.kind === 'leg') {
      const a = applied(walks, [i], { legIndex: s.legIndex });
      legs.push({
        legIndex: s.legIndex,
        linkId: s.leg.linkId,
        departure: window(walks, (w) => w.start[i]!),
        arrival: window(walks, (w) => w.end[i]!),
        waitHours: sumWaits(a),
        applied: a,
      });
    } else if (s.kind === 'dwell') {
      const a = applied(walks, [i], { crossingId: s.crossing.crossingId });
      crossings.push({
        crossingId: s.crossing.crossingId,
        arrival: window(walks, (w) => w.ready[i]!),
        departure: window(walks, (w) => w.end[i]!),
        waitHours: sumWaits(a),
        applied: a,
      });
    }
  });
  const all = [...legs.flatMap((l) => l.applied), ...crossings.flatMap((c) => c.applied)];
  const arrival = window(walks, (w) => w.end.at(-1) ?? departAt);
  return {
    departAt,
    arrival,
    totalHours: { low: (arrival.low - departAt) / HOUR_MS, typical: (arrival.typical - departAt) / HOUR_MS, high: (arrival.high - departAt) / HOUR_MS },
    waitHours: sumWaits(all),
    legs,
    crossings,
    applied: all,
    notes: [...new Set([...walks.low.notes, ...walks.typical.notes, ...walks.high.notes])],
  };
}

/** Arrival of one band as a function of the departure instant (ms → ms): what the latest-departure search inverts. */
export function arrivalFunction(route: Route, ctx: TimingContext, band: Band): (departAt: number) => number {
  const steps = routeSteps(route);
  return (departAt) => walk(steps, ctx, band, departAt).end.at(-1) ?? departAt;
}
