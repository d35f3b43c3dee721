/**
 * GET /v1/border-crossings: the border crossings, filtered and paged;
 * GET /v1/border-crossings/{id}: one crossing with dwell per direction, gauge
 * change, status and sources.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../deps.js';
import { countryParam, listParam } from '../mappers/browse-to-wire.js';
import { crossingToWire } from '../mappers/crossing-to-wire.js';
import { CrossingPageSchema, CrossingQuerySchema, CrossingSchema } from '../schemas/crossing.js';
import { registerByIdRoute, registerListRoute, suggestFromIds } from './browse-route.js';

const DESCRIPTION =
  'Dwell is given for each direction as routes use it: the figure for that direction where the data has one, else the ' +
  'figure for every direction. The gauge change says whether the two sides differ, how wagons or goods are handled and how long it takes.';

export const crossingsRoutes: FastifyPluginAsyncZod<{ deps: RouteDeps }> = async (app, { deps }) => {
  registerListRoute(app, deps.network, {
    collection: '/v1/border-crossings',
    operationId: 'listBorderCrossings',
    summary: 'List border crossings',
    description:
      'Border crossings sorted by id, one page at a time as `{ items, total, limit, offset }`, filtered by `country` ' +
      `(either side) and \`status\`. ${DESCRIPTION}`,
    querystring: CrossingQuerySchema,
    limitExampleQuery: 'limit=500',
    response: { description: 'One page of border crossings.', schema: CrossingPageSchema },
    select: (query) => {
      const countries = countryParam(query.country);
      const statuses = listParam(query.status);
      return {
        tag: { country: countries, status: statuses },
        matches: (cat) =>
          cat.crossingsById.filter(
            (c) =>
              (countries.length === 0 || c.countries.some((k) => countries.includes(k))) &&
              (statuses.length === 0 || statuses.includes(c.status)),
          ),
      };
    },
    toWire: crossingToWire,
  });

  registerByIdRoute(app, deps.network, {
    collection: '/v1/border-crossings',
    operationId: 'getBorderCrossing',
    summary: 'One border crossing',
    description:
      `A border crossing by id: its two border points and countries, status with its as-of date, the links through it. ${DESCRIPTION} ` +
      'An unknown id answers 404 with the closest crossing ids as suggestions.',
    what: 'border crossing',
    id: { description: 'Crossing id (see /v1/border-crossings).', example: 'saraghs--sarakhs' },
    response: { description: 'The border crossing.', schema: CrossingSchema },
    notFoundExample: { value: 'sarakhs', suggestions: [{ id: 'saraghs--sarakhs', name: 'Saraghs – Sarakhs' }] },
    find: (cat, id) => cat.index.crossingById.get(id),
    suggest: (cat, id) => suggestFromIds(id, cat.index.crossingById, (c) => c.name),
    toWire: crossingToWire,
  });
};
