/**
 * Folding of place names for lookup and uniqueness checks: "Türkmenbaşy",
 * "TURKMENBASY" and "turkmenbasy" must meet, and so must "Spin-Boldak" and
 * "Spin Boldak".
 */

/** Combining marks left behind by NFKD (accents, cedillas, macrons, …). */
const COMBINING_MARKS = /\p{M}+/gu;
/**
 * Any run of characters that are not letters or digits collapses to one space.
 * Letters of every script count (Алматы, Ташкент, 乌鲁木齐 are names too); modifier
 * letters such as ʿ and ʻ (Bandar-e ʿAbbās, Fargʻona) do not, they separate.
 */
const NON_ALNUM_RUN = /[^\p{Ll}\p{Lu}\p{Lt}\p{Lo}\p{Nd}]+/gu;

/**
 * NFKD, strip combining marks, map the dotless ı (Turkish, Azerbaijani) to i,
 * lowercase, every run of characters that are not letters or digits to one
 * space, trim. Latin letters end up as a-z; other scripts keep their letters
 * (lowercased, marks stripped: "Й" folds like "и").
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
