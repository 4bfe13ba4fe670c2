/**
 * Lines → paragraphs. Files separate paragraphs by blank lines, by single newlines, or not at
 * all (hard-wrapped text broken at ~70–80 columns); this module tells those apart.
 */
import { endsSentence } from '../text.ts';

/** A run of non-blank lines, with the 1-based line number of its first line. */
export interface Block {
  lines: string[];
  firstLine: number;
}

/**
 * Splits normalised text into blocks separated by blank lines.
 *
 * @param text - normalised text (LF line endings, trimmed lines)
 */
export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  text.split('\n').forEach((line, index) => {
    if (line === '') {
      current = undefined;
      return;
    }
    if (!current) {
      current = { lines: [], firstLine: index + 1 };
      blocks.push(current);
    }
    current.lines.push(line);
  });
  return blocks;
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
  if (body.some((line) => line.length < 35)) return false;
  const midSentence = body.filter((line) => !endsSentence(line)).length;
  return midSentence / body.length >= 0.5;
}
