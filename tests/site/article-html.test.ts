import { describe, expect, test } from 'vitest';
import { articleToHtml } from '../../src/site/article-html.ts';
import { jsonForScript, newsArticleJsonLd } from '../../src/site/json-ld.ts';
import type { Article } from '../../src/core/model/schema.ts';

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

describe('jsonForScript', () => {
  test('returns "<", ">" and "&" as \\u escapes when a string contains them', () => {
    expect(jsonForScript({ headline: '</script><script>alert(1)</script>' })).toBe(
      '{"headline":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"}',
    );
    expect(jsonForScript('Fish & chips')).toBe('"Fish \\u0026 chips"');
  });

  test('returns U+2028 and U+2029 as \\u escapes when a string contains them', () => {
    expect(jsonForScript('a\u2028b\u2029c')).toBe('"a\\u2028b\\u2029c"');
  });

  test('returns plain JSON unchanged when nothing needs escaping', () => {
    expect(jsonForScript({ a: [1, 'two', null, true], 'b c': { d: 'é' } })).toBe(
      '{"a":[1,"two",null,true],"b c":{"d":"é"}}',
    );
  });

  test('returns JSON that parses back to the same value when strings hold hostile text', () => {
    const value = {
      '@context': 'https://schema.org',
      headline: '</script><!-- <script>alert("x")</script> -->',
      'key<&>': ['a\u2028b', 'c\u2029d', 'back\\slash \\u003c', 'tab\tnew\nline'],
      nested: { n: 42, f: 1.5, empty: '', yes: true, nothing: null, list: [[], {}] },
      emoji: '🗞️ & “quotes”',
    };
    expect(JSON.parse(jsonForScript(value))).toStrictEqual(value);
  });

  test('returns no raw <, >, &, U+2028 or U+2029 and no closing script tag when strings hold them', () => {
    const json = jsonForScript({
      a: '</script>',
      b: '</SCRIPT >',
      c: '<!--',
      d: '&lt;',
      e: '\u2028\u2029',
      'f</script>': 'x',
    });
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json.toLowerCase()).not.toContain('</script');
  });
});

/** An article without date and byline; tests add them where they need them. */
const BARE: Article = {
  title: 'Election night',
  dek: 'Polls closed at ten.',
  paragraphs: ['Voters queued for hours.', 'Counting began at once.'],
  description: 'Polls closed at ten.',
  slug: 'election-night',
  wordCount: 12,
  readingMinutes: 1,
  sourceFile: 'world/election.txt',
  edits: [],
  warnings: [],
  authors: [],
  tags: [],
  alsoPublishedAs: [],
  topics: [],
  story: 'election-night',
};
const CIC = { byline: 'CIC International Affairs', authors: ['CIC International Affairs'] };
const ARTICLE: Article = { ...BARE, date: '2025-07-11', ...CIC };

const CONTEXT = { url: 'https://news.example.org/news/articles/election-night/', siteName: 'Dispatch' };

describe('newsArticleJsonLd', () => {
  test('returns a NewsArticle with date and author when the article has a date and a byline', () => {
    expect(newsArticleJsonLd(ARTICLE, CONTEXT)).toStrictEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Election night',
      description: 'Polls closed at ten.',
      url: 'https://news.example.org/news/articles/election-night/',
      mainEntityOfPage: 'https://news.example.org/news/articles/election-night/',
      datePublished: '2025-07-11',
      author: [{ '@type': 'Organization', name: 'CIC International Affairs' }],
      publisher: { '@type': 'Organization', name: 'Dispatch' },
      wordCount: 12,
    });
  });

  test('returns people as Person, the outlet as sourceOrganization, updates and tags', () => {
    const jsonLd = newsArticleJsonLd(
      {
        ...BARE,
        byline: 'Jane Doe and Sam Roe',
        authors: ['Jane Doe', 'Sam Roe'],
        source: 'Reuters',
        updated: '2025-07-12',
        tags: ['Elections', 'Kabul'],
      },
      CONTEXT,
    );
    expect(jsonLd['author']).toStrictEqual([
      { '@type': 'Person', name: 'Jane Doe' },
      { '@type': 'Person', name: 'Sam Roe' },
    ]);
    expect(jsonLd['sourceOrganization']).toStrictEqual({ '@type': 'Organization', name: 'Reuters' });
    expect(jsonLd['dateModified']).toBe('2025-07-12');
    expect(jsonLd['keywords']).toStrictEqual(['Elections', 'Kabul']);
  });

  test('returns no datePublished when the article has no date', () => {
    const jsonLd = newsArticleJsonLd({ ...BARE, ...CIC }, CONTEXT);
    expect(Object.keys(jsonLd)).not.toContain('datePublished');
    expect(jsonLd['author']).toStrictEqual([{ '@type': 'Organization', name: 'CIC International Affairs' }]);
  });

  test('returns no author when the article has no byline', () => {
    const jsonLd = newsArticleJsonLd({ ...BARE, date: '2025-07-11' }, CONTEXT);
    expect(Object.keys(jsonLd)).not.toContain('author');
    expect(jsonLd['datePublished']).toBe('2025-07-11');
    expect(jsonLd['publisher']).toStrictEqual({ '@type': 'Organization', name: 'Dispatch' });
  });

  test('returns the timestamp as datePublished when the article date is a timestamp', () => {
    const jsonLd = newsArticleJsonLd({ ...ARTICLE, date: '2025-07-11T09:30:00+01:00' }, CONTEXT);
    expect(jsonLd['datePublished']).toBe('2025-07-11T09:30:00+01:00');
  });

  test('returns JSON safe for a script element when the headline holds a closing script tag', () => {
    const hostile = { ...ARTICLE, title: 'Breaking </script><script>alert(1)</script>' };
    const json = jsonForScript(newsArticleJsonLd(hostile, CONTEXT));
    expect(json).not.toMatch(/[<>&]/);
    expect((JSON.parse(json) as { headline: string }).headline).toBe(
      'Breaking </script><script>alert(1)</script>',
    );
  });
});
