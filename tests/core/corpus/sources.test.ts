import { describe, expect, test } from 'vitest';
import {
  assignSourceSlugs,
  sectionOfPath,
  withSectionSlugs,
  withSourceSlugs,
} from '../../../src/core/corpus/sources.ts';
import { makeArticle } from '../../support/articles.ts';

/** Articles named a0, a1, … with the given sources. */
const withSources = (names: readonly string[]) =>
  names.map((source, index) => makeArticle({ slug: `a${index}`, source }));

const sourceSlugs = (names: readonly string[]) =>
  withSourceSlugs(withSources(names)).map((article) => article.sourceSlug);

describe('withSourceSlugs', () => {
  test('gives spellings that differ only in case or spacing one slug', () => {
    expect(sourceSlugs(['Reuters', 'reuters', ' REUTERS ', 'BBC News', 'bbc  news'])).toEqual([
      'reuters',
      'reuters',
      'reuters',
      'bbc-news',
      'bbc-news',
    ]);
  });

  test('leaves an article without a source without a slug, and the input as it was', () => {
    const input = [makeArticle({ slug: 'named', source: 'Reuters' }), makeArticle({ slug: 'unnamed' })];
    const [named, unnamed] = withSourceSlugs(input);
    expect(named?.sourceSlug).toBe('reuters');
    expect(unnamed).not.toHaveProperty('sourceSlug');
    expect(input[0]).not.toHaveProperty('sourceSlug');
  });

  test('keeps the slugs Latin outlet names always had', () => {
    const names = ['BBC News', 'TechCrunch', 'Süddeutsche Zeitung', 'Yahoo! News', 'AT&T', 'Reuters'];
    expect(sourceSlugs(names)).toEqual([
      'bbc-news',
      'tech-crunch',
      'sueddeutsche-zeitung',
      'yahoo-news',
      'at-and-t',
      'reuters',
    ]);
  });

  test('gives odd outlet names ASCII slugs', () => {
    expect(sourceSlugs(['Le Monde (Édition) | Paris'])).toEqual(['le-monde-edition-paris']);
  });
});

describe('sources whose names are not in Latin script (issue 13, finding 7)', () => {
  test('links each article to its own outlet’s page', () => {
    const stored = withSourceSlugs([
      makeArticle({ slug: 'xinhua-report', source: '新华社' }),
      makeArticle({ slug: 'peoples-daily-report', source: '人民日报' }),
    ]);
    expect(stored.map((article) => [article.slug, article.sourceSlug])).toEqual([
      ['xinhua-report', 'xin-hua-she'],
      ['peoples-daily-report', 'ren-min-ri-bao'],
    ]);
  });

  test('romanizes Thai, Hebrew, Korean and Arabic outlet names', () => {
    expect(sourceSlugs(['ไทยรัฐ', 'הארץ', '한국일보', 'الأهرام'])).toEqual([
      'aithyrath',
      'hrts',
      'han-gug-il-bo',
      'alahram',
    ]);
  });

  test('keeps outlets apart that romanize alike, whatever order the files come in', () => {
    // Simplified and traditional spellings, a hyphen, emoji-only names: distinct names, one base slug.
    const articles = withSources(['新华社', '新華社', 'BBC News', 'BBC-News', '📰', '🗞️', 'bbc  NEWS']);
    const slugPairs = (list: typeof articles) =>
      withSourceSlugs(list).map((article) => [article.slug, article.sourceSlug] as const);
    const forward = slugPairs(articles);
    const backward = slugPairs([...articles].reverse());
    expect(new Map(backward)).toEqual(new Map(forward));
    const bySlug = new Map(forward);
    // "BBC News" and "bbc  NEWS" differ only in case and spacing: one outlet.
    expect(bySlug.get('a2')).toBe('bbc-news');
    expect(bySlug.get('a6')).toBe('bbc-news');
    // The first name in code-point order keeps the base slug; the others add a hash of their own.
    expect(bySlug.get('a0')).toBe('xin-hua-she');
    expect(bySlug.get('a1')).toMatch(/^xin-hua-she-[a-z0-9]{8}$/);
    expect(bySlug.get('a3')).toMatch(/^bbc-news-[a-z0-9]{8}$/);
    expect(bySlug.get('a4')).toMatch(/^source-[a-z0-9]{8}$/);
    expect(bySlug.get('a5')).toMatch(/^source-[a-z0-9]{8}$/);
    const others = ['a0', 'a1', 'a3', 'a4', 'a5'].map((slug) => bySlug.get(slug));
    expect(new Set([...others, 'bbc-news']).size).toBe(6);
  });
});

describe('assignSourceSlugs', () => {
  test('gives one slug per outlet, keyed by its name in lower case with single spaces', () => {
    const slugs = assignSourceSlugs([
      { source: 'Al  Jazeera' },
      { source: 'al jazeera' },
      { source: undefined },
      { source: 'Reuters' },
    ]);
    expect([...slugs].sort()).toEqual([
      ['al jazeera', 'al-jazeera'],
      ['reuters', 'reuters'],
    ]);
  });
});

describe('withSectionSlugs', () => {
  test('gives each section one slug, spellings that differ only in case sharing it, apart from sources', () => {
    const articles = [
      makeArticle({ slug: 'a', section: 'Business', source: 'Business' }),
      makeArticle({ slug: 'b', section: 'business' }),
      makeArticle({ slug: 'c', section: 'World News' }),
      makeArticle({ slug: 'd' }),
    ];
    const filed = withSectionSlugs(articles);
    expect(filed.map((article) => article.sectionSlug)).toEqual([
      'business',
      'business',
      'world-news',
      undefined,
    ]);
    // Only the section's slug is set: the source keeps none until withSourceSlugs runs.
    expect(filed[0]).not.toHaveProperty('sourceSlug');
  });
});

describe('sectionOfPath', () => {
  test('names the section after the top-level folder, and none for a file at the top', () => {
    expect(sectionOfPath('business/001.txt')).toBe('Business');
    expect(sectionOfPath('world-news/europe/x.txt')).toBe('World News');
    expect(sectionOfPath('UK_politics/x.txt')).toBe('UK Politics');
    expect(sectionOfPath('x.txt')).toBeUndefined();
    expect(sectionOfPath('---/x.txt')).toBeUndefined();
  });
});
