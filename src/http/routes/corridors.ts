/**
 * GET /v1/corridors: the named corridors with how many km exist today versus
 * under construction, planned or proposed; GET /v1/corridors/{id}: one corridor.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { suggestIds } from '../../domain/network/suggest-ids.js';
import type { RouteDeps } from '../deps.js';
import { CACHING_NOTE, entityTag, sendNotModified } from '../browse-etags.js';
import { countryParam, notFound, paginate } from '../mappers/browse-to-wire.js';
import { corridorToWire } from '../mappers/corridor-to-wire.js';
import { catalogueFor } from '../mappers/network-catalogue.js';
import { BROWSE_TAG, ConditionalHeadersSchema, LIMIT_TOO_BIG, NOT_MODIFIED_RESPONSE, notFoundDoc, validationDoc } from '../schemas/browse-docs.js';
import { IdParamSchema } from '../schemas/browse-query.js';
import { CorridorPageSchema, CorridorQuerySchema, CorridorSchema } from '../schemas/corridor.js';
import { INTERNAL_DOC, problemResponses } from '../schemas/problem.js';

const DESCRIPTION =
  'A corridor is made of its member links (links whose data names it); `lengthKmByStatus` tells how many of their km run today ' +
  'and how many are under construction, planned, proposed or suspended.';

export const corridorsRoutes: FastifyPluginAsyncZod<{ deps: RouteDeps }> = async (app, { deps }) => {
  const { dataVersion } = deps.network.parameters;

  app.get(
    '/v1/corridors',
    {
      schema: {
        operationId: 'listCorridors',
        tags: [BROWSE_TAG],
        summary: 'List corridors',
        description:
          `Named corridors sorted by id, one page at a time as \`{ items, total, limit, offset }\`, filtered by \`country\`. ${DESCRIPTION} ` +
          CACHING_NOTE,
        querystring: CorridorQuerySchema,
        headers: ConditionalHeadersSchema,
        response: {
          200: { description: 'One page of corridors.', content: { 'application/json': { schema: CorridorPageSchema } } },
          304: NOT_MODIFIED_RESPONSE,
          ...problemResponses('/v1/corridors?limit=500', { VALIDATION_ERROR: validationDoc(LIMIT_TOO_BIG), INTERNAL: INTERNAL_DOC }),
        },
      },
    },
    async (request, reply) => {
      const cat = catalogueFor(deps.network);
      const { limit, offset } = request.query;
      const countries = countryParam(request.query.country);
      if (sendNotModified(request, reply, entityTag(dataVersion, '/v1/corridors', { country: countries, limit, offset }))) return reply;
      const matches = cat.corridorSummariesById.filter((s) => countries.length === 0 || s.countries.some((k) => countries.includes(k)));
      return paginate(matches, limit, offset, (s) => corridorToWire(cat, s));
    },
  );

  app.get(
    '/v1/corridors/:id',
    {
      schema: {
        operationId: 'getCorridor',
        tags: [BROWSE_TAG],
        summary: 'One corridor',
        description:
          `A corridor by id with its description, member links, km by status, countries, border crossings and sources. ${DESCRIPTION} ` +
          `An unknown id answers 404 with the closest corridor ids as suggestions. ${CACHING_NOTE}`,
        params: z.object({ id: IdParamSchema.meta({ description: 'Corridor id (see /v1/corridors).', example: 'nstc' }) }),
        headers: ConditionalHeadersSchema,
        response: {
          200: { description: 'The corridor.', content: { 'application/json': { schema: CorridorSchema } } },
          304: NOT_MODIFIED_RESPONSE,
          ...problemResponses('/v1/corridors/instc', {
            VALIDATION_ERROR: validationDoc({ parameter: 'id', message: 'at most 200 characters' }),
            NOT_FOUND: notFoundDoc('corridor', {
              detail: 'no corridor with id "instc"; did you mean "nstc"?',
              value: 'instc',
              suggestions: [{ id: 'nstc', name: 'International North–South Transport Corridor (INSTC)' }],
            }),
            INTERNAL: INTERNAL_DOC,
          }),
        },
      },
    },
    async (request, reply) => {
      const cat = catalogueFor(deps.network);
      const { id } = request.params;
      const summary = cat.corridorSummaries.get(id);
      if (summary === undefined) {
        const suggestions = suggestIds(id, cat.corridorSummaries.keys()).map((sid) => ({
          id: sid,
          name: cat.corridorSummaries.get(sid)!.corridor.name,
        }));
        throw notFound('corridor', id, suggestions);
      }
      if (sendNotModified(request, reply, entityTag(dataVersion, `/v1/corridors/${summary.corridor.id}`))) return reply;
      return corridorToWire(cat, summary);
    },
  );
};
