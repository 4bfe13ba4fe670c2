import { describe, expect, test } from 'vitest';
import { articleToHtml } from '../../src/site/article-html.ts';

/** Decodes the character references an HTML serialiser may use in text, to get the text back. */
function decodeHtmlText(html: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return html.replace(
    /&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));/gi,
    (reference, hex?: string, dec?: string, name?: string) => {
      if (hex !== undefined) return String.fromCodePoint(Number.parseInt(hex, 16));
      if (dec !== undefined) return String.fromCodePoint(Number.parseInt(dec, 10));
      return named[name ?? ''] ?? reference;
    },
  );
}

const HOSTILE = [
  '<script>alert(1)</script>',
  'Fish & chips &amp; peas',
  'A <b>bold</b> claim',
  'An *emphatic* and **strong** _word_',
  'Click [here](javascript:alert(1)) now',
  '<img src=x onerror=alert(1)>',
  '<!-- comment --> and ]]> and </p><p>',
  '# Not a heading',
  '> not a quote',
  '`not code`',
];

describe('articleToHtml', () => {
  test('returns one <p> with ids p1, p2, p3 in order when given three paragraphs', () => {
    expect(articleToHtml(['First paragraph.', 'Second paragraph.', 'Third paragraph.'])).toBe(
      '<p id="p1">First paragraph.</p>\n<p id="p2">Second paragraph.</p>\n<p id="p3">Third paragraph.</p>',
    );
  });

  test('returns a single <p id="p1"> when given one paragraph', () => {
    expect(articleToHtml(['Only one.'])).toBe('<p id="p1">Only one.</p>');
  });

  test('returns an empty string when given no paragraphs', () => {
    expect(articleToHtml([])).toBe('');
  });

  test.each(HOSTILE)('returns %j as escaped literal text, not as markup', (text) => {
    const html = articleToHtml([text]);
    const match = /^<p id="p1">([^<]*)<\/p>$/.exec(html);
    expect(match).not.toBeNull();
    expect(decodeHtmlText(match?.[1] ?? '')).toBe(text);
  });

  test('returns no element other than the paragraphs when every paragraph is hostile', () => {
    const html = articleToHtml(HOSTILE);
    expect(html).not.toMatch(/<(?:script|b|em|strong|a|img|h1|blockquote|code)[\s>]/i);
    expect(html).not.toContain('<!--');
    expect(html.match(/</g)).toHaveLength(2 * HOSTILE.length);
    expect([...html.matchAll(/<p id="(p\d+)">/g)].map((m) => m[1])).toStrictEqual([
      'p1',
      'p2',
      'p3',
      'p4',
      'p5',
      'p6',
      'p7',
      'p8',
      'p9',
      'p10',
    ]);
  });

  test('returns an ampersand escaped when the text contains one', () => {
    const html = articleToHtml(['Fish & chips']);
    expect(html).not.toContain('Fish & chips');
    expect(decodeHtmlText(html)).toBe('<p id="p1">Fish & chips</p>');
  });

  test('returns typographic and non-Latin characters unchanged when the text contains them', () => {
    expect(articleToHtml(['“Café” — Zürich, 東京'])).toBe('<p id="p1">“Café” — Zürich, 東京</p>');
  });
});
