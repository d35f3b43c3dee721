/** POST /v1/matrix: km, typical hours and crossings between every source and every target. */
import { z } from 'zod';
import { ROUTE_QUESTION_FIELDS as FIELDS } from './route-question-fields.js';
import { PLANNING_LIMITS } from '../../domain/planning/limits.js';
import { PlaceRefSchema } from './common.js';
import { PLANNING_DESCRIPTIONS, ScenarioIdInputSchema } from './planning-fields.js';
import { DEFAULTS, DESCRIPTIONS, IncludableStatusSchema, ModeSchema, ObjectiveSchema, PlaceRefInputSchema } from './route-fields.js';
import { ScenarioRefSchema } from './route-extras.js';
import { etaRequestFields, EtaSummarySchema } from './route-eta.js';
import { AsOfAnswerSchema, AsOfBodySchema } from './as-of-fields.js';

export const MatrixRequestSchema = z
  .strictObject({
    sources: z
      .array(PlaceRefInputSchema)
      .min(1)
      .max(PLANNING_LIMITS.maxMatrixSources)
      .meta({ description: `Origins (ids, names, aliases or UN/LOCODEs), one matrix row each; 1 to ${PLANNING_LIMITS.maxMatrixSources}.` }),
    targets: z
      .array(PlaceRefInputSchema)
      .min(1)
      .max(PLANNING_LIMITS.maxMatrixTargets)
      .meta({ description: `Destinations, one matrix column each; 1 to ${PLANNING_LIMITS.maxMatrixTargets}.` }),
    objective: ObjectiveSchema.default(DEFAULTS.objective).meta({ description: `${DESCRIPTIONS.objective} Each cell is the best route by it.` }),
    scenario: ScenarioIdInputSchema.optional().meta({ description: PLANNING_DESCRIPTIONS.scenario }),
    include: FIELDS.include.body,
    modes: FIELDS.modes.body,
    allowUnscheduled: FIELDS.allowUnscheduled.body,
    ...etaRequestFields,
    asOf: AsOfBodySchema,
  })
  .meta({
    id: 'MatrixRequest',
    description: `A travel-cost matrix question: at most ${PLANNING_LIMITS.maxMatrixSources} sources × ${PLANNING_LIMITS.maxMatrixTargets} targets.`,
    example: { sources: ['Almaty', 'Tashkent', 'Aktau'], targets: ['Karachi', 'Gwadar', 'Bandar Abbas'], scenario: 'kz-tm-af-pk-built' },
  });

export type MatrixRequest = z.output<typeof MatrixRequestSchema>;

export const MatrixCellSchema = z
  .object({
    distanceKm: z.number().describe('Length of the best route, km (0.1 km).'),
    typicalHours: z.number().describe('Typical transit time of the best route, h (0.1 h).'),
    lowHours: z.number().describe('Low transit time of the same route, h (0.1 h).'),
    highHours: z.number().describe('High transit time of the same route, h (0.1 h).'),
    crossings: z.number().int().describe('Borders crossed: legs whose ends lie in different countries (a sea or ferry leg between countries counts).'),
    gaugeBreaks: z.number().int().describe('Gauge changes on the route.'),
    unscheduledLegs: z
      .number()
      .int()
      .describe('Ferry and sea legs of the route without scheduled sailings (on demand or none); only with allowUnscheduled, else always 0.'),
    eta: EtaSummarySchema.optional().describe('Dated ETA of the cell\'s best route: present when the request gives departAt or arriveBy.'),
  })
  .meta({
    id: 'MatrixCell',
    description: 'The best route from one source to one target.',
    example: { distanceKm: 5541.6, typicalHours: 275.5, lowHours: 185.7, highHours: 602.7, crossings: 4, gaugeBreaks: 2, unscheduledLegs: 0 },
  });

export const MatrixResponseSchema = z
  .object({
    sources: z.array(PlaceRefSchema).describe('Row places, in the order asked.'),
    targets: z.array(PlaceRefSchema).describe('Column places, in the order asked.'),
    objective: ObjectiveSchema,
    scenario: ScenarioRefSchema.nullable(),
    include: z.array(IncludableStatusSchema).describe('Statuses used besides operational (the request\'s and the scenario\'s).'),
    modes: z.array(ModeSchema),
    dataVersion: z.string(),
    asOf: AsOfAnswerSchema.nullable().describe('With a planning month: the month, the data date and the records it counts as open; null without one.'),
    cells: z
      .array(z.array(MatrixCellSchema.nullable()))
      .describe('cells[i][j]: from sources[i] to targets[j]; null when the target cannot be reached; zeros when source and target are the same place.'),
  })
  .meta({ id: 'MatrixResponse', description: 'Travel costs between every source and every target.' });

export type MatrixResponse = z.output<typeof MatrixResponseSchema>;
