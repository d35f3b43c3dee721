/**
 * The OpenAPI text of GET and POST /v1/routes: what the operation does, its
 * answer in each format (with the CSV example) and its problems.
 */
import { z } from 'zod';
import { INTERNAL_DOC, problemResponses } from './problem.js';
import { ROUTE_EXAMPLE_NAME, ROUTE_EXAMPLE_URL, ROUTE_PROBLEM_DOCS } from './route-examples.js';
// Loaded in this order, the OpenAPI document lists the components as it always has (first loaded, first listed).
import { RouteResponseSchema } from './route-response.js';
import { RouteFeatureCollectionSchema } from './route-geojson.js';

export const ROUTES_DESCRIPTION =
  'Plans freight routes between two places over the rail corridors of Central and South Asia, with ferry and sea legs. ' +
  'Places can be given by id, name, alias or UN/LOCODE. The answer lists the routes best first (by the objective), ' +
  'each with its distance, transit time as low / typical / high hours and days, border crossings, gauge changes, ' +
  'countries, corridors, legs with their sources, warnings (e.g. non-operational links in a scenario) and a GeoJSON line. ' +
  'Only operational links are used unless `include` names other statuses. ' +
  'With `scenario` (and, in POST, `overlays`) the routes are planned on the network as changed by them, never changing it for other requests. ' +
  'Every route and leg carries its greenhouse-gas emissions (ISO 14083 / GLEC: TTW, WTT, WTW, kg CO2e) for the cargo given as `cargoTonnes`, or as containers with `cargoTeu`/`cargoFeu` (then also per TEU); `explain=true` adds why each route costs and ranks as it does. ' +
  'Answers come as JSON, GeoJSON (a route feature with the totals, a LineString per leg, a Point per border dwell, gauge change and change of mode) ' +
  'or CSV (a row per leg, border dwell, gauge change and change of mode, a row per time component and a total row), by `format` or the Accept header; ' +
  'both add up to the JSON answer\'s hours.';

const RouteCsvSchema = z.string().meta({
  description:
    'Every route as CSV (format=csv or Accept: text/csv), route 1 first: a header row; per route a row for each item that takes time, in travel order ' +
    '(`kind` leg, border-dwell, gauge-change or transfer; `component` the part of hoursByComponent it counts in), a `component` row per component ' +
    'and a `total` row (transitHours, km, CO2). Hours in low / typical / high; the item rows add up to the total row up to the 0.1 h rounding of each. ' +
    'CRLF line ends, fields quoted when needed, corridors separated by semicolons. Sent as a download (Content-Disposition: attachment; filename="route-<from>-<to>.csv").',
});

export const ROUTES_SUCCESS_RESPONSE = {
  description: 'Routes found, best first.',
  content: {
    'application/json': {
      schema: RouteResponseSchema,
      // One copy in components/examples (app.ts), shared by GET and POST.
      examples: { [ROUTE_EXAMPLE_NAME]: { $ref: `#/components/examples/${ROUTE_EXAMPLE_NAME}` } },
    },
    'application/geo+json': { schema: RouteFeatureCollectionSchema },
    'text/csv': { schema: RouteCsvSchema },
  },
};

export const GET_ROUTES_PROBLEMS = problemResponses(ROUTE_EXAMPLE_URL, { ...ROUTE_PROBLEM_DOCS, INTERNAL: INTERNAL_DOC });

export const POST_ROUTES_PROBLEMS = problemResponses('/v1/routes', {
  ...ROUTE_PROBLEM_DOCS,
  INVALID_CONSTRAINT: {
    when: 'the constraints contradict each other or name unknown ids, or an overlay names an unknown id or leaves the network inconsistent',
    detail: 'overlay 0: crossingId: unknown crossing "chaman--spin-boldak"',
    extensions: { parameter: 'overlays[0].crossingId', overlayIndex: 0, value: 'chaman--spin-boldak' },
  },
  MALFORMED_REQUEST: { when: 'the body is not valid JSON', detail: 'The request body is not valid JSON.' },
  PAYLOAD_TOO_LARGE: {
    when: 'the body is larger than the service accepts',
    detail: 'The request body is larger than this service accepts.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    when: 'the body is not sent as application/json',
    detail: 'Send the request body as application/json.',
  },
  INTERNAL: INTERNAL_DOC,
});
