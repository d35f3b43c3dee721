/** GET /v1/sources: the source register, paged; GET /v1/sources/{id}: one source with what is quoted from it and who cites it. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../deps.js';
import type { NetworkCatalogue } from '../mappers/network-catalogue.js';
import { sourceToWire } from '../mappers/source-to-wire.js';
import { registerByIdRoute, registerListRoute, suggestFromIds } from './browse-route.js';
import { SourcePageSchema, SourceQuerySchema, SourceSchema } from '../schemas/source.js';
import type { SourceEntry } from '../../domain/network/source-register.js';

const DESCRIPTION =
  'Every figure of the data set cites a source of this register by id; links, places, crossings and route legs show the ' +
  'register entry in full with the statement quoted for that record.';

const toWire = (cat: NetworkCatalogue, s: SourceEntry) => sourceToWire(s, (cat.citedBy.get(s.id) ?? []).map((r) => ({ ...r })));

export const sourcesRoutes: FastifyPluginAsyncZod<{ deps: RouteDeps }> = async (app, { deps }) => {
  registerListRoute(app, deps.network, {
    collection: '/v1/sources',
    operationId: 'listSources',
    summary: 'List sources',
    description:
      `The source register sorted by id, one page at a time as \`{ items, total, limit, offset }\`: address (full, shortened ` +
      `or descriptive), title, publisher, dates, the statements quoted and the records citing each. ${DESCRIPTION}`,
    querystring: SourceQuerySchema,
    limitExampleQuery: 'limit=500',
    response: { description: 'One page of sources.', schema: SourcePageSchema },
    select: () => ({ tag: {}, matches: (cat) => cat.sourcesById }),
    toWire,
  });

  // The register as loaded: built-in entries of the index are not browsable here.
  const sourceById = new Map(deps.network.sources.map((s) => [s.id, s]));
  registerByIdRoute(app, deps.network, {
    collection: '/v1/sources',
    operationId: 'getSource',
    summary: 'One source',
    description:
      `A source of the register by id, with every statement the data set quotes from it and the records citing it. ${DESCRIPTION} ` +
      'An unknown id answers 404 with the closest source ids as suggestions.',
    what: 'source',
    id: { description: 'Source id (see /v1/sources).', example: 'tass-world-764933' },
    response: { description: 'The source.', schema: SourceSchema },
    notFoundExample: { value: 'tass-world-76493', suggestions: [{ id: 'tass-world-764933', name: 'tass.com/world/764933' }] },
    find: (_cat, id) => sourceById.get(id),
    suggest: (_cat, id) => suggestFromIds(id, sourceById, (s) => s.title ?? s.address),
    toWire,
  });
};
