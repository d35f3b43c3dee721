/** GET /v1/network: the network (or a filtered part) as a GeoJSON FeatureCollection for maps. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { filterLinks } from '../../domain/network/link-filter.js';
import type { RouteDeps } from '../deps.js';
import { CACHING_NOTE, entityTag, sendNotModified } from '../browse-etags.js';
import { linkFilterFromQuery } from '../mappers/browse-to-wire.js';
import { catalogueFor } from '../mappers/network-catalogue.js';
import { networkToGeoJson } from '../mappers/network-to-geojson.js';
import { BROWSE_TAG, ConditionalHeadersSchema, NOT_MODIFIED_RESPONSE } from '../schemas/browse-docs.js';
import { NetworkFeatureCollectionSchema, NetworkQuerySchema } from '../schemas/network-geojson.js';
import { INTERNAL_DOC, problemResponses } from '../schemas/problem.js';

/** RFC 7946 media type. */
export const GEOJSON_CONTENT_TYPE = 'application/geo+json';

export const networkRoutes: FastifyPluginAsyncZod<{ deps: RouteDeps }> = async (app, { deps }) => {
  const { dataVersion } = deps.network.parameters;

  app.get(
    '/v1/network',
    {
      schema: {
        operationId: 'getNetworkGeoJson',
        tags: [BROWSE_TAG],
        summary: 'The network as GeoJSON',
        description:
          'The network as a GeoJSON FeatureCollection (application/geo+json, RFC 7946): links as LineStrings (a straight line ' +
          'between their two places, not the track) and the places at their ends as Points, each with its properties. Filters ' +
          '`status`, `mode`, `country` (either end) and `corridor` select links as in /v1/links; places are those the selected ' +
          `links reach. ${CACHING_NOTE}`,
        querystring: NetworkQuerySchema,
        headers: ConditionalHeadersSchema,
        response: {
          200: {
            description: 'The selected links and their places as GeoJSON.',
            content: { [GEOJSON_CONTENT_TYPE]: { schema: NetworkFeatureCollectionSchema } },
          },
          304: NOT_MODIFIED_RESPONSE,
          ...problemResponses('/v1/network?status=built', {
            VALIDATION_ERROR: {
              when: 'a filter value is not one the API knows; `errors` names every offending parameter',
              detail: '1 request parameter is invalid: status.',
              extensions: {
                errors: [
                  { parameter: 'status', message: '"built": expected one of operational, under-construction, planned, proposed, suspended' },
                ],
              },
            },
            INTERNAL: INTERNAL_DOC,
          }),
        },
      },
    },
    async (request, reply) => {
      const cat = catalogueFor(deps.network);
      const { filter, tagParts } = linkFilterFromQuery(request.query);
      const etag = entityTag(dataVersion, '/v1/network', tagParts);
      if (sendNotModified(request, reply, etag)) return reply;
      reply.type(GEOJSON_CONTENT_TYPE);
      return networkToGeoJson(cat, filterLinks(deps.network.links, filter, cat.index));
    },
  );
};
