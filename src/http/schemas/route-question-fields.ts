/**
 * The fields of a route question, one entry each, in the order the
 * documentation lists them. Each entry gives the field's GET form (a string
 * of the query string; null when only a JSON body can carry it), its POST
 * form (JSON), how a GET value becomes the POST value, and where the value
 * goes in the planning use case (domain/planning/answer.ts):
 *  - `query`: the route query itself (copied into RouteQueryInput as it is);
 *  - `plan`: a planning option (scenario, overlays, cargo, explain);
 *  - `wire`: only how the answer is written (format, geometry).
 * The GET and POST schemas (route-query.ts, route-request.ts), the mapper to
 * the use case (mappers/route-request.ts) and so the answer cache key are all
 * made from this table: adding a field is adding an entry here.
 */
import { z } from 'zod';
import { LIMITS } from '../../domain/routing/defaults.js';
import { AsOfBodySchema, AsOfQuerySchema } from './as-of-fields.js';
import { commaList, joinCoordinatePairs, oneOf, splitList, type ListRule } from './comma-list.js';
import {
  cargoUnitFields,
  CargoTonnesBodySchema,
  CargoTonnesQuerySchema,
  ExplainQuerySchema,
  FormatSchema,
  OverlaysBodySchema,
  PLANNING_DESCRIPTIONS,
  ScenarioIdInputSchema,
} from './planning-fields.js';
import {
  COUNTRY_PATTERN,
  DEFAULTS,
  DESCRIPTIONS,
  GeometrySchema,
  ID_PATTERN,
  INCLUDABLE_STATUSES,
  IncludableStatusSchema,
  MODES,
  ModeSchema,
  ObjectiveSchema,
  PlaceRefInputSchema,
} from './route-fields.js';
import { etaRequestFields } from './route-eta.js';

export type FieldPart = 'query' | 'plan' | 'wire';

export interface RouteField<Q extends z.ZodType | null = z.ZodType | null, B extends z.ZodType = z.ZodType> {
  /** The GET form; null: not in the query string (the POST value is then `fromQuery(undefined)`). */
  query: Q;
  body: B;
  /** The GET value as validated → the POST value; absent: the same value. */
  fromQuery?: (value: Q extends z.ZodType ? z.output<Q> : undefined) => z.output<B>;
  part: FieldPart;
}

/** The same schema in both forms. */
const same = <S extends z.ZodType>(schema: S, part: FieldPart): RouteField<S, S> => ({ query: schema, body: schema, part });

/** A number: coerced from the query string, a JSON number in the body. */
const number = (build: (n: z.ZodNumber) => z.ZodType<number>): RouteField<z.ZodType<number>, z.ZodType<number>> => ({
  query: build(z.coerce.number() as unknown as z.ZodNumber),
  body: build(z.number()),
  part: 'query',
});

/** A flag: only the words true and false in the query string, so "explain=no" is an error rather than a silent true. */
const flag = (fallback: boolean, description: string, part: FieldPart): RouteField<z.ZodType<'true' | 'false'>, z.ZodType<boolean>> => ({
  query: z.enum(['true', 'false']).default(fallback ? 'true' : 'false').meta({ description }),
  body: z.boolean().default(fallback).meta({ description }),
  fromQuery: (v) => v === 'true',
  part,
});

/** A list, empty by default: comma-separated in the query string, a JSON array in the body. */
function list<I extends z.ZodType>(
  rule: ListRule,
  item: I,
  description: string,
  split: (v: string | undefined) => string[] = splitList,
): RouteField<z.ZodType<string | undefined>, z.ZodType<z.output<I>[]>> {
  return {
    query: commaList(rule).optional().meta({ description: `${description} Comma-separated.` }),
    body: (rule.max === undefined ? z.array(item) : z.array(item).max(rule.max)).default([]).meta({ description }),
    fromQuery: split as (v: string | undefined) => z.output<I>[],
    part: 'query',
  };
}

/** A list of places: coordinates "lat,lon" keep their comma. */
const placeList = (rule: ListRule, description: string) =>
  list(rule, PlaceRefInputSchema, description, (v: string | undefined) => joinCoordinatePairs(splitList(v)));

const isId = (item: string) => ID_PATTERN.test(item);
const placeRef = (item: string) => item.length <= 200;
const PLACE_RULE = { accepts: placeRef, expected: 'a place reference of at most 200 characters' };
const IdSchema = z.string().regex(ID_PATTERN, 'expected an id such as "saraghs--sarakhs"');
const cargoQuery = cargoUnitFields(true);
const cargoBody = cargoUnitFields(false);

// Optional GET parameters carry no `example`: Swagger UI pre-fills "Try it out" from
// examples, and the pre-filled request should be plain Almaty → Karachi on today's network.
export const ROUTE_QUESTION_FIELDS = {
  from: same(PlaceRefInputSchema.meta({ description: DESCRIPTIONS.from, example: 'Almaty' }), 'query'),
  to: same(PlaceRefInputSchema.meta({ description: DESCRIPTIONS.to, example: 'Karachi' }), 'query'),
  objective: same(ObjectiveSchema.default(DEFAULTS.objective).meta({ description: DESCRIPTIONS.objective }), 'query'),
  include: list({ accepts: oneOf(INCLUDABLE_STATUSES), expected: `one of ${INCLUDABLE_STATUSES.join(', ')}` }, IncludableStatusSchema, DESCRIPTIONS.include),
  modes: {
    query: commaList({ accepts: oneOf(MODES), expected: `one of ${MODES.join(', ')}`, min: 1 })
      .default(DEFAULTS.modes.join(','))
      .meta({ description: `${DESCRIPTIONS.modes} Comma-separated.`, example: 'rail,ferry,sea' }),
    body: z.array(ModeSchema).min(1).default(DEFAULTS.modes).meta({ description: DESCRIPTIONS.modes }),
    fromQuery: (v: string) => splitList(v) as z.output<typeof ModeSchema>[],
    part: 'query',
  },
  allowUnscheduled: flag(DEFAULTS.allowUnscheduled, DESCRIPTIONS.allowUnscheduled, 'query'),
  via: placeList({ ...PLACE_RULE, max: LIMITS.maxVia }, DESCRIPTIONS.via),
  alternatives: number((n) => n.int().min(1).max(LIMITS.maxAlternatives).default(DEFAULTS.alternatives).meta({ description: DESCRIPTIONS.alternatives })),
  maxOverlap: number((n) => n.min(0).max(1).default(DEFAULTS.maxOverlap).meta({ description: DESCRIPTIONS.maxOverlap })),
  avoidCountries: list(
    { accepts: (i) => COUNTRY_PATTERN.test(i), expected: 'a two-letter ISO country code' },
    z.string().regex(COUNTRY_PATTERN, 'expected a two-letter ISO country code'),
    DESCRIPTIONS.avoidCountries,
  ),
  avoidPlaces: placeList(PLACE_RULE, DESCRIPTIONS.avoidPlaces),
  avoidCrossings: list({ accepts: isId, expected: 'a crossing id such as "saraghs--sarakhs"' }, IdSchema, DESCRIPTIONS.avoidCrossings),
  avoidCorridors: list({ accepts: isId, expected: 'a corridor id' }, IdSchema, DESCRIPTIONS.avoidCorridors),
  avoidLinks: list({ accepts: isId, expected: 'a link id' }, IdSchema, DESCRIPTIONS.avoidLinks),
  scenario: {
    query: ScenarioIdInputSchema.optional().meta({ description: PLANNING_DESCRIPTIONS.scenario }),
    body: ScenarioIdInputSchema.optional().meta({ description: PLANNING_DESCRIPTIONS.scenario, example: 'kz-tm-af-pk-built' }),
    part: 'plan',
  },
  // Overlays are objects: only the POST body can carry them.
  overlays: { query: null, body: OverlaysBodySchema, fromQuery: (): never[] => [], part: 'plan' },
  asOf: { query: AsOfQuerySchema, body: AsOfBodySchema, part: 'plan' },
  cargoTonnes: { query: CargoTonnesQuerySchema, body: CargoTonnesBodySchema, part: 'plan' },
  cargoTeu: { query: cargoQuery.cargoTeu, body: cargoBody.cargoTeu, part: 'plan' },
  cargoFeu: { query: cargoQuery.cargoFeu, body: cargoBody.cargoFeu, part: 'plan' },
  tonnesPerTeu: { query: cargoQuery.tonnesPerTeu, body: cargoBody.tonnesPerTeu, part: 'plan' },
  explain: { ...flag(false, PLANNING_DESCRIPTIONS.explain, 'plan'), query: ExplainQuerySchema },
  format: same(FormatSchema.optional(), 'wire'),
  geometry: same(GeometrySchema, 'wire'),
  // Dated ETAs are worked out on the planned routes (mappers/route-eta.ts): they shape the answer, not the plan.
  departAt: same(etaRequestFields.departAt, 'wire'),
  arriveBy: same(etaRequestFields.arriveBy, 'wire'),
  // `any`: each entry keeps its own schema types; the check is only that every entry has the parts of a field.
} satisfies Record<string, RouteField<any, any>>;

export type RouteQuestionField = keyof typeof ROUTE_QUESTION_FIELDS;

type Fields = typeof ROUTE_QUESTION_FIELDS;
type QueryShape = { [K in keyof Fields as Fields[K]['query'] extends z.ZodType ? K : never]: Fields[K]['query'] & z.ZodType };
type BodyShape = { [K in keyof Fields]: Fields[K]['body'] };

const entries = Object.entries(ROUTE_QUESTION_FIELDS) as [RouteQuestionField, RouteField][];

/** The GET query string's shape (for z.strictObject). */
export function queryShape(): QueryShape {
  return Object.fromEntries(entries.filter(([, f]) => f.query !== null).map(([k, f]) => [k, f.query])) as QueryShape;
}

/** The POST body's shape (for z.strictObject). */
export function bodyShape(): BodyShape {
  return Object.fromEntries(entries.map(([k, f]) => [k, f.body])) as BodyShape;
}

/** A validated GET query → the POST body's values, field by field. */
export function queryToBody(q: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(
    entries.map(([k, f]) => [k, f.fromQuery ? (f.fromQuery as (v: unknown) => unknown)(q[k]) : q[k]]),
  );
}

/** The names of the fields that go to the use case's route query (part `query`). */
export const QUERY_FIELDS: readonly RouteQuestionField[] = entries.filter(([, f]) => f.part === 'query').map(([k]) => k);
