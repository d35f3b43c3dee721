/**
 * GET /v1/network: the network as a GeoJSON FeatureCollection (RFC 7946),
 * places as Points and links as LineStrings, for drawing on a map.
 */
import { z } from 'zod';
import { CorridorFilterSchema, CountryFilterSchema, LinkStatusFilterSchema, ModeFilterSchema } from './browse-query.js';
import { GaugeMmSchema, LinkStatusSchema, PlaceKindSchema } from './browse-fields.js';
import { ModeSchema } from './route-fields.js';

export const NetworkQuerySchema = z.strictObject({
  status: LinkStatusFilterSchema,
  mode: ModeFilterSchema,
  country: CountryFilterSchema.meta({
    description: 'Only links with an end in one of these countries (ISO 3166-1 alpha-2, any case). Comma-separated.',
    example: 'AF,PK',
  }),
  corridor: CorridorFilterSchema,
});

export type NetworkQuery = z.output<typeof NetworkQuerySchema>;

const PositionSchema = z.tuple([z.number(), z.number()]).describe('[longitude, latitude], WGS 84 degrees.');

export const PlaceFeatureSchema = z
  .object({
    type: z.literal('Feature'),
    id: z.string().describe('Place id.'),
    geometry: z.object({ type: z.literal('Point'), coordinates: PositionSchema }),
    properties: z.object({
      featureType: z.literal('place'),
      id: z.string(),
      name: z.string(),
      country: z.string().describe('ISO 3166-1 alpha-2.'),
      kind: PlaceKindSchema,
      unlocode: z.string().nullable(),
    }),
  })
  .meta({ id: 'PlaceFeature', description: 'A place as a GeoJSON Point feature.' });

export const LinkFeatureSchema = z
  .object({
    type: z.literal('Feature'),
    id: z.string().describe('Link id.'),
    geometry: z.object({
      type: z.literal('LineString'),
      coordinates: z.array(PositionSchema).describe('The two ends: a straight line between the places, not the track.'),
    }),
    properties: z.object({
      featureType: z.literal('link'),
      id: z.string(),
      from: z.string().describe('Place id of one end.'),
      to: z.string().describe('Place id of the other end.'),
      mode: ModeSchema,
      lengthKm: z.number().describe('Length, km.'),
      gaugeMm: GaugeMmSchema.nullable(),
      status: LinkStatusSchema,
      corridors: z.array(z.string()).describe('Corridor ids.'),
    }),
  })
  .meta({ id: 'LinkFeature', description: 'A link as a GeoJSON LineString feature.' });

export const NetworkFeatureCollectionSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z
      .array(z.union([PlaceFeatureSchema, LinkFeatureSchema]))
      .describe('Places first (sorted by id), then links (sorted by id); `properties.featureType` tells them apart.'),
  })
  .meta({ id: 'NetworkFeatureCollection', description: 'The network (or the filtered part of it) as GeoJSON.' });

export type NetworkFeatureCollection = z.output<typeof NetworkFeatureCollectionSchema>;
