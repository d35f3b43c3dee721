/**
 * Query parameters shared by the network-browsing listings: pagination
 * (`limit`, `offset`) and comma-separated filters checked item by item, so an
 * error names the bad items. No transforms: the documentation shows the
 * parameters as the client sends them; mappers/browse-query.ts splits them.
 */
import { z } from 'zod';
import { splitList } from './route-query.js';
import { COUNTRY_PATTERN, ID_PATTERN, MODES } from './route-fields.js';
import { CROSSING_STATUSES, LINK_STATUSES, PLACE_KINDS } from './browse-fields.js';

/** Items per page when `limit` is left out, and the most a page may hold. */
export const PAGE = { defaultLimit: 50, maxLimit: 200 } as const;

export const LimitSchema = z.coerce
  .number()
  .int()
  .min(1)
  .max(PAGE.maxLimit)
  .default(PAGE.defaultLimit)
  .meta({ description: `Items per page, 1..${PAGE.maxLimit} (default ${PAGE.defaultLimit}).`, example: 20 });

export const OffsetSchema = z.coerce
  .number()
  .int()
  .min(0)
  .default(0)
  .meta({ description: 'Items to skip before the page starts (0 = first page). Beyond `total` the page is empty.', example: 0 });

/** A comma list whose items must each pass `accepts`. */
function commaList(accepts: (item: string) => boolean, expected: string) {
  return z.string().superRefine((value, ctx) => {
    const bad = splitList(value).filter((i) => !accepts(i));
    if (bad.length > 0) ctx.addIssue({ code: 'custom', message: `${bad.map((b) => JSON.stringify(b)).join(', ')}: expected ${expected}` });
  });
}

const oneOf = (values: readonly string[]) => commaList((i) => values.includes(i), `one of ${values.join(', ')}`);

export const CountryFilterSchema = commaList((i) => COUNTRY_PATTERN.test(i), 'a two-letter ISO country code')
  .optional()
  .meta({ description: 'Only these countries (ISO 3166-1 alpha-2, any case). Comma-separated.', example: 'TM,IR' });

export const LinkStatusFilterSchema = oneOf(LINK_STATUSES)
  .optional()
  .meta({ description: `Only links with these statuses: ${LINK_STATUSES.join(', ')}. Comma-separated.`, example: 'planned,proposed' });

export const CrossingStatusFilterSchema = oneOf(CROSSING_STATUSES)
  .optional()
  .meta({ description: `Only crossings with these statuses: ${CROSSING_STATUSES.join(', ')}. Comma-separated.`, example: 'open' });

export const ModeFilterSchema = oneOf(MODES)
  .optional()
  .meta({ description: `Only links of these modes: ${MODES.join(', ')}. Comma-separated.`, example: 'rail' });

export const PlaceKindFilterSchema = oneOf(PLACE_KINDS)
  .optional()
  .meta({ description: `Only places of these kinds: ${PLACE_KINDS.join(', ')}. Comma-separated.`, example: 'port,dry-port' });

export const CorridorFilterSchema = commaList((i) => ID_PATTERN.test(i), 'a corridor id such as "nstc"')
  .optional()
  .meta({ description: 'Only links of these corridors, by corridor id (see /v1/corridors). Comma-separated.', example: 'nstc' });

/** Path parameter of the detail operations: free text, so a mistyped id gets a 404 with suggestions rather than a 400. */
export const IdParamSchema = z.string().trim().min(1, 'must not be empty').max(200, 'at most 200 characters');

/** `{ items, total, limit, offset }` around `item`. */
export function pageSchema<T extends z.ZodType>(item: T, id: string, what: string) {
  return z
    .object({
      items: z.array(item).describe(`The ${what} of this page.`),
      total: z.number().int().nonnegative().describe(`All ${what} matching the filters, on every page.`),
      limit: z.number().int().describe('Page size used.'),
      offset: z.number().int().describe('Items skipped before this page.'),
    })
    .meta({ id, description: `One page of ${what}, in a stable order.` });
}
