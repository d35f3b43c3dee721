/**
 * POST /v1/routes JSON body: the same parameters as the GET query, with JSON
 * arrays where the query has comma lists. Unknown members are rejected, so a
 * misspelt constraint ("avoidCountry") is an error instead of being ignored.
 */
import { z } from 'zod';
import { LIMITS } from '../../domain/routing/defaults.js';
import {
  COUNTRY_PATTERN,
  DEFAULTS,
  DESCRIPTIONS,
  ID_PATTERN,
  IncludableStatusSchema,
  GeometrySchema,
  ModeSchema,
  ObjectiveSchema,
  PlaceRefInputSchema,
} from './route-fields.js';
import { etaRequestFields } from './route-eta.js';
import { AsOfBodySchema } from './as-of-fields.js';
import { cargoUnitFields, CargoTonnesBodySchema, FormatSchema, OverlaysBodySchema, PLANNING_DESCRIPTIONS, ScenarioIdInputSchema } from './planning-fields.js';

const IdSchema = z.string().regex(ID_PATTERN, 'expected an id such as "saraghs--sarakhs"');

export const RouteRequestSchema = z
  .strictObject({
    from: PlaceRefInputSchema.meta({ description: DESCRIPTIONS.from, example: 'Almaty' }),
    to: PlaceRefInputSchema.meta({ description: DESCRIPTIONS.to, example: 'Karachi' }),
    objective: ObjectiveSchema.default(DEFAULTS.objective).meta({ description: DESCRIPTIONS.objective }),
    include: z.array(IncludableStatusSchema).default([]).meta({ description: DESCRIPTIONS.include }),
    modes: z.array(ModeSchema).min(1).default(DEFAULTS.modes).meta({ description: DESCRIPTIONS.modes }),
    allowUnscheduled: z.boolean().default(DEFAULTS.allowUnscheduled).meta({ description: DESCRIPTIONS.allowUnscheduled }),
    via: z.array(PlaceRefInputSchema).max(LIMITS.maxVia).default([]).meta({ description: DESCRIPTIONS.via }),
    alternatives: z
      .number()
      .int()
      .min(1)
      .max(LIMITS.maxAlternatives)
      .default(DEFAULTS.alternatives)
      .meta({ description: DESCRIPTIONS.alternatives }),
    maxOverlap: z.number().min(0).max(1).default(DEFAULTS.maxOverlap).meta({ description: DESCRIPTIONS.maxOverlap }),
    avoidCountries: z
      .array(z.string().regex(COUNTRY_PATTERN, 'expected a two-letter ISO country code'))
      .default([])
      .meta({ description: DESCRIPTIONS.avoidCountries }),
    avoidPlaces: z.array(PlaceRefInputSchema).default([]).meta({ description: DESCRIPTIONS.avoidPlaces }),
    avoidCrossings: z.array(IdSchema).default([]).meta({ description: DESCRIPTIONS.avoidCrossings }),
    avoidCorridors: z.array(IdSchema).default([]).meta({ description: DESCRIPTIONS.avoidCorridors }),
    avoidLinks: z.array(IdSchema).default([]).meta({ description: DESCRIPTIONS.avoidLinks }),
    scenario: ScenarioIdInputSchema.optional().meta({ description: PLANNING_DESCRIPTIONS.scenario, example: 'kz-tm-af-pk-built' }),
    overlays: OverlaysBodySchema,
    asOf: AsOfBodySchema,
    cargoTonnes: CargoTonnesBodySchema,
    ...cargoUnitFields(false),
    explain: z.boolean().default(false).meta({ description: PLANNING_DESCRIPTIONS.explain }),
    format: FormatSchema.optional(),
    geometry: GeometrySchema,
    ...etaRequestFields,
  })
  .meta({
    id: 'RouteRequest',
    description: 'A route question. Only `from` and `to` are required; the rest take the defaults shown.',
    example: { from: 'Almaty', to: 'Karachi', objective: 'fastest', alternatives: 2, include: ['planned', 'proposed'] },
  });

export type RouteRequestBody = z.output<typeof RouteRequestSchema>;
