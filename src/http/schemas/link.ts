/** GET /v1/links and /v1/links/{id}: query and answers. */
import { z } from 'zod';
import { CitedSourceSchema } from './source.js';
import { ExpectedOpeningWireSchema } from './expected-opening-wire.js';
import { CountryPlaceRefSchema } from './common.js';
import {
  AsOfSchema,
  CorridorRefSchema,
  CrossingSummarySchema,
  GaugeMmSchema,
  HoursFigureSchema,
  LinkStatusSchema,
  ProvenanceSchema,
  SpeedFigureSchema,
} from './browse-fields.js';
import {
  CorridorFilterSchema,
  CountryFilterSchema,
  LimitSchema,
  LinkStatusFilterSchema,
  ModeFilterSchema,
  OffsetSchema,
  pageSchema,
} from './browse-query.js';
import { ModeSchema } from './route-fields.js';

export const LinkQuerySchema = z.strictObject({
  mode: ModeFilterSchema,
  status: LinkStatusFilterSchema,
  country: CountryFilterSchema.meta({
    description: 'Only links with an end in one of these countries (ISO 3166-1 alpha-2, any case). Comma-separated.',
    example: 'AF',
  }),
  corridor: CorridorFilterSchema,
  limit: LimitSchema,
  offset: OffsetSchema,
});

export type LinkQuery = z.output<typeof LinkQuerySchema>;

export const LinkSchema = z
  .object({
    id: z.string().describe('Link id (usable in avoidLinks).'),
    from: CountryPlaceRefSchema.describe('One end (links run both ways).'),
    to: CountryPlaceRefSchema.describe('The other end.'),
    mode: ModeSchema,
    lengthKm: z.number().describe('Length, km.'),
    lengthProvenance: ProvenanceSchema.describe('How lengthKm was obtained.'),
    gaugeMm: GaugeMmSchema.nullable().describe('Track gauge, mm; null for ferry, sea and road links.'),
    status: LinkStatusSchema,
    statusAsOf: AsOfSchema,
    expectedOpening: ExpectedOpeningWireSchema.nullable().describe('Expected opening (or reopening, when suspended); null for an operational link or one without a published date.'),
    tracks: z.enum(['single', 'double', 'partly-double']).nullable().describe('Number of tracks, when recorded.'),
    electrified: z.boolean().nullable().describe('Whether the line is electrified, when recorded.'),
    speedKmh: SpeedFigureSchema.nullable().describe(
      "The link's own commercial speed, km/h; null when the country's speed rule for the mode applies.",
    ),
    ferry: z
      .object({
        crossingHours: HoursFigureSchema.describe('Time at sea, h.'),
        waitHours: HoursFigureSchema.describe('Waiting for a departure, h.'),
        handlingHours: HoursFigureSchema.describe('Loading and unloading at both ports together, h.'),
      })
      .nullable()
      .describe('Ferry timing; null for other modes.'),
    sea: z
      .object({ handlingHours: HoursFigureSchema.describe('Port handling at both ends together, h.') })
      .nullable()
      .describe('Sea-leg port handling (sailing time comes from lengthKm and the vessel speed); null for other modes.'),
    service: z
      .object({
        kind: z
          .enum(['scheduled', 'on-demand', 'none', 'unknown'])
          .describe('scheduled sailings, on demand only, none at all, or unknown (no service recorded for this ferry).'),
        asOf: AsOfSchema.nullable(),
        sources: z.array(CitedSourceSchema),
        notes: z.string().nullable(),
      })
      .nullable()
      .describe('Sailings on a ferry or sea link; null for rail and road links. Routes use only scheduled (or unknown) ones unless allowUnscheduled.'),
    corridors: z.array(CorridorRefSchema).describe('Corridors the link belongs to.'),
    crossing: CrossingSummarySchema.nullable().describe('The border crossing this link passes, or null.'),
    notes: z.string().nullable(),
    sources: z.array(CitedSourceSchema).describe('Citations for the link.'),
  })
  .meta({ id: 'Link', description: 'A link between two places (rail line, ferry, sea or road leg), with its figures and sources.' });

export const LinkPageSchema = pageSchema(LinkSchema, 'LinkPage', 'links');

export type WireLink = z.output<typeof LinkSchema>;
export type LinkPage = z.output<typeof LinkPageSchema>;
