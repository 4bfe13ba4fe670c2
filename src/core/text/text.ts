/** Small text measures shared by the ingestion stages. */

const WORD = /[\p{L}\p{N}][\p{L}\p{N}’'‐-]*/gu;
const NOT_LETTERS = /\P{L}+/gu;

/**
 * Counts words the way a reader would: runs of letters and digits, with inner apostrophes and
 * hyphens kept inside the word.
 *
 * @param text - any text
 */
export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/**
 * Shortens text to at most `max` characters, cutting at a word boundary and adding an ellipsis
 * when anything was cut. Text that fits is returned unchanged.
 *
 * @param text - the text to shorten
 * @param max - the maximum length in characters, ellipsis included
 */
export function truncateAtWord(text: string, max: number): string {
  const clean = text.trim();
  if (clean.length <= max) return clean;
  // Never half a surrogate pair: half an emoji is no text, and it makes XML ill-formed.
  const room = clean.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, '');
  // When the text continues with a space, the room ends on a whole word already.
  const endsOnWord = /\s/.test(clean.charAt(max - 1));
  const lastSpace = room.lastIndexOf(' ');
  // A single giant "word" (a URL, a run of characters) has no boundary: cut it hard.
  const cut = endsOnWord ? room : lastSpace > max / 2 ? room.slice(0, lastSpace) : room;
  return `${cut.replace(/[\s,;:–—-]+$/u, '')}…`;
}

/**
 * True when a line is written in capitals: at least three letters and no lower-case letter
 * outside short runs such as "McDONALD" or "iPHONE".
 *
 * @param text - one line
 */
export function isAllCaps(text: string): boolean {
  // One string of the letters, walked once: an array of every letter of a 1 MB paragraph kept
  // the garbage collector busy for longer than the rest of the parse.
  let letters = 0;
  let lower = 0;
  for (const letter of text.replace(NOT_LETTERS, '')) {
    letters += 1;
    if (letter !== letter.toUpperCase()) lower += 1;
  }
  if (letters < 3) return false;
  return lower / letters < 0.1;
}

/**
 * Counts the sentences in a line: a sentence ends at . ! ? (optionally followed by a closing
 * quote or bracket) followed by a space and an upper-case letter, digit or opening quote.
 * Abbreviations such as "U.S." or "Mr." followed by a name may over-count; callers use this only
 * for "one sentence or more", where that is harmless.
 *
 * @param text - one paragraph
 */
export function countSentences(text: string): number {
  const inner = text.match(/[.!?…]["”’)\]]?\s+(?=["“‘(]?[\p{Lu}\p{N}])/gu)?.length ?? 0;
  return inner + 1;
}

/** True when text ends like a finished sentence (closing quotes and brackets allowed). */
export function endsSentence(text: string): boolean {
  return /[.!?…]["”’)\]]*$/u.test(text.trim());
}

/**
 * Removes trailing characters that match `pattern` (a one-character class such as `/[.\s]/u`).
 * Linear, unlike `text.replace(/[.\s]+$/u, '')`, which backtracks from every character of a
 * long run that does not reach the end (a 100 KB line of dots and a letter took seconds).
 *
 * @param text - any text
 * @param pattern - matches one character that may be trimmed
 */
export function trimTrailing(text: string, pattern: RegExp): string {
  let end = text.length;
  while (end > 0 && pattern.test(text.charAt(end - 1))) end -= 1;
  return end === text.length ? text : text.slice(0, end);
}

/**
 * The most frequent of some spellings; on a tie the first in code-point order, so the choice
 * never depends on the order they were met in.
 *
 * @param counts - spelling → how often it was seen
 */
export function mostCommon(counts: ReadonlyMap<string, number>): string {
  let best: string | undefined;
  let bestCount = -1;
  for (const [spelling, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && spelling < best)) {
      best = spelling;
      bestCount = count;
    }
  }
  return best ?? '';
}

/** How often each text occurs in a list. */
export function tally(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) counts.set(text, (counts.get(text) ?? 0) + 1);
  return counts;
}

/** Code-point order, independent of the machine's locale: every stable tie-break uses it. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
