/**
 * Matrix rows (domain/planning/matrix.ts) → the /v1/matrix answer. The HTTP
 * route and the command line both use it.
 */
import { asOfToWire } from './as-of-to-wire.js';
import type { TravelCost } from '../../domain/routing/one-to-many.js';
import type { MatrixQuestion } from '../../domain/planning/answer-views.js';
import type { PreparedNetwork } from '../../domain/routing/prepare.js';
import type { MatrixResponse } from '../schemas/matrix.js';
import { round1, WireNames } from './route-to-wire.js';

export function matrixCellToWire(c: TravelCost | null): MatrixResponse['cells'][number][number] {
  return c === null
    ? null
    : {
        distanceKm: round1(c.km),
        typicalHours: round1(c.hours),
        lowHours: round1(c.lowHours),
        highHours: round1(c.highHours),
        crossings: c.crossings,
        gaugeBreaks: c.gaugeBreaks,
        unscheduledLegs: c.unscheduledLegs,
      };
}

/** Names from today's network; rows as planned (pool or main thread). */
export function matrixToWire(today: PreparedNetwork, q: MatrixQuestion, rows: readonly (readonly (TravelCost | null)[])[]): MatrixResponse {
  const names = new WireNames(today.index);
  return {
    sources: q.sources.map((id) => names.place(id)),
    targets: q.targets.map((id) => names.place(id)),
    objective: q.options.objective,
    scenario: q.scenario ? { id: q.scenario.id, name: q.scenario.name } : null,
    include: [...q.include],
    modes: [...q.modes],
    dataVersion: today.network.parameters.dataVersion,
    asOf: asOfToWire(q.network.dated, today.network.parameters.dataDate),
    cells: rows.map((row) => row.map(matrixCellToWire)),
  };
}
