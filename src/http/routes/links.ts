/** GET /v1/links: the links of the network, filtered and paged; GET /v1/links/{id}: one link with its sources and provenance. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { filterLinks } from '../../domain/network/link-filter.js';
import type { RouteDeps } from '../deps.js';
import { linkFilterFromQuery } from '../mappers/browse-to-wire.js';
import { linkToWire } from '../mappers/link-to-wire.js';
import { LinkPageSchema, LinkQuerySchema, LinkSchema } from '../schemas/link.js';
import { registerByIdRoute, registerListRoute, suggestFromIds } from './browse-route.js';

export const linksRoutes: FastifyPluginAsyncZod<{ deps: RouteDeps }> = async (app, { deps }) => {
  registerListRoute(app, deps.network, {
    collection: '/v1/links',
    operationId: 'listLinks',
    summary: 'List links',
    description:
      'Links of the network (rail lines, ferries, sea and road legs) with their length, gauge, status, corridors, provenance ' +
      'and sources, sorted by id, one page at a time as `{ items, total, limit, offset }`. Filters: `mode`, `status`, ' +
      '`country` (either end), `corridor`; several values of one filter are alternatives, different filters must all hold.',
    querystring: LinkQuerySchema,
    limitExampleQuery: 'status=planned&limit=500',
    response: { description: 'One page of links.', schema: LinkPageSchema },
    select: (query) => {
      const { filter, tagParts } = linkFilterFromQuery(query);
      return { tag: tagParts, matches: (cat) => filterLinks(cat.linksById, filter, cat.index) };
    },
    toWire: linkToWire,
  });

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
