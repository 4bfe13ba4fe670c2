/** A valid article record for unit tests; each test overrides only the fields it is about. */
import type { Article } from '../../src/core/model/schema.ts';

export function makeArticle(overrides: Partial<Article> & { slug: string }): Article {
  return {
    title: `Headline of ${overrides.slug}`,
    paragraphs: ['A paragraph.'],
    description: 'A paragraph.',
    wordCount: 2,
    readingMinutes: 1,
    sourceFile: `${overrides.slug}.txt`,
    edits: [],
    warnings: [],
    authors: [],
    lang: 'en',
    tags: [],
    alsoPublishedAs: [],
    topics: [],
    story: overrides.slug,
    related: [],
    ...overrides,
  };
}
