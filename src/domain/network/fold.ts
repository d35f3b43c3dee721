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
  return s
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(NON_ALNUM_RUN, ' ')
    .trim();
}
