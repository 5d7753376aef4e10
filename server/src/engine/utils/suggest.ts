import { distance } from 'fastest-levenshtein';

/**
 * Candidates close enough to `input` to be what the user meant, nearest first.
 * Close enough: at most a third of the word's length in edits (at least 1, at most 3), ignoring case.
 */
export function suggestionsFor(input: string, candidates: Iterable<string>, limit = 3): string[] {
  const needle = input.toLowerCase();
  const budget = Math.min(3, Math.max(1, Math.floor(needle.length / 3)));
  const scored: Array<{ candidate: string; score: number }> = [];
  for (const candidate of candidates) {
    if (candidate === input) continue;
    const score = distance(needle, candidate.toLowerCase());
    if (score <= budget) scored.push({ candidate, score });
  }
  scored.sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate));
  return scored.slice(0, limit).map((s) => s.candidate);
}

export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  return suggestionsFor(input, candidates, 1)[0];
}

/**
 * True when the first of `suggestions` (as `suggestionsFor` returns them, nearest first) is strictly
 * nearer to `input` than the next one: then replacing the input with it is no guess.
 */
export function isClearNearest(input: string, suggestions: readonly string[]): boolean {
  if (suggestions.length === 0) return false;
  if (suggestions.length === 1) return true;
  const needle = input.toLowerCase();
  return distance(needle, suggestions[0].toLowerCase()) < distance(needle, suggestions[1].toLowerCase());
}
