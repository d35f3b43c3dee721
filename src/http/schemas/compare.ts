/**
 * GET /v1/compare: the best route between two places today and under each
 * named scenario, side by side, with each scenario's differences to today.
 */
import { z } from 'zod';
import { ROUTE_QUESTION_FIELDS as FIELDS } from './route-question-fields.js';
import { DaysSchema, HoursSchema, PlaceRefSchema } from './common.js';
import { cargoUnitFields, CargoTonnesQuerySchema, PLANNING_DESCRIPTIONS } from './planning-fields.js';
import { DEFAULTS, DESCRIPTIONS, ID_PATTERN, MODES, ModeSchema, ObjectiveSchema } from './route-fields.js';
import { commaList } from './route-query.js';
import { ScenarioRefSchema } from './route-extras.js';
import { etaRequestFields, EtaSummarySchema } from './route-eta.js';
import { CompareAsOfQuerySchema, DatedOpeningSchema } from './as-of-fields.js';

/** More ids than scenarios exist is a mistake; this bounds the work of one comparison. */
export const MAX_COMPARE_SCENARIOS = 20;

export const CompareQuerySchema = z.strictObject({
  from: FIELDS.from.query,
  to: FIELDS.to.query,
  scenarios: commaList({ accepts: (i) => ID_PATTERN.test(i), expected: 'a scenario id', max: MAX_COMPARE_SCENARIOS })
    .optional()
    .meta({
      description: `Scenario ids to compare with today, comma-separated; at most ${MAX_COMPARE_SCENARIOS}. Default: every named scenario (GET /v1/scenarios). An unknown id is a 404 listing the known ones.`,
      example: 'kz-tm-af-pk-built,trans-afghan-built',
    }),
  objective: FIELDS.objective.query,
  modes: commaList({ accepts: (i) => (MODES as readonly string[]).includes(i), expected: `one of ${MODES.join(', ')}`, min: 1 })
    .default(DEFAULTS.modes.join(','))
    .meta({ description: `${DESCRIPTIONS.modes} Comma-separated.`, example: 'rail,ferry,sea' }),
  asOf: CompareAsOfQuerySchema,
  cargoTonnes: CargoTonnesQuerySchema,
  ...cargoUnitFields(true),
  ...etaRequestFields,
});

export type CompareQuery = z.output<typeof CompareQuerySchema>;

export const CompareRouteSchema = z
  .object({
    distanceKm: z.number().describe('Length, km (0.1 km).'),
    transitHours: HoursSchema,
    transitDays: DaysSchema.describe('transitHours in days of 24 h; compare `typical` and `high`.'),
    crossings: z.number().int().describe('Border crossings passed.'),
    crossingIds: z.array(z.string()).describe('The crossings, in travel order.'),
    gaugeBreaks: z.number().int().describe('Changes of track gauge.'),
    countries: z.array(z.string()).describe('Countries passed, in travel order.'),
    corridors: z.array(z.object({ id: z.string(), name: z.string(), km: z.number() })).describe('Corridors used, with the km on each.'),
    kgCo2e: z.number().describe('CO2 equivalent for the cargo, kg (0.1 kg).'),
    co2Scope: z.enum(['TTW', 'WTW']).describe('Scope of the CO2 figure.'),
    places: z.array(PlaceRefSchema).describe('Places passed, in travel order.'),
    eta: EtaSummarySchema.optional().describe('Dated ETA: present when the request gives departAt or arriveBy.'),
  })
  .meta({ id: 'CompareRoute', description: 'The key figures of the best route under one scenario.' });

export const CompareDifferencesSchema = z
  .object({
    distanceKm: z.number().describe('Scenario minus today, km.'),
    typicalDays: z.number().describe('Scenario minus today, typical days (0.1 day).'),
    highDays: z.number().describe('Scenario minus today, high (pessimistic) days.'),
    typicalHours: z.number().describe('Scenario minus today, typical hours.'),
    highHours: z.number().describe('Scenario minus today, high hours.'),
    crossings: z.number().int().describe('Scenario minus today, border crossings.'),
    gaugeBreaks: z.number().int().describe('Scenario minus today, gauge changes.'),
    kgCo2e: z.number().describe('Scenario minus today, kg CO2e.'),
  })
  .meta({ id: 'CompareDifferences', description: 'A scenario\'s best route minus today\'s: negative is shorter, faster, fewer.' });

const TodaySchema = z
  .object({
    route: CompareRouteSchema.nullable().describe('Best route on today\'s network, or null when there is none.'),
    reason: z.string().nullable().describe('Why there is no route; null when there is one.'),
  })
  .describe('Today\'s network.');

export const CompareScenarioSchema = z
  .object({
    scenario: ScenarioRefSchema,
    route: CompareRouteSchema.nullable().describe('Best route under the scenario, or null when there is none.'),
    reason: z.string().nullable().describe('Why there is no route; null when there is one.'),
    differences: CompareDifferencesSchema.nullable().describe('null when the scenario or today has no route.'),
    differencesReason: z.string().nullable().describe('Why differences is null; null when it is not.'),
  })
  .meta({ id: 'CompareScenario', description: 'The best route under one scenario and its differences to today.' });

export const CompareDateSchema = z
  .object({
    asOf: z.string().describe('The planning month as asked: `now` or YYYY-MM.'),
    route: CompareRouteSchema.nullable().describe('Best route on the network as its records expect it at that month, or null when there is none.'),
    reason: z.string().nullable().describe('Why there is no route; null when there is one.'),
    differences: CompareDifferencesSchema.nullable().describe('This date minus today; null when either has no route.'),
    differencesReason: z.string().nullable().describe('Why differences is null; null when it is not.'),
    openedOnRoute: z.array(DatedOpeningSchema).describe('Links and crossings of this route counted open only because their expected opening falls by this month.'),
  })
  .meta({ id: 'CompareDate', description: 'The lane at one planning month and its differences to today.' });

export const CompareResponseSchema = z
  .object({
    query: z.object({
      from: PlaceRefSchema,
      to: PlaceRefSchema,
      objective: ObjectiveSchema,
      modes: z.array(ModeSchema),
      cargoTonnes: z.number().describe(PLANNING_DESCRIPTIONS.cargoTonnes),
      scenarios: z.array(z.string()).describe('Scenario ids compared, in the order of `scenarios`.'),
      asOf: z.array(z.string()).describe('Planning months compared, in the order of `asOf`; empty without it.'),
    }),
    dataVersion: z.string(),
    today: TodaySchema,
    scenarios: z.array(CompareScenarioSchema),
    dates: z.array(CompareDateSchema).describe('The lane at each month of `asOf`, in order; empty without it.'),
  })
  .meta({ id: 'CompareResponse', description: 'Today against each scenario, side by side.' });

export type CompareResponse = z.output<typeof CompareResponseSchema>;
export type CompareRoute = z.output<typeof CompareRouteSchema>;
