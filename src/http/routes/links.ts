/** GET /v1/links: the links of the network, filtered and paged; GET /v1/links/{id}: one link with its sources and provenance. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { filterLinks } from '../../domain/network/link-filter.js';
import type { AppDeps } from '../app.js';
import { CACHING_NOTE, entityTag, sendNotModified } from '../caching.js';
import { linkFilterFromQuery, paginate } from '../mappers/browse-to-wire.js';
import { linkToWire } from '../mappers/link-to-wire.js';
import { catalogueFor } from '../mappers/network-catalogue.js';
import { BROWSE_TAG, ConditionalHeadersSchema, LIMIT_TOO_BIG, NOT_MODIFIED_RESPONSE, validationDoc } from '../schemas/browse-docs.js';
import { LinkPageSchema, LinkQuerySchema, LinkSchema } from '../schemas/link.js';
import { INTERNAL_DOC, problemResponses } from '../schemas/problem.js';
import { registerByIdRoute, suggestFromIds } from './by-id-route.js';

export const linksRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
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

  registerByIdRoute(app, deps.network, {
    collection: '/v1/links',
    operationId: 'getLink',
    summary: 'One link',
    description:
      'A link by id with every figure and how it was obtained (sourced, derived or estimated, with the method and any conflict ' +
      'between sources), its corridors, the border crossing it passes and its sources. An unknown id answers 404 with the ' +
      'closest link ids as suggestions.',
    what: 'link',
    id: { description: 'Link id (see /v1/links).', example: 'saraghs--sarakhs' },
    response: { description: 'The link.', schema: LinkSchema },
    notFoundExample: { value: 'saraghs--sarahks', suggestions: [{ id: 'saraghs--sarakhs', name: 'Saraghs – Sarakhs (rail)' }] },
    find: (cat, id) => cat.index.linkById.get(id),
    suggest: (cat, id) => {
      const name = (p: string) => cat.index.placeById.get(p)?.name ?? p;
      return suggestFromIds(id, cat.index.linkById, (l) => `${name(l.from)} – ${name(l.to)} (${l.mode})`);
    },
    toWire: linkToWire,
  });
};
