/**
 * Dated ETAs on the wire: the `departAt` and `arriveBy` request fields (the
 * same in the query string and the JSON body) and the `eta` part of each
 * route of the answer (windows per leg, crossing and route, the calendar
 * waits and the entries of data/calendars/ that caused them).
 */
import { z } from 'zod';
import { ARRIVE_BY_GRANULARITY_H, ARRIVE_BY_HORIZON_DAYS } from '../../domain/timing/arrive-by.js';

/** An instant with its offset: 2027-07-15T08:00:00Z, 2027-07-15T13:00+05:00 (seconds and fractions optional). */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses an ISO 8601 instant; undefined when it is not one this service accepts (a real date and time with a zone, years 2000–2100). */
export function parseInstant(value: string): number | undefined {
  const m = INSTANT.exec(value);
  if (!m) return undefined;
  const t = Date.parse(value);
  if (!Number.isFinite(t)) return undefined;
  // Date.parse rolls 2027-02-30 over to March: check the fields against the same instant in the given offset.
  const [, y, mo, d, h, mi] = m;
  const zone = m[8]!;
  const offsetMin = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const local = new Date(t + offsetMin * 60_000);
  if (local.getUTCFullYear() !== Number(y) || local.getUTCMonth() + 1 !== Number(mo) || local.getUTCDate() !== Number(d)) return undefined;
  if (local.getUTCHours() !== Number(h) || local.getUTCMinutes() !== Number(mi)) return undefined;
  const year = Number(y);
  return year >= 2000 && year <= 2100 ? t : undefined;
}

const InstantInputSchema = z.string().refine((s) => parseInstant(s) !== undefined, {
  message: 'must be an ISO 8601 date and time with a time zone, such as "2027-07-15T08:00:00Z" or "2027-07-15T13:00+05:00" (years 2000–2100)',
});

export const ETA_DESCRIPTIONS = {
  departAt:
    'Departure instant, ISO 8601 with a time zone ("2027-07-15T08:00:00Z"). Each route then carries `eta`: in /v1/routes departure and arrival windows ' +
    '(low / typical / high) per leg, per border crossing and for the route; in /v1/compare and each /v1/matrix cell the arrival window. Both with the waits ' +
    'the calendars of data/calendars/ add (winter storm closures of Caspian ports and mountain passes, holiday closures of crossings, published sailing days) ' +
    'and which entry applied.',
  arriveBy:
    'Deadline, ISO 8601 with a time zone. Each route then carries the latest departures (`eta.arriveBy` in /v1/routes, `eta.latestDeparture` in /v1/compare and /v1/matrix): per band the latest departure (on whole UTC hours) whose arrival in that band ' +
    `is at or before the deadline (searched up to ${ARRIVE_BY_HORIZON_DAYS} days back). The high band's is the safe choice.`,
} as const;

/** The request fields, added to the query string and the body schemas of the planning routes. */
export const etaRequestFields = {
  departAt: InstantInputSchema.optional().meta({ description: ETA_DESCRIPTIONS.departAt }),
  arriveBy: InstantInputSchema.optional().meta({ description: ETA_DESCRIPTIONS.arriveBy }),
};

const InstantWindowSchema = z
  .object({ low: z.string(), typical: z.string(), high: z.string() })
  .meta({ id: 'InstantWindow', description: 'An instant per band (ISO 8601, UTC): low (best service), typical, high (a bad week).' });

const WaitHoursSchema = z
  .object({ low: z.number(), typical: z.number(), high: z.number() })
  .meta({ id: 'WaitHours', description: 'Hours waited per band (0.1 h).' });

const AppliedEntrySchema = z
  .object({
    entry: z.string().describe('Id of the calendar entry in data/calendars/.'),
    kind: z.enum(['seasonal', 'sailing', 'border-rule']).describe('seasonal.json, sailings.json or border-rules.json.'),
    leg: z.number().int().nullable().describe('Leg (1-based, as in `legs`) that waited, or null for a crossing.'),
    crossingId: z.string().nullable().describe('Crossing where the train waited, or null for a leg.'),
    waitHours: WaitHoursSchema,
    message: z.string().describe('What held the route, in plain words.'),
  })
  .meta({ id: 'CalendarWait', description: 'A calendar entry that made the route wait, and how long in each band.' });

export const RouteEtaSchema = z
  .object({
    departAt: z.string().nullable().describe('The departure asked for (UTC), or null when only `arriveBy` was given.'),
    arrival: InstantWindowSchema.nullable().describe('Arrival window of the route; null without departAt.'),
    totalHours: WaitHoursSchema.nullable().describe('Departure to arrival per band, h, waits included; null without departAt.'),
    waitHours: WaitHoursSchema.nullable().describe('Calendar waits of the route per band, h; null without departAt.'),
    legs: z
      .array(
        z.object({
          leg: z.number().int().describe('1-based, as in the route\'s `legs`.'),
          linkId: z.string(),
          departure: InstantWindowSchema,
          arrival: InstantWindowSchema,
          waitHours: WaitHoursSchema,
        }),
      )
      .describe('Per leg: when it starts moving (after any wait) and when it arrives; empty without departAt.'),
    crossings: z
      .array(z.object({ crossingId: z.string(), arrival: InstantWindowSchema, departure: InstantWindowSchema, waitHours: WaitHoursSchema }))
      .describe('Per border crossing: reaching the border, and leaving it after any closure and the dwell.'),
    waits: z.array(AppliedEntrySchema).describe('Every calendar entry that made the route wait.'),
    arriveBy: z
      .object({
        deadline: z.string(),
        granularityHours: z.number().describe(`Departures are searched on whole UTC hours (${ARRIVE_BY_GRANULARITY_H} h).`),
        latestDeparture: z
          .object({ low: z.string().nullable(), typical: z.string().nullable(), high: z.string().nullable() })
          .describe('Per band, the latest departure arriving in time in that band; null when none within the search horizon.'),
        arrival: z
          .object({ low: z.string().nullable(), typical: z.string().nullable(), high: z.string().nullable() })
          .describe('That departure\'s arrival in its band.'),
      })
      .nullable()
      .describe('The latest departures for the `arriveBy` deadline; null without arriveBy.'),
    notes: z.array(z.string()).describe('What could not be applied, such as a holiday with no date for the year met.'),
  })
  .meta({
    id: 'RouteEta',
    description:
      'Dated ETA of the route: present when departAt or arriveBy is given. Each band is walked on its own with its hours; a leg that meets a calendar entry waits for it.',
  });

export type WireRouteEta = z.output<typeof RouteEtaSchema>;

/** The dated figures of a compare or matrix entry: the route's arrival window, its waits and the latest departures. */
export const EtaSummarySchema = z
  .object({
    departAt: z.string().nullable().describe('The departure asked for (UTC), or null when only `arriveBy` was given.'),
    arrival: InstantWindowSchema.nullable().describe('Arrival window; null without departAt.'),
    totalHours: WaitHoursSchema.nullable().describe('Departure to arrival per band, h, waits included; null without departAt.'),
    waitHours: WaitHoursSchema.nullable().describe('Calendar waits per band, h; null without departAt.'),
    waits: z.array(AppliedEntrySchema).describe('Every calendar entry that made the route wait.'),
    latestDeparture: z
      .object({ low: z.string().nullable(), typical: z.string().nullable(), high: z.string().nullable() })
      .nullable()
      .describe('For `arriveBy`: per band the latest departure (whole UTC hours) arriving in time in that band; null without arriveBy.'),
  })
  .meta({ id: 'EtaSummary', description: 'Dated ETA of a best route: present when the request gives departAt or arriveBy (the full windows per leg are in /v1/routes).' });

export type WireEtaSummary = z.output<typeof EtaSummarySchema>;
