import { describe, expect, test } from 'vitest';
import { feedItems } from '../../src/site/feed.ts';
import { makeArticle } from '../support/articles.ts';

describe('feedItems', () => {
  const items = feedItems(
    [
      makeArticle({ slug: 'undated', title: 'Undated' }),
      makeArticle({ slug: 'old', title: 'Old', date: '2025-07-01', source: 'Reuters' }),
      makeArticle({ slug: 'new', title: 'New', date: '2025-07-11T22:00:00-04:00' }),
    ],
    (slug) => `https://example.org/news/articles/${slug}/`,
  );

  test('lists every article newest first with absolute links under the base path', () => {
    expect(items.map((item) => item.link)).toEqual([
      'https://example.org/news/articles/new/',
      'https://example.org/news/articles/old/',
      'https://example.org/news/articles/undated/',
    ]);
  });

  test('dates items by the day the source wrote and gives undated ones no date', () => {
    expect(items[0]?.pubDate?.toISOString()).toBe('2025-07-11T00:00:00.000Z');
    expect(items[2]).not.toHaveProperty('pubDate');
  });

  test('files an item under its source only when it has one', () => {
    expect(items[1]?.categories).toEqual(['Reuters']);
    expect(items[0]).not.toHaveProperty('categories');
  });
});
