/**
 * Wire types shared by the network-browsing answers (places, links,
 * crossings, corridors): how a figure was obtained, data-set ranges with
 * their provenance, and short references to links, crossings and corridors.
 */
import { z } from 'zod';
import {
  CrossingStatusSchema as DataCrossingStatusSchema,
  HandlingSchema as DataHandlingSchema,
  LinkStatusSchema as DataLinkStatusSchema,
  PlaceKindSchema as DataPlaceKindSchema,
} from '../../domain/network/schema.js';
import { CountryPlaceRefSchema } from './common.js';
import { ModeSchema } from './route-fields.js';

export const LINK_STATUSES = DataLinkStatusSchema.options;
export const CROSSING_STATUSES = DataCrossingStatusSchema.options;
export const PLACE_KINDS = DataPlaceKindSchema.options;

export const LinkStatusSchema = z
  .enum(LINK_STATUSES)
  .describe('Status of a link: `operational` runs today; the others are scenarios (being built, planned, proposed, suspended).');
export const CrossingStatusSchema = z
  .enum(CROSSING_STATUSES)
  .describe('Status of a border crossing: `planned` exists only once a line through it is built.');
export const PlaceKindSchema = z.enum(PLACE_KINDS).describe('What kind of place it is.');
export const HandlingSchema = z
  .enum(DataHandlingSchema.options)
  .describe('How a gauge or mode change is handled.');
export const GaugeMmSchema = z.union([z.literal(1520), z.literal(1435), z.literal(1676)]).describe('Track gauge, mm.');
export const AsOfSchema = z.string().describe('Date the status was last confirmed (YYYY, YYYY-MM or YYYY-MM-DD).');

export const ProvenanceSchema = z
  .object({
    basis: z
      .enum(['sourced', 'derived', 'estimate'])
      .describe('`sourced`: published as is; `derived`: arithmetic on published figures; `estimate`: not published.'),
    method: z.string().nullable().describe('How a derived or estimated figure was obtained; null for a figure sourced as is.'),
    conflict: z
      .object({
        values: z.array(z.string()).describe('Every published value.'),
        resolution: z.string().describe('Which one was chosen and why.'),
      })
      .nullable()
      .describe('When sources disagree; null otherwise.'),
  })
  .meta({
    id: 'Provenance',
    description: 'How a figure of the data set was obtained.',
    example: { basis: 'estimate', method: 'no published figure; great-circle 6.4 km × 1.2 (rail in plains)', conflict: null },
  });

export const HoursFigureSchema = z
  .object({
    low: z.number().nonnegative().describe('Optimistic value, h.'),
    typical: z.number().nonnegative().describe('Typical value, h.'),
    high: z.number().nonnegative().describe('Pessimistic value, h.'),
    provenance: ProvenanceSchema,
  })
  .meta({
    id: 'HoursFigure',
    description: 'A duration of the data set in hours as low / typical / high, as recorded (not rounded), with its provenance.',
  });

export const SpeedFigureSchema = z
  .object({
    low: z.number().positive().describe('Slowest value, km/h.'),
    typical: z.number().positive().describe('Typical value, km/h.'),
    high: z.number().positive().describe('Fastest value, km/h.'),
    provenance: ProvenanceSchema,
  })
  .meta({ id: 'SpeedFigure', description: 'A commercial speed of the data set in km/h as low / typical / high, with its provenance.' });

export const CorridorRefSchema = z
  .object({
    id: z.string().describe('Corridor id (usable in avoidCorridors and in the `corridor` filters).'),
    name: z.string(),
  })
  .meta({ id: 'CorridorRef', description: 'A corridor by id and name.', example: { id: 'nstc', name: 'International North–South Transport Corridor (INSTC)' } });

export const LinkSummarySchema = z
  .object({
    id: z.string().describe('Link id (usable in avoidLinks; details at /v1/links/{id}).'),
    from: CountryPlaceRefSchema,
    to: CountryPlaceRefSchema,
    mode: ModeSchema,
    lengthKm: z.number().describe('Length, km.'),
    gaugeMm: GaugeMmSchema.nullable().describe('Track gauge, mm; null for ferry, sea and road links.'),
    status: LinkStatusSchema,
  })
  .meta({
    id: 'LinkSummary',
    description: 'A link in short. Links run both ways; from and to only name its ends.',
    example: {
      id: 'saraghs--sarakhs',
      from: { id: 'saraghs', name: 'Saraghs', country: 'TM' },
      to: { id: 'sarakhs', name: 'Sarakhs', country: 'IR' },
      mode: 'rail',
      lengthKm: 8,
      gaugeMm: 1520,
      status: 'operational',
    },
  });

export const CrossingSummarySchema = z
  .object({
    id: z.string().describe('Crossing id (usable in avoidCrossings; details at /v1/border-crossings/{id}).'),
    name: z.string(),
    countries: z.array(z.string()).describe('The two countries (ISO 3166-1 alpha-2), in the order of the border points.'),
    status: CrossingStatusSchema,
  })
  .meta({
    id: 'CrossingSummary',
    description: 'A border crossing in short.',
    example: { id: 'saraghs--sarakhs', name: 'Saraghs – Sarakhs', countries: ['TM', 'IR'], status: 'open' },
  });
