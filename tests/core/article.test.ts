import { describe, expect, test } from 'vitest';
import { toArticle } from '../../src/core/article.ts';
import type { ParsedArticle } from '../../src/core/model/schema.ts';

const IDENTITY = { sourceFile: 'world/election.txt', slug: 'election-night' };

/** `count` distinct-looking words separated by single spaces. */
function words(count: number): string {
  return Array.from({ length: count }, (_, index) => `word${index}`).join(' ');
}

describe('toArticle sections', () => {
  const parsed: ParsedArticle = {
    title: 'T',
    paragraphs: ['P.'],
    edits: [],
    warnings: [],
    authors: [],
    tags: [],
  };

  test('files an article under its top-level folder, named from the folder', () => {
    expect(toArticle(parsed, { sourceFile: 'business/2025/rates.txt', slug: 's' }).section).toBe('Business');
    expect(toArticle(parsed, { sourceFile: 'world-news/x.txt', slug: 's' }).section).toBe('World News');
    expect(toArticle(parsed, { sourceFile: 'UK_politics/x.txt', slug: 's' }).section).toBe('UK Politics');
  });

  test('gives a file at the top of the content folder no section', () => {
    expect(toArticle(parsed, { sourceFile: 'rates.txt', slug: 's' })).not.toHaveProperty('section');
  });

  test('lets front matter name the section, whatever the folder', () => {
    const filed = toArticle({ ...parsed, section: 'Markets' }, { sourceFile: 'business/x.txt', slug: 's' });
    expect(filed.section).toBe('Markets');
    expect(toArticle({ ...parsed, section: 'Markets' }, { sourceFile: 'x.txt', slug: 's' }).section).toBe(
      'Markets',
    );
  });
});

describe('toArticle', () => {
  test('returns every field, with the dek as description, when the parsed article has all optional fields', () => {
    const parsed: ParsedArticle = {
      title: 'Election night',
      dek: 'Polls closed at ten.',
      date: '2025-07-11',
      updated: '2025-07-12',
      byline: 'Jane Doe',
      authors: ['Jane Doe'],
      source: 'Reuters',
      tags: ['Elections'],
      signoff: 'CIC PRESS TEAM',
      paragraphs: ['Voters queued for hours.', 'Counting began at once — in 2025.'],
      edits: [{ kind: 'repeated-title', line: 2, removed: ['ELECTION NIGHT'] }],
      warnings: ['A warning.'],
      lang: 'fr',
    };
    expect(toArticle(parsed, IDENTITY, 'de')).toStrictEqual({
      title: 'Election night',
      dek: 'Polls closed at ten.',
      date: '2025-07-11',
      updated: '2025-07-12',
      byline: 'Jane Doe',
      authors: ['Jane Doe'],
      source: 'Reuters',
      lang: 'fr',
      tags: ['Elections'],
      signoff: 'CIC PRESS TEAM',
      section: 'World',
      paragraphs: ['Voters queued for hours.', 'Counting began at once — in 2025.'],
      description: 'Polls closed at ten.',
      slug: 'election-night',
      wordCount: 14,
      readingMinutes: 1,
      sourceFile: 'world/election.txt',
      edits: [{ kind: 'repeated-title', line: 2, removed: ['ELECTION NIGHT'] }],
      warnings: ['A warning.'],
      alsoPublishedAs: [],
      topics: [],
      story: 'election-night',
      related: [],
    });
  });

  test('returns no dek, date, byline or signoff keys at all when the parsed article has none', () => {
    const article = toArticle(
      {
        title: 'Quiet day',
        paragraphs: ['Nothing happened.'],
        edits: [],
        warnings: [],
        authors: [],
        tags: [],
      },
      IDENTITY,
    );
    expect(article).toStrictEqual({
      title: 'Quiet day',
      section: 'World',
      paragraphs: ['Nothing happened.'],
      description: 'Nothing happened.',
      slug: 'election-night',
      wordCount: 2,
      readingMinutes: 1,
      sourceFile: 'world/election.txt',
      edits: [],
      warnings: [],
      authors: [],
      lang: 'en',
      tags: [],
      alsoPublishedAs: [],
      topics: [],
      story: 'election-night',
      related: [],
    });
    for (const key of ['dek', 'date', 'updated', 'byline', 'source', 'signoff']) {
      expect(Object.keys(article)).not.toContain(key);
    }
  });

  test('gives an article whose language the parser could not tell the site language', () => {
    const parsed: ParsedArticle = {
      title: 'Ok',
      paragraphs: ['Ok.'],
      edits: [],
      warnings: [],
      authors: [],
      tags: [],
    };
    expect(toArticle(parsed, IDENTITY, 'fr').lang).toBe('fr');
    expect(toArticle({ ...parsed, lang: 'ar' }, IDENTITY, 'fr').lang).toBe('ar');
  });

  test('returns the first paragraph as description when there is no dek', () => {
    const article = toArticle(
      {
        title: 'Title',
        paragraphs: ['The lead paragraph.', 'The second paragraph.'],
        edits: [],
        warnings: [],
        authors: [],
        tags: [],
      },
      IDENTITY,
    );
    expect(article.description).toBe('The lead paragraph.');
  });

  test('returns the first paragraph cut at a word boundary with "…" when it is over 160 characters', () => {
    const lead =
      'The council voted late on Tuesday to close the Market Street library, which has served the town since 1904, after a review found that repairs would cost more than a new building on the same site.';
    const { description } = toArticle(
      { title: 'Title', paragraphs: [lead], edits: [], warnings: [], authors: [], tags: [] },
      IDENTITY,
    );
    expect(description).toBe(
      'The council voted late on Tuesday to close the Market Street library, which has served the town since 1904, after a review found that repairs would cost more…',
    );
    expect(description.length).toBeLessThanOrEqual(160);
  });

  test('returns the dek cut at a word boundary with "…" when the dek is over 160 characters', () => {
    const dek =
      'Ministers from both parties said on Monday that the long-delayed reform of the national rail timetable would now go ahead in the spring, despite warnings from unions.';
    const { description } = toArticle(
      { title: 'Title', dek, paragraphs: ['Short lead.'], edits: [], warnings: [], authors: [], tags: [] },
      IDENTITY,
    );
    expect(description).toBe(
      'Ministers from both parties said on Monday that the long-delayed reform of the national rail timetable would now go ahead in the spring, despite warnings from…',
    );
  });

  test('returns the description without a trailing comma when the cut falls after one', () => {
    const lead =
      'Residents who packed the hall on Thursday evening for a meeting about the flood defences along the river said the plans, drawn up over three years, notwithstanding objections, ignored them.';
    const { description } = toArticle(
      { title: 'Title', paragraphs: [lead], edits: [], warnings: [], authors: [], tags: [] },
      IDENTITY,
    );
    expect(description).toBe(
      'Residents who packed the hall on Thursday evening for a meeting about the flood defences along the river said the plans, drawn up over three years…',
    );
  });

  test('returns a first paragraph of exactly 160 characters unchanged as description', () => {
    const lead = `${'a'.repeat(79)} ${'b'.repeat(80)}`;
    const { description } = toArticle(
      { title: 'Title', paragraphs: [lead], edits: [], warnings: [], authors: [], tags: [] },
      IDENTITY,
    );
    expect(description).toBe(lead);
  });

  test('returns the words of the dek and all paragraphs as wordCount', () => {
    const article = toArticle(
      {
        title: 'Not counted in the total',
        dek: 'It’s a well-known fact.',
        paragraphs: ['One two three.', 'Four — five, six!', '2025'],
        edits: [],
        warnings: [],
        authors: [],
        tags: [],
      },
      IDENTITY,
    );
    expect(article.wordCount).toBe(11);
  });

  test.each([
    [1, 1],
    [229, 1],
    [230, 1],
    [231, 2],
    [460, 2],
    [461, 3],
    [2300, 10],
  ])('returns readingMinutes as ceil(words / 230) when the body has %i words (%i)', (count, minutes) => {
    const article = toArticle(
      { title: 'Title', paragraphs: [words(count)], edits: [], warnings: [], authors: [], tags: [] },
      IDENTITY,
    );
    expect(article.wordCount).toBe(count);
    expect(article.readingMinutes).toBe(minutes);
  });

  test('returns readingMinutes counting the dek when the dek tips the total over 230 words', () => {
    const article = toArticle(
      {
        title: 'Title',
        dek: 'Extra',
        paragraphs: [words(230)],
        edits: [],
        warnings: [],
        authors: [],
        tags: [],
      },
      IDENTITY,
    );
    expect(article.wordCount).toBe(231);
    expect(article.readingMinutes).toBe(2);
  });

  test('returns readingMinutes 1 when the article has no words at all', () => {
    const article = toArticle(
      { title: 'Title', paragraphs: ['— … !'], edits: [], warnings: [], authors: [], tags: [] },
      IDENTITY,
    );
    expect(article.wordCount).toBe(0);
    expect(article.readingMinutes).toBe(1);
  });

  test('never ends the description with half a surrogate pair when the cut falls inside an emoji', () => {
    const lead = `${'a'.repeat(158)}\u{1F600}bbbb`;
    const parsed: ParsedArticle = {
      title: 'Emoji',
      authors: [],
      tags: [],
      paragraphs: [lead],
      edits: [],
      warnings: [],
    };
    expect(toArticle(parsed, IDENTITY).description).toBe(`${'a'.repeat(158)}…`);
  });
});
