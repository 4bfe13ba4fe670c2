import { describe, expect, test } from 'vitest';
import { withSectionSlugs, withSourceSlugs } from '../../../src/core/corpus/sources.ts';
import { sectionListings, sourceListings } from '../../../src/site/listings/source-listings.ts';
import { makeArticle } from '../../support/articles.ts';

const slugs = (items: readonly { slug: string }[]) => items.map((item) => item.slug);

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
    expect(
      sourceListings(articles).map((listing) => [listing.name, listing.slug, slugs(listing.articles)]),
    ).toEqual([
      ['Al Jazeera', 'al-jazeera', ['d']],
      ['Reuters', 'reuters', ['b', 'c', 'a']],
    ]);
  });

  test('leaves articles without a source out rather than inventing one', () => {
    const listed = sourceListings(articles).flatMap((source) => slugs(source.articles));
    expect(listed).not.toContain('e');
    expect(listed).toHaveLength(4);
  });

  test('orders outlets by name whatever their case, undated articles last', () => {
    const listed = sourceListings(
      withSourceSlugs([
        makeArticle({ slug: 'cnn-1', source: 'cnn' }),
        makeArticle({ slug: 'bbc-1', source: 'BBC' }),
        makeArticle({ slug: 'ap-undated', source: 'apnews' }),
        makeArticle({ slug: 'ap-dated', source: 'apnews', date: '2020-01-01' }),
      ]),
    );
    expect(listed.map((listing) => [listing.name, slugs(listing.articles)])).toEqual([
      ['apnews', ['ap-dated', 'ap-undated']],
      ['BBC', ['bbc-1']],
      ['cnn', ['cnn-1']],
    ]);
  });

  test('names an outlet whose spellings are equally common by the first in code-point order', () => {
    const listed = sourceListings(
      withSourceSlugs([
        makeArticle({ slug: 'x', source: 'Reuters' }),
        makeArticle({ slug: 'y', source: 'REUTERS' }),
      ]),
    );
    expect(listed.map((listing) => [listing.name, listing.slug])).toEqual([['REUTERS', 'reuters']]);
  });

  test('uses the slug stored on the articles, not one of its own', () => {
    const [listing] = sourceListings([
      makeArticle({ slug: 'x', source: 'Reuters', sourceSlug: 'reuters-wire' }),
      makeArticle({ slug: 'y', source: 'Reuters', sourceSlug: 'reuters-wire' }),
    ]);
    expect(listing).toMatchObject({ name: 'Reuters', slug: 'reuters-wire' });
  });

  test('gives odd outlet names the ASCII slug stored on the article', () => {
    const stored = withSourceSlugs([makeArticle({ slug: 'x', source: 'Le Monde (Édition) | Paris' })]);
    expect(sourceListings(stored).map((listing) => [listing.name, listing.slug])).toEqual([
      ['Le Monde (Édition) | Paris', 'le-monde-edition-paris'],
    ]);
  });
});

describe('sources whose names are not in Latin script (issue 13, finding 7)', () => {
  test('gives two Chinese outlets two pages, each listing only its own article', () => {
    const listed = sourceListings(
      withSourceSlugs([
        makeArticle({ slug: 'xinhua-report', source: '新华社' }),
        makeArticle({ slug: 'peoples-daily-report', source: '人民日报' }),
      ]),
    );
    expect(listed.map((listing) => [listing.name, listing.slug, slugs(listing.articles)])).toEqual(
      expect.arrayContaining([
        ['新华社', 'xin-hua-she', ['xinhua-report']],
        ['人民日报', 'ren-min-ri-bao', ['peoples-daily-report']],
      ]),
    );
    expect(listed).toHaveLength(2);
  });

  test('keeps outlets apart that romanize alike, each with its own slug', () => {
    // Simplified and traditional spellings, a hyphen, emoji-only names; "BBC News" and
    // "bbc  NEWS" differ only in case and spacing, so they are one outlet.
    const names = ['新华社', '新華社', 'BBC News', 'BBC-News', '📰', '🗞️', 'bbc  NEWS'];
    const listed = sourceListings(
      withSourceSlugs(names.map((source, index) => makeArticle({ slug: `a${index}`, source }))),
    );
    expect(listed.map((listing) => slugs(listing.articles).sort())).toEqual(
      expect.arrayContaining([['a0'], ['a1'], ['a2', 'a6'], ['a3'], ['a4'], ['a5']]),
    );
    expect(listed).toHaveLength(6);
    expect(new Set(slugs(listed)).size).toBe(6);
  });
});

describe('sectionListings', () => {
  test('groups articles by section, newest first, sections by name, and leaves unfiled ones out', () => {
    const listed = sectionListings(
      withSectionSlugs([
        makeArticle({ slug: 'a', section: 'Sport', date: '2025-07-01' }),
        makeArticle({ slug: 'b', section: 'business', date: '2025-07-02' }),
        makeArticle({ slug: 'c', section: 'Business', date: '2025-07-03' }),
        makeArticle({ slug: 'd', section: 'Business' }),
        makeArticle({ slug: 'e', source: 'Reuters' }),
      ]),
    );
    expect(listed.map((section) => [section.name, section.slug, slugs(section.articles)])).toEqual([
      ['Business', 'business', ['c', 'b', 'd']],
      ['Sport', 'sport', ['a']],
    ]);
  });
});
