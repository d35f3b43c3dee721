/**
 * GET /v1/places: search and list the places of the network; GET
 * /v1/places/{id}: one place with the links and border crossings touching it.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { foldName } from '../../domain/network/fold.js';
import type { Place } from '../../domain/network/schema.js';
import type { RouteDeps } from '../deps.js';
import { CACHING_NOTE, entityTag, sendNotModified } from '../browse-etags.js';
import { countryParam, listParam, notFound, paginate } from '../mappers/browse-to-wire.js';
import { catalogueFor } from '../mappers/network-catalogue.js';
import { placeDetailToWire, placeToWire } from '../mappers/place-to-wire.js';
import { BROWSE_TAG, ConditionalHeadersSchema, LIMIT_TOO_BIG, NOT_MODIFIED_RESPONSE, notFoundDoc, validationDoc } from '../schemas/browse-docs.js';
import { IdParamSchema } from '../schemas/browse-query.js';
import { PlaceDetailSchema, PlacePageSchema, PlaceQuerySchema } from '../schemas/place.js';
import { INTERNAL_DOC, problemResponses } from '../schemas/problem.js';

export const placesRoutes: FastifyPluginAsyncZod<{ deps: RouteDeps }> = async (app, { deps }) => {
  const { dataVersion } = deps.network.parameters;

  app.get(
    '/v1/places',
    {
      schema: {
        operationId: 'listPlaces',
        tags: [BROWSE_TAG],
        summary: 'Search and list places',
        description:
          'Places of the network (stations, junctions, ports, border points…), one page at a time, as `{ items, total, limit, offset }`. ' +
          '`q` searches ids, names, aliases and UN/LOCODEs; `country` and `kind` filter. Any place id, name, alias or UN/LOCODE found ' +
          `here can be used as from, to or via in /v1/routes. ${CACHING_NOTE}`,
        querystring: PlaceQuerySchema,
        headers: ConditionalHeadersSchema,
        response: {
          200: { description: 'One page of places.', content: { 'application/json': { schema: PlacePageSchema } } },
          304: NOT_MODIFIED_RESPONSE,
          ...problemResponses('/v1/places?q=kara&limit=500', { VALIDATION_ERROR: validationDoc(LIMIT_TOO_BIG), INTERNAL: INTERNAL_DOC }),
        },
      },
    },
    async (request, reply) => {
      const cat = catalogueFor(deps.network);
      const { q, limit, offset } = request.query;
      const folded = q === undefined ? undefined : foldName(q);
      const countries = countryParam(request.query.country);
      const kinds = listParam(request.query.kind);
      const etag = entityTag(dataVersion, '/v1/places', { q: folded, country: countries, kind: kinds, limit, offset });
      if (sendNotModified(request, reply, etag)) return reply;
      // search() already orders exact, prefix, then substring matches.
      const candidates: readonly Place[] = q === undefined ? cat.placesByName : deps.places.search(q);
      const matches = candidates.filter(
        (p) => (countries.length === 0 || countries.includes(p.country)) && (kinds.length === 0 || kinds.includes(p.kind)),
      );
      return paginate(matches, limit, offset, (p) => placeToWire(cat.index, p));
    },
  );

  app.get(
    '/v1/places/:id',
    {
      schema: {
        operationId: 'getPlace',
        tags: [BROWSE_TAG],
        summary: 'One place',
        description:
          'A place by id, with every link that starts or ends there (of any status) and the border crossings it is a border point of. ' +
          `An unknown id answers 404 with the closest places (by id, name, alias or UN/LOCODE) as suggestions. ${CACHING_NOTE}`,
        params: z.object({ id: IdParamSchema.meta({ description: 'Place id (see /v1/places).', example: 'sarakhs' }) }),
        headers: ConditionalHeadersSchema,
        response: {
          200: { description: 'The place, its links and crossings.', content: { 'application/json': { schema: PlaceDetailSchema } } },
          304: NOT_MODIFIED_RESPONSE,
          ...problemResponses('/v1/places/sarahks', {
            VALIDATION_ERROR: validationDoc({ parameter: 'id', message: 'at most 200 characters' }),
            NOT_FOUND: notFoundDoc('place', {
              detail: 'no place with id "sarahks"; did you mean "sarakhs"?',
              value: 'sarahks',
              suggestions: [{ id: 'sarakhs', name: 'Sarakhs' }],
            }),
            INTERNAL: INTERNAL_DOC,
          }),
        },
      },
    },
    async (request, reply) => {
      const cat = catalogueFor(deps.network);
      const { id } = request.params;
      const place = cat.index.placeById.get(id);
      if (place === undefined) {
        throw notFound('place', id, deps.places.suggest(id).map((p) => ({ id: p.id, name: p.name })));
      }
      if (sendNotModified(request, reply, entityTag(dataVersion, `/v1/places/${place.id}`))) return reply;
      return placeDetailToWire(cat, place);
    },
  );
};
