/** GET /v1/sources: the source register, paged; GET /v1/sources/{id}: one source with what is quoted from it and who cites it. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { suggestIds } from '../../domain/network/suggest-ids.js';
import type { RouteDeps } from '../deps.js';
import { CACHING_NOTE, entityTag, sendNotModified } from '../browse-etags.js';
import { notFound, paginate } from '../mappers/browse-to-wire.js';
import { catalogueFor, type NetworkCatalogue } from '../mappers/network-catalogue.js';
import { sourceToWire } from '../mappers/source-to-wire.js';
import { BROWSE_TAG, ConditionalHeadersSchema, LIMIT_TOO_BIG, NOT_MODIFIED_RESPONSE, notFoundDoc, validationDoc } from '../schemas/browse-docs.js';
import { IdParamSchema } from '../schemas/browse-query.js';
import { INTERNAL_DOC, problemResponses } from '../schemas/problem.js';
import { SourcePageSchema, SourceQuerySchema, SourceSchema } from '../schemas/source.js';
import type { SourceEntry } from '../../domain/network/source-register.js';

const DESCRIPTION =
  'Every figure of the data set cites a source of this register by id; links, places, crossings and route legs show the ' +
  'register entry in full with the statement quoted for that record.';

const toWire = (cat: NetworkCatalogue, s: SourceEntry) => sourceToWire(s, (cat.citedBy.get(s.id) ?? []).map((r) => ({ ...r })));

export const sourcesRoutes: FastifyPluginAsyncZod<{ deps: RouteDeps }> = async (app, { deps }) => {
  const { dataVersion } = deps.network.parameters;

  app.get(
    '/v1/sources',
    {
      schema: {
        operationId: 'listSources',
        tags: [BROWSE_TAG],
        summary: 'List sources',
        description:
          `The source register sorted by id, one page at a time as \`{ items, total, limit, offset }\`: address (full, shortened ` +
          `or descriptive), title, publisher, dates, the statements quoted and the records citing each. ${DESCRIPTION} ${CACHING_NOTE}`,
        querystring: SourceQuerySchema,
        headers: ConditionalHeadersSchema,
        response: {
          200: { description: 'One page of sources.', content: { 'application/json': { schema: SourcePageSchema } } },
          304: NOT_MODIFIED_RESPONSE,
          ...problemResponses('/v1/sources?limit=500', { VALIDATION_ERROR: validationDoc(LIMIT_TOO_BIG), INTERNAL: INTERNAL_DOC }),
        },
      },
    },
    async (request, reply) => {
      const cat = catalogueFor(deps.network);
      const { limit, offset } = request.query;
      if (sendNotModified(request, reply, entityTag(dataVersion, '/v1/sources', { limit, offset }))) return reply;
      return paginate(cat.sourcesById, limit, offset, (s) => toWire(cat, s));
    },
  );

  app.get(
    '/v1/sources/:id',
    {
      schema: {
        operationId: 'getSource',
        tags: [BROWSE_TAG],
        summary: 'One source',
        description:
          `A source of the register by id, with every statement the data set quotes from it and the records citing it. ${DESCRIPTION} ` +
          `An unknown id answers 404 with the closest source ids as suggestions. ${CACHING_NOTE}`,
        params: z.object({ id: IdParamSchema.meta({ description: 'Source id (see /v1/sources).', example: 'tass-world-764933' }) }),
        headers: ConditionalHeadersSchema,
        response: {
          200: { description: 'The source.', content: { 'application/json': { schema: SourceSchema } } },
          304: NOT_MODIFIED_RESPONSE,
          ...problemResponses('/v1/sources/tass-world-76493', {
            VALIDATION_ERROR: validationDoc({ parameter: 'id', message: 'at most 200 characters' }),
            NOT_FOUND: notFoundDoc('source', {
              detail: 'no source with id "tass-world-76493"; did you mean "tass-world-764933"?',
              value: 'tass-world-76493',
              suggestions: [{ id: 'tass-world-764933', name: 'tass.com/world/764933' }],
            }),
            INTERNAL: INTERNAL_DOC,
          }),
        },
      },
    },
    async (request, reply) => {
      const cat = catalogueFor(deps.network);
      const { id } = request.params;
      const source = deps.network.sources.find((s) => s.id === id);
      if (source === undefined) {
        const byId = new Map(deps.network.sources.map((s) => [s.id, s]));
        const suggestions = suggestIds(id, byId.keys()).map((sid) => ({ id: sid, name: byId.get(sid)!.title ?? byId.get(sid)!.address }));
        throw notFound('source', id, suggestions);
      }
      if (sendNotModified(request, reply, entityTag(dataVersion, `/v1/sources/${source.id}`))) return reply;
      return toWire(cat, source);
    },
  );
};
