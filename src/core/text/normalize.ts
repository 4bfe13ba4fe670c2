/**
 * Text normalisation that never changes a word: line endings, invisible characters, Unicode
 * composition, and typographic quotes.
 */
import { typographicQuotes } from './quotes.ts';

// Zero-width space, word joiner, soft hyphen and a stray BOM: invisible, and they break both
// duplicate detection and search. The zero-width joiner and non-joiner stay: Persian, Hindi and
// other scripts need them to shape words, and emoji sequences (👩‍💻) are built with the joiner.
const INVISIBLE = /[\u200B\u2060\u00AD\uFEFF]/g;
// No-break and other fixed-width spaces become plain spaces, as do the other characters
// String.prototype.trim treats as white space within a line.
const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t\v\f]/g;
// After runs of spaces are collapsed, a line starts or ends with at most one space: matched
// without backtracking, unlike a trim of a run at the end of each line.
const LINE_EDGE_SPACE = /^ | $/gm;
// ASCII but the backtick, which comparisonKey folds into an apostrophe.
const PLAIN_ASCII = /^[^`\u0080-\uffff]*$/;
// What stops plain ASCII from being its own comparison key: capitals, or whitespace other than
// single spaces between words.
const NOT_A_KEY = /[A-Z\t\n\v\f\r]| {2}|^ | $/;

/**
 * Normalises whitespace and Unicode form of a decoded file: CRLF and CR become LF, no-break and
 * zero-width characters are removed or made plain, lines are trimmed, the text is NFC.
 *
 * @param text - decoded file content
 */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(INVISIBLE, '')
    .replace(ODD_SPACES, ' ')
    .normalize('NFC')
    .replace(/ {2,}/g, ' ')
    .replace(LINE_EDGE_SPACE, '');
}

/**
 * Turns straight quotes and apostrophes into typographic ones (’ “ ” ‘) by the rules of
 * `smartquotes`, in linear time (see `quotes.ts`). Only quote characters change: no word is
 * added, dropped or altered, and no missing punctuation is invented.
 *
 * @param text - one paragraph, title or line
 */
export function smartenQuotes(text: string): string {
  if (!/["']/.test(text)) return text;
  return typographicQuotes(text);
}

/**
 * A comparison key for "is this the same text?": case, quote style, dashes and whitespace are
 * ignored, so a repeated paragraph is found even when one copy has curly quotes.
 *
 * @param text - any text
 */
export function comparisonKey(text: string): string {
  // Plain ASCII needs neither compatibility normalisation nor quote and dash folding; skipping
  // them matters for files of hundreds of thousands of short paragraphs.
  if (PLAIN_ASCII.test(text)) {
    // Already a key (lower case, single inner spaces): returned as it is, no new string.
    return NOT_A_KEY.test(text) ? text.toLowerCase().replace(/\s+/g, ' ').trim() : text;
  }
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’‛′`´]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Typographic quotes (see {@link smartenQuotes}), dashes and ellipses, as typesetters write
 * what a typewriter could not: `--` or `---` becomes an em dash (—), a hyphen standing alone
 * between words (`word - word`) an en dash (–), three dots an ellipsis (…). Hyphens inside
 * words, numbers and dates (`2025-07-11`) and longer runs (`-----`) stay as written; no word
 * changes.
 *
 * @param text - one paragraph, title or line
 */
export function smartenPunctuation(text: string): string {
  return smartenQuotes(text)
    .replace(/(?<!-)-{2,3}(?!-)/g, '—')
    .replace(/(?<=\S) - (?=\S)/g, ' – ')
    .replace(/(?<!\.)\.\.\.(?!\.)/g, '…');
}
