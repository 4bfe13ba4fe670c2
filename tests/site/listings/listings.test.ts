import { describe, expect, test } from 'vitest';
import { buildArchive, formatMonth } from '../../../src/site/listings/archive.ts';
import { paginate } from '../../../src/site/listings/pagination.ts';
import { withSourceSlugs } from '../../../src/core/corpus/sources.ts';
import { sourceListings } from '../../../src/site/listings/source-listings.ts';
import { searchableTopics, topicListings, topicsByKind } from '../../../src/site/listings/topic-listings.ts';
import type { Topic } from '../../../src/core/model/schema.ts';
import { makeArticle } from '../../support/articles.ts';

const slugs = (items: readonly { slug: string }[]) => items.map((item) => item.slug);

describe('paginate', () => {
  test('splits 45 items into pages of 20, 20 and 5 with their positions', () => {
    const pages = paginate(
      Array.from({ length: 45 }, (_, index) => index),
      20,
    );
    expect(pages.map((page) => [page.number, page.count, page.start, page.items.length])).toEqual([
      [1, 3, 0, 20],
      [2, 3, 20, 20],
      [3, 3, 40, 5],
    ]);
    expect(pages[2]?.items).toEqual([40, 41, 42, 43, 44]);
  });

  test('gives an empty listing one empty page, so its address exists', () => {
    expect(paginate([], 10)).toEqual([{ number: 1, count: 1, items: [], start: 0 }]);
  });

  test('keeps exactly full pages without an empty last page', () => {
    expect(paginate([1, 2, 3, 4], 2).map((page) => page.items)).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  test('rejects a page size that is not a positive whole number', () => {
    expect(() => paginate([1], 0)).toThrow(RangeError);
    expect(() => paginate([1], 2.5)).toThrow(RangeError);
  });
});

describe('sourceListings', () => {
  // As the pipeline stores them: each article with its outlet's slug.
  const articles = withSourceSlugs([
    makeArticle({ slug: 'a', source: 'Reuters', date: '2025-07-01' }),
    makeArticle({ slug: 'b', source: 'reuters', date: '2025-07-03' }),
    makeArticle({ slug: 'c', source: 'Reuters', date: '2025-07-02' }),
    makeArticle({ slug: 'd', source: 'Al Jazeera' }),
    makeArticle({ slug: 'e' }),
  ]);

  test('groups spellings of one outlet, newest first, and names it by its most common spelling', () => {
    const [first, second] = sourceListings(articles);
    expect(first).toMatchObject({ name: 'Al Jazeera', slug: 'al-jazeera' });
    expect(second?.name).toBe('Reuters');
    expect(second?.slug).toBe('reuters');
    expect(slugs(second?.articles ?? [])).toEqual(['b', 'c', 'a']);
  });

  test('leaves articles without a source out rather than inventing one', () => {
    const listed = sourceListings(articles).flatMap((source) => slugs(source.articles));
    expect(listed).not.toContain('e');
    expect(listed).toHaveLength(4);
  });

  test('gives odd outlet names ASCII slugs that match the slug stored on the article', () => {
    const [article] = withSourceSlugs([makeArticle({ slug: 'x', source: 'Le Monde (Édition) | Paris' })]);
    const [listing] = sourceListings(article ? [article] : []);
    expect(listing?.slug).toBe('le-monde-edition-paris');
    expect(article?.sourceSlug).toBe('le-monde-edition-paris');
  });

  test('keeps the slugs Latin outlet names always had', () => {
    const names = ['BBC News', 'TechCrunch', 'Süddeutsche Zeitung', 'Yahoo! News', 'AT&T', 'Reuters'];
    const listed = sourceListings(
      withSourceSlugs(names.map((source, index) => makeArticle({ slug: `a${index}`, source }))),
    );
    expect(Object.fromEntries(listed.map((listing) => [listing.name, listing.slug]))).toEqual({
      'BBC News': 'bbc-news',
      TechCrunch: 'tech-crunch',
      'Süddeutsche Zeitung': 'sueddeutsche-zeitung',
      'Yahoo! News': 'yahoo-news',
      'AT&T': 'at-and-t',
      Reuters: 'reuters',
    });
  });
});

describe('sources whose names are not in Latin script (issue 13, finding 7)', () => {
  const xinhua = makeArticle({ slug: 'xinhua-report', source: '新华社' });
  const peoplesDaily = makeArticle({ slug: 'peoples-daily-report', source: '人民日报' });

  test('gives two Chinese outlets two pages, each listing only its own article', () => {
    const listed = sourceListings(withSourceSlugs([xinhua, peoplesDaily]));
    expect(listed.map((listing) => [listing.name, listing.slug, slugs(listing.articles)])).toEqual(
      expect.arrayContaining([
        ['新华社', 'xin-hua-she', ['xinhua-report']],
        ['人民日报', 'ren-min-ri-bao', ['peoples-daily-report']],
      ]),
    );
    expect(listed).toHaveLength(2);
  });

  test('links each article to its own outlet’s page', () => {
    const stored = withSourceSlugs([xinhua, peoplesDaily]);
    expect(stored.map((article) => [article.slug, article.sourceSlug])).toEqual([
      ['xinhua-report', 'xin-hua-she'],
      ['peoples-daily-report', 'ren-min-ri-bao'],
    ]);
  });

  test('romanizes Thai, Hebrew, Korean and Arabic outlet names', () => {
    const names = ['ไทยรัฐ', 'הארץ', '한국일보', 'الأهرام'];
    const listed = withSourceSlugs(names.map((source, index) => makeArticle({ slug: `a${index}`, source })));
    expect(listed.map((article) => article.sourceSlug)).toEqual([
      'aithyrath',
      'hrts',
      'han-gug-il-bo',
      'alahram',
    ]);
  });

  test('keeps outlets apart that romanize alike, whatever order the files come in', () => {
    // Simplified and traditional spellings, a hyphen, emoji-only names: distinct names, one base slug.
    const names = ['新华社', '新華社', 'BBC News', 'BBC-News', '📰', '🗞️', 'bbc  NEWS'];
    const articles = names.map((source, index) => makeArticle({ slug: `a${index}`, source }));
    const slugPairs = (list: typeof articles) =>
      withSourceSlugs(list).map((article) => [article.slug, article.sourceSlug] as const);
    const forward = slugPairs(articles);
    const backward = slugPairs([...articles].reverse());
    expect(new Map(backward)).toEqual(new Map(forward));
    const bySlug = new Map(forward);
    // "BBC News" and "bbc  NEWS" differ only in case and spacing: one outlet.
    expect(bySlug.get('a2')).toBe('bbc-news');
    expect(bySlug.get('a6')).toBe('bbc-news');
    const others = ['a0', 'a1', 'a3', 'a4', 'a5'].map((slug) => bySlug.get(slug));
    expect(new Set([...others, 'bbc-news']).size).toBe(6);
    for (const slug of others) expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(bySlug.get('a0')).toMatch(/^xin-hua-she(?:-[a-z0-9]{8})?$/);
    expect(bySlug.get('a1')).toMatch(/^xin-hua-she(?:-[a-z0-9]{8})?$/);
    expect(bySlug.get('a3')).toMatch(/^bbc-news-[a-z0-9]{8}$/);
    expect(bySlug.get('a4')).toMatch(/^source-[a-z0-9]{8}$/);
    expect(sourceListings(articles)).toHaveLength(6);
  });
});

describe('buildArchive', () => {
  const archive = buildArchive([
    makeArticle({ slug: 'jul-a', date: '2025-07-11' }),
    makeArticle({ slug: 'jul-b', date: '2025-07-30T23:30:00-05:00' }),
    makeArticle({ slug: 'jun', date: '2025-06-02' }),
    makeArticle({ slug: 'old', date: '2023-12-31' }),
    makeArticle({ slug: 'none' }),
  ]);

  test('orders years and months newest first, by the month the source wrote', () => {
    expect(
      archive.years.map((year) => [year.year, year.total, year.months.map((month) => month.path)]),
    ).toEqual([
      [2025, 3, ['2025/07', '2025/06']],
      [2023, 1, ['2023/12']],
    ]);
    // 30 July at 23:30 in UTC-5 is still July: the written day is never shifted.
    expect(slugs(archive.years[0]?.months[0]?.articles ?? [])).toEqual(['jul-b', 'jul-a']);
  });

  test('keeps undated articles in the archive on their own', () => {
    expect(slugs(archive.undated)).toEqual(['none']);
  });

  test('names months in words', () => {
    expect(formatMonth(2025, 7)).toBe('July 2025');
    expect(formatMonth(2023, 12)).toBe('December 2023');
  });
});

describe('topicListings', () => {
  const kabul: Topic = { name: 'Kabul', slug: 'kabul', kind: 'place' };
  const taliban: Topic = { name: 'Taliban', slug: 'taliban', kind: 'organisation' };
  const putin: Topic = { name: 'Vladimir Putin', slug: 'vladimir-putin', kind: 'person' };
  const listings = topicListings([
    makeArticle({ slug: 'a', date: '2025-07-01', topics: [kabul, taliban] }),
    makeArticle({ slug: 'b', date: '2025-07-05', topics: [taliban] }),
    makeArticle({ slug: 'c', topics: [putin, taliban] }),
  ]);

  test('lists the most covered topic first, each with its articles newest first', () => {
    expect(listings.map((listing) => [listing.topic.slug, slugs(listing.articles)])).toEqual([
      ['taliban', ['b', 'a', 'c']],
      ['kabul', ['a']],
      ['vladimir-putin', ['c']],
    ]);
  });

  test('offers as search filters only topics that more than one article has', () => {
    const articles = [
      makeArticle({ slug: 'a', topics: [kabul, taliban] }),
      makeArticle({ slug: 'b', topics: [taliban] }),
    ];
    expect([...searchableTopics(articles)]).toEqual(['taliban']);
  });

  test('groups topics by kind for the index, places first', () => {
    expect(
      topicsByKind(listings).map((group) => [group.label, group.listings.map((l) => l.topic.name)]),
    ).toEqual([
      ['Places', ['Kabul']],
      ['People', ['Vladimir Putin']],
      ['Organisations', ['Taliban']],
    ]);
  });
});
