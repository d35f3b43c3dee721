/**
 * Folding of place names for lookup and uniqueness checks: "Türkmenbaşy",
 * "TURKMENBASY" and "turkmenbasy" must meet, and so must "Spin-Boldak" and
 * "Spin Boldak".
 */

/** Combining marks left behind by NFKD (accents, cedillas, macrons, …). */
const COMBINING_MARKS = /\p{M}+/gu;
/**
 * Any run of characters that are not letters or digits collapses to one space.
 * Letters of every script count, so local-script names (Ташкент, کراچی) can be
 * looked up as they are written.
 */
const NON_ALNUM_RUN = /(?:[^\p{L}\p{N}]|\p{Lm})+/gu; // modifier letters (ʿ in ʿAbbās) are marks in effect

/**
 * NFKD, strip combining marks, map the dotless ı (Turkish, Azerbaijani) to i,
 * lowercase, every run of characters that are not letters or digits (any script) to one space, trim.
 */
export function foldName(s: string): string {
  // Plain ASCII (every id, most names): NFKD, the marks and ı change nothing, and the letters and digits
  // are a–z, 0–9 after lowercasing. The same result without Unicode normalisation, which is most of
  // the start-up cost of folding 100k places.
  if (PLAIN_ASCII.test(s)) return s.toLowerCase().replace(ASCII_NON_ALNUM_RUN, ' ').trim();
  return foldUnicode(s);
}

/** Printable ASCII and whitespace only. */
const PLAIN_ASCII = /^[\x09-\x0d\x20-\x7e]*$/;
const ASCII_NON_ALNUM_RUN = /[^a-z0-9]+/g;

/** The general rule (exported for the test that checks the ASCII shortcut against it). */
export function foldUnicode(s: string): string {
  return s
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(NON_ALNUM_RUN, ' ')
    .trim();
}
