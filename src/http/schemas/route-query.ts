/**
 * GET /v1/routes query string. Lists are comma-separated strings; they are
 * checked here item by item (so an error names the bad items) and split in
 * mappers/route-request.ts. No transforms: the documentation shows the
 * parameters as the client sends them.
 */
import { z } from 'zod';
import { LIMITS } from '../../domain/routing/defaults.js';
import {
  COUNTRY_PATTERN,
  DEFAULTS,
  DESCRIPTIONS,
  ID_PATTERN,
  INCLUDABLE_STATUSES,
  MODES,
  GeometrySchema,
  ObjectiveSchema,
  PlaceRefInputSchema,
} from './route-fields.js';
import { etaRequestFields } from './route-eta.js';
import { AsOfQuerySchema } from './as-of-fields.js';
import { cargoUnitFields, CargoTonnesQuerySchema, ExplainQuerySchema, FormatSchema, PLANNING_DESCRIPTIONS, ScenarioIdInputSchema } from './planning-fields.js';

/** Items of a comma list, trimmed, empty items dropped ("rail, sea," → ["rail", "sea"]). */
export function splitList(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

interface ListRule {
  /** Returns false for an item that is not acceptable. */
  accepts: (item: string) => boolean;
  /** What a good item looks like, for the error message. */
  expected: string;
  max?: number;
  min?: number;
}

export function commaList(rule: ListRule) {
  return z.string().superRefine((value, ctx) => {
    const items = splitList(value);
    const bad = items.filter((i) => !rule.accepts(i));
    if (bad.length > 0) {
      ctx.addIssue({ code: 'custom', message: `${bad.map((b) => JSON.stringify(b)).join(', ')}: expected ${rule.expected}` });
    }
    if (rule.max !== undefined && items.length > rule.max) {
      ctx.addIssue({ code: 'custom', message: `at most ${rule.max} items, got ${items.length}` });
    }
    if (rule.min !== undefined && items.length < rule.min) {
      ctx.addIssue({ code: 'custom', message: `at least ${rule.min} item${rule.min === 1 ? '' : 's'} needed` });
    }
  });
}

const oneOf = (values: readonly string[]) => (item: string) => values.includes(item);
const isId = (item: string) => ID_PATTERN.test(item);
const placeRef = (item: string) => item.length <= 200;

// Optional parameters carry no `example`: Swagger UI pre-fills "Try it out" from
// examples, and the pre-filled request should be plain Almaty → Karachi on today's network.
export const RouteQuerySchema = z.strictObject({
  from: PlaceRefInputSchema.meta({ description: DESCRIPTIONS.from, example: 'Almaty' }),
  to: PlaceRefInputSchema.meta({ description: DESCRIPTIONS.to, example: 'Karachi' }),
  objective: ObjectiveSchema.default(DEFAULTS.objective).meta({ description: DESCRIPTIONS.objective }),
  include: commaList({ accepts: oneOf(INCLUDABLE_STATUSES), expected: `one of ${INCLUDABLE_STATUSES.join(', ')}` })
    .optional()
    .meta({ description: `${DESCRIPTIONS.include} Comma-separated.` }),
  modes: commaList({ accepts: oneOf(MODES), expected: `one of ${MODES.join(', ')}`, min: 1 })
    .default(DEFAULTS.modes.join(','))
    .meta({ description: `${DESCRIPTIONS.modes} Comma-separated.`, example: 'rail,ferry,sea' }),
  allowUnscheduled: z
    .enum(['true', 'false'])
    .default(DEFAULTS.allowUnscheduled ? 'true' : 'false')
    .meta({ description: DESCRIPTIONS.allowUnscheduled }),
  via: commaList({ accepts: placeRef, expected: 'a place reference of at most 200 characters', max: LIMITS.maxVia })
    .optional()
    .meta({ description: `${DESCRIPTIONS.via} Comma-separated.` }),
  alternatives: z.coerce
    .number()
    .int()
    .min(1)
    .max(LIMITS.maxAlternatives)
    .default(DEFAULTS.alternatives)
    .meta({ description: DESCRIPTIONS.alternatives }),
  maxOverlap: z.coerce
    .number()
    .min(0)
    .max(1)
    .default(DEFAULTS.maxOverlap)
    .meta({ description: DESCRIPTIONS.maxOverlap }),
  avoidCountries: commaList({ accepts: (i) => COUNTRY_PATTERN.test(i), expected: 'a two-letter ISO country code' })
    .optional()
    .meta({ description: `${DESCRIPTIONS.avoidCountries} Comma-separated.` }),
  avoidPlaces: commaList({ accepts: placeRef, expected: 'a place reference of at most 200 characters' })
    .optional()
    .meta({ description: `${DESCRIPTIONS.avoidPlaces} Comma-separated.` }),
  avoidCrossings: commaList({ accepts: isId, expected: 'a crossing id such as "saraghs--sarakhs"' })
    .optional()
    .meta({ description: `${DESCRIPTIONS.avoidCrossings} Comma-separated.` }),
  avoidCorridors: commaList({ accepts: isId, expected: 'a corridor id' })
    .optional()
    .meta({ description: `${DESCRIPTIONS.avoidCorridors} Comma-separated.` }),
  avoidLinks: commaList({ accepts: isId, expected: 'a link id' })
    .optional()
    .meta({ description: `${DESCRIPTIONS.avoidLinks} Comma-separated.` }),
  scenario: ScenarioIdInputSchema.optional().meta({ description: PLANNING_DESCRIPTIONS.scenario }),
  asOf: AsOfQuerySchema,
  cargoTonnes: CargoTonnesQuerySchema,
  ...cargoUnitFields(true),
  explain: ExplainQuerySchema,
  format: FormatSchema.optional(),
  geometry: GeometrySchema,
  ...etaRequestFields,
});

export type RouteQueryParams = z.output<typeof RouteQuerySchema>;
