/**
 * The source register, data/sources.json: one entry per publication the data
 * set cites (address, title, publisher, dates, the statements quoted from it).
 * Records cite an entry by id (`{ source, statement }`, see SourceSchema in
 * schema.ts); the loader checks every id against the register.
 */
import { z } from 'zod';

/** Same slug rule as record ids, without "--". */
export const SourceIdSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a lowercase slug such as "cpmm-2022-kazakhstan"');

/** ISO date, day or month or year precision: 2025-07-10, 2025-07 or 2025. */
const DateSchema = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');

/**
 * How much of the address is known:
 * - full: a complete URL (https://…);
 * - shortened: part of the path is missing, written "…" where it is;
 * - descriptive: no web address, only a description (a document or the project's own reference notes).
 */
export const AddressFormSchema = z.enum(['full', 'shortened', 'descriptive']);

export const SourceEntrySchema = z
  .strictObject({
    id: SourceIdSchema,
    address: z.string().min(3),
    addressForm: AddressFormSchema,
    /** Other spellings of this address found in the data set ("en.wikipedia INSTC"); the migration matches on them too. */
    aliases: z.array(z.string().min(3)).default([]),
    title: z.string().min(2).nullable(),
    publisher: z.string().min(2).nullable(),
    /** Date of publication as the source gives it; null when not known (then publishedNote says why). */
    published: DateSchema.nullable(),
    publishedNote: z.string().min(3).optional(),
    /** When the source was read for the data set; null when not recorded (then readNote says why). */
    read: DateSchema.nullable(),
    readNote: z.string().min(3).optional(),
    /**
     * The statements the data set quotes from this source. Every record's statement is one of them
     * (test/data/sources.test.ts checks it; scripts/migrate-sources.ts keeps the list in step).
     */
    statements: z.array(z.string().min(3)).min(1),
  })
  .superRefine((s, ctx) => {
    if (s.published === null && s.publishedNote === undefined) {
      ctx.addIssue({ code: 'custom', message: 'an unknown publication date needs publishedNote saying why', path: ['publishedNote'] });
    }
    if (s.read === null && s.readNote === undefined) {
      ctx.addIssue({ code: 'custom', message: 'an unknown reading date needs readNote saying why', path: ['readNote'] });
    }
    const shortened = s.address.includes('…');
    if (s.addressForm === 'full' && (shortened || !/^https?:\/\/[^/\s]+\.[^/\s]+/.test(s.address))) {
      ctx.addIssue({ code: 'custom', message: 'a full address is a complete http(s) URL without "…"', path: ['address'] });
    }
    if (s.addressForm === 'shortened' && !shortened) {
      ctx.addIssue({ code: 'custom', message: 'a shortened address marks the missing part with "…"', path: ['address'] });
    }
  });

export type SourceEntry = z.infer<typeof SourceEntrySchema>;
export type AddressForm = z.infer<typeof AddressFormSchema>;

/**
 * Not in the register: the source of a hypothetical link or crossing that a
 * route request or scenario overlay adds. Data files may not use its id.
 */
export const REQUEST_OVERLAY_SOURCE: SourceEntry = {
  id: 'request-overlay',
  address: 'route request overlay',
  addressForm: 'descriptive',
  aliases: [],
  title: 'Hypothetical link supplied with the request',
  publisher: null,
  published: null,
  publishedNote: 'supplied by the caller of the request, not published',
  read: null,
  readNote: 'supplied by the caller of the request, not read from a publication',
  statements: ['hypothetical link supplied by the request'],
};

export const BUILT_IN_SOURCES: ReadonlyMap<string, SourceEntry> = new Map([[REQUEST_OVERLAY_SOURCE.id, REQUEST_OVERLAY_SOURCE]]);

/**
 * An address reduced for comparison: no scheme, no "www.", lower-case host,
 * no trailing slash, "…" with the spaces around it collapsed. Two spellings
 * of one address compare equal after this.
 */
export function normaliseAddress(address: string): string {
  let a = address.trim().replace(/\s*…\s*/g, '…');
  a = a.replace(/^https?:\/\//i, '').replace(/^www\./i, '');
  const slash = a.indexOf('/');
  const host = slash < 0 ? a : a.slice(0, slash);
  const rest = slash < 0 ? '' : a.slice(slash);
  a = host.toLowerCase() + rest;
  a = a.replace(/\/+$/, '');
  try {
    // Percent-encoded and literal non-ASCII paths are the same address.
    a = decodeURI(a);
  } catch {
    // Leave a malformed escape as written.
  }
  return a;
}

/** Where a citation array sits in a record: under `sources` or a key ending in `Sources` (statusSources). */
export const isCitationKey = (key: string): boolean => key === 'sources' || (key.endsWith('Sources') && /^[a-z][A-Za-z0-9]*Sources$/.test(key));

/**
 * Every citation array in a JSON value, with its path ("dwell.0.sources").
 * It walks every record of the data set at start-up (300k at 100k places), so
 * it keeps one path stack and copies it only where a citation array is found.
 */
export function citationArrays(value: unknown, at: string[] = [], out: { path: string[]; citations: unknown[] }[] = []) {
  const path = [...at];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        if (typeof v[i] !== 'object' || v[i] === null) continue; // a string or number holds no citation
        path.push(String(i));
        walk(v[i]);
        path.pop();
      }
    } else if (v !== null && typeof v === 'object') {
      for (const k in v) {
        if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
        const child = (v as Record<string, unknown>)[k];
        if (typeof child !== 'object' || child === null) continue;
        path.push(k);
        if (isCitationKey(k) && Array.isArray(child)) out.push({ path: [...path], citations: child });
        else walk(child);
        path.pop();
      }
    }
  };
  walk(value);
  return out;
}
