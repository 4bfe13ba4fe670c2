/** Recognisers for the parts around the body: standfirst (dek), sign-off, a derived title. */
import { countSentences, countWords, endsSentence, isAllCaps, truncateAtWord } from '../text/text.ts';

const DEK_MAX_WORDS = 30;
const DEK_MAX_CHARS = 220;
const DERIVED_TITLE_MAX = 120;

/**
 * A dek is one short sentence on the line directly under the headline, with the article
 * following it. The caller checks "directly under" (no blank line between).
 *
 * @param paragraphs - the paragraphs after the headline, the candidate first
 */
export function isDek(paragraphs: readonly { text: string }[]): boolean {
  const first = paragraphs[0]?.text;
  if (!first || paragraphs.length < 3) return false;
  return (
    countWords(first) <= DEK_MAX_WORDS &&
    first.length <= DEK_MAX_CHARS &&
    countSentences(first) === 1 &&
    !/[:;,]$/.test(first)
  );
}

/**
 * A sign-off is a short closing line that is not a sentence: "CIC PRESS TEAM", "— Reuters",
 * "Reporting by Jane Doe".
 *
 * @param text - the last paragraph
 */
export function isSignoff(text: string): boolean {
  if (text.length > 60 || countWords(text) > 6 || countWords(text) === 0) return false;
  if (/^[-–—]{1,2}\s*\S/u.test(text)) return true;
  if (/^(reporting|writing|editing|additional reporting) by\b/i.test(text)) return true;
  if (endsSentence(text)) return false;
  return isAllCaps(text);
}

/**
 * A title for a file without a headline: its first sentence, cut at a word boundary.
 *
 * @param paragraph - the first body paragraph
 */
export function deriveTitle(paragraph: string): string {
  const sentence = /^.+?[.!?](?=\s|$)/u.exec(paragraph)?.[0] ?? paragraph;
  const title = truncateAtWord(sentence.replace(/[.]$/, ''), DERIVED_TITLE_MAX);
  return /[\p{L}\p{N}]/u.test(title) ? title : truncateAtWord(paragraph, DERIVED_TITLE_MAX);
}
