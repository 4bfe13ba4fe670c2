/**
 * Repeated text inside one article: scrapers and CMS exports often paste a block of paragraphs
 * twice. We drop the later copy and record what was dropped, so nothing disappears silently.
 */
import { countWords } from '../text/text.ts';
import { comparisonKey } from '../text/normalize.ts';

export interface RepeatRemoval {
  /** Index (in the input list) of the first removed paragraph. */
  start: number;
  /** The removed paragraphs, as they were. */
  removed: string[];
}

/**
 * A paragraph repeated on its own is only removed when it is long enough that the repetition
 * cannot be deliberate; a short line such as "Yes." or "Watch:" may legitimately recur.
 */
const MIN_WORDS_FOR_SINGLE_REPEAT = 8;

/**
 * Removes later copies of paragraphs that already appeared. A run of two or more consecutive
 * repeated paragraphs is removed whatever their length; a single repeated paragraph only when
 * it has at least eight words.
 *
 * @param paragraphs - the paragraphs in reading order
 * @returns the paragraphs kept, and each removed run
 */
export function removeRepeatedParagraphs(paragraphs: string[]): {
  kept: string[];
  removals: RepeatRemoval[];
} {
  // One pass, flags in a typed array: no array of keys or booleans beside a long list.
  const seen = new Set<string>();
  const repeated = new Uint8Array(paragraphs.length);
  paragraphs.forEach((paragraph, index) => {
    const key = comparisonKey(paragraph);
    if (seen.has(key)) repeated[index] = 1;
    else seen.add(key);
  });

  const kept: string[] = [];
  const removals: RepeatRemoval[] = [];
  let index = 0;
  while (index < paragraphs.length) {
    let end = index;
    while (end < paragraphs.length && repeated[end]) end += 1;
    const run = paragraphs.slice(index, end);
    const removable =
      run.length >= 2 || (run.length === 1 && countWords(run[0] ?? '') >= MIN_WORDS_FOR_SINGLE_REPEAT);
    if (run.length > 0 && removable) {
      removals.push({ start: index, removed: run });
      index = end;
    } else {
      kept.push(...run);
      if (end < paragraphs.length) kept.push(paragraphs[end] ?? '');
      index = end + 1;
    }
  }
  return { kept, removals };
}
