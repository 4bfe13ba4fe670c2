import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { describe, expect, test } from 'vitest';
import { feedItems, feedSpec, jsonFeed, opmlDocument, type FeedContext } from '../../src/site/feed.ts';
import { makeArticle } from '../support/articles.ts';

const CONTEXT: FeedContext = {
  articleUrl: (slug) => `https://example.org/news/articles/${slug}/`,
  bodyHtml: (slug) => (slug === 'undated' ? undefined : `<p id="p1">Body of ${slug} &amp; more.</p>`),
};

const ARTICLES = [
  makeArticle({ slug: 'undated', title: 'Undated' }),
  makeArticle({ slug: 'old', title: 'Old', date: '2025-07-01', source: 'Reuters', section: 'World' }),
  makeArticle({
    slug: 'new',
    title: 'New',
    date: '2025-07-11T22:00:00-04:00',
    authors: ['Jane Doe'],
    lang: 'fr',
  }),
];

describe('feedSpec', () => {
  test('keeps the newest articles, newest first, undated last, at most the limit', () => {
    const spec = feedSpec('topics/iran/', 'Dispatch — Iran', 'About Iran.', ARTICLES, 2);
    expect(spec.articles.map((article) => article.slug)).toEqual(['new', 'old']);
    expect(feedSpec('', 'Dispatch', 'All.', ARTICLES, 50).articles.map((a) => a.slug)).toEqual([
      'new',
      'old',
      'undated',
    ]);
  });
});

describe('feedItems', () => {
  const items = feedItems(feedSpec('', 'Dispatch', 'All.', ARTICLES, 50).articles, CONTEXT);

  test('lists the articles in the order given, with absolute links under the base path', () => {
    expect(items.map((item) => item.link)).toEqual([
      'https://example.org/news/articles/new/',
      'https://example.org/news/articles/old/',
      'https://example.org/news/articles/undated/',
    ]);
  });

  test('carries the full text when it is known, and the summary always', () => {
    expect(items[0]?.content).toBe('<p id="p1">Body of new &amp; more.</p>');
    expect(items[2]).not.toHaveProperty('content');
    expect(items[2]?.description).toBe('A paragraph.');
  });

  test('dates items by the day the source wrote and gives undated ones no date', () => {
    expect(items[0]?.pubDate?.toISOString()).toBe('2025-07-11T00:00:00.000Z');
    expect(items[2]).not.toHaveProperty('pubDate');
  });

  test('marks each item with its own language, which may differ from the feed’s', () => {
    expect(items.map((item) => item.customData)).toEqual([
      '<dc:language>fr</dc:language>',
      '<dc:language>en</dc:language>',
      '<dc:language>en</dc:language>',
    ]);
  });

  test('files an item under its source only when it has one', () => {
    expect(items[1]?.categories).toEqual(['Reuters']);
    expect(items[0]).not.toHaveProperty('categories');
  });
});

describe('jsonFeed', () => {
  const feed = jsonFeed(
    feedSpec('sections/world/', 'Dispatch — World', 'The newest articles in World.', ARTICLES, 50),
    {
      home: 'https://example.org/news/sections/world/',
      feed: 'https://example.org/news/sections/world/feed.json',
    },
    'en',
    CONTEXT,
  );

  test('has the fields JSON Feed 1.1 requires, and its own address', () => {
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Dispatch — World',
      home_page_url: 'https://example.org/news/sections/world/',
      feed_url: 'https://example.org/news/sections/world/feed.json',
      language: 'en',
    });
  });

  test('gives every item an id, a URL and content: the full text as HTML, else the summary as text', () => {
    expect(feed.items).toEqual([
      {
        id: 'https://example.org/news/articles/new/',
        url: 'https://example.org/news/articles/new/',
        title: 'New',
        content_html: '<p id="p1">Body of new &amp; more.</p>',
        summary: 'A paragraph.',
        date_published: '2025-07-11T00:00:00.000Z',
        language: 'fr',
        authors: [{ name: 'Jane Doe' }],
      },
      {
        id: 'https://example.org/news/articles/old/',
        url: 'https://example.org/news/articles/old/',
        title: 'Old',
        content_html: '<p id="p1">Body of old &amp; more.</p>',
        summary: 'A paragraph.',
        date_published: '2025-07-01T00:00:00.000Z',
        language: 'en',
        tags: ['World', 'Reuters'],
      },
      {
        id: 'https://example.org/news/articles/undated/',
        url: 'https://example.org/news/articles/undated/',
        title: 'Undated',
        content_text: 'A paragraph.',
        summary: 'A paragraph.',
        language: 'en',
      },
    ]);
  });
});

describe('opmlDocument', () => {
  const opml = opmlDocument('Dispatch — every feed', [
    { title: 'Dispatch', rss: 'https://example.org/rss.xml', page: 'https://example.org/' },
    {
      title: 'Dispatch — AT&T "<Labs>"',
      rss: 'https://example.org/sources/at-and-t/rss.xml',
      page: 'https://example.org/sources/at-and-t/',
    },
  ]);

  test('is well-formed OPML 2.0 listing each feed with its page, names escaped', () => {
    expect(SyntaxValidator.validate(opml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, htmlEntities: true }).parse(opml) as {
      opml: { '@_version': string; body: { outline: Record<string, string>[] } };
    };
    expect(parsed.opml['@_version']).toBe('2.0');
    expect(
      parsed.opml.body.outline.map((outline) => [outline['@_title'], outline['@_xmlUrl'], outline['@_type']]),
    ).toEqual([
      ['Dispatch', 'https://example.org/rss.xml', 'rss'],
      ['Dispatch — AT&T "<Labs>"', 'https://example.org/sources/at-and-t/rss.xml', 'rss'],
    ]);
    expect(opml).toContain('title="Dispatch — AT&amp;T &quot;&lt;Labs&gt;&quot;"');
  });
});
