/** GET /v1/places and /v1/places/{id}: query and answers. */
import { z } from 'zod';
import { CitedSourceSchema } from './source.js';
import {
  CrossingSummarySchema,
  HandlingSchema,
  HoursFigureSchema,
  LinkSummarySchema,
  PlaceKindSchema,
  ProvenanceSchema,
} from './browse-fields.js';
import { CountryFilterSchema, LimitSchema, OffsetSchema, pageSchema, PlaceKindFilterSchema } from './browse-query.js';

export const PlaceQuerySchema = z.strictObject({
  q: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(200, 'at most 200 characters')
    .optional()
    .meta({
      description:
        'Search text, matched as a substring of ids, names, aliases and UN/LOCODEs; case, accents and punctuation are ignored. ' +
        'Exact matches come first, then prefixes, then other substrings. Without q, places are sorted by name.',
      example: 'kara',
    }),
  country: CountryFilterSchema,
  kind: PlaceKindFilterSchema,
  limit: LimitSchema,
  offset: OffsetSchema,
});

export type PlaceQuery = z.output<typeof PlaceQuerySchema>;

export const PlaceSchema = z
  .object({
    id: z.string().describe('Place id, usable wherever the API takes a place.'),
    name: z.string().describe('Display name.'),
    aliases: z.array(z.string()).describe('Other names and spellings the API also accepts.'),
    city: z.string().nullable().describe('The city the place serves (e.g. Karachi for its port and stations); searching the city lists them all.'),
    cityMain: z.boolean().describe("True for the city's main freight place, which the city's name resolves to."),
    country: z.string().describe('ISO 3166-1 alpha-2 country code.'),
    kind: PlaceKindSchema,
    unlocode: z.string().nullable().describe('UN/LOCODE without the space (e.g. "PKKHI"), or null.'),
    lat: z.number().describe('Latitude, WGS 84 degrees.'),
    lon: z.number().describe('Longitude, WGS 84 degrees.'),
    coordinatesProvenance: ProvenanceSchema.describe('How the coordinates were obtained.'),
    transshipment: z
      .object({
        handling: HandlingSchema,
        hours: HoursFigureSchema.describe('Time for the change, h.'),
        sources: z.array(CitedSourceSchema),
      })
      .nullable()
      .describe('Gauge change away from a border (e.g. Zahedan) or rail–road change at a railhead; null when none.'),
    notes: z.string().nullable(),
    sources: z.array(CitedSourceSchema).describe('Citations for the place.'),
  })
  .meta({ id: 'Place', description: 'A place of the network: station, junction, port, border point, …' });

export const PlaceDetailSchema = PlaceSchema.extend({
  links: z.array(LinkSummarySchema).describe('Links starting or ending here, of every status.'),
  crossings: z.array(CrossingSummarySchema).describe('Border crossings whose border point this is.'),
}).meta({ id: 'PlaceDetail', description: 'A place with the links and border crossings that touch it.' });

export const PlacePageSchema = pageSchema(PlaceSchema, 'PlacePage', 'places');

export type WirePlace = z.output<typeof PlaceSchema>;
export type PlaceDetail = z.output<typeof PlaceDetailSchema>;
export type PlacePage = z.output<typeof PlacePageSchema>;
