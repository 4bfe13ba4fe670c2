import { describe, expect, test } from 'vitest';
import { breadcrumbJsonLd, jsonForScript, newsArticleJsonLd } from '../../src/site/json-ld.ts';
import type { Article } from '../../src/core/model/schema.ts';

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

  test('returns DEL, C1 controls, noncharacters and bidi controls as \\u escapes', () => {
    expect(jsonForScript('a\u007fb\u0085c\ufdd0d\u202ee\u2066f')).toBe(
      '"a\\u007fb\\u0085c\\ufdd0d\\u202ee\\u2066f"',
    );
    // U+1FFFE, a noncharacter outside the BMP: both halves of its surrogate pair.
    expect(jsonForScript('x\u{1fffe}y')).toBe('"x\\ud83f\\udffey"');
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
  lang: 'en',
  tags: [],
  alsoPublishedAs: [],
  topics: [],
  related: [],
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
      inLanguage: 'en',
      wordCount: 12,
    });
  });

  test('gives the article’s own language as inLanguage', () => {
    expect(newsArticleJsonLd({ ...ARTICLE, lang: 'ar' }, CONTEXT)['inLanguage']).toBe('ar');
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

  test('names the section as articleSection, and none when the article has no section', () => {
    expect(newsArticleJsonLd({ ...BARE, section: 'Business' }, CONTEXT)['articleSection']).toBe('Business');
    expect(Object.keys(newsArticleJsonLd(BARE, CONTEXT))).not.toContain('articleSection');
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

describe('breadcrumbJsonLd', () => {
  test('numbers the levels from the home page down to the page', () => {
    expect(
      breadcrumbJsonLd([
        { name: 'Dispatch', url: 'https://example.org/' },
        { name: 'Story', url: 'https://example.org/articles/story/' },
      ]),
    ).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Dispatch', item: 'https://example.org/' },
        { '@type': 'ListItem', position: 2, name: 'Story', item: 'https://example.org/articles/story/' },
      ],
    });
  });
});
