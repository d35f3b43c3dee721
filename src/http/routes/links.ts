/** GET /v1/links: the links of the network, filtered and paged; GET /v1/links/{id}: one link with its sources and provenance. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { filterLinks } from '../../domain/network/link-filter.js';
import { suggestIds } from '../../domain/network/suggest-ids.js';
import type { RouteDeps } from '../deps.js';
import { CACHING_NOTE, entityTag, sendNotModified } from '../browse-etags.js';
import { linkFilterFromQuery, notFound, paginate } from '../mappers/browse-to-wire.js';
import { linkToWire } from '../mappers/link-to-wire.js';
import { catalogueFor } from '../mappers/network-catalogue.js';
import { BROWSE_TAG, ConditionalHeadersSchema, LIMIT_TOO_BIG, NOT_MODIFIED_RESPONSE, notFoundDoc, validationDoc } from '../schemas/browse-docs.js';
import { IdParamSchema } from '../schemas/browse-query.js';
import { LinkPageSchema, LinkQuerySchema, LinkSchema } from '../schemas/link.js';
import { INTERNAL_DOC, problemResponses } from '../schemas/problem.js';

export const linksRoutes: FastifyPluginAsyncZod<{ deps: RouteDeps }> = async (app, { deps }) => {
  const { dataVersion } = deps.network.parameters;

  app.get(
    '/v1/links',
    {
      schema: {
        operationId: 'listLinks',
        tags: [BROWSE_TAG],
        summary: 'List links',
        description:
          'Links of the network (rail lines, ferries, sea and road legs) with their length, gauge, status, corridors, provenance ' +
          'and sources, sorted by id, one page at a time as `{ items, total, limit, offset }`. Filters: `mode`, `status`, ' +
          '`country` (either end), `corridor`; several values of one filter are alternatives, different filters must all hold. ' +
          CACHING_NOTE,
        querystring: LinkQuerySchema,
        headers: ConditionalHeadersSchema,
        response: {
          200: { description: 'One page of links.', content: { 'application/json': { schema: LinkPageSchema } } },
          304: NOT_MODIFIED_RESPONSE,
          ...problemResponses('/v1/links?status=planned&limit=500', { VALIDATION_ERROR: validationDoc(LIMIT_TOO_BIG), INTERNAL: INTERNAL_DOC }),
        },
      },
    },
    async (request, reply) => {
      const cat = catalogueFor(deps.network);
      const { limit, offset } = request.query;
      const { filter, tagParts } = linkFilterFromQuery(request.query);
      const etag = entityTag(dataVersion, '/v1/links', { ...tagParts, limit, offset });
      if (sendNotModified(request, reply, etag)) return reply;
      return paginate(filterLinks(cat.linksById, filter, cat.index), limit, offset, (l) => linkToWire(cat, l));
    },
  );

  app.get(
    '/v1/links/:id',
    {
      schema: {
        operationId: 'getLink',
        tags: [BROWSE_TAG],
        summary: 'One link',
        description:
          'A link by id with every figure and how it was obtained (sourced, derived or estimated, with the method and any conflict ' +
          'between sources), its corridors, the border crossing it passes and its sources. An unknown id answers 404 with the ' +
          `closest link ids as suggestions. ${CACHING_NOTE}`,
        params: z.object({ id: IdParamSchema.meta({ description: 'Link id (see /v1/links).', example: 'saraghs--sarakhs' }) }),
        headers: ConditionalHeadersSchema,
        response: {
          200: { description: 'The link.', content: { 'application/json': { schema: LinkSchema } } },
          304: NOT_MODIFIED_RESPONSE,
          ...problemResponses('/v1/links/saraghs--sarahks', {
            VALIDATION_ERROR: validationDoc({ parameter: 'id', message: 'at most 200 characters' }),
            NOT_FOUND: notFoundDoc('link', {
              detail: 'no link with id "saraghs--sarahks"; did you mean "saraghs--sarakhs"?',
              value: 'saraghs--sarahks',
              suggestions: [{ id: 'saraghs--sarakhs', name: 'Saraghs – Sarakhs (rail)' }],
            }),
            INTERNAL: INTERNAL_DOC,
          }),
        },
      },
    },
    async (request, reply) => {
      const cat = catalogueFor(deps.network);
      const { id } = request.params;
      const link = cat.index.linkById.get(id);
      if (link === undefined) {
        const suggestions = suggestIds(id, cat.index.linkById.keys()).map((sid) => {
          const l = cat.index.linkById.get(sid)!;
          const name = (p: string) => cat.index.placeById.get(p)?.name ?? p;
          return { id: sid, name: `${name(l.from)} – ${name(l.to)} (${l.mode})` };
        });
        throw notFound('link', id, suggestions);
      }
      if (sendNotModified(request, reply, entityTag(dataVersion, `/v1/links/${link.id}`))) return reply;
      return linkToWire(cat, link);
    },
  );
};
