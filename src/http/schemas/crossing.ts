/** GET /v1/border-crossings and /v1/border-crossings/{id}: query and answers. */
import { z } from 'zod';
import { CitedSourceSchema } from './source.js';
import { ExpectedOpeningWireSchema } from './expected-opening-wire.js';
import { CountryPlaceRefSchema } from './common.js';
import {
  AsOfSchema,
  CrossingStatusSchema,
  GaugeMmSchema,
  HandlingSchema,
  HoursFigureSchema,
  LinkSummarySchema,
} from './browse-fields.js';
import { CountryFilterSchema, CrossingStatusFilterSchema, LimitSchema, OffsetSchema, pageSchema } from './browse-query.js';
import { ModeSchema } from './route-fields.js';

export const CrossingQuerySchema = z.strictObject({
  country: CountryFilterSchema.meta({
    description: 'Only crossings on a border of one of these countries (ISO 3166-1 alpha-2, any case). Comma-separated.',
    example: 'AF',
  }),
  status: CrossingStatusFilterSchema,
  limit: LimitSchema,
  offset: OffsetSchema,
});

export type CrossingQuery = z.output<typeof CrossingQuerySchema>;

export const DirectionDwellSchema = z
  .object({
    fromCountry: z.string().describe('Country left (ISO 3166-1 alpha-2).'),
    toCountry: z.string().describe('Country entered.'),
    hours: HoursFigureSchema.describe('Time at the border going this way, h (without the gauge change, unless gaugeChange.includedInDwell).'),
    directionSpecific: z
      .boolean()
      .describe('True when the data has a figure for this direction; false when the figure for every direction applies.'),
    sources: z.array(CitedSourceSchema),
  })
  .meta({ id: 'DirectionDwell', description: 'Dwell at a border crossing for one direction of travel, as routes use it.' });

export const CrossingSchema = z
  .object({
    id: z.string().describe('Crossing id (usable in avoidCrossings).'),
    name: z.string(),
    places: z.array(CountryPlaceRefSchema).describe('The two border points, one on each side.'),
    countries: z.array(z.string()).describe('The two countries (ISO 3166-1 alpha-2), in the order of `places`.'),
    modes: z.array(ModeSchema).describe('Modes whose links pass this crossing.'),
    dwell: z.array(DirectionDwellSchema).describe('Dwell for each direction: countries[0] → countries[1], then back.'),
    gaugeChange: z
      .object({
        changesGauge: z.boolean().describe('True when the gauges of the two sides differ.'),
        gaugesMm: z
          .array(GaugeMmSchema)
          .nullable()
          .describe('Gauges on the side of places[0] and places[1], mm; null for road crossings.'),
        handling: HandlingSchema,
        hours: HoursFigureSchema.nullable().describe('Time for the gauge change itself, h; null when there is none.'),
        includedInDwell: z
          .boolean()
          .describe('True when the dwell figures already contain the gauge change (e.g. CAREC CPMM TFI1): a route that passes this crossing gets no extra time for it.'),
        description: z.string().nullable(),
      })
      .describe('Gauge change at the crossing and how it is handled.'),
    status: CrossingStatusSchema,
    statusAsOf: AsOfSchema,
    statusSources: z.array(CitedSourceSchema).describe('Citations for the status.'),
    expectedOpening: ExpectedOpeningWireSchema.nullable().describe('Expected opening (planned) or reopening (closed, restricted); null for an open crossing or one without a published date.'),
    links: z.array(LinkSummarySchema).describe('Links that pass this crossing.'),
    notes: z.string().nullable(),
    sources: z.array(CitedSourceSchema).describe('Citations for the crossing.'),
  })
  .meta({ id: 'Crossing', description: 'A border crossing: its two border points, dwell per direction, gauge change, status and sources.' });

export const CrossingPageSchema = pageSchema(CrossingSchema, 'CrossingPage', 'border crossings');

export type WireCrossing = z.output<typeof CrossingSchema>;
export type CrossingPage = z.output<typeof CrossingPageSchema>;
