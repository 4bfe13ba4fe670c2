/**
 * Titles: recognising a headline line, and showing an ALL-CAPS headline in title case with
 * names and acronyms cased as the article body writes them.
 */
import { titleCase } from 'title-case';
import { countSentences, isAllCaps, trimTrailing } from '../text/text.ts';
import { comparisonKey } from '../text/normalize.ts';

/** A headline is never longer than this; longer lines are paragraphs. */
export const MAX_TITLE_LENGTH = 200;
const MAX_TITLE_WORDS = 30;

/**
 * True when a line reads like a headline: short, one phrase, not ending like a finished
 * sentence — unless it is in capitals, where a closing full stop is common in wire copy.
 *
 * @param line - one trimmed line
 */
export function isTitleLike(line: string): boolean {
  if (line.length === 0 || line.length > MAX_TITLE_LENGTH) return false;
  if (line.split(/\s+/).length > MAX_TITLE_WORDS) return false;
  if (!/\p{L}/u.test(line)) return false;
  if (/[:;,]$/.test(line)) return false;
  if (countSentences(line) > 1) return false;
  // A closing full stop marks a sentence, not a headline; an ellipsis ("Rivals of the £400 Apple...") does not.
  if (/(?<![.])[.]["”’]?$/u.test(line) && !isAllCaps(line)) return false;
  return true;
}

/** Characters of spacing and trailing dots a repeated title may carry beyond twice its length. */
const MAX_REPEAT_SLACK = 64;

/**
 * True when `candidate` repeats `title`: the same words after normalising case, quotes and
 * whitespace, allowing a trailing full stop.
 *
 * @param candidate - a line that follows the title
 * @param title - the title line
 */
export function repeatsTitle(candidate: string, title: string): boolean {
  // A repeat is the title again, perhaps with a full stop or odd spacing: a line many times
  // longer is not one, and normalising a megabyte line to find that out costs a full copy.
  if (candidate.length > 2 * title.length + MAX_REPEAT_SLACK) return false;
  const strip = (text: string): string => trimTrailing(comparisonKey(text), /[.\s]/u);
  return strip(candidate) === strip(title);
}

/**
 * The title as it should be shown: no trailing full stop, and an ALL-CAPS title converted to
 * title case, where each word takes the casing the body gives it mid-sentence ("Taliban",
 * "UN", "McDonald's") and other words follow standard title-case rules.
 *
 * @param title - the title line as found in the file
 * @param bodyText - the article's paragraphs joined by newlines, used to learn word casing
 */
export function displayTitle(title: string, bodyText: string): string {
  const trimmed = title.trim().replace(/(?<!\.\.)\.$/u, '');
  if (!isAllCaps(trimmed)) return trimmed;
  const casing = learnCasing(bodyText);
  const cased = titleCase(trimmed.toLowerCase());
  return cased.replace(/[\p{L}\p{N}’']+/gu, (word, offset: number) => {
    const known = casing.get(word.toLowerCase());
    if (!known) return word;
    // Keep the capital that title case gives the first word even when the body writes "iPhone".
    return offset === 0 ? known.charAt(0).toUpperCase() + known.slice(1) : known;
  });
}

/**
 * Learns, from text written in normal case, the casing of words that are proper nouns or
 * acronyms: those written with a capital letter mid-sentence more often than in lower case.
 */
function learnCasing(text: string): Map<string, string> {
  const forms = new Map<string, Map<string, number>>();
  const pattern = /[\p{L}\p{N}][\p{L}\p{N}’']*/gu;
  for (const line of text.split('\n')) {
    if (isAllCaps(line)) continue;
    // Only the gap since the previous word is looked at, so the work stays linear in the line
    // rather than relying on the engine to make slicing and testing the whole prefix cheap.
    let previousEnd = 0;
    for (const match of line.matchAll(pattern)) {
      const gap = line.slice(previousEnd, match.index).trimEnd();
      const atLineStart = gap === '' && previousEnd === 0;
      previousEnd = match.index + match[0].length;
      // A capital after a sentence end or at the start of a line says nothing about the word.
      if (atLineStart || /[.!?:"“‘(]$/u.test(gap)) continue;
      const word = match[0];
      const key = word.toLowerCase();
      const counts = forms.get(key) ?? new Map<string, number>();
      counts.set(word, (counts.get(word) ?? 0) + 1);
      forms.set(key, counts);
    }
  }
  const casing = new Map<string, string>();
  for (const [key, counts] of forms) {
    const lowerCount = counts.get(key) ?? 0;
    let best: [string, number] | undefined;
    for (const [form, count] of counts) {
      if (form !== key && (!best || count > best[1])) best = [form, count];
    }
    if (best && best[1] > lowerCount) casing.set(key, best[0]);
  }
  return casing;
}
