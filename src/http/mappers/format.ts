/**
 * Which format to answer in: the `format` parameter when given, else the best
 * match of the Accept header among the formats the endpoint offers, else
 * JSON. An Accept that names none of them also gets JSON (with its
 * Content-Type saying so) rather than an error: JSON is always available.
 */
import type { Format } from '../schemas/planning-fields.js';

export const MEDIA_TYPES: Record<Format, string> = {
  json: 'application/json',
  geojson: 'application/geo+json',
  csv: 'text/csv',
};

/** Content-Type of an answer in each format. */
export const CONTENT_TYPES: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
  // RFC 4180 and RFC 7111: the header parameter tells spreadsheets the first row names the columns.
  csv: 'text/csv; charset=utf-8; header=present',
};

interface Range {
  type: string;
  q: number;
  order: number;
}

function parseAccept(header: string): Range[] {
  return header
    .split(',')
    .map((part, order) => {
      const [type = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
      const qParam = params.find((p) => p.startsWith('q='));
      const q = qParam === undefined ? 1 : Number(qParam.slice(2));
      return { type, q: Number.isFinite(q) ? q : 0, order };
    })
    .filter((r) => r.type !== '' && r.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
}

export function chooseFormat(param: Format | undefined, accept: string | undefined, offered: readonly Format[]): Format {
  if (param !== undefined) return param;
  if (!accept) return 'json';
  for (const range of parseAccept(accept)) {
    // A wildcard accepts the default; a specific type picks its format.
    if (range.type === '*/*' || range.type === 'application/*') return 'json';
    const hit = offered.find((f) => MEDIA_TYPES[f] === range.type);
    if (hit) return hit;
  }
  return 'json';
}
