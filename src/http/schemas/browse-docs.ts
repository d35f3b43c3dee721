/**
 * Documentation pieces shared by the network-browsing operations: their tag,
 * the 304 answer, the If-None-Match header and the problem examples.
 */
import { z } from 'zod';
import { PAGE } from './browse-query.js';
import type { ProblemDoc } from './problem.js';

/** Tag of the browsing operations (places, links, crossings, corridors, the GeoJSON map); declared in openapi.ts. */
export const BROWSE_TAG = 'network';

/** Request headers of a cached operation: If-None-Match, and whatever else the client sends. */
export const ConditionalHeadersSchema = z.looseObject({
  'if-none-match': z
    .string()
    .optional()
    .meta({ description: 'ETag of a copy the client holds; the answer is 304 without a body while it is still current.' }),
});

/**
 * The 304 answer has no body. @fastify/swagger documents a response without
 * content only when its schema's type is 'null', hence the type in the meta.
 */
export const NOT_MODIFIED_RESPONSE = z.null().meta({
  description: 'Not modified: the ETag in If-None-Match is still current. No body; ETag and Cache-Control are repeated.',
  type: 'null',
});

export function validationDoc(example: { parameter: string; message: string }): ProblemDoc {
  return {
    when: `a parameter is malformed or unknown, or \`limit\` is above ${PAGE.maxLimit}; \`errors\` names every offending parameter`,
    detail: `1 request parameter is invalid: ${example.parameter}.`,
    extensions: { errors: [example] },
  };
}

export const LIMIT_TOO_BIG = { parameter: 'limit', message: `must be at most ${PAGE.maxLimit}, got "500"` };

/** NOT_FOUND for an unknown id, with the suggestions the service gives. */
export function notFoundDoc(what: string, example: { detail: string; value: string; suggestions: { id: string; name: string }[] }): ProblemDoc {
  return {
    when: `no ${what} has this id; \`suggestions\` lists the closest ids`,
    detail: example.detail,
    extensions: { parameter: 'id', value: example.value, suggestions: example.suggestions },
  };
}
