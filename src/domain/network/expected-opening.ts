/**
 * Months of expected openings and their wording. A record's expectedOpening
 * says when a planned, building or suspended link (or a planned or closed
 * crossing) is expected in service; planning at a later date counts it as
 * open (scenarios/network-at-date.ts) and every route over it says so.
 */
import type { Crossing, ExpectedOpening, Link } from './schema.js';

/** A planning month, YYYY-MM with month 01–12. */
export const PLANNING_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The month from which a date counts: YYYY-MM as is; a year alone counts as
 * its December (an opening "in 2027" is not assumed before the year is out);
 * a day is cut to its month.
 */
export function monthOf(date: string): string {
  if (/^\d{4}$/.test(date)) return `${date}-12`;
  return date.slice(0, 7);
}

/**
 * True for a record that the data set has as not in service but that a
 * planning date has opened: only then does an operational link or an open
 * crossing carry an expected opening (the loader rejects one on an operational
 * link or an open crossing).
 */
export function openedByDate(r: Link | Crossing): boolean {
  if (r.expectedOpening === undefined) return false;
  return 'mode' in r ? r.status === 'operational' : r.status === 'open';
}

/**
 * "expected 2027-12 (announced; sources: a, b)", and when the month is at or
 * before the data date, that it has passed with no opening recorded.
 */
export function expectedOpeningText(o: ExpectedOpening, dataDate: string): string {
  const sources = [...new Set(o.sources.map((s) => s.source))].join(', ');
  const basis = o.provenance.basis === 'sourced' ? '' : `, ${o.provenance.basis} date`;
  const overdue = monthOf(o.date) <= monthOf(dataDate) ? `; that date has passed with no opening in the data of ${dataDate}` : '';
  return `expected ${o.date} (${o.confidence}${basis}; sources: ${sources})${overdue}`;
}
