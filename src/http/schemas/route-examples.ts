/**
 * Examples for the /v1/routes documentation, taken from the real network.
 * The Almaty → Karachi answer is the service's own answer on the data set,
 * saved by scripts/generate-openapi.ts; test/http/openapi.test.ts checks it
 * is still what the service answers.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ProblemDoc } from './problem.js';
import type { RouteResponse } from './route-response.js';

/** The saved answer; `npm run openapi` rewrites it from the real data set. */
export const ROUTE_EXAMPLE_PATH = fileURLToPath(new URL('./examples/route-almaty-karachi.json', import.meta.url));

/** The request the saved answer answers. */
export const ROUTE_EXAMPLE_URL = '/v1/routes?from=Almaty&to=Karachi';

/** Name of the example under components/examples in the OpenAPI document. */
export const ROUTE_EXAMPLE_NAME = 'AlmatyToKarachi';

/** The components/examples entries of the document. */
export function openapiExamples(): Record<string, { summary: string; value: unknown }> {
  return {
    [ROUTE_EXAMPLE_NAME]: {
      summary: `GET ${ROUTE_EXAMPLE_URL}: the answer on the current data set`,
      value: readRouteResponseExample(),
    },
  };
}

/** Read when the app is built (not at import), so the generator can refresh it and rebuild. */
export function readRouteResponseExample(): RouteResponse {
  return JSON.parse(readFileSync(ROUTE_EXAMPLE_PATH, 'utf8')) as RouteResponse;
}

export const ROUTE_PROBLEM_DOCS = {
  VALIDATION_ERROR: {
    when: 'a parameter is missing or malformed; `errors` names every offending parameter',
    detail: '2 request parameters are invalid: to, alternatives.',
    extensions: {
      errors: [
        { parameter: 'to', message: 'is required' },
        { parameter: 'alternatives', message: 'must be at most 5, got "9"' },
      ],
    },
  },
  INVALID_CONSTRAINT: {
    when: 'the constraints contradict each other or name unknown ids (e.g. from equals to, an unknown crossing id)',
    detail: 'from and to are the same place "almaty"',
    extensions: { parameter: 'to', value: 'almaty' },
  },
  UNKNOWN_PLACE: {
    when: 'a place reference (from, to, via, avoidPlaces) matches no place; `suggestions` lists the closest',
    detail: 'no place matches "Almatty"; did you mean "Almaty" (almaty)?',
    extensions: {
      parameter: 'from',
      value: 'Almatty',
      suggestions: [{ id: 'almaty', name: 'Almaty' }],
      errors: [
        {
          parameter: 'from',
          value: 'Almatty',
          message: 'no place matches "Almatty"; did you mean "Almaty" (almaty)?',
          suggestions: [{ id: 'almaty', name: 'Almaty' }],
        },
      ],
    },
  },
  NOT_FOUND: {
    when: '`scenario` names no known scenario; `known` lists the ids',
    detail: 'unknown scenario "kz-af-built"',
    extensions: {
      parameter: 'scenario',
      value: 'kz-af-built',
      known: ['chabahar-zahedan-open', 'chaman-closed', 'khaf-herat-complete', 'kz-tm-af-pk-built', 'rasht-astara-built', 'trans-afghan-built'],
    },
  },
  NO_ROUTE: {
    when: 'the places exist but no route satisfies the constraints (modes, statuses, avoid lists)',
    detail: 'no route from almaty to kiamari with these constraints',
    extensions: { from: 'almaty', to: 'kiamari', via: [] },
  },
} satisfies Record<string, ProblemDoc>;
