/**
 * The two operations of each network-browsing collection (places, links,
 * border crossings, corridors, sources), written once:
 * - GET {collection}: one page of the records matching the query, with an
 *   ETag over the normalised query (304 when the client's copy is current);
 * - GET {collection}/{id}: one record; 404 NOT_FOUND with the closest ids when
 *   none matches, else the ETag and the record.
 * Each also carries its documentation. A route supplies only its filter, its
 * lookup, its suggestions and its mappers.
 */
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Network } from '../../domain/network/schema.js';
import { suggestIds } from '../../domain/network/suggest-ids.js';
import { CACHING_NOTE, entityTag, sendNotModified, type QueryValue } from '../browse-etags.js';
import { notFound, paginate } from '../mappers/browse-to-wire.js';
import { catalogueFor, type NetworkCatalogue } from '../mappers/network-catalogue.js';
import { BROWSE_TAG, ConditionalHeadersSchema, LIMIT_TOO_BIG, NOT_MODIFIED_RESPONSE, notFoundDoc, validationDoc } from '../schemas/browse-docs.js';
import { IdParamSchema } from '../schemas/browse-query.js';
import { INTERNAL_DOC, problemResponses } from '../schemas/problem.js';

/** The app as a route plugin of fastify-type-provider-zod receives it. */
export type ZodApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** A close match offered with NOT_FOUND. */
export interface IdSuggestion {
  id: string;
  name: string;
}

export interface ByIdRoute<T, S extends z.ZodType> {
  /** Path of the collection, e.g. '/v1/places'; the operation is {collection}/{id}. */
  collection: string;
  operationId: string;
  summary: string;
  /** The operation's description; the caching note is appended. */
  description: string;
  /** What a record is called in the NOT_FOUND detail: "no {what} with id …". */
  what: string;
  /** Documentation of the id parameter. */
  id: { description: string; example: string };
  /** The 200 answer. */
  response: { description: string; schema: S };
  /** The documented NOT_FOUND example: the unknown id and the suggestions the service gives for it. */
  notFoundExample: { value: string; suggestions: IdSuggestion[] };
  /** The record with exactly this id, if any. */
  find: (cat: NetworkCatalogue, id: string) => T | undefined;
  /** The closest known records to an id that matched nothing, best first. */
  suggest: (cat: NetworkCatalogue, id: string) => IdSuggestion[];
  toWire: (cat: NetworkCatalogue, record: T) => z.output<S>;
}

/** Suggestions for an unknown id from the ids of `byId` (closest first), each named by `nameOf`. */
export function suggestFromIds<T>(id: string, byId: ReadonlyMap<string, T>, nameOf: (record: T) => string): IdSuggestion[] {
  return suggestIds(id, byId.keys()).map((sid) => ({ id: sid, name: nameOf(byId.get(sid)!) }));
}

export function registerByIdRoute<T, S extends z.ZodType>(app: ZodApp, network: Network, route: ByIdRoute<T, S>): void {
  const { dataVersion } = network.parameters;
  const { value, suggestions } = route.notFoundExample;
  // ByIdRoute ties toWire to the schema; past that point the schema is any zod type to the route's types.
  const schema: z.ZodType = route.response.schema;
  app.get(
    `${route.collection}/:id`,
    {
      schema: {
        operationId: route.operationId,
        tags: [BROWSE_TAG],
        summary: route.summary,
        description: `${route.description} ${CACHING_NOTE}`,
        params: z.object({ id: IdParamSchema.meta(route.id) }),
        headers: ConditionalHeadersSchema,
        response: {
          200: { description: route.response.description, content: { 'application/json': { schema } } },
          304: NOT_MODIFIED_RESPONSE,
          ...problemResponses(`${route.collection}/${value}`, {
            VALIDATION_ERROR: validationDoc({ parameter: 'id', message: 'at most 200 characters' }),
            // The example's detail is the one notFound() writes, so documentation and answer cannot drift apart.
            NOT_FOUND: notFoundDoc(route.what, { detail: notFound(route.what, value, suggestions).message, value, suggestions }),
            INTERNAL: INTERNAL_DOC,
          }),
        },
      },
    },
    async (request, reply) => {
      const cat = catalogueFor(network);
      const { id } = request.params;
      const record = route.find(cat, id);
      if (record === undefined) throw notFound(route.what, id, route.suggest(cat, id));
      // find() matches the id exactly, so the requested id is the record's id.
      if (sendNotModified(request, reply, entityTag(dataVersion, `${route.collection}/${id}`))) return reply;
      return route.toWire(cat, record);
    },
  );
}

/** What the list operation's handler needs from the query: the ETag's parameters and the matching records. */
export interface ListSelection<T> {
  /** The query parameters that decide the answer, normalised (limit and offset are added). */
  tag: Readonly<Record<string, QueryValue>>;
  /** Every matching record, in the collection's order; only called when no 304 is sent. */
  matches: (cat: NetworkCatalogue) => readonly T[];
}

export interface ListRoute<T, Q extends z.ZodType<{ limit: number; offset: number }>, S extends z.ZodType> {
  /** Path of the collection, e.g. '/v1/places'. */
  collection: string;
  operationId: string;
  summary: string;
  /** The operation's description; the caching note is appended. */
  description: string;
  querystring: Q;
  /** The query of the documented VALIDATION_ERROR example, e.g. 'limit=500'. */
  limitExampleQuery: string;
  /** The 200 answer: a page schema around the item schema. */
  response: { description: string; schema: S };
  select: (query: z.output<Q>) => ListSelection<T>;
  toWire: (cat: NetworkCatalogue, record: T) => z.output<S> extends { items: (infer W)[] } ? W : never;
}

export function registerListRoute<T, Q extends z.ZodType<{ limit: number; offset: number }>, S extends z.ZodType>(
  app: ZodApp,
  network: Network,
  route: ListRoute<T, Q, S>,
): void {
  const { dataVersion } = network.parameters;
  // As in registerByIdRoute: ListRoute ties select to the query schema and toWire to the answer's; fastify's
  // types cannot resolve a generic schema, so the route is declared with the schemas' common types and the
  // query is handed back to select() as its own schema's output (the validator has produced exactly that).
  const schema: z.ZodType = route.response.schema;
  const querystring: z.ZodType<{ limit: number; offset: number }> = route.querystring;
  app.get(
    route.collection,
    {
      schema: {
        operationId: route.operationId,
        tags: [BROWSE_TAG],
        summary: route.summary,
        description: `${route.description} ${CACHING_NOTE}`,
        querystring,
        headers: ConditionalHeadersSchema,
        response: {
          200: { description: route.response.description, content: { 'application/json': { schema } } },
          304: NOT_MODIFIED_RESPONSE,
          ...problemResponses(`${route.collection}?${route.limitExampleQuery}`, {
            VALIDATION_ERROR: validationDoc(LIMIT_TOO_BIG),
            INTERNAL: INTERNAL_DOC,
          }),
        },
      },
    },
    async (request, reply) => {
      const { limit, offset } = request.query;
      const selection = route.select(request.query as z.output<Q>);
      if (sendNotModified(request, reply, entityTag(dataVersion, route.collection, { ...selection.tag, limit, offset }))) return reply;
      const cat = catalogueFor(network);
      return paginate(selection.matches(cat), limit, offset, (r) => route.toWire(cat, r));
    },
  );
}
