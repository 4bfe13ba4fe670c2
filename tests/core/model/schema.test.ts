/**
 * The records the pipeline publishes, validated at build time: what each schema accepts and
 * rejects (slug patterns, dates, required fields and their limits).
 */
import { describe, expect, test } from 'vitest';
import {
  ArticleSchema,
  ParsedArticleSchema,
  RedirectSchema,
  SiteDataSchema,
  StoredArticleSchema,
  StorySchema,
} from '../../../src/core/model/schema.ts';

/** A complete, valid article record. */
const ARTICLE = {
  title: 'Council approves the budget',
  dek: 'Schools get more.',
  date: '2025-07-11',
  byline: 'Jane Doe',
  authors: ['Jane Doe'],
  lang: 'en',
  source: 'Reuters',
  sourceSlug: 'reuters',
  tags: ['politics'],
  signoff: 'ENDS',
  paragraphs: ['The council voted on Tuesday.', 'It passed by one vote.'],
  description: 'Schools get more.',
  slug: 'council-approves-the-budget',
  wordCount: 14,
  readingMinutes: 1,
  sourceFile: 'uk/budget.txt',
  edits: [{ kind: 'repeated-title', line: 3, removed: ['Council approves the budget'] }],
  warnings: [],
  alsoPublishedAs: [{ title: 'Budget approved', sourceFile: 'wire/budget.txt' }],
  story: 'council-approves-the-budget',
  related: ['harbour-plan'],
  topics: [{ name: 'Jane Doe', slug: 'jane-doe', kind: 'person' }],
};

const accepts = (changes: Record<string, unknown>): boolean =>
  ArticleSchema.safeParse({ ...ARTICLE, ...changes }).success;

/** A copy of a record without some of its fields. */
function omit(record: object, ...fields: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !fields.includes(key)));
}

/** The article without one of its fields. */
const without = (field: keyof typeof ARTICLE): Record<string, unknown> => omit(ARTICLE, field);

describe('ArticleSchema', () => {
  test('accepts a complete article and returns it unchanged', () => {
    expect(ArticleSchema.parse(ARTICLE)).toStrictEqual(ARTICLE);
  });

  test('accepts an article without the optional fields', () => {
    const minimal = omit(ARTICLE, 'dek', 'date', 'byline', 'source', 'sourceSlug', 'signoff');
    expect(ArticleSchema.safeParse(minimal).success).toBe(true);
  });

  test('rejects an article without any one of its required fields', () => {
    const required = [
      'title',
      'authors',
      'tags',
      'paragraphs',
      'description',
      'slug',
      'wordCount',
      'readingMinutes',
      'sourceFile',
      'edits',
      'warnings',
      'alsoPublishedAs',
      'story',
      'related',
      'topics',
    ] as const;
    for (const field of required) {
      expect(ArticleSchema.safeParse(without(field)).success, field).toBe(false);
    }
  });

  test('accepts slugs of lowercase ASCII words and digits joined by single hyphens', () => {
    for (const slug of ['a', 'election-2025', '2025', 'x-1-y']) expect(accepts({ slug }), slug).toBe(true);
  });

  test('rejects slugs with capitals, spaces, non-ASCII letters, or hyphens at an end or doubled', () => {
    for (const slug of ['Election', 'two words', 'café', '-lead', 'trailing-', 'a--b', '', 'a_b', 'a/b']) {
      expect(accepts({ slug }), slug).toBe(false);
    }
  });

  test('applies the slug pattern to sourceSlug and to topic slugs too', () => {
    expect(accepts({ sourceSlug: 'Reuters' })).toBe(false);
    expect(accepts({ topics: [{ name: 'Kabul', slug: 'kabul city', kind: 'place' }] })).toBe(false);
    expect(accepts({ topics: [{ name: 'Kabul', slug: 'kabul', kind: 'place' }] })).toBe(true);
  });

  test('accepts ISO dates and timestamps with an offset or none', () => {
    for (const date of [
      '2025-07-11',
      '2024-02-29',
      '2025-07-11T10:30:00Z',
      '2025-07-11T10:30:00+02:00',
      '2025-07-11T10:30:00',
      '2025-07-11T10:30:00.123Z',
    ]) {
      expect(accepts({ date }), date).toBe(true);
      expect(accepts({ updated: date }), date).toBe(true);
    }
  });

  test('rejects dates that are not ISO or name no real day or time', () => {
    for (const date of [
      '11 July 2025',
      '2025-7-11',
      '2025-02-30',
      '2025-02-29',
      '2025-13-01',
      '2025-07-11T25:00:00Z',
      '2025-07-11 10:30:00',
      '2025-07-11T10:30:00+0200',
      '',
    ]) {
      expect(accepts({ date }), date).toBe(false);
      expect(accepts({ updated: date }), date).toBe(false);
    }
  });

  test('accepts a title of 200 characters and rejects one of 201 or an empty one', () => {
    expect(accepts({ title: 'x'.repeat(200) })).toBe(true);
    expect(accepts({ title: 'x'.repeat(201) })).toBe(false);
    expect(accepts({ title: '' })).toBe(false);
  });

  test('accepts a description of 160 characters and rejects one of 161 or an empty one', () => {
    expect(accepts({ description: 'x'.repeat(160) })).toBe(true);
    expect(accepts({ description: 'x'.repeat(161) })).toBe(false);
    expect(accepts({ description: '' })).toBe(false);
  });

  test('rejects an article with no paragraph or an empty one', () => {
    expect(accepts({ paragraphs: [] })).toBe(false);
    expect(accepts({ paragraphs: ['One.', ''] })).toBe(false);
  });

  test('rejects empty optional texts rather than treating them as absent', () => {
    for (const field of ['dek', 'byline', 'source', 'signoff']) {
      expect(accepts({ [field]: '' }), field).toBe(false);
    }
    expect(accepts({ authors: [''] })).toBe(false);
    expect(accepts({ tags: [''] })).toBe(false);
  });

  test('accepts whole non-negative word counts and reading times of at least one minute', () => {
    expect(accepts({ wordCount: 0 })).toBe(true);
    expect(accepts({ wordCount: -1 })).toBe(false);
    expect(accepts({ wordCount: 1.5 })).toBe(false);
    expect(accepts({ readingMinutes: 0 })).toBe(false);
    expect(accepts({ readingMinutes: 2.5 })).toBe(false);
  });

  test('accepts only the known edit kinds and topic kinds, and non-negative edit lines', () => {
    const edit = { kind: 'decoded-entities', line: 0, removed: [] };
    expect(accepts({ edits: [edit] })).toBe(true);
    expect(accepts({ edits: [{ ...edit, kind: 'rewrote-everything' }] })).toBe(false);
    expect(accepts({ edits: [{ ...edit, line: -1 }] })).toBe(false);
    expect(accepts({ topics: [{ name: 'Acme', slug: 'acme', kind: 'organisation' }] })).toBe(true);
    expect(accepts({ topics: [{ name: 'Acme', slug: 'acme', kind: 'company' }] })).toBe(false);
    expect(accepts({ topics: [{ name: '', slug: 'acme', kind: 'organisation' }] })).toBe(false);
  });

  test('rejects an also-published-as entry with an empty title or source file, and an empty story', () => {
    expect(accepts({ alsoPublishedAs: [{ title: '', sourceFile: 'a.txt' }] })).toBe(false);
    expect(accepts({ alsoPublishedAs: [{ title: 'A', sourceFile: '' }] })).toBe(false);
    expect(accepts({ story: '' })).toBe(false);
    expect(accepts({ sourceFile: '' })).toBe(false);
  });
});

describe('ArticleSchema language', () => {
  test.each(['en', 'fr', 'pt-BR', 'zh-Hant', 'ast'])('accepts the language tag %s', (lang) => {
    expect(accepts({ lang })).toBe(true);
  });

  test.each(['', 'EN', 'english', 'fr_FR', 'e'])(
    'rejects "%s", which is no canonical language tag',
    (lang) => {
      expect(accepts({ lang })).toBe(false);
    },
  );
});

describe('ParsedArticleSchema', () => {
  const PARSED = {
    title: 'Council approves the budget',
    authors: [],
    tags: [],
    paragraphs: ['The council voted on Tuesday.'],
    edits: [],
    warnings: ['No date found.'],
  };

  test('accepts what the parser gives, without the fields the corpus adds', () => {
    expect(ParsedArticleSchema.parse(PARSED)).toStrictEqual(PARSED);
  });

  test('accepts a language from front matter or detection, and none', () => {
    expect(ParsedArticleSchema.parse({ ...PARSED, lang: 'fr' })).toStrictEqual({ ...PARSED, lang: 'fr' });
    expect(ParsedArticleSchema.safeParse({ ...PARSED, lang: 'French' }).success).toBe(false);
  });

  test('accepts any non-empty slug requested by front matter, and rejects an empty one', () => {
    expect(ParsedArticleSchema.safeParse({ ...PARSED, slug: 'Any Slug, Really' }).success).toBe(true);
    expect(ParsedArticleSchema.safeParse({ ...PARSED, slug: '' }).success).toBe(false);
  });

  test('returns the record without the fields that are not the parser’s', () => {
    expect(
      ParsedArticleSchema.parse({ ...PARSED, wordCount: 5, story: 'x', description: 'D' }),
    ).toStrictEqual(PARSED);
  });

  test('rejects a parsed article without a title or paragraphs, or with a bad date', () => {
    expect(ParsedArticleSchema.safeParse(omit(PARSED, 'title')).success).toBe(false);
    expect(ParsedArticleSchema.safeParse({ ...PARSED, paragraphs: [] }).success).toBe(false);
    expect(ParsedArticleSchema.safeParse({ ...PARSED, date: '2025-02-30' }).success).toBe(false);
  });
});

describe('StoredArticleSchema', () => {
  test('accepts the article without paragraphs, and returns it without them when given them', () => {
    const stored = without('paragraphs');
    expect(StoredArticleSchema.parse(stored)).toStrictEqual(stored);
    expect(StoredArticleSchema.parse(ARTICLE)).toStrictEqual(stored);
  });
});

describe('StorySchema', () => {
  const STORY = {
    id: 'council-approves-the-budget',
    title: 'Council approves',
    articles: ['a', 'b'],
    sources: [],
  };

  test('accepts a story with a slug id, a title and at least one article', () => {
    expect(StorySchema.parse(STORY)).toStrictEqual(STORY);
    expect(StorySchema.safeParse({ ...STORY, sources: ['Reuters', ''] }).success).toBe(true);
  });

  test('rejects an id that is no slug, an empty title, and no or empty articles', () => {
    expect(StorySchema.safeParse({ ...STORY, id: 'Council Budget' }).success).toBe(false);
    expect(StorySchema.safeParse({ ...STORY, title: '' }).success).toBe(false);
    expect(StorySchema.safeParse({ ...STORY, articles: [] }).success).toBe(false);
    expect(StorySchema.safeParse({ ...STORY, articles: [''] }).success).toBe(false);
    expect(StorySchema.safeParse(omit(STORY, 'sources')).success).toBe(false);
  });
});

describe('RedirectSchema', () => {
  test('accepts a redirect between two non-empty slugs, with any title, even an empty one', () => {
    expect(RedirectSchema.parse({ from: 'budget-2', to: 'budget', title: '' })).toStrictEqual({
      from: 'budget-2',
      to: 'budget',
      title: '',
    });
  });

  test('rejects an empty from or to, and a missing title', () => {
    expect(RedirectSchema.safeParse({ from: '', to: 'budget', title: 'T' }).success).toBe(false);
    expect(RedirectSchema.safeParse({ from: 'budget-2', to: '', title: 'T' }).success).toBe(false);
    expect(RedirectSchema.safeParse({ from: 'budget-2', to: 'budget' }).success).toBe(false);
  });
});

describe('SiteDataSchema', () => {
  const DATA = {
    version: 'abc123',
    redirects: [{ from: 'budget-2', to: 'budget', title: 'Budget' }],
    reportJson: '{"inputs":[],"stories":[]}\n',
  };

  test('accepts a version, redirects and the report text', () => {
    expect(SiteDataSchema.parse(DATA)).toStrictEqual(DATA);
    expect(SiteDataSchema.safeParse({ ...DATA, redirects: [] }).success).toBe(true);
  });

  test('rejects an empty version or report, and an invalid redirect', () => {
    expect(SiteDataSchema.safeParse({ ...DATA, version: '' }).success).toBe(false);
    expect(SiteDataSchema.safeParse({ ...DATA, reportJson: '' }).success).toBe(false);
    expect(SiteDataSchema.safeParse({ ...DATA, redirects: [{ from: '', to: 'b', title: '' }] }).success).toBe(
      false,
    );
  });

  test('rejects the report as parsed JSON instead of its text', () => {
    expect(SiteDataSchema.safeParse({ ...DATA, reportJson: { inputs: [], stories: [] } }).success).toBe(
      false,
    );
  });
});
