/**
 * Very large inputs: a 5 MB article and a 200 KB single line are parsed completely, with no
 * runaway headline. Their speed is measured by `npm run bench`, not asserted here.
 */
import { describe, expect, test } from 'vitest';
import { parseArticle } from '../../../src/core/ingest/parse.ts';
import type { ParsedArticle } from '../../../src/core/model/schema.ts';

const asArticle = (result: ParsedArticle | { rejected: string }): ParsedArticle => {
  if ('rejected' in result) throw new Error(result.rejected);
  return result;
};

describe('parseArticle on very large input', () => {
  test('returns every paragraph of a 5 MB article under its headline', () => {
    const paragraphs = Array.from(
      { length: 31_000 },
      (_, index) =>
        `Paragraph ${index + 1} reports what the council said about item ${index + 1} of the budget, in full. Members debated it at length before a vote that ran late into the evening session.`,
    );
    const text = `Budget approved after a long debate\n\n${paragraphs.join('\n\n')}\n`;
    expect(text.length).toBeGreaterThan(5 * 1024 * 1024);
    const article = asArticle(parseArticle(text));
    expect(article.title).toBe('Budget approved after a long debate');
    expect(article.paragraphs).toHaveLength(31_000);
    expect(article.paragraphs[30_999]).toBe(paragraphs[30_999]);
  });

  test('returns a 200 KB single line as one paragraph with a derived title of at most 120 characters', () => {
    const line = 'word '.repeat(40_000).trim();
    const article = asArticle(parseArticle(line));
    expect(article.title.length).toBeLessThanOrEqual(120);
    expect(article.title.endsWith('word…')).toBe(true);
    expect(article.paragraphs).toEqual([line]);
    expect(article.warnings).toEqual(['No headline was found; the title was taken from the first sentence.']);
  });
});
