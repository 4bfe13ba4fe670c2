import { describe, expect, test } from 'vitest';
import { assignSlugs, baseSlug } from '../../src/lib/slug.ts';

describe('baseSlug', () => {
  test('returns lowercase ASCII words joined by hyphens, dropping apostrophes', () => {
    expect(
      baseSlug('Russia’s Historic Recognition of Taliban Government: A Shift in Geopolitical Dynamics'),
    ).toBe('russias-historic-recognition-of-taliban-government-a-shift-in-geopolitical-dynamics');
  });

  test('transliterates accents and drops symbols and markup', () => {
    expect(baseSlug('Café owners protest “unfair” rent rises')).toBe('cafe-owners-protest-unfair-rent-rises');
    expect(baseSlug('Breaking </title><script>alert(1)</script>')).toBe(
      'breaking-title-script-alert-1-script',
    );
  });

  test('cuts a long slug at a hyphen, at most 96 characters', () => {
    const slug = baseSlug('Word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(96);
    expect(slug).toMatch(/^(word-)*word$/);
  });

  test('returns "article" for a title with no letters or digits', () => {
    expect(baseSlug('“…” — !!!')).toBe('article');
  });
});

describe('assignSlugs', () => {
  test('gives articles with the same title -2, -3 in order of their file path', () => {
    const slugs = assignSlugs([
      { key: 'b.txt', title: 'Election night' },
      { key: 'c.txt', title: 'Election Night' },
      { key: 'a.txt', title: 'Election night!' },
    ]);
    expect(Object.fromEntries(slugs)).toEqual({
      'a.txt': 'election-night',
      'b.txt': 'election-night-2',
      'c.txt': 'election-night-3',
    });
  });

  test('never takes a slug that another title produces on its own', () => {
    const slugs = assignSlugs([
      { key: 'a.txt', title: 'Election' },
      { key: 'b.txt', title: 'Election' },
      { key: 'c.txt', title: 'Election 2' },
    ]);
    expect(Object.fromEntries(slugs)).toEqual({
      'a.txt': 'election',
      'b.txt': 'election-3',
      'c.txt': 'election-2',
    });
  });
});
