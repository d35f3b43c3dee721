/**
 * The answer of /v1/routes: the routes found, best first, with distances,
 * times, borders, gauge breaks, legs and a GeoJSON line, plus the question as
 * it was understood (places resolved to ids) and the data-set version.
 * Units are in the field names (km, hours, days, mm).
 */
import { RouteEtaSchema } from './route-eta.js';
import { z } from 'zod';
import { AsOfAnswerSchema } from './as-of-fields.js';
import { CitedSourceSchema } from './source.js';
import { CountryPlaceRefSchema, DaysSchema, HoursSchema, PlaceRefSchema } from './common.js';
import { IncludableStatusSchema, ModeSchema, ObjectiveSchema } from './route-fields.js';
import { AppliedOverlaySchema, LegCo2Schema, RouteCo2Schema, RouteExplanationSchema, ScenarioRefSchema } from './route-extras.js';

const GaugeMmSchema = z.union([z.literal(1520), z.literal(1435), z.literal(1676)]).describe('Track gauge, mm.');
const HandlingSchema = z
  .enum(['none', 'bogie-exchange', 'transshipment', 'bogie-exchange-or-transshipment', 'rail-to-road'])
  .describe('How the gauge or mode change is handled.');
const LinkStatusSchema = z.enum(['operational', 'under-construction', 'planned', 'proposed', 'suspended']);

export const GaugeChangeSchema = z
  .object({
    fromGaugeMm: GaugeMmSchema,
    toGaugeMm: GaugeMmSchema,
    handling: HandlingSchema,
    hours: HoursSchema.describe('Time for the gauge change itself, h (added to the route unless includedInDwell).'),
    includedInDwell: z
      .boolean()
      .describe("True when the crossing's dwell figure already contains the gauge change: its hours are for information and not added to the route."),
  })
  .meta({ id: 'GaugeChange', description: 'A change of track gauge at a border crossing.' });

export const BorderCrossingSchema = z
  .object({
    id: z.string().describe('Crossing id (usable in avoidCrossings).'),
    name: z.string(),
    from: PlaceRefSchema.describe('Border point left.'),
    to: PlaceRefSchema.describe('Border point entered.'),
    countries: z.array(z.string()).describe('The two countries, in travel order (ISO 3166-1 alpha-2).'),
    dwellHours: HoursSchema.describe('Time at the border for this direction, h (without the gauge change, unless gaugeChange.includedInDwell).'),
    gaugeChange: GaugeChangeSchema.nullable().describe('The gauge change at this crossing, or null when there is none.'),
    status: z.enum(['open', 'restricted', 'closed', 'planned']).describe('Status of the crossing.'),
  })
  .meta({ id: 'BorderCrossing', description: 'A border crossing on the route, in travel order.' });

export const GaugeBreakSchema = z
  .object({
    place: PlaceRefSchema.describe('Where wagons or cargo change gauge.'),
    fromGaugeMm: GaugeMmSchema,
    toGaugeMm: GaugeMmSchema,
    handling: HandlingSchema,
    hours: HoursSchema.describe("Time for the change, h: the facility's figure, added to the route unless includedInDwell."),
    crossingId: z.string().nullable().describe('The border crossing that handles the break, or null for a break inland.'),
    includedInDwell: z
      .boolean()
      .describe("True when the change is already part of that crossing's dwell (e.g. CAREC CPMM TFI1): hours are for information, the route's gaugeChange time gets 0 for it."),
  })
  .meta({ id: 'GaugeBreak', description: 'A change of track gauge on the route, in travel order.' });

export const ModeTransferSchema = z
  .object({
    place: PlaceRefSchema,
    fromMode: ModeSchema,
    toMode: ModeSchema,
    hours: HoursSchema.describe('Transfer time, h.'),
    terminal: z.boolean().describe("True for a port's rail terminal (rail to ferry or sea): its hours count in hoursByComponent.terminal, not transfer."),
  })
  .meta({ id: 'ModeTransfer', description: 'A change of transport mode (e.g. rail to road at a railhead).' });

export const TerminalStopSchema = z
  .object({
    place: PlaceRefSchema,
    kind: z.enum(['origin', 'destination', 'yard']).describe('Where the route starts or ends by rail, or a marshalling yard passed.'),
    hours: HoursSchema.describe('Terminal or yard time there, h.'),
  })
  .meta({ id: 'TerminalStop', description: 'Terminal and yard time at one place; with the terminal mode transfers these make up hoursByComponent.terminal.' });

export const LegSchema = z
  .object({
    linkId: z.string().describe('Link id (usable in avoidLinks).'),
    from: CountryPlaceRefSchema,
    to: CountryPlaceRefSchema,
    mode: ModeSchema,
    km: z.number().describe('Length, km (0.1 km).'),
    hours: HoursSchema.describe('Moving time: running for rail and road, crossing + wait + handling for ferries, sailing + handling at sea.'),
    gaugeMm: GaugeMmSchema.nullable().describe('Track gauge, mm; null for ferry, sea and road legs.'),
    status: LinkStatusSchema.describe('Status of the link; anything but operational is a scenario.'),
    corridors: z.array(z.string()).describe('Corridor ids the link belongs to.'),
    sources: z.array(CitedSourceSchema).describe('Citations for the link.'),
    estimated: z.boolean().describe('True when the length or the speed used is an estimate rather than a published figure.'),
    co2: LegCo2Schema,
  })
  .meta({ id: 'Leg', description: 'One link of the route, in travel order.' });

export const RouteWarningSchema = z
  .object({
    code: z.enum([
      'NON_OPERATIONAL_LINK',
      'ESTIMATED_FIGURE',
      'EXPECTED_OPENING',
      'RESTRICTED_CROSSING',
      'PLANNED_CROSSING',
      'ROAD_LEG',
      'UNSCHEDULED_LEG',
      'SERVICE_UNKNOWN',
    ]),
    message: z.string(),
    refs: z.array(z.string()).describe('Ids of the links, crossings or places concerned.'),
  })
  .meta({ id: 'RouteWarning', description: 'Something to know before relying on the route.' });

export const LineStringSchema = z
  .object({
    type: z.literal('LineString'),
    coordinates: z.array(z.tuple([z.number(), z.number()])).describe('[longitude, latitude] of each place passed, WGS 84 degrees.'),
  })
  .meta({
    id: 'LineString',
    description: 'GeoJSON LineString through the places of the route (straight lines between places, not the track).',
  });

export const EncodedPolylineSchema = z
  .string()
  .meta({
    id: 'EncodedPolyline',
    description:
      'The places passed as an encoded polyline (geometry=polyline): Google\'s algorithm, precision 5 (1e-5 degrees), latitude before longitude, as OSRM and Valhalla.',
    example: '_p~iF~ps|U_ulLnnqC_mqNvxq`@',
  });

export const CoordinateMatchSchema = z
  .object({
    parameter: z.string().describe('The parameter given as coordinates: from, to, via[i] or avoidPlaces[i].'),
    input: z.string().describe('The coordinates as sent, "lat,lon".'),
    place: PlaceRefSchema.describe('The place used: the nearest to the coordinates (junctions excluded).'),
    distanceKm: z.number().describe('Great-circle distance from the coordinates to that place, km (0.1 km).'),
  })
  .meta({ id: 'CoordinateMatch', description: 'A place given as coordinates and the place it was resolved to.' });

const HoursByComponentSchema = z
  .object({
    running: HoursSchema.describe('Rail and road running, h.'),
    borderDwell: HoursSchema.describe('Waiting at border crossings, h.'),
    gaugeChange: HoursSchema.describe('Bogie exchange or transshipment, h.'),
    ferry: HoursSchema.describe('Ferry legs (crossing, waiting for departure, handling), h.'),
    sea: HoursSchema.describe('Sea legs (sailing, waiting for a sailing and port handling), h.'),
    transfer: HoursSchema.describe('Changes of mode, h.'),
    terminal: HoursSchema.describe('Terminal time where the route starts and ends by rail (forming, loading, hand-over) and marshalling yards passed, h.'),
  })
  .describe('transitHours split by component; the components add up to transitHours (up to rounding).');

const DistanceByModeSchema = z
  .object({
    rail: z.number(),
    ferry: z.number(),
    sea: z.number(),
    road: z.number(),
  })
  .describe('Distance by mode, km (0 for modes not used).');

export const RouteSchema = z
  .object({
    eta: RouteEtaSchema.optional().describe('Dated ETA: present when the request gives departAt or arriveBy.'),
    rank: z.number().int().describe('1 for the best route, 2 for the next, …'),
    distanceKm: z.number().describe('Total length, km (0.1 km).'),
    distanceKmByMode: DistanceByModeSchema,
    transitHours: HoursSchema.describe('Door-to-door time, h: low / typical / high.'),
    transitDays: DaysSchema.describe('transitHours in days of 24 h.'),
    hoursByComponent: HoursByComponentSchema,
    borderCrossings: z.array(BorderCrossingSchema),
    gaugeBreaks: z.array(GaugeBreakSchema),
    modeTransfers: z.array(ModeTransferSchema),
    terminals: z.array(TerminalStopSchema).describe('Terminal and yard time by place, in travel order.'),
    countries: z.array(z.string()).describe('Countries passed, in travel order (ISO 3166-1 alpha-2).'),
    corridors: z
      .array(z.object({ id: z.string(), name: z.string(), km: z.number().describe('Km of the route on this corridor.') }))
      .describe('Corridors the route runs on, with the km on each.'),
    legs: z.array(LegSchema),
    warnings: z.array(RouteWarningSchema),
    geometry: z.union([LineStringSchema, EncodedPolylineSchema]).describe('The places passed: a GeoJSON LineString, or an encoded polyline string with geometry=polyline.'),
    co2: RouteCo2Schema,
    explanation: RouteExplanationSchema.optional().describe('Only with explain=true.'),
  })
  .meta({ id: 'Route', description: 'One route from origin to destination.' });

export const RouteQueryEchoSchema = z
  .object({
    from: PlaceRefSchema,
    to: PlaceRefSchema,
    via: z.array(PlaceRefSchema),
    objective: ObjectiveSchema,
    include: z.array(IncludableStatusSchema),
    modes: z.array(ModeSchema),
    allowUnscheduled: z.boolean(),
    alternatives: z.number().int(),
    maxOverlap: z.number(),
    avoidCountries: z.array(z.string()),
    avoidPlaces: z.array(PlaceRefSchema),
    avoidCrossings: z.array(z.string()),
    avoidCorridors: z.array(z.string()),
    avoidLinks: z.array(z.string()),
    scenario: z.string().nullable().describe('Named scenario planned on, or null for today\'s network.'),
    asOf: z.string().nullable().describe('Planning month asked for (YYYY-MM), or null for today\'s network (absent or `now`).'),
    cargoTonnes: z.number().describe('Cargo mass of the CO2 figures, t.'),
    explain: z.boolean(),
    geometry: z.enum(['geojson', 'polyline']),
    coordinateMatches: z.array(CoordinateMatchSchema).describe('Each place given as coordinates, with the place chosen and its distance; empty when none was.'),
  })
  .meta({ id: 'RouteQueryEcho', description: 'The question as understood: places resolved, defaults filled in.' });

export const RouteResponseSchema = z
  .object({
    query: RouteQueryEchoSchema,
    dataVersion: z.string().describe('Version of the data set that answered.'),
    scenario: ScenarioRefSchema.nullable().describe('The named scenario planned on, or null for today\'s network.'),
    appliedOverlays: z
      .array(AppliedOverlaySchema)
      .describe('Overlays applied to today\'s network for this answer: the scenario\'s, then the request\'s. Empty for today\'s network.'),
    asOf: AsOfAnswerSchema.nullable().describe('With a planning month: the month, the data date and the records it counts as open; null without one.'),
    routes: z.array(RouteSchema).describe('Routes found, best first; at least one.'),
  })
  .meta({ id: 'RouteResponse', description: 'Routes for a question, best first.' });

export type RouteResponse = z.output<typeof RouteResponseSchema>;
export type WireRoute = z.output<typeof RouteSchema>;
