/**
 * One lane at several planning months: the best route on the network as its
 * records expect it at each month (scenarios/network-at-date.ts), with its
 * differences to today and the records on it that only the date opened.
 */
import type { RouteQuery } from '../routing/route-types.js';
import type { DatedOpening } from '../scenarios/network-at-date.js';
import type { ScenarioRegistry } from '../scenarios/scenario-registry.js';
import { differences, outcome, type CompareOptions, type FigureDifferences, type Outcome } from './compare.js';

export interface DateOutcome extends Outcome {
  /** As asked: "now" or YYYY-MM. */
  asOf: string;
  /** Against today's best route; null when either has none. */
  differences: FigureDifferences | null;
  differencesReason: string | null;
  /** Records counted open by the date that the best route uses (all the date opens are in the registry's answer). */
  openedOnRoute: DatedOpening[];
}

/** `asOfs`: "now" or YYYY-MM each (checked by the caller's schema; a bad month throws INVALID_CONSTRAINT). */
export function compareDates(reg: ScenarioRegistry, q: RouteQuery, asOfs: readonly string[], today: Outcome, opts: CompareOptions): DateOutcome[] {
  return asOfs.map((asOf) => {
    const r = asOf === 'now' ? reg.networkFor() : reg.networkFor(undefined, [], asOf);
    const o = outcome(r.prepared, q, null, opts);
    const used = new Set([...(o.route?.legs.map((l) => l.linkId) ?? []), ...(o.route?.crossings.map((c) => c.crossingId) ?? [])]);
    const openedOnRoute = (r.dated?.opened ?? []).filter((d) => used.has(d.id));
    const diff = today.figures && o.figures ? differences(today.figures, o.figures) : null;
    const differencesReason = diff !== null ? null : o.figures === null ? 'no route at this date' : 'no route on today’s network to compare with';
    return { ...o, asOf, differences: diff, differencesReason, openedOnRoute };
  });
}
