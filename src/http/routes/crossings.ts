/**
 * GET /v1/border-crossings: the border crossings, filtered and paged;
 * GET /v1/border-crossings/{id}: one crossing with dwell per direction, gauge
 * change, status and sources.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { suggestIds } from '../../domain/network/suggest-ids.js';
import type { RouteDeps } from '../deps.js';
import { CACHING_NOTE, entityTag, sendNotModified } from '../browse-etags.js';
import { countryParam, listParam, notFound, paginate } from '../mappers/browse-to-wire.js';
import { crossingToWire } from '../mappers/crossing-to-wire.js';
import { catalogueFor } from '../mappers/network-catalogue.js';
import { BROWSE_TAG, ConditionalHeadersSchema, LIMIT_TOO_BIG, NOT_MODIFIED_RESPONSE, notFoundDoc, validationDoc } from '../schemas/browse-docs.js';
import { IdParamSchema } from '../schemas/browse-query.js';
import { CrossingPageSchema, CrossingQuerySchema, CrossingSchema } from '../schemas/crossing.js';
import { INTERNAL_DOC, problemResponses } from '../schemas/problem.js';

const DESCRIPTION =
  'Dwell is given for each direction as routes use it: the figure for that direction where the data has one, else the ' +
  'figure for every direction. The gauge change says whether the two sides differ, how wagons or goods are handled and how long it takes.';

export const crossingsRoutes: FastifyPluginAsyncZod<{ deps: RouteDeps }> = async (app, { deps }) => {
  const { dataVersion } = deps.network.parameters;

  app.get(
    '/v1/border-crossings',
    {
      schema: {
        operationId: 'listBorderCrossings',
        tags: [BROWSE_TAG],
        summary: 'List border crossings',
        description:
          'Border crossings sorted by id, one page at a time as `{ items, total, limit, offset }`, filtered by `country` ' +
          `(either side) and \`status\`. ${DESCRIPTION} ${CACHING_NOTE}`,
        querystring: CrossingQuerySchema,
        headers: ConditionalHeadersSchema,
        response: {
          200: { description: 'One page of border crossings.', content: { 'application/json': { schema: CrossingPageSchema } } },
          304: NOT_MODIFIED_RESPONSE,
          ...problemResponses('/v1/border-crossings?limit=500', { VALIDATION_ERROR: validationDoc(LIMIT_TOO_BIG), INTERNAL: INTERNAL_DOC }),
        },
      },
    },
    async (request, reply) => {
      const cat = catalogueFor(deps.network);
      const { limit, offset } = request.query;
      const countries = countryParam(request.query.country);
      const statuses = listParam(request.query.status);
      const etag = entityTag(dataVersion, '/v1/border-crossings', { country: countries, status: statuses, limit, offset });
      if (sendNotModified(request, reply, etag)) return reply;
      const matches = cat.crossingsById.filter(
        (c) =>
          (countries.length === 0 || c.countries.some((k) => countries.includes(k))) &&
          (statuses.length === 0 || statuses.includes(c.status)),
      );
      return paginate(matches, limit, offset, (c) => crossingToWire(cat, c));
    },
  );

  app.get(
    '/v1/border-crossings/:id',
    {
      schema: {
        operationId: 'getBorderCrossing',
        tags: [BROWSE_TAG],
        summary: 'One border crossing',
        description:
          `A border crossing by id: its two border points and countries, status with its as-of date, the links through it. ${DESCRIPTION} ` +
          `An unknown id answers 404 with the closest crossing ids as suggestions. ${CACHING_NOTE}`,
        params: z.object({
          id: IdParamSchema.meta({ description: 'Crossing id (see /v1/border-crossings).', example: 'saraghs--sarakhs' }),
        }),
        headers: ConditionalHeadersSchema,
        response: {
          200: { description: 'The border crossing.', content: { 'application/json': { schema: CrossingSchema } } },
          304: NOT_MODIFIED_RESPONSE,
          ...problemResponses('/v1/border-crossings/sarakhs', {
            VALIDATION_ERROR: validationDoc({ parameter: 'id', message: 'at most 200 characters' }),
            NOT_FOUND: notFoundDoc('border crossing', {
              detail: 'no border crossing with id "sarakhs"; did you mean "saraghs--sarakhs"?',
              value: 'sarakhs',
              suggestions: [{ id: 'saraghs--sarakhs', name: 'Saraghs – Sarakhs' }],
            }),
            INTERNAL: INTERNAL_DOC,
          }),
        },
      },
    },
    async (request, reply) => {
      const cat = catalogueFor(deps.network);
      const { id } = request.params;
      const crossing = cat.index.crossingById.get(id);
      if (crossing === undefined) {
        const suggestions = suggestIds(id, cat.index.crossingById.keys()).map((sid) => ({
          id: sid,
          name: cat.index.crossingById.get(sid)!.name,
        }));
        throw notFound('border crossing', id, suggestions);
      }
      if (sendNotModified(request, reply, entityTag(dataVersion, `/v1/border-crossings/${crossing.id}`))) return reply;
      return crossingToWire(cat, crossing);
    },
  );
};
