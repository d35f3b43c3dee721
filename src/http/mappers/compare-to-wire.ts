/**
 * A comparison of today with scenarios (domain/planning/compare.ts) → the
 * /v1/compare answer. The HTTP route and the command line both use it.
 */
import type { CompareAnswer } from '../../domain/planning/answer-views.js';
import type { FigureDifferences, Outcome } from '../../domain/planning/compare.js';
import type { PreparedNetwork } from '../../domain/routing/prepare.js';
import type { CompareResponse, CompareRoute } from '../schemas/compare.js';
import { datedOpeningToWire } from './as-of-to-wire.js';
import { hoursToDays, round1, roundHours, WireNames } from './route-to-wire.js';

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

/** Names from today's network. */
export function compareToWire(today: PreparedNetwork, answer: CompareAnswer): CompareResponse {
  const names = new WireNames(today.index);
  const { query: q, comparison: c } = answer;
  return {
    query: {
      from: names.place(q.from),
      to: names.place(q.to),
      objective: q.objective,
      modes: [...q.modes],
      cargoTonnes: answer.cargo.tonnes,
      scenarios: [...answer.scenarioIds],
      asOf: [...answer.asOfs],
    },
    dataVersion: today.network.parameters.dataVersion,
    today: { route: routeFigures(c.today, names), reason: c.today.reason },
    scenarios: c.scenarios.map((o) => {
      const s = o.scenario;
      const d = o.differences;
      return {
        scenario: { id: s.id, name: s.name },
        route: routeFigures(o, names),
        reason: o.reason,
        differences: differencesToWire(d),
        differencesReason: o.differencesReason,
      };
    }),
    dates: answer.dates.map((o) => ({
      asOf: o.asOf,
      route: routeFigures(o, names),
      reason: o.reason,
      differences: differencesToWire(o.differences),
      differencesReason: o.differencesReason,
      openedOnRoute: o.openedOnRoute.map(datedOpeningToWire),
    })),
  };
}
