/**
 * The calendar entries as functions of time: given the instant a train is
 * ready (ms since the epoch, UTC), the instant it may go on. Every one is
 * monotone (a later ready instant never gives an earlier go instant) and
 * never earlier than the ready instant, so a dated route is monotone too and
 * the latest departure for a deadline can be searched for.
 */
import type { BorderRule, Holiday, Sailing, SeasonalEffect } from '../calendar/calendar-schema.js';

export const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export type Band = 'low' | 'typical' | 'high';
export const BANDS: readonly Band[] = ['low', 'typical', 'high'];

/** "+05:30" → ms east of UTC. */
export function offsetMs(utcOffset: string): number {
  const sign = utcOffset.startsWith('-') ? -1 : 1;
  const [h, m] = utcOffset.slice(1).split(':').map(Number) as [number, number];
  return sign * (h * HOUR_MS + m * 60_000);
}

/** 00:00 local time of a calendar day, as a UTC instant (ms). */
export function localMidnight(day: string, utcOffset: string): number {
  return Date.parse(`${day}T00:00:00Z`) - offsetMs(utcOffset);
}

/**
 * The window of a seasonal effect that contains `t`, as [start, end) in ms,
 * or undefined. Windows recur yearly from `from` to `to` inclusive, local time.
 */
export function seasonalWindowAt(e: SeasonalEffect, t: number): { start: number; end: number } | undefined {
  const local = new Date(t + offsetMs(e.utcOffset));
  const year = local.getUTCFullYear();
  const wraps = e.window.to < e.window.from;
  // The window that may contain t starts this year, or (when it spans the new year) last year.
  for (const startYear of wraps ? [year - 1, year] : [year]) {
    const start = localMidnight(`${startYear}-${e.window.from}`, e.utcOffset);
    const endYear = wraps ? startYear + 1 : startYear;
    const end = localMidnight(`${endYear}-${e.window.to}`, e.utcOffset) + DAY_MS;
    if (t >= start && t < end) return { start, end };
  }
  return undefined;
}

/** Where a seasonal effect lets a sailing go: after a closure's end, or after the extra wait (never past the window's end). */
export function afterSeasonal(e: SeasonalEffect, band: Band, t: number): number {
  const w = seasonalWindowAt(e, t);
  if (!w) return t;
  if (e.effect.kind === 'closed') return w.end;
  return Math.min(t + e.effect.extraWaitHours[band] * HOUR_MS, w.end);
}

/** The closure a border rule gives in the year of `t` (and the year before, for a closure running into January): [start, end) ms. */
export function borderClosureAt(rule: BorderRule, holiday: Holiday, t: number): { start: number; end: number } | undefined {
  for (const d of holiday.dates) {
    const start = localMidnight(d.start, holiday.utcOffset);
    const end = start + rule.effect.days * DAY_MS;
    if (t >= start && t < end) return { start, end };
  }
  return undefined;
}

/** Whether the holiday has a dated entry for the local year of `t`: without one, the rule cannot be applied that year. */
export function holidayCovers(holiday: Holiday, t: number): boolean {
  const year = new Date(t + offsetMs(holiday.utcOffset)).getUTCFullYear();
  return holiday.dates.some((d) => d.year === year);
}

/**
 * The next sailing at or after `t` by a published timetable (ms), or for the
 * high band the one after it: "high" is a week with a missed sailing, as the
 * transit model's high wait is a whole interval.
 */
export function nextSailing(s: Sailing, band: Band, t: number): number {
  const tt = s.timetable;
  if (!tt) return t;
  const [hh, mm] = tt.departureUtc.split(':').map(Number) as [number, number];
  const find = (from: number): number => {
    const day0 = Math.floor(from / DAY_MS) * DAY_MS;
    for (let k = 0; k <= 7; k += 1) {
      const at = day0 + k * DAY_MS + hh * HOUR_MS + mm * 60_000;
      const weekday = ((new Date(at).getUTCDay() + 6) % 7) + 1; // ISO: 1 = Monday … 7 = Sunday
      if (at >= from && tt.weekdays.includes(weekday)) return at;
    }
    return from; // unreachable: a timetable has at least one weekday
  };
  const first = find(t);
  return band === 'high' ? find(first + 1) : first;
}
