/**
 * Shape of data/calendars/*.json: what makes a dated journey wait.
 * - sailings.json: ferry and sea sailings, by day of the week where a timetable is published;
 * - seasonal.json: closures and slowdowns of ports over a window of the year (winter storms);
 * - holidays.json: dated public holidays, one entry per year for those that move;
 * - border-rules.json: what a holiday does at a crossing (closed for so many days).
 * Every entry cites the source register; a figure not published as is says so in its provenance.
 */
import { z } from 'zod';
import { CountrySchema, IdSchema, ModeSchema, ProvenanceSchema, SourceSchema } from '../network/schema.js';

const Sources = z.array(SourceSchema).min(1);

/** A UTC offset as ISO 8601 writes it: "+05:00", "+03:30", "-01:00". */
export const UtcOffsetSchema = z.string().regex(/^[+-](0\d|1[0-4]):(00|15|30|45)$/, 'expected a UTC offset such as "+05:00"');

/** A calendar day, YYYY-MM-DD, that exists. */
export const DaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a calendar day');

/** A day of the year, MM-DD (29 February allowed). */
export const MonthDaySchema = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`2024-${s}T00:00:00Z`)) && new Date(`2024-${s}T00:00:00Z`).toISOString().slice(5, 10) === s, 'not a day of the year');

const HoursRangeSchema = z
  .object({ low: z.number().nonnegative(), typical: z.number().nonnegative(), high: z.number().nonnegative(), provenance: ProvenanceSchema })
  .refine((h) => h.low <= h.typical && h.typical <= h.high, 'expected low ≤ typical ≤ high');

export const SailingSchema = z.strictObject({
  id: IdSchema,
  /** The ferry or sea link sailed. */
  link: IdSchema,
  /**
   * The published timetable: ISO weekdays (1 = Monday … 7 = Sunday) and the departure time, UTC.
   * Null where none is published: the leg keeps the link's own wait for a departure.
   */
  timetable: z
    .strictObject({
      weekdays: z.array(z.number().int().min(1).max(7)).min(1),
      departureUtc: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM'),
      provenance: ProvenanceSchema,
    })
    .nullable(),
  /** The frequency as published, in words. */
  frequency: z.string().min(3),
  sources: Sources,
  notes: z.string().optional(),
});

export const SeasonalEffectSchema = z
  .strictObject({
  id: IdSchema,
  name: z.string().min(3),
  /** Ports or places it holds at: a leg of one of `modes` starting or ending there meets it when it starts. */
  places: z.array(IdSchema).default([]),
  /** Links it holds on (a mountain pass on a road leg): a leg over one of them meets it when it starts. */
  links: z.array(IdSchema).default([]),
  modes: z.array(ModeSchema).min(1),
  /** Recurs every year, both days inclusive; `to` before `from` spans the new year. */
  window: z.strictObject({ from: MonthDaySchema, to: MonthDaySchema }),
  utcOffset: UtcOffsetSchema,
  effect: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('closed') }),
    /** An extra wait before sailing (h), never past the window's end. */
    z.strictObject({ kind: z.literal('slowed'), extraWaitHours: HoursRangeSchema }),
  ]),
  sources: Sources,
  notes: z.string().optional(),
  })
  .refine((e) => e.places.length + e.links.length > 0, { message: 'name at least one place or link it holds at', path: ['places'] });

export const HolidaySchema = z.strictObject({
  id: IdSchema,
  country: CountrySchema,
  name: z.string().min(3),
  utcOffset: UtcOffsetSchema,
  /** One entry per year; both days inclusive. */
  dates: z
    .array(z.strictObject({ year: z.number().int().min(2000).max(2100), start: DaySchema, end: DaySchema, provenance: ProvenanceSchema }))
    .min(1),
  sources: Sources,
  notes: z.string().optional(),
});

export const BorderRuleSchema = z.strictObject({
  id: IdSchema,
  crossing: IdSchema,
  holiday: IdSchema,
  /** Closed from 00:00 local time of the holiday's first day for `days` days. */
  effect: z.strictObject({ kind: z.literal('closed'), days: z.number().int().min(1).max(60), provenance: ProvenanceSchema }),
  sources: Sources,
  notes: z.string().optional(),
});

export const SailingsFileSchema = z.strictObject({ about: z.string(), sailings: z.array(SailingSchema) });
export const SeasonalFileSchema = z.strictObject({ about: z.string(), effects: z.array(SeasonalEffectSchema) });
export const HolidaysFileSchema = z.strictObject({ about: z.string(), holidays: z.array(HolidaySchema) });
export const BorderRulesFileSchema = z.strictObject({ about: z.string(), rules: z.array(BorderRuleSchema) });

export type Sailing = z.infer<typeof SailingSchema>;
export type SeasonalEffect = z.infer<typeof SeasonalEffectSchema>;
export type Holiday = z.infer<typeof HolidaySchema>;
export type BorderRule = z.infer<typeof BorderRuleSchema>;

/** The four calendars, as loaded. */
export interface Calendars {
  sailings: readonly Sailing[];
  seasonal: readonly SeasonalEffect[];
  holidays: readonly Holiday[];
  borderRules: readonly BorderRule[];
}

export const EMPTY_CALENDARS: Calendars = Object.freeze({ sailings: [], seasonal: [], holidays: [], borderRules: [] });
