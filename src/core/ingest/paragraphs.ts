/**
 * Lines → paragraphs. Files separate paragraphs by blank lines, by single newlines, or not at
 * all (hard-wrapped text broken at ~70–80 columns); this module tells those apart.
 */
import { endsSentence } from '../text/text.ts';

/** A non-blank line of a file. */
export interface Line {
  /** The line's text (trimmed by normalisation). */
  text: string;
  /** 1-based line number in the file. */
  line: number;
  /** Index of its block: a run of non-blank lines between blank lines, counted from 0. */
  block: number;
}

/**
 * Splits normalised text into its non-blank lines, each with its line number and block. One
 * pass and one object per line: a file of hundreds of thousands of one-line paragraphs must
 * not also build an object and an array per block.
 *
 * @param text - normalised text (LF line endings, trimmed lines)
 */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let block = -1;
  let blank = true;
  let number = 1;
  let start = 0;
  while (start < text.length) {
    // Blank lines are stepped over one code at a time: a search per blank line cost 5× as much
    // in a file of hundreds of thousands of them.
    while (text.charCodeAt(start) === 0x0a) {
      start += 1;
      number += 1;
      blank = true;
    }
    if (start >= text.length) break;
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    if (blank) block += 1;
    blank = false;
    lines.push({ text: text.slice(start, stop), line: number, block });
    start = stop + 1;
    number += 1;
  }
  return lines;
}

/**
 * Turns the lines of one block into paragraphs: a hard-wrapped block becomes one paragraph,
 * otherwise each line is its own paragraph.
 *
 * @param lines - the lines of one block
 */
export function blockParagraphs(lines: string[]): string[] {
  return isHardWrapped(lines) ? [lines.join(' ').replace(/(\p{L})- (\p{Ll})/gu, '$1-$2')] : lines;
}

/** Typewriters and mail programs wrap at 60–80 columns: a shorter line (not the last) ended a paragraph. */
export const MIN_WRAPPED_LINE = 35;

/**
 * A block is hard-wrapped when its lines (all but the last) are of similar, typewriter-like
 * width and most of them stop mid-sentence. One-paragraph-per-line text has lines of very
 * different lengths that end with full stops.
 */
export function isHardWrapped(lines: string[]): boolean {
  if (lines.length < 2) return false;
  const body = lines.slice(0, -1);
  // A loop, not Math.max(...lengths): spreading 200,000 lengths overflows the call stack.
  if (lines.some((line) => line.length > 100)) return false;
  if (body.some((line) => line.length < MIN_WRAPPED_LINE)) return false;
  const midSentence = body.filter((line) => !endsSentence(line)).length;
  return midSentence / body.length >= 0.5;
}
