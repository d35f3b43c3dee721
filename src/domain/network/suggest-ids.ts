/**
 * "Did you mean" for ids typed into a URL (links, crossings, corridors): ids
 * within a few edits of what was typed, then ids containing it
 * ("mary" → "mary--saraghs"), best first.
 */
import { foldName } from './fold.js';
import { levenshtein } from './place-index.js';

/** Same bound as for place names: a third of the query's length, at least 1 edit. */
const maxDistance = (length: number): number => Math.max(1, Math.floor(length / 3));

/** Shorter fragments than this match too many ids to help. */
const MIN_SUBSTRING = 3;

export function suggestIds(ref: string, ids: Iterable<string>, limit = 5): string[] {
  // Ids are lowercase slugs: fold what was typed the same way ("Mary Saraghs" → "mary-saraghs").
  const q = foldName(ref).replaceAll(' ', '-');
  if (q === '' || limit <= 0) return [];
  const cap = maxDistance(q.length);
  const scored: { id: string; score: number }[] = [];
  for (const id of ids) {
    const d = levenshtein(q, id, cap);
    if (d <= cap) scored.push({ id, score: d });
    else if (q.length >= MIN_SUBSTRING && id.includes(q)) scored.push({ id, score: cap + 1 });
  }
  scored.sort((a, b) => a.score - b.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return scored.slice(0, limit).map((s) => s.id);
}
