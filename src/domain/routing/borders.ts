/**
 * The border count, written once: a leg whose two ends lie in different
 * countries crosses one border; a route crosses as many borders as its
 * sequence of places changes country. Crossing records play no part (a ferry
 * or sea leg between countries has none and still crosses a border), so the
 * count is what the fewest-borders objective minimises and what every answer
 * reports as "borders".
 */

/** Borders crossed by one leg from a place in `fromCountry` to one in `toCountry`: 0 or 1. */
export function legBorders(fromCountry: string, toCountry: string): 0 | 1 {
  return fromCountry === toCountry ? 0 : 1;
}

/** Borders crossed along places in travel order, given by their countries (repeats next to each other cross none). */
export function bordersAlong(countries: readonly string[]): number {
  let n = 0;
  for (let i = 1; i < countries.length; i++) n += legBorders(countries[i - 1]!, countries[i]!);
  return n;
}
