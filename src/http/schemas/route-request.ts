/**
 * POST /v1/routes JSON body: the same parameters as the GET query, with JSON
 * arrays where the query has comma lists, made from the same field table
 * (route-question-fields.ts). Unknown members are rejected, so a misspelt
 * constraint ("avoidCountry") is an error instead of being ignored.
 */
import { z } from 'zod';
import { bodyShape } from './route-question-fields.js';

export const RouteRequestSchema = z.strictObject(bodyShape()).meta({
  id: 'RouteRequest',
  description: 'A route question. Only `from` and `to` are required; the rest take the defaults shown.',
  example: { from: 'Almaty', to: 'Karachi', objective: 'fastest', alternatives: 2, include: ['planned', 'proposed'] },
});

export type RouteRequestBody = z.output<typeof RouteRequestSchema>;
