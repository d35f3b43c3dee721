/**
 * GET /v1/corridors: the named corridors with how many km exist today versus
 * under construction, planned or proposed; GET /v1/corridors/{id}: one corridor.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../deps.js';
import { countryParam } from '../mappers/browse-to-wire.js';
import { corridorToWire } from '../mappers/corridor-to-wire.js';
import { CorridorPageSchema, CorridorQuerySchema, CorridorSchema } from '../schemas/corridor.js';
import { registerByIdRoute, registerListRoute, suggestFromIds } from './browse-route.js';

const DESCRIPTION =
  'A corridor is made of its member links (links whose data names it); `lengthKmByStatus` tells how many of their km run today ' +
  'and how many are under construction, planned, proposed or suspended.';

export const corridorsRoutes: FastifyPluginAsyncZod<{ deps: RouteDeps }> = async (app, { deps }) => {
  registerListRoute(app, deps.network, {
    collection: '/v1/corridors',
    operationId: 'listCorridors',
    summary: 'List corridors',
    description: `Named corridors sorted by id, one page at a time as \`{ items, total, limit, offset }\`, filtered by \`country\`. ${DESCRIPTION}`,
    querystring: CorridorQuerySchema,
    limitExampleQuery: 'limit=500',
    response: { description: 'One page of corridors.', schema: CorridorPageSchema },
    select: (query) => {
      const countries = countryParam(query.country);
      return {
        tag: { country: countries },
        matches: (cat) => cat.corridorSummariesById.filter((s) => countries.length === 0 || s.countries.some((k) => countries.includes(k))),
      };
    },
    toWire: corridorToWire,
  });

  registerByIdRoute(app, deps.network, {
    collection: '/v1/corridors',
    operationId: 'getCorridor',
    summary: 'One corridor',
    description:
      `A corridor by id with its description, member links, km by status, countries, border crossings and sources. ${DESCRIPTION} ` +
      'An unknown id answers 404 with the closest corridor ids as suggestions.',
    what: 'corridor',
    id: { description: 'Corridor id (see /v1/corridors).', example: 'nstc' },
    response: { description: 'The corridor.', schema: CorridorSchema },
    notFoundExample: { value: 'instc', suggestions: [{ id: 'nstc', name: 'International North–South Transport Corridor (INSTC)' }] },
    find: (cat, id) => cat.corridorSummaries.get(id),
    suggest: (cat, id) => suggestFromIds(id, cat.corridorSummaries, (s) => s.corridor.name),
    toWire: corridorToWire,
  });
};
