/**
 * Matrix rows (domain/planning/matrix.ts) → the /v1/matrix answer. The HTTP
 * route and the command line both use it.
 */
import type { TravelCost } from '../../domain/routing/one-to-many.js';
import type { Scenario } from '../../domain/scenarios/scenario-schema.js';
import type { AppDeps } from '../app.js';
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

export interface MatrixAnswer {
  sources: readonly string[];
  targets: readonly string[];
  objective: MatrixResponse['objective'];
  scenario: Scenario | undefined;
  include: MatrixResponse['include'];
  modes: MatrixResponse['modes'];
  rows: readonly (readonly (TravelCost | null)[])[];
  /** The planning month and what it opened; null or absent without one. */
  asOf?: MatrixResponse['asOf'];
}

export function matrixToWire(deps: Pick<AppDeps, 'prepared'>, m: MatrixAnswer): MatrixResponse {
  const names = new WireNames(deps.prepared.index);
  return {
    sources: m.sources.map((id) => names.place(id)),
    targets: m.targets.map((id) => names.place(id)),
    objective: m.objective,
    scenario: m.scenario ? { id: m.scenario.id, name: m.scenario.name } : null,
    include: [...m.include],
    modes: [...m.modes],
    dataVersion: deps.prepared.network.parameters.dataVersion,
    asOf: m.asOf ?? null,
    cells: m.rows.map((row) => row.map(matrixCellToWire)),
  };
}
