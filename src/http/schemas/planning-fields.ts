/**
 * Request fields of the planning options (scenario, overlays, cargo, explain,
 * answer format), shared by /v1/routes, /v1/compare, /v1/matrix and
 * /v1/reachability so they read, default and limit the same everywhere.
 */
import { z } from 'zod';
import { DEFAULT_CARGO_TONNES, PLANNING_LIMITS } from '../../domain/planning/limits.js';
import { OverlaySchema } from '../../domain/scenarios/overlay-schema.js';
import { ID_PATTERN } from './route-fields.js';

export const FORMATS = ['json', 'geojson', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export const PLANNING_DESCRIPTIONS = {
  scenario:
    'Id of a named scenario (GET /v1/scenarios): plan on the network as the scenario changes it, admitting the link statuses it names. ' +
    'An unknown id is answered 404 with the list of known ids.',
  overlays:
    `Overlays for this request only, applied after the scenario (if any), in order; at most ${PLANNING_LIMITS.maxRequestOverlays}. ` +
    'Kinds: set-crossing-status, set-crossing-dwell, scale-speed, set-link-status, build-corridor, add-link. ' +
    'The answer lists what each did in `appliedOverlays`. An overlay naming an unknown id or leaving the network inconsistent is a 400.',
  cargoTonnes:
    `Cargo mass for the CO2 figures, t (tonnes); more than 0 and at most ${PLANNING_LIMITS.maxCargoTonnes.toLocaleString('en-US')}; default ${DEFAULT_CARGO_TONNES} ` +
    'when no cargo is given. Give the cargo one way: cargoTonnes, cargoTeu or cargoFeu.',
  cargoTeu:
    `Cargo as containers, in TEU (20 ft equivalents); more than 0 and at most ${PLANNING_LIMITS.maxCargoTeu.toLocaleString('en-US')}. ` +
    'The CO2 figures are then also given per TEU. Net tonnes per TEU from `tonnesPerTeu`, else the stated default (GET /v1/info).',
  cargoFeu: `Cargo as 40 ft containers (FEU, 2 TEU each); more than 0 and at most ${(PLANNING_LIMITS.maxCargoTeu / 2).toLocaleString('en-US')}.`,
  tonnesPerTeu: `With cargoTeu or cargoFeu: net cargo per TEU, t; more than 0 and at most ${PLANNING_LIMITS.maxTonnesPerTeu} (a loaded 20 ft box's payload limit is about 28 t).`,
  explain:
    'true: add to every route an `explanation`: its time by cost component and, for alternatives, why it ranks below the best.',
  format:
    'Answer format: `json` (default), `geojson` (FeatureCollection: per route its totals, legs and stops) or `csv` (per route a row per leg and stop, per time component and a total, with a header row). ' +
    'Overrides the Accept header (application/json, application/geo+json, text/csv).',
} as const;

export const ScenarioIdInputSchema = z.string().regex(ID_PATTERN, 'expected a scenario id such as "kz-tm-af-pk-built"');

// No defaults here: which of the cargo fields was given decides the unit (domain/emissions/cargo.ts).
export const CargoTonnesQuerySchema = z.coerce
  .number()
  .positive()
  .max(PLANNING_LIMITS.maxCargoTonnes)
  .optional()
  .meta({ description: PLANNING_DESCRIPTIONS.cargoTonnes, example: 4000 });

export const CargoTonnesBodySchema = z
  .number()
  .positive()
  .max(PLANNING_LIMITS.maxCargoTonnes)
  .optional()
  .meta({ description: PLANNING_DESCRIPTIONS.cargoTonnes, example: 4000 });

const teu = (coerce: boolean, max: number, description: string) =>
  (coerce ? z.coerce.number() : z.number()).positive().max(max).optional().meta({ description });

/** The container fields, for a query string (coerced) or a JSON body. */
export const cargoUnitFields = (coerce: boolean) => ({
  cargoTeu: teu(coerce, PLANNING_LIMITS.maxCargoTeu, PLANNING_DESCRIPTIONS.cargoTeu),
  cargoFeu: teu(coerce, PLANNING_LIMITS.maxCargoTeu / 2, PLANNING_DESCRIPTIONS.cargoFeu),
  tonnesPerTeu: teu(coerce, PLANNING_LIMITS.maxTonnesPerTeu, PLANNING_DESCRIPTIONS.tonnesPerTeu),
});

/** A query-string flag: only the words true and false, so "explain=no" is an error rather than a silent true. */
export const ExplainQuerySchema = z.enum(['true', 'false']).default('false').meta({ description: PLANNING_DESCRIPTIONS.explain });

export const FormatSchema = z.enum(FORMATS).meta({ description: PLANNING_DESCRIPTIONS.format });

export const RequestOverlaySchema = OverlaySchema.meta({
  id: 'Overlay',
  description: 'One change to the network for "what if" planning; `kind` says which.',
  example: { kind: 'set-crossing-status', crossingId: 'spin-boldak--chaman--rail', status: 'open' },
});

export const OverlaysBodySchema = z
  .array(RequestOverlaySchema)
  .max(PLANNING_LIMITS.maxRequestOverlays)
  .default([])
  .meta({
    description: PLANNING_DESCRIPTIONS.overlays,
    example: [{ kind: 'build-corridor', corridorId: 'kz-tm-af-pk' }],
  });
