/**
 * Folding of place names for lookup and uniqueness checks: "Türkmenbaşy",
 * "TURKMENBASY" and "turkmenbasy" must meet, and so must "Spin-Boldak" and
 * "Spin Boldak".
 */

/** Combining marks left behind by NFKD (accents, cedillas, macrons, …). */
const COMBINING_MARKS = /\p{M}+/gu;
/** Any run of characters outside a-z and 0-9 collapses to one space. */
const NON_ALNUM_RUN = /[^a-z0-9]+/g;

/**
 * NFKD, strip combining marks, map the dotless ı (Turkish, Azerbaijani) to i,
 * lowercase, every run of non [a-z0-9] to one space, trim.
 */
export function foldName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(NON_ALNUM_RUN, ' ')
    .trim();
}
