/**
 * A comparison of today with scenarios (domain/planning/compare.ts) → the
 * /v1/compare answer. The HTTP route and the command line both use it.
 */
import type { Comparison, FigureDifferences, Outcome } from '../../domain/planning/compare.js';
import type { DateOutcome } from '../../domain/planning/compare-dates.js';
import { datedOpeningToWire } from './as-of-to-wire.js';
import type { AppDeps } from '../app.js';
import type { CompareResponse, CompareRoute } from '../schemas/compare.js';
import { hoursToDays, round1, roundHours, WireNames } from './route-to-wire.js';

/** The question as asked, places resolved to ids. */
export interface CompareEcho {
  from: string;
  to: string;
  objective: CompareResponse['query']['objective'];
  modes: CompareResponse['query']['modes'];
  cargoTonnes: number;
  scenarios: readonly string[];
  /** Planning months compared ("now" or YYYY-MM), in order. */
  asOf?: readonly string[];
}

function differencesToWire(d: FigureDifferences | null): CompareResponse['scenarios'][number]['differences'] {
  if (d === null) return null;
  return {
    distanceKm: round1(d.km),
    typicalDays: round1(d.typicalHours / 24),
    highDays: round1(d.highHours / 24),
    typicalHours: round1(d.typicalHours),
    highHours: round1(d.highHours),
    crossings: d.crossings,
    gaugeBreaks: d.gaugeBreaks,
    kgCo2e: round1(d.kgCo2e),
  };
}

function routeFigures(o: Outcome, names: WireNames): CompareRoute | null {
  const r = o.route;
  if (!r || !o.emissions) return null;
  return {
distanceKm: round1(r.distanceKm),
transitHours: roundHours(r.hours.total),
transitDays: hoursToDays(r.hours.total),
crossings: r.crossings.length,
crossingIds: r.crossings.map((c) => c.crossingId),
gaugeBreaks: r.gaugeBreaks.length,
countries: [...r.countries],
corridors: r.corridors.map((c) => ({ id: c.id, name: names.corridorName(c.id), km: round1(c.km) })),
kgCo2e: round1(o.emissions.totalKgCo2e),
co2Scope: o.emissions.scope as 'TTW' | 'WTW',
places: r.places.map((id) => names.place(id)),
  };
}

export function compareToWire(deps: Pick<AppDeps, 'prepared' | 'scenarios'>, c: Comparison, q: CompareEcho, dates: readonly DateOutcome[] = []): CompareResponse {
  const names = new WireNames(deps.prepared.index);
  return {
    query: {
      from: names.place(q.from),
      to: names.place(q.to),
      objective: q.objective,
      modes: [...q.modes],
      cargoTonnes: q.cargoTonnes,
      scenarios: [...q.scenarios],
      asOf: [...(q.asOf ?? [])],
    },
    dataVersion: deps.prepared.network.parameters.dataVersion,
    today: { route: routeFigures(c.today, names), reason: c.today.reason },
    scenarios: c.scenarios.map((o) => {
      const s = deps.scenarios.get(o.scenarioId);
      const d = o.differences;
      return {
        scenario: { id: s.id, name: s.name },
        route: routeFigures(o, names),
        reason: o.reason,
        differences:
          d === null
            ? null
            : {
                distanceKm: round1(d.km),
                typicalDays: round1(d.typicalHours / 24),
                highDays: round1(d.highHours / 24),
                typicalHours: round1(d.typicalHours),
                highHours: round1(d.highHours),
                crossings: d.crossings,
                gaugeBreaks: d.gaugeBreaks,
                kgCo2e: round1(d.kgCo2e),
              },
        differencesReason: o.differencesReason,
      };
    }),
    dates: dates.map((o) => ({
      asOf: o.asOf,
      route: routeFigures(o, names),
      reason: o.reason,
      differences: differencesToWire(o.differences),
      differencesReason: o.differencesReason,
      openedOnRoute: o.openedOnRoute.map(datedOpeningToWire),
    })),
  };
}
