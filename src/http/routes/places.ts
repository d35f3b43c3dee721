/**
 * GET /v1/places: search and list the places of the network; GET
 * /v1/places/{id}: one place with the links and border crossings touching it.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { foldName } from '../../domain/network/fold.js';
import type { Place } from '../../domain/network/schema.js';
import type { RouteDeps } from '../deps.js';
import { countryParam, listParam } from '../mappers/browse-to-wire.js';
import { placeDetailToWire, placeToWire } from '../mappers/place-to-wire.js';
import { PlaceDetailSchema, PlacePageSchema, PlaceQuerySchema } from '../schemas/place.js';
import { registerByIdRoute, registerListRoute } from './browse-route.js';

export const placesRoutes: FastifyPluginAsyncZod<{ deps: RouteDeps }> = async (app, { deps }) => {
  registerListRoute(app, deps.network, {
    collection: '/v1/places',
    operationId: 'listPlaces',
    summary: 'Search and list places',
    description:
      'Places of the network (stations, junctions, ports, border points…), one page at a time, as `{ items, total, limit, offset }`. ' +
      '`q` searches ids, names, aliases and UN/LOCODEs; `country` and `kind` filter. Any place id, name, alias or UN/LOCODE found ' +
      'here can be used as from, to or via in /v1/routes.',
    querystring: PlaceQuerySchema,
    limitExampleQuery: 'q=kara&limit=500',
    response: { description: 'One page of places.', schema: PlacePageSchema },
    select: ({ q, ...query }) => {
      const countries = countryParam(query.country);
      const kinds = listParam(query.kind);
      return {
        tag: { q: q === undefined ? undefined : foldName(q), country: countries, kind: kinds },
        matches: (cat) => {
          // search() already orders exact, prefix, then substring matches.
          const candidates: readonly Place[] = q === undefined ? cat.placesByName : deps.places.search(q);
          return candidates.filter(
            (p) => (countries.length === 0 || countries.includes(p.country)) && (kinds.length === 0 || kinds.includes(p.kind)),
          );
        },
      };
    },
    toWire: (cat, p) => placeToWire(cat.index, p),
  });

  registerByIdRoute(app, deps.network, {
    collection: '/v1/places',
    operationId: 'getPlace',
    summary: 'One place',
    description:
      'A place by id, with every link that starts or ends there (of any status) and the border crossings it is a border point of. ' +
      'An unknown id answers 404 with the closest places (by id, name, alias or UN/LOCODE) as suggestions.',
    what: 'place',
    id: { description: 'Place id (see /v1/places).', example: 'sarakhs' },
    response: { description: 'The place, its links and crossings.', schema: PlaceDetailSchema },
    notFoundExample: { value: 'sarahks', suggestions: [{ id: 'sarakhs', name: 'Sarakhs' }] },
    find: (cat, id) => cat.index.placeById.get(id),
    suggest: (_cat, id) => deps.places.suggest(id).map((p) => ({ id: p.id, name: p.name })),
    toWire: placeDetailToWire,
  });
};
