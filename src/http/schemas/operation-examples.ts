/**
 * Example requests and answers the OpenAPI document shows for the operations
 * (besides the Almaty → Karachi route answer of route-examples.ts). Every
 * answer is the service's own answer on the real data set:
 * scripts/generate-openapi.ts sends each request to the app, shortens the
 * answer to a readable size and saves it under examples/; openapi.ts puts the
 * saved answers, and the request bodies, on the operations by operationId.
 * test/http/openapi.test.ts checks that the saved files are still what the
 * service answers and that each still parses with the operation's schema.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CompareResponseSchema } from './compare.js';
import { CorridorPageSchema, CorridorSchema } from './corridor.js';
import { CrossingPageSchema, CrossingSchema } from './crossing.js';
import { InfoSchema } from './info.js';
import { LinkPageSchema, LinkSchema } from './link.js';
import { MatrixResponseSchema } from './matrix.js';
import { NetworkFeatureCollectionSchema } from './network-geojson.js';
import { PlaceDetailSchema, PlacePageSchema } from './place.js';
import { ReachabilityResponseSchema } from './reachability.js';
import { ResilienceMatrixResponseSchema, ResilienceResponseSchema } from './resilience.js';
import { ROUTE_EXAMPLE_NAME } from './route-examples.js';
import { RouteResponseSchema } from './route-response.js';
import { ReachableFeatureCollectionSchema } from './route-geojson.js';
import { ScenarioListSchema } from './scenario.js';
import { SourcePageSchema, SourceSchema } from './source.js';

/**
 * Lists longer than LONG_LIST items are cut to their first LIST_ITEMS_SHOWN,
 * so the document stays readable; shorter ones (modes, countries, the
 * crossings of a route) are kept whole, as they say something on their own.
 */
export const LONG_LIST = 5;
export const LIST_ITEMS_SHOWN = 2;

export interface ExampleRequest {
  method: 'GET' | 'POST';
  url: string;
  /** JSON body of a POST; also shown as the operation's request body example. */
  body?: Record<string, unknown>;
}

export interface SavedAnswer {
  /** File under examples/: .json, or .txt for a text answer. */
  file: string;
  /** Media type of the 200 answer the example is shown on. */
  mediaType: string;
  /** The answer, shortened, must still parse with this schema. */
  schema: z.ZodType;
  /** Makes the answer readable; says what it left out in `shortened`. */
  shorten?: (answer: unknown) => unknown;
  shortened?: string;
}

export interface OperationExample {
  operationId: string;
  /** Name of the example in the document (Swagger UI's example list), for the request body and the answer alike. */
  name: string;
  request: ExampleRequest;
  /** Absent when the operation's answer is documented elsewhere (POST /v1/routes: the shared Almaty → Karachi answer). */
  answer?: SavedAnswer;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A copy of `value` with every array of more than LONG_LIST items cut to its first LIST_ITEMS_SHOWN, at any depth. */
export function shortenLists(value: unknown): unknown {
  if (Array.isArray(value)) return (value.length > LONG_LIST ? value.slice(0, LIST_ITEMS_SHOWN) : value).map(shortenLists);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shortenLists(v)]));
  return value;
}

const CUT = `lists of more than ${LONG_LIST} items cut to their first ${LIST_ITEMS_SHOWN}`;

/** Item rows (legs, dwells, changes) of route 1 a CSV example keeps. */
export const CSV_ITEM_ROWS_SHOWN = 3;

/**
 * A route CSV answer cut to its header, the first item rows of route 1 and route 1's component and total rows
 * (column 1 is the route rank, column 2 the row kind): what each kind of row looks like, with the real figures.
 */
export function csvHeadAndTotals(answer: unknown): unknown {
  const lines = String(answer).split('\r\n').filter((l) => l !== '');
  const [header, ...rows] = lines;
  const first = rows.filter((r) => r.startsWith('1,'));
  const items = first.filter((r) => !/^1,(component|total),/.test(r)).slice(0, CSV_ITEM_ROWS_SHOWN);
  const sums = first.filter((r) => /^1,(component|total),/.test(r));
  return [header, ...items, ...sums].map((l) => `${l}\r\n`).join('');
}

/** The first link of a network GeoJSON answer with the two places at its ends: a map of one line. */
export function firstLinkWithItsPlaces(answer: unknown): unknown {
  if (!isObject(answer) || !Array.isArray(answer.features)) return answer;
  const features = answer.features.filter(isObject);
  const props = (f: Record<string, unknown>) => (isObject(f.properties) ? f.properties : {});
  const link = features.find((f) => props(f).featureType === 'link');
  if (!link) return answer;
  const ends = [props(link).from, props(link).to];
  const places = features.filter((f) => props(f).featureType === 'place' && ends.includes(props(f).id));
  return { ...answer, features: [link, ...places] };
}

/** Prometheus families whose lines are the same on every run (the data set in use); the rest vary with time and load. */
const STABLE_METRICS = ['corridor_data_info', 'corridor_data_records'];

/** Only the lines (HELP, TYPE, samples) of the stable families. */
export function stableMetricLines(answer: unknown): unknown {
  if (typeof answer !== 'string') return answer;
  const family = (line: string) => (line.startsWith('#') ? (line.split(' ')[2] ?? '') : (line.split(/[{ ]/)[0] ?? ''));
  const kept = answer.split('\n').filter((line) => STABLE_METRICS.includes(family(line)));
  return `${kept.join('\n')}\n`;
}

const browse = (operationId: string, name: string, url: string, file: string, schema: z.ZodType): OperationExample => ({
  operationId,
  name,
  request: { method: 'GET', url },
  answer: { file, mediaType: 'application/json', schema, shorten: shortenLists, shortened: CUT },
});

/** Almaty → Karachi as CSV, shortened: GET and POST /v1/routes show it. */
const ROUTE_CSV_ANSWER: SavedAnswer = {
  file: 'route-almaty-karachi-csv.txt',
  mediaType: 'text/csv',
  schema: z.string(),
  shorten: csvHeadAndTotals,
  shortened: `the header, the first ${CSV_ITEM_ROWS_SHOWN} item rows of route 1, then its component and total rows`,
};

export const OPERATION_EXAMPLES: readonly OperationExample[] = [
  {
    operationId: 'getRoutes',
    name: 'AktauToBakuDepartingInDecember',
    request: { method: 'GET', url: '/v1/routes?from=Aktau&to=Baku&departAt=2027-12-15T08:00:00Z&arriveBy=2027-12-24T00:00:00%2B04:00' },
    answer: { file: 'route-aktau-baku-december.json', mediaType: 'application/json', schema: RouteResponseSchema, shorten: shortenLists, shortened: CUT },
  },
  {
    operationId: 'getRoutes',
    name: 'AlmatyToKarachiCsv',
    request: { method: 'GET', url: '/v1/routes?from=Almaty&to=Karachi&format=csv' },
    answer: ROUTE_CSV_ANSWER,
  },
  {
    // The same question by POST: the same answer, in the same file.
    operationId: 'postRoutes',
    name: 'AlmatyToKarachiCsv',
    request: { method: 'POST', url: '/v1/routes', body: { from: 'Almaty', to: 'Karachi', format: 'csv' } },
    answer: ROUTE_CSV_ANSWER,
  },
  {
    operationId: 'getMetrics',
    name: 'DataSetMetrics',
    request: { method: 'GET', url: '/metrics' },
    answer: {
      file: 'metrics.txt',
      mediaType: 'text/plain',
      schema: z.string(),
      shorten: stableMetricLines,
      shortened: `only the ${STABLE_METRICS.join(' and ')} families; request, planning and process metrics follow them`,
    },
  },
  {
    operationId: 'getInfo',
    name: 'Info',
    request: { method: 'GET', url: '/v1/info' },
    answer: { file: 'info.json', mediaType: 'application/json', schema: InfoSchema },
  },
  browse('listPlaces', 'PlacesMatchingKara', '/v1/places?q=kara&limit=2', 'places-kara.json', PlacePageSchema),
  browse('getPlace', 'Sarakhs', '/v1/places/sarakhs', 'place-sarakhs.json', PlaceDetailSchema),
  browse('listLinks', 'FirstLink', '/v1/links?limit=1', 'links.json', LinkPageSchema),
  browse('getLink', 'SaraghsSarakhs', '/v1/links/saraghs--sarakhs', 'link-saraghs-sarakhs.json', LinkSchema),
  browse('listBorderCrossings', 'FirstCrossing', '/v1/border-crossings?limit=1', 'border-crossings.json', CrossingPageSchema),
  browse('getBorderCrossing', 'SaraghsSarakhs', '/v1/border-crossings/saraghs--sarakhs', 'border-crossing-saraghs-sarakhs.json', CrossingSchema),
  browse('listCorridors', 'FirstCorridor', '/v1/corridors?limit=1', 'corridors.json', CorridorPageSchema),
  browse('getCorridor', 'NorthSouthCorridor', '/v1/corridors/nstc', 'corridor-nstc.json', CorridorSchema),
  browse('listSources', 'FirstSource', '/v1/sources?limit=1', 'sources.json', SourcePageSchema),
  browse('getSource', 'TassKzTmIrLine', '/v1/sources/tass-world-764933', 'source-tass-world-764933.json', SourceSchema),
  {
    operationId: 'getNetworkGeoJson',
    name: 'OneLink',
    request: { method: 'GET', url: '/v1/network' },
    answer: {
      file: 'network.json',
      mediaType: 'application/geo+json',
      schema: NetworkFeatureCollectionSchema,
      shorten: firstLinkWithItsPlaces,
      shortened: 'only the first link and the two places at its ends',
    },
  },
  {
    operationId: 'listScenarios',
    name: 'Scenarios',
    request: { method: 'GET', url: '/v1/scenarios' },
    answer: {
      file: 'scenarios.json',
      mediaType: 'application/json',
      schema: ScenarioListSchema,
      shorten: shortenLists,
      shortened: CUT,
    },
  },
  {
    operationId: 'compareScenarios',
    name: 'AlmatyToKarachiBuilt',
    request: { method: 'GET', url: '/v1/compare?from=Almaty&to=Karachi&scenarios=kz-tm-af-pk-built' },
    answer: { file: 'compare-almaty-karachi.json', mediaType: 'application/json', schema: CompareResponseSchema, shorten: shortenLists, shortened: CUT },
  },
  {
    operationId: 'compareScenarios',
    name: 'AlmatyToKarachiByDate',
    request: { method: 'GET', url: '/v1/compare?from=Almaty&to=Karachi&asOf=now,2028-01,2031-01' },
    answer: { file: 'compare-almaty-karachi-by-date.json', mediaType: 'application/json', schema: CompareResponseSchema, shorten: shortenLists, shortened: CUT },
  },
  {
    operationId: 'postMatrix',
    name: 'AlmatyTashkentToKarachiBandarAbbas',
    request: { method: 'POST', url: '/v1/matrix', body: { sources: ['Almaty', 'Tashkent'], targets: ['Karachi', 'Bandar Abbas'] } },
    answer: { file: 'matrix.json', mediaType: 'application/json', schema: MatrixResponseSchema },
  },
  {
    operationId: 'getReachability',
    name: 'AlmatyWithin72Hours',
    request: { method: 'GET', url: '/v1/reachability?from=Almaty&maxHours=72' },
    answer: { file: 'reachability-almaty-72h.json', mediaType: 'application/json', schema: ReachabilityResponseSchema, shorten: shortenLists, shortened: CUT },
  },
  {
    operationId: 'getReachability',
    name: 'AlmatyWithin72HoursGeoJson',
    request: { method: 'GET', url: '/v1/reachability?from=Almaty&maxHours=72&format=geojson' },
    answer: {
      file: 'reachability-almaty-72h.geojson.json',
      mediaType: 'application/geo+json',
      schema: ReachableFeatureCollectionSchema,
      shorten: shortenLists,
      shortened: CUT,
    },
  },
  {
    operationId: 'getResilience',
    name: 'AlmatyToKarachiClosures',
    request: { method: 'GET', url: '/v1/resilience?from=Almaty&to=Karachi' },
    answer: { file: 'resilience-almaty-karachi.json', mediaType: 'application/json', schema: ResilienceResponseSchema, shorten: shortenLists, shortened: CUT },
  },
  {
    operationId: 'postResilience',
    name: 'CaspianAndSarakhsLanes',
    request: {
      method: 'POST',
      url: '/v1/resilience',
      body: { lanes: [{ from: 'Aktau', to: 'Poti' }, { from: 'Mary', to: 'Bandar Abbas' }] },
    },
    answer: { file: 'resilience-lanes.json', mediaType: 'application/json', schema: ResilienceMatrixResponseSchema, shorten: shortenLists, shortened: CUT },
  },
  {
    operationId: 'postRoutes',
    // The same question as the GET example, so the shared answer example answers it.
    name: ROUTE_EXAMPLE_NAME,
    request: { method: 'POST', url: '/v1/routes', body: { from: 'Almaty', to: 'Karachi' } },
  },
];

/** Path of a saved answer. */
export function examplePath(answer: SavedAnswer): string {
  return fileURLToPath(new URL(`./examples/${answer.file}`, import.meta.url));
}

/** The saved answer as the document shows it: parsed JSON, or the text of a .txt file. */
export function readSavedAnswer(answer: SavedAnswer): unknown {
  const text = readFileSync(examplePath(answer), 'utf8');
  return answer.file.endsWith('.txt') ? text : (JSON.parse(text) as unknown);
}

/** The text a saved answer's file holds: 2-space JSON and a newline, or the text itself. */
export function savedAnswerText(answer: SavedAnswer, value: unknown): string {
  return answer.file.endsWith('.txt') ? String(value) : `${JSON.stringify(value, null, 2)}\n`;
}

/** One line for the document: which request gave the answer and what was left out. */
export function exampleSummary(example: OperationExample): string {
  const { method, url } = example.request;
  const cut = example.answer?.shortened ? ` (${example.answer.shortened})` : '';
  return `${method} ${url}: the answer on the current data set${cut}`;
}
