/**
 * Small wire types shared by several answers: hours as low/typical/high and
 * references to places. Registered ids become OpenAPI components.
 */
import { z } from 'zod';

export const HoursSchema = z
  .object({
    low: z.number().nonnegative().describe('Optimistic value, h.'),
    typical: z.number().nonnegative().describe('Typical value, h.'),
    high: z.number().nonnegative().describe('Pessimistic value, h.'),
  })
  .meta({
    id: 'Hours',
    description: 'A duration in hours as low / typical / high, rounded to 0.1 h.',
    example: { low: 10.1, typical: 12.6, high: 16.8 },
  });

export const DaysSchema = z
  .object({
    low: z.number().nonnegative().describe('Optimistic value, days.'),
    typical: z.number().nonnegative().describe('Typical value, days.'),
    high: z.number().nonnegative().describe('Pessimistic value, days.'),
  })
  .meta({
    id: 'Days',
    description: 'A duration in days (24 h) as low / typical / high, rounded to 0.1 day.',
    example: { low: 6.2, typical: 8.9, high: 13.4 },
  });

export const PlaceRefSchema = z
  .object({
    id: z.string().describe('Place id, usable wherever the API takes a place.'),
    name: z.string().describe('Display name.'),
  })
  .meta({ id: 'PlaceRef', description: 'A place by id and name.', example: { id: 'almaty', name: 'Almaty' } });

export const CountryPlaceRefSchema = z
  .object({
    id: z.string().describe('Place id.'),
    name: z.string().describe('Display name.'),
    country: z.string().describe('ISO 3166-1 alpha-2 country code.'),
  })
  .meta({
    id: 'CountryPlaceRef',
    description: 'A place by id and name, with its country.',
    example: { id: 'almaty', name: 'Almaty', country: 'KZ' },
  });
