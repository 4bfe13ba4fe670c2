import { describe, expect, test } from 'vitest';
import { withSectionSlugs, withSourceSlugs } from '../../src/core/corpus/sources.ts';
import {
  StoredArticleSchema,
  type Redirect,
  type StoredArticle,
  type Story,
  type Topic,
} from '../../src/core/model/schema.ts';
import type { Page } from '../../src/site/listings/pagination.ts';
import { en } from '../../src/site/i18n/en.ts';
import { fr } from '../../src/site/i18n/fr.ts';
import { buildSiteModel } from '../../src/site/model.ts';
import type { StoryGroup } from '../../src/site/story-views.ts';
import { makeArticle } from '../support/articles.ts';

const kabul: Topic = { name: 'Kabul', slug: 'kabul', kind: 'place' };
const taliban: Topic = { name: 'Taliban', slug: 'taliban', kind: 'organisation' };

function article(slug: string, fields: Partial<StoredArticle> = {}): StoredArticle {
  // As the collection stores it: without paragraphs, and checked against the schema.
  return StoredArticleSchema.parse(makeArticle({ slug, ...fields }));
}

// Four stories: one of two reports from two outlets, three of a single report. Every article
// is dated; `budget` names no outlet. Outlet slugs are set as the pipeline sets them.
const ARTICLES = withSourceSlugs([
  article('harbour', { date: '2025-07-10', source: 'Reuters', topics: [kabul] }),
  article('harbour-2', { date: '2025-07-11', source: 'BBC News', topics: [kabul], story: 'harbour' }),
  article('ferry', { date: '2025-07-09', source: 'Reuters', topics: [kabul] }),
  article('budget', { date: '2025-06-01', topics: [kabul] }),
  article('festival', { date: '2024-12-31', source: 'Reuters', topics: [taliban] }),
]);
const STORIES: Story[] = [
  { id: 'festival', title: 'Headline of festival', articles: ['festival'], sources: ['Reuters'] },
  { id: 'budget', title: 'Headline of budget', articles: ['budget'], sources: [] },
  {
    id: 'harbour',
    title: 'Headline of harbour',
    articles: ['harbour-2', 'harbour'],
    sources: ['BBC News', 'Reuters'],
  },
  { id: 'ferry', title: 'Headline of ferry', articles: ['ferry'], sources: ['Reuters'] },
];
const REDIRECTS: Redirect[] = [{ from: 'harbour-copy', to: 'harbour', title: 'Harbour plan (copy)' }];

const SIZES = { storiesPerPage: 2, articlesPerPage: 2, feedItems: 3, name: 'Dispatch' };

const model = buildSiteModel({ articles: ARTICLES, stories: STORIES, redirects: REDIRECTS }, SIZES, en);

const slugs = (items: readonly { slug: string }[]) => items.map((item) => item.slug);
/** Each story group on a page: its story id and the listing's reports in it. */
const groups = (page: Page<StoryGroup>) =>
  page.items.map((group) => [group.view.story.id, slugs(group.articles)]);

describe('buildSiteModel', () => {
  test('keeps every article as given', () => {
    expect(model.articles).toBe(ARTICLES);
  });

  test('ranks the home page by story, newest report first, in pages of the given size', () => {
    expect(
      model.home.map((page) => [page.number, page.count, page.items.map((view) => view.story.id)]),
    ).toEqual([
      [1, 2, ['harbour', 'ferry']],
      [2, 2, ['budget', 'festival']],
    ]);
  });

  test('gives a page only to stories of two or more reports', () => {
    expect(model.storyPages.map((view) => [view.story.id, slugs(view.articles)])).toEqual([
      ['harbour', ['harbour-2', 'harbour']],
    ]);
  });

  test('lists the other reports of its story under each article', () => {
    expect(
      model.articlePages.map(({ article: shown, coverage }) => [
        shown.slug,
        coverage.storyId,
        slugs(coverage.articles),
        coverage.more,
      ]),
    ).toEqual([
      ['harbour', 'harbour', ['harbour-2'], 0],
      ['harbour-2', 'harbour', ['harbour'], 0],
      ['ferry', 'ferry', [], 0],
      ['budget', 'budget', [], 0],
      ['festival', 'festival', [], 0],
    ]);
  });

  test('pages each topic by story, most covered topic first', () => {
    expect(
      model.topics.pages.map(({ topic, total, page }) => [
        topic.slug,
        total,
        page.number,
        page.count,
        groups(page),
      ]),
    ).toEqual([
      [
        'kabul',
        4,
        1,
        2,
        [
          ['harbour', ['harbour-2', 'harbour']],
          ['ferry', ['ferry']],
        ],
      ],
      ['kabul', 4, 2, 2, [['budget', ['budget']]]],
      ['taliban', 1, 1, 1, [['festival', ['festival']]]],
    ]);
  });

  test('groups the topics index by kind and offers topics of two or more articles as filters', () => {
    expect(
      model.topics.byKind.map((group) => [group.label, group.listings.map((listing) => listing.topic.slug)]),
    ).toEqual([
      ['Places', ['kabul']],
      ['Organisations', ['taliban']],
    ]);
    expect([...model.filterableTopics]).toEqual(['kabul']);
  });

  test('pages each source by story and counts the articles that name none', () => {
    expect(model.sources.listings.map((listing) => [listing.name, listing.slug])).toEqual([
      ['BBC News', 'bbc-news'],
      ['Reuters', 'reuters'],
    ]);
    expect(
      model.sources.pages.map(({ name, slug, total, page }) => [
        name,
        slug,
        total,
        page.number,
        groups(page),
      ]),
    ).toEqual([
      ['BBC News', 'bbc-news', 1, 1, [['harbour', ['harbour-2']]]],
      [
        'Reuters',
        'reuters',
        3,
        1,
        [
          ['harbour', ['harbour']],
          ['ferry', ['ferry']],
        ],
      ],
      ['Reuters', 'reuters', 3, 2, [['festival', ['festival']]]],
    ]);
    expect(model.sources.unattributed).toBe(1);
  });

  test('pages each archive month with the given size, newest month first', () => {
    expect(
      model.archive.index.years.map((year) => [
        year.year,
        year.total,
        year.months.map((month) => month.path),
      ]),
    ).toEqual([
      [2025, 4, ['2025/07', '2025/06']],
      [2024, 1, ['2024/12']],
    ]);
    expect(
      model.archive.monthPages.map(({ label, path, total, page }) => [
        label,
        path,
        total,
        page.number,
        page.count,
        slugs(page.items),
      ]),
    ).toEqual([
      ['July 2025', '2025/07', 3, 1, 2, ['harbour-2', 'harbour']],
      ['July 2025', '2025/07', 3, 2, 2, ['ferry']],
      ['June 2025', '2025/06', 1, 1, 1, ['budget']],
      ['December 2024', '2024/12', 1, 1, 1, ['festival']],
    ]);
  });

  test('has no undated archive page when every article is dated', () => {
    expect(model.archive.index.undated).toEqual([]);
    expect(model.archive.undatedPages).toEqual([]);
  });

  test('passes the redirects through', () => {
    expect(model.redirects).toEqual([{ from: 'harbour-copy', to: 'harbour', title: 'Harbour plan (copy)' }]);
  });

  test('pages undated articles by title, with the archive page size', () => {
    const undated = ['c', 'a', 'b'].map((slug) => article(slug, { title: `Report ${slug.toUpperCase()}` }));
    const { archive } = buildSiteModel(
      {
        articles: undated,
        stories: undated.map((item) => ({
          id: item.slug,
          title: item.title,
          articles: [item.slug],
          sources: [],
        })),
        redirects: [],
      },
      { ...SIZES, storiesPerPage: 20, articlesPerPage: 2 },
      en,
    );
    expect(archive.monthPages).toEqual([]);
    expect(archive.undatedPages.map((page) => [page.number, page.count, slugs(page.items)])).toEqual([
      [1, 2, ['a', 'b']],
      [2, 2, ['c']],
    ]);
  });
});

describe('buildSiteModel sections', () => {
  const filed = withSectionSlugs([
    article('rates', { date: '2025-07-10', section: 'Business' }),
    article('rates-2', { date: '2025-07-11', section: 'business', story: 'rates' }),
    article('jobs', { date: '2025-07-01', section: 'Business' }),
    article('match', { date: '2025-07-09', section: 'Sport' }),
    article('note', { date: '2025-07-12' }),
  ]);
  const stories: Story[] = [
    { id: 'rates', title: 'Headline of rates', articles: ['rates-2', 'rates'], sources: [] },
    { id: 'jobs', title: 'Headline of jobs', articles: ['jobs'], sources: [] },
    { id: 'match', title: 'Headline of match', articles: ['match'], sources: [] },
    { id: 'note', title: 'Headline of note', articles: ['note'], sources: [] },
  ];
  const sectioned = buildSiteModel(
    { articles: filed, stories, redirects: [] },
    { ...SIZES, storiesPerPage: 1, articlesPerPage: 10 },
    en,
  );

  test('lists each section once, by name, for the header navigation', () => {
    expect(sectioned.sections.listings.map((section) => [section.name, section.slug])).toEqual([
      ['Business', 'business'],
      ['Sport', 'sport'],
    ]);
  });

  test('gives each section its stories ranked as on the home page, in pages of the given size', () => {
    expect(
      sectioned.sections.pages.map((page) => [page.slug, page.total, page.page.number, groups(page.page)]),
    ).toEqual([
      ['business', 3, 1, [['rates', ['rates-2', 'rates']]]],
      ['business', 3, 2, [['jobs', ['jobs']]]],
      ['sport', 1, 1, [['match', ['match']]]],
    ]);
  });

  test('has no sections, and so no navigation, when no article is filed under one', () => {
    expect(model.sections).toEqual({ listings: [], pages: [] });
  });
});

describe('buildSiteModel feeds', () => {
  test('has the site feed first, then one per section, topic and source, each its newest articles', () => {
    expect(model.feeds.map((feed) => [feed.listing, feed.title, slugs(feed.articles)])).toEqual([
      ['', 'Dispatch', ['harbour-2', 'harbour', 'ferry']],
      ['topics/kabul/', 'Dispatch — Kabul', ['harbour-2', 'harbour', 'ferry']],
      ['topics/taliban/', 'Dispatch — Taliban', ['festival']],
      ['sources/bbc-news/', 'Dispatch — BBC News', ['harbour-2']],
      ['sources/reuters/', 'Dispatch — Reuters', ['harbour', 'ferry', 'festival']],
    ]);
  });

  test('names each listing page’s own feed for its <link rel="alternate">', () => {
    expect(model.topics.pages[0]?.feed).toEqual({ title: 'Dispatch — Kabul', listing: 'topics/kabul/' });
    expect(model.sources.pages.map((page) => page.feed.listing)).toEqual([
      'sources/bbc-news/',
      'sources/reuters/',
      'sources/reuters/',
    ]);
  });
});

describe('buildSiteModel in the interface language', () => {
  test('describes feeds and names months and kinds of topic in the table’s words', () => {
    const french = buildSiteModel({ articles: ARTICLES, stories: STORIES, redirects: REDIRECTS }, SIZES, fr);
    expect(model.feeds.map((feed) => feed.description)).toEqual([
      en.site.description,
      'The newest articles about Kabul.',
      'The newest articles about Taliban.',
      'The newest reports from BBC News.',
      'The newest reports from Reuters.',
    ]);
    expect(french.feeds.map((feed) => feed.description)).toEqual([
      fr.site.description,
      'Les derniers articles du thème «\u202fKabul\u202f».',
      'Les derniers articles du thème «\u202fTaliban\u202f».',
      'Les derniers articles publiés par BBC News.',
      'Les derniers articles publiés par Reuters.',
    ]);
    expect(french.archive.monthPages.map((page) => page.label)).toEqual([
      'Juillet 2025',
      'Juillet 2025',
      'Juin 2025',
      'Décembre 2024',
    ]);
    expect(french.topics.byKind.map((group) => group.label)).toEqual(['Lieux', 'Organisations']);
  });
});

describe('buildSiteModel related reading', () => {
  test('resolves each article’s related slugs to the articles, in order, skipping unknown ones', () => {
    const withRelated = [
      article('a', { related: ['c', 'gone', 'b'] }),
      article('b'),
      article('c', { related: ['a'] }),
    ];
    const stories: Story[] = ['a', 'b', 'c'].map((id) => ({ id, title: id, articles: [id], sources: [] }));
    const related = buildSiteModel(
      { articles: withRelated, stories, redirects: [] },
      SIZES,
      en,
    ).articlePages.map((page) => [page.article.slug, slugs(page.related)]);
    expect(related).toEqual([
      ['a', ['c', 'b']],
      ['b', []],
      ['c', ['a']],
    ]);
  });
});
