/**
 * GeoJSON forms of planning answers (RFC 7946): routes as their totals,
 * legs (LineStrings) and stops (Points), and reachable places as Points. Coordinates are
 * [longitude, latitude] in WGS 84 degrees.
 */
import { z } from 'zod';
import { DaysSchema, HoursSchema } from './common.js';
import { MultiPolygonSchema } from './reachability.js';
import { ModeSchema } from './route-fields.js';

const Position = z.tuple([z.number(), z.number()]);

const HourBandProperties = {
  hoursLow: z.number().describe('Optimistic hours, h (0.1 h).'),
  hoursTypical: z.number().describe('Typical hours, h (0.1 h).'),
  hoursHigh: z.number().describe('Pessimistic hours, h (0.1 h).'),
};

const ComponentProperty = z
  .string()
  .describe('The part of hoursByComponent these hours count in (running, borderDwell, gaugeChange, ferry, sea, transfer).');

export const RouteLegFeatureSchema = z
  .object({
    type: z.literal('Feature'),
    geometry: z.object({
      type: z.literal('LineString'),
      coordinates: z.array(Position).describe('The two ends of the leg (a straight line, not the track).'),
    }),
    properties: z.object({
      kind: z.literal('leg'),
      routeIndex: z.number().int().describe('Rank of the route the leg belongs to (1 = best).'),
      legIndex: z.number().int().describe('Position of the leg in its route, from 1.'),
      component: ComponentProperty,
      linkId: z.string(),
      from: z.string().describe('Place id where the leg starts.'),
      fromName: z.string(),
      to: z.string().describe('Place id where the leg ends.'),
      toName: z.string(),
      mode: ModeSchema,
      km: z.number().describe('Length, km.'),
      hours: z.number().describe('Typical moving time, h (the same as hoursTypical).'),
      ...HourBandProperties,
      gaugeMm: z.number().int().nullable().describe('Track gauge, mm; null for ferry, sea and road.'),
      status: z.string().describe('Link status (operational, planned, …).'),
      corridors: z.array(z.string()).describe('Corridor ids.'),
      kgCo2e: z.number().describe('Well-to-wheel CO2e of the leg for the cargo asked, kg (ISO 14083 / GLEC).'),
    }),
  })
  .meta({ id: 'RouteLegFeature', description: 'One leg of a route as a GeoJSON LineString Feature, with its moving time.' });

export const RouteStopFeatureSchema = z
  .object({
    type: z.literal('Feature'),
    geometry: z.object({
      type: z.literal('Point'),
      coordinates: Position.describe('The place; for a border dwell, midway between the two border points.'),
    }),
    properties: z.object({
      kind: z
        .enum(['border-dwell', 'gauge-change', 'transfer', 'terminal'])
        .describe('A wait at a border crossing, a change of track gauge, a change of mode, or terminal and yard time.'),
      routeIndex: z.number().int(),
      component: ComponentProperty,
      ref: z.string().describe('Crossing id for border dwells and gauge changes at a crossing, else the place id.'),
      places: z.array(z.string()).describe('Place ids: the two border points of a crossing, or the one place.'),
      name: z.string().describe('Crossing or place name.'),
      ...HourBandProperties,
      note: z.string().describe('What happens there, in words (gauges, handling, modes, and whether the hours are already in a dwell).'),
    }),
  })
  .meta({
    id: 'RouteStopFeature',
    description: 'Time a route spends standing: a border dwell, a gauge change or a change of mode, as a GeoJSON Point Feature. Its hours are added to the route (a gauge change inside a crossing\'s dwell shows 0).',
  });

export const RouteTotalFeatureSchema = z
  .object({
    type: z.literal('Feature'),
    geometry: z.object({
      type: z.literal('LineString'),
      coordinates: z.array(Position).describe('Every place passed, in travel order.'),
    }),
    properties: z.object({
      kind: z.literal('route'),
      routeIndex: z.number().int(),
      distanceKm: z.number().describe('Total length, km.'),
      ...HourBandProperties,
      transitDays: DaysSchema,
      hoursByComponent: z.record(z.string(), HoursSchema).describe('transitHours split by component, h; the same figures as the JSON answer.'),
      countries: z.array(z.string()),
      crossings: z.number().int().describe('Border crossings passed.'),
      gaugeBreaks: z.number().int().describe('Changes of track gauge.'),
      kgCo2e: z.number().describe('CO2 of the route for the cargo asked, kg.'),
    }),
  })
  .meta({
    id: 'RouteTotalFeature',
    description: 'A whole route with its totals: hours are transitHours (low / typical / high), the sum of its leg and stop features.',
  });

export const RouteFeatureSchema = z.union([RouteTotalFeatureSchema, RouteLegFeatureSchema, RouteStopFeatureSchema]);

export const RouteFeatureCollectionSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z
      .array(RouteFeatureSchema)
      .describe(
        'Per route, route 1 first: its route feature (kind "route", the totals), then its legs (LineStrings) and stops (Points: border dwells, gauge changes, changes of mode) in travel order. ' +
          'The hours of a route\'s legs and stops add up to its route feature\'s, up to the 0.1 h rounding of each.',
      ),
  })
  .meta({
    id: 'RouteFeatureCollection',
    description:
      'Routes as GeoJSON (format=geojson or Accept: application/geo+json): a route feature with the totals, one LineString per leg and one Point per border dwell, gauge change and change of mode.',
    example: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'LineString', coordinates: [[76.95, 43.24], [76.62, 43.33]] },
          properties: {
            kind: 'leg',
            routeIndex: 1,
            legIndex: 1,
            component: 'running',
            linkId: 'almaty--almaty-bypass-junction',
            from: 'almaty',
            fromName: 'Almaty',
            to: 'almaty-bypass-junction',
            toName: 'Almaty bypass west junction',
            mode: 'rail',
            km: 34,
            hours: 0.9,
            hoursLow: 0.7,
            hoursTypical: 0.9,
            hoursHigh: 1.1,
            gaugeMm: 1520,
            status: 'operational',
            corridors: [],
            kgCo2e: 0.7, // electrified, KZ grid: 34 km × 1 t × 0.0322 kWh/tkm × 641.102 g/kWh, well-to-wheel
          },
        },
      ],
    },
  });

/** The former name of the route collection, kept for existing importers. */
export const RouteLegFeatureCollectionSchema = RouteFeatureCollectionSchema;

export const ReachableFeatureSchema = z
  .object({
    type: z.literal('Feature'),
    geometry: z.object({ type: z.literal('Point'), coordinates: Position }),
    properties: z.object({
      kind: z.literal('place'),
      id: z.string(),
      name: z.string(),
      country: z.string(),
      typicalHours: z.number().describe('Typical hours from the origin, h.'),
      distanceKm: z.number().describe('Km from the origin.'),
      crossings: z.number().int().describe('Borders crossed on the way.'),
    }),
  })
  .meta({ id: 'ReachableFeature', description: 'A reachable place as a GeoJSON Point Feature.' });

export const ReachableAreaFeatureSchema = z
  .object({
    type: z.literal('Feature'),
    geometry: MultiPolygonSchema,
    properties: z.object({
      kind: z.literal('area'),
      maxHours: z.number().describe('The band: places reached within this many typical hours, h.'),
      places: z.number().int().describe('Places in the band, the origin not counted.'),
    }),
  })
  .meta({ id: 'ReachableAreaFeature', description: 'The area reached within a band of the budget (see ReachableArea), as a GeoJSON MultiPolygon Feature.' });

export const ReachableFeatureCollectionSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z
      .array(z.union([ReachableAreaFeatureSchema, ReachableFeatureSchema]))
      .describe('The areas of 100, 75, 50 and 25 % of maxHours (largest first, so smaller ones draw on top), then the reachable places, nearest (in hours) first.'),
  })
  .meta({
    id: 'ReachableFeatureCollection',
    description: 'Reachability as GeoJSON (format=geojson or Accept: application/geo+json): a MultiPolygon Feature per band of the budget and a Point Feature per place.',
  });

export type RouteFeatureCollection = z.output<typeof RouteFeatureCollectionSchema>;
export type RouteLegFeatureCollection = RouteFeatureCollection;
export type ReachableFeatureCollection = z.output<typeof ReachableFeatureCollectionSchema>;
