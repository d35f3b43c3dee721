/**
 * GET /v1/routes query string, made from the route question's field table
 * (route-question-fields.ts). Lists are comma-separated strings, checked
 * item by item (so an error names the bad items) and split by the mapper
 * (mappers/route-request.ts).
 */
import { z } from 'zod';
import { queryShape } from './route-question-fields.js';

// Kept here for the schemas that read comma lists too.
export { commaList, splitList } from './comma-list.js';

export const RouteQuerySchema = z.strictObject(queryShape());

export type RouteQueryParams = z.output<typeof RouteQuerySchema>;
