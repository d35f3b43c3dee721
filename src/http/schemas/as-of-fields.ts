/**
 * The planning date (`asOf`): plan on the network as its records expect it
 * at a month. Request fields for /v1/routes, /v1/matrix, /v1/reachability
 * (one month) and /v1/compare (a list of months), and the answer's account
 * of what the date opened.
 */
import { z } from 'zod';

/** "now" or a month YYYY-MM with month 01–12. */
export const AS_OF_PATTERN = /^(now|\d{4}-(0[1-9]|1[0-2]))$/;
const AS_OF_EXPECTED = 'a month YYYY-MM (01–12) or "now"';

/** Months one /v1/compare may plan the lane at. */
export const MAX_COMPARE_DATES = 6;

export const AS_OF_DESCRIPTIONS = {
  asOf:
    'Planning month YYYY-MM, or `now`: plan on the network as its records expect it then. Every planned, building or suspended link and ' +
    'every planned or closed crossing whose expected opening (with its source and confidence: announced, officially-targeted or speculative; ' +
    'a year alone counts as its December) falls on or before the month counts as in service, and each route over one carries an ' +
    'EXPECTED_OPENING warning naming the date, confidence and sources. Records without a published date never open. ' +
    'A month at or before the data date (`asOf.dataDate` in the answer), and `now`, give today\'s network.',
  compareAsOf:
    `The lane at several planning months, comma-separated (\`now,2028-01,2031-01\`); at most ${MAX_COMPARE_DATES}. ` +
    'The answer then has `dates`, one entry per month in the order given, each with its best route, its differences to today and the records ' +
    'on that route counted open by the date. Without `scenarios`, a comparison by date compares no scenarios.',
} as const;

// A custom issue, so the answer keeps the words (a regex issue would read "is not in the expected form").
const asOfString = z.string().superRefine((v, ctx) => {
  if (!AS_OF_PATTERN.test(v)) ctx.addIssue({ code: 'custom', message: `expected ${AS_OF_EXPECTED}, got ${JSON.stringify(v)}` });
});

export const AsOfQuerySchema = asOfString.optional().meta({ description: AS_OF_DESCRIPTIONS.asOf });
export const AsOfBodySchema = asOfString.optional().meta({ description: AS_OF_DESCRIPTIONS.asOf, example: '2031-01' });

// Checked here rather than with route-query.ts's commaList: that file imports this one.
export const CompareAsOfQuerySchema = z
  .string()
  .superRefine((value, ctx) => {
    const items = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
    const bad = items.filter((i) => !AS_OF_PATTERN.test(i));
    if (bad.length > 0) ctx.addIssue({ code: 'custom', message: `${bad.map((b) => JSON.stringify(b)).join(', ')}: expected ${AS_OF_EXPECTED}` });
    if (items.length === 0) ctx.addIssue({ code: 'custom', message: 'at least 1 item needed' });
    if (items.length > MAX_COMPARE_DATES) ctx.addIssue({ code: 'custom', message: `at most ${MAX_COMPARE_DATES} items, got ${items.length}` });
  })
  .optional()
  .meta({ description: AS_OF_DESCRIPTIONS.compareAsOf, example: 'now,2028-01,2031-01' });

/** The month to plan at, or undefined for today's network (`now` or absent). */
export function planningMonthOf(asOf: string | undefined): string | undefined {
  return asOf === undefined || asOf === 'now' ? undefined : asOf;
}

export const DatedOpeningSchema = z
  .object({
    kind: z.enum(['link', 'crossing']),
    id: z.string(),
    recordedStatus: z.string().describe('Status in the data set (planned, under-construction, suspended, closed …).'),
    expected: z.string().describe('Expected opening as the data states it, YYYY-MM or YYYY.'),
    confidence: z.enum(['announced', 'officially-targeted', 'speculative']),
    basis: z.enum(['sourced', 'derived', 'estimate']).describe('How the date was obtained; derived and estimated dates state their method in the record (GET /v1/links/{id}).'),
    overdue: z.boolean().describe('The expected month is at or before the data date, and the data records no opening.'),
    sources: z.array(z.string()).describe('Register ids of the sources of the date (GET /v1/sources/{id}).'),
  })
  .meta({ id: 'DatedOpening', description: 'A link or crossing counted as in service at the planning month because its expected opening falls by then.' });

export const AsOfAnswerSchema = z
  .object({
    month: z.string().describe('The planning month asked for.'),
    dataDate: z.string().describe('Date of the data set: a month at or before it plans on today\'s network.'),
    opened: z.array(DatedOpeningSchema).describe('Every record the month opens, on the route or not; empty at or before the data date.'),
  })
  .meta({ id: 'AsOf', description: 'The planning month and what it opened.' });

export type WireAsOf = z.output<typeof AsOfAnswerSchema>;
