/**
 * Comma lists of a query string ("rail,sea"): split, and checked item by item
 * so an error names the bad items. No transforms: the documentation shows
 * the parameter as the client sends it.
 */
import { z } from 'zod';

/** Items of a comma list, trimmed, empty items dropped ("rail, sea," → ["rail", "sea"]). */
export function splitList(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export interface ListRule {
  /** Returns false for an item that is not acceptable. */
  accepts: (item: string) => boolean;
  /** What a good item looks like, for the error message. */
  expected: string;
  max?: number;
  min?: number;
}

export function commaList(rule: ListRule) {
  return z.string().superRefine((value, ctx) => {
    const items = splitList(value);
    const bad = items.filter((i) => !rule.accepts(i));
    if (bad.length > 0) {
      ctx.addIssue({ code: 'custom', message: `${bad.map((b) => JSON.stringify(b)).join(', ')}: expected ${rule.expected}` });
    }
    if (rule.max !== undefined && items.length > rule.max) {
      ctx.addIssue({ code: 'custom', message: `at most ${rule.max} items, got ${items.length}` });
    }
    if (rule.min !== undefined && items.length < rule.min) {
      ctx.addIssue({ code: 'custom', message: `at least ${rule.min} item${rule.min === 1 ? '' : 's'} needed` });
    }
  });
}

/** A list item that is one of `values`. */
export const oneOf = (values: readonly string[]) => (item: string) => values.includes(item);

const NUMBER = /^[+-]?\d{1,3}(\.\d+)?$/;

/**
 * A comma list of places may hold coordinates, whose own comma splits them:
 * two numbers in a row are put back together as one "lat,lon" item
 * ("43.26,76.93,Tashkent" → ["43.26,76.93", "Tashkent"]). No place name is a
 * bare number, so nothing else is joined.
 */
export function joinCoordinatePairs(items: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < items.length; i++) {
    const a = items[i]!;
    const b = items[i + 1];
    if (b !== undefined && NUMBER.test(a) && NUMBER.test(b)) {
      out.push(`${a},${b}`);
      i++;
    } else out.push(a);
  }
  return out;
}
