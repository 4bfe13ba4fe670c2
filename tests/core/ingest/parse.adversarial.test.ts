/**
 * Hostile files (issue 13, findings 1 and 2, parser side): every adversarial class of
 * `tests/support/adversarial.ts` at 1 MB is decoded and parsed — what the pipeline does for each
 * file — in well under 10 s, to an article with a title and its text. The limit is coarse on
 * purpose: linear parsing takes tens of milliseconds, the quadratic patterns this guards against
 * took hours at this size. `bench/adversarial.ts` measures the growth from 100 KB to 1 MB.
 */
import { describe, expect, test } from 'vitest';
import { decodeText } from '../../../src/core/ingest/decode.ts';
import { parseArticle } from '../../../src/core/ingest/parse.ts';
import type { ParsedArticle } from '../../../src/core/model/schema.ts';
import { MAX_TITLE_LENGTH } from '../../../src/core/ingest/title.ts';
import { trimTrailing } from '../../../src/core/text/text.ts';
import { ADVERSARIAL_CLASSES, repeatTo } from '../../support/adversarial.ts';

const ONE_MB = 1024 * 1024;
const LIMIT_MS = 10_000;
const HEADLINE = 'Council approves the new budget after a long debate';
const PROSE =
  'The council met on Tuesday and approved the budget after a debate that ran late into the evening.';
const encoder = new TextEncoder();

/** Decodes and parses like `readArticleFile` (src/core/read-file.ts), and times it. */
function timedParse(text: string): { result: ParsedArticle | { rejected: string }; ms: number } {
  const bytes = encoder.encode(text);
  const start = performance.now();
  const result = parseArticle(decodeText(bytes).text);
  return { result, ms: performance.now() - start };
}

function asArticle(result: ParsedArticle | { rejected: string }): ParsedArticle {
  if ('rejected' in result) throw new Error(`rejected: ${result.rejected}`);
  return result;
}

const letterCount = (text: string): number => text.replace(/[^\p{L}\p{N}]/gu, '').length;

/** Everything the article shows or records as removed. */
function keptText(article: ParsedArticle): string {
  const removed = article.edits.flatMap((edit) => edit.removed);
  return [article.title, article.dek ?? '', article.signoff ?? '', ...article.paragraphs, ...removed].join(
    '\n',
  );
}

describe('each adversarial class at 1 MB', () => {
  test.each(ADVERSARIAL_CLASSES.map((item) => [item.name, item] as const))(
    '%s: parses in under 10 s to an article with a title and its text',
    (_name, item) => {
      const text = item.make(ONE_MB);
      const { result, ms } = timedParse(text);
      expect(ms).toBeLessThan(LIMIT_MS);
      const article = asArticle(result);
      expect(article.title.trim()).not.toBe('');
      expect(article.title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
      expect(article.paragraphs.length).toBeGreaterThan(0);
      // Nothing disappears: the letters of the file are shown, or recorded as removed repeats.
      if (!item.mostlyMetadata)
        expect(letterCount(keptText(article))).toBeGreaterThanOrEqual(0.9 * letterCount(text));
    },
  );
});

describe('the findings of issue 13 on the parser', () => {
  test('a body of 200,000 short lines in one block parses, each line a paragraph (Math.max(...lengths) overflowed the stack)', () => {
    const lines = Array.from({ length: 200_000 }, (_, index) => `Item ${index} noted.`);
    const article = asArticle(timedParse(`${HEADLINE}\n\n${lines.join('\n')}\n`).result);
    expect(article.title).toBe(HEADLINE);
    expect(article.paragraphs).toHaveLength(200_000);
    expect(article.paragraphs.at(-1)).toBe('Item 199999 noted.');
  });

  test('a 1 MB first line of dots with a letter inside is text, not a header or a headline', () => {
    const dots = `${'.'.repeat(ONE_MB / 2)}x${'.'.repeat(ONE_MB / 2)}`;
    const { result, ms } = timedParse(`${dots}\n${HEADLINE}\n\n${PROSE}\n`);
    expect(ms).toBeLessThan(LIMIT_MS);
    const article = asArticle(result);
    expect(article.authors).toEqual([]);
    expect(article.paragraphs.some((paragraph) => paragraph.includes('x'))).toBe(true);
  });

  test('a 1 MB dotted line under the headline is kept as text under that headline', () => {
    const dots = `${'.'.repeat(ONE_MB / 2)}x${'.'.repeat(ONE_MB / 2)}`;
    const { result, ms } = timedParse(`${HEADLINE}\n${dots}\n\n${PROSE}\n`);
    expect(ms).toBeLessThan(LIMIT_MS);
    const article = asArticle(result);
    expect(article.title).toBe(HEADLINE);
    expect(article.paragraphs).toContain(PROSE);
    expect(article.edits.filter((edit) => edit.kind === 'repeated-title')).toEqual([]);
  });

  test('a 1 MB paragraph of "a gets an opening quote before every a, as smartquotes gives it', () => {
    const count = Math.ceil(ONE_MB / 3);
    const { result, ms } = timedParse(`${HEADLINE}\n\n${PROSE}\n\n${'"a '.repeat(count)}\n`);
    expect(ms).toBeLessThan(LIMIT_MS);
    expect(asArticle(result).paragraphs.at(-1)).toBe('“a '.repeat(count).trim());
  });

  test('a 1 MB token of capitals, hyphens and apostrophes parses, its quotes made typographic', () => {
    const token = repeatTo("Aa-'Bb", ONE_MB);
    const { result, ms } = timedParse(`${HEADLINE}\n\n${PROSE}\n\n${token}\n`);
    expect(ms).toBeLessThan(LIMIT_MS);
    const paragraph = asArticle(result).paragraphs.at(-1) ?? '';
    // Every straight quote became a typographic one, and nothing else changed.
    expect(paragraph).not.toContain("'");
    expect(paragraph.replace(/[‘’]/g, "'")).toBe(token);
  });

  test('an all-caps headline over a 1 MB paragraph takes the casing the paragraph uses', () => {
    const body = repeatTo('Then the Council met and the Budget rose. ', ONE_MB).trim();
    const { result, ms } = timedParse(`COUNCIL APPROVES THE NEW BUDGET\n\n${body}\n`);
    expect(ms).toBeLessThan(LIMIT_MS);
    expect(asArticle(result).title).toBe('Council Approves the New Budget');
  });

  test('header lines stop after a dozen: a thousand more date lines are kept as text, not dropped', () => {
    const text = `${'Published: 11 July 2025\n'.repeat(1000)}${HEADLINE}\n\n${PROSE}\n`;
    const article = asArticle(timedParse(text).result);
    expect(article.date).toBe('2025-07-11');
    expect(keptText(article)).toContain('Published: 11 July 2025');
  });

  test('front matter over 64 KB is ignored with a warning instead of parsed', () => {
    const keys = Array.from({ length: 10_000 }, (_, index) => `key${index}: value`).join('\n');
    const article = asArticle(timedParse(`---\ntitle: From front matter\n${keys}\n---\n${PROSE}\n`).result);
    expect(article.title).not.toBe('From front matter');
    expect(article.warnings).toContain('The front matter is longer than 64 KB and was ignored.');
  });
});

describe('trimTrailing', () => {
  test('removes only the trailing run of the given characters', () => {
    expect(trimTrailing('Jane Doe. . ', /[.\s]/u)).toBe('Jane Doe');
    expect(trimTrailing('...x...', /[.\s]/u)).toBe('...x');
    expect(trimTrailing('...', /[.\s]/u)).toBe('');
    expect(trimTrailing('Jane', /[.\s]/u)).toBe('Jane');
  });
});
