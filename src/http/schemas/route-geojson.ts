/**
 * GeoJSON forms of planning answers (RFC 7946): the legs of routes as
 * LineStrings, and reachable places as Points. Coordinates are
 * [longitude, latitude] in WGS 84 degrees.
 */
import { z } from 'zod';
import { ModeSchema } from './route-fields.js';

const Position = z.tuple([z.number(), z.number()]);

export const RouteLegFeatureSchema = z
  .object({
    type: z.literal('Feature'),
    geometry: z.object({
      type: z.literal('LineString'),
      coordinates: z.array(Position).describe('The two ends of the leg (a straight line, not the track).'),
    }),
    properties: z.object({
      routeIndex: z.number().int().describe('Rank of the route the leg belongs to (1 = best).'),
      legIndex: z.number().int().describe('Position of the leg in its route, from 1.'),
      linkId: z.string(),
      from: z.string().describe('Place id where the leg starts.'),
      fromName: z.string(),
      to: z.string().describe('Place id where the leg ends.'),
      toName: z.string(),
      mode: ModeSchema,
      km: z.number().describe('Length, km.'),
      hours: z.number().describe('Typical moving time, h.'),
      gaugeMm: z.number().int().nullable().describe('Track gauge, mm; null for ferry, sea and road.'),
      status: z.string().describe('Link status (operational, planned, …).'),
      corridors: z.array(z.string()).describe('Corridor ids.'),
      kgCo2e: z.number().describe('Well-to-wheel CO2e of the leg for the cargo asked, kg (ISO 14083 / GLEC).'),
    }),
  })
  .meta({ id: 'RouteLegFeature', description: 'One leg of a route as a GeoJSON Feature.' });

export const RouteLegFeatureCollectionSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(RouteLegFeatureSchema).describe('Every leg of every route, route 1 first, legs in travel order.'),
  })
  .meta({
    id: 'RouteLegFeatureCollection',
    description: 'Routes as GeoJSON (format=geojson or Accept: application/geo+json): one LineString Feature per leg.',
    example: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'LineString', coordinates: [[76.95, 43.24], [76.62, 43.33]] },
          properties: {
            routeIndex: 1,
            legIndex: 1,
            linkId: 'almaty--almaty-bypass-junction',
            from: 'almaty',
            fromName: 'Almaty',
            to: 'almaty-bypass-junction',
            toName: 'Almaty bypass west junction',
            mode: 'rail',
            km: 34,
            hours: 0.9,
            gaugeMm: 1520,
            status: 'operational',
            corridors: [],
            kgCo2e: 0.7, // electrified, KZ grid: 34 km × 1 t × 0.0322 kWh/tkm × 641.102 g/kWh, well-to-wheel
          },
        },
      ],
    },
  });

export const ReachableFeatureSchema = z
  .object({
    type: z.literal('Feature'),
    geometry: z.object({ type: z.literal('Point'), coordinates: Position }),
    properties: z.object({
      id: z.string(),
      name: z.string(),
      country: z.string(),
      typicalHours: z.number().describe('Typical hours from the origin, h.'),
      distanceKm: z.number().describe('Km from the origin.'),
      crossings: z.number().int().describe('Borders crossed on the way.'),
    }),
  })
  .meta({ id: 'ReachableFeature', description: 'A reachable place as a GeoJSON Point Feature.' });

export const ReachableFeatureCollectionSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(ReachableFeatureSchema).describe('Reachable places, nearest (in hours) first.'),
  })
  .meta({
    id: 'ReachableFeatureCollection',
    description: 'Reachable places as GeoJSON (format=geojson or Accept: application/geo+json): one Point Feature per place.',
  });

export type RouteLegFeatureCollection = z.output<typeof RouteLegFeatureCollectionSchema>;
export type ReachableFeatureCollection = z.output<typeof ReachableFeatureCollectionSchema>;
