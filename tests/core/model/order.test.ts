/** compareNewestFirst: the one order of articles every listing, feed and story starts from. */
import { describe, expect, test } from 'vitest';
import { compareNewestFirst } from '../../../src/core/model/order.ts';

interface Listed {
  date?: string;
  title: string;
  slug: string;
}

describe('compareNewestFirst', () => {
  test('returns a negative number when the first article is newer', () => {
    const newer = { date: '2025-07-12', title: 'B', slug: 'b' };
    const older = { date: '2025-07-11', title: 'A', slug: 'a' };
    expect(compareNewestFirst(newer, older)).toBeLessThan(0);
    expect(compareNewestFirst(older, newer)).toBeGreaterThan(0);
  });

  test('returns a positive number when the first article is undated and the second is dated', () => {
    const undated = { title: 'A', slug: 'a' };
    const dated = { date: '1999-01-01', title: 'Z', slug: 'z' };
    expect(compareNewestFirst(undated, dated)).toBeGreaterThan(0);
    expect(compareNewestFirst(dated, undated)).toBeLessThan(0);
  });

  test('returns a positive number when the first article has an explicitly undefined date', () => {
    const undated = { date: undefined, title: 'A', slug: 'a' };
    const dated = { date: '1999-01-01', title: 'Z', slug: 'z' };
    expect(compareNewestFirst(undated, dated)).toBeGreaterThan(0);
  });

  test('returns the order of the titles when the dates are equal', () => {
    const a = { date: '2025-07-11', title: 'Appeal lodged', slug: 'z-slug' };
    const b = { date: '2025-07-11', title: 'Budget vote', slug: 'a-slug' };
    expect(compareNewestFirst(a, b)).toBeLessThan(0);
    expect(compareNewestFirst(b, a)).toBeGreaterThan(0);
  });

  test('returns the order of the slugs when the dates and titles are equal', () => {
    const a = { date: '2025-07-11', title: 'Election', slug: 'election' };
    const b = { date: '2025-07-11', title: 'Election', slug: 'election-2' };
    expect(compareNewestFirst(a, b)).toBeLessThan(0);
    expect(compareNewestFirst(b, a)).toBeGreaterThan(0);
  });

  test('returns 0 when date, title and slug are all equal', () => {
    expect(compareNewestFirst({ title: 'A', slug: 'a' }, { title: 'A', slug: 'a' })).toBe(0);
    expect(
      compareNewestFirst(
        { date: '2025-07-11', title: 'A', slug: 'a' },
        { date: '2025-07-11', title: 'A', slug: 'a' },
      ),
    ).toBe(0);
  });

  test('returns one fixed order, newest first and undated last, when any arrangement of a list is sorted', () => {
    const articles: Listed[] = [
      { title: 'Undated A', slug: 'undated-a-2' },
      { date: '2025-07-11', title: 'Budget vote', slug: 'budget-vote' },
      { date: '2024-12-31', title: 'Year ends', slug: 'year-ends' },
      { title: 'Undated B', slug: 'undated-b' },
      { date: '2025-07-11', title: 'Appeal lodged', slug: 'appeal-lodged-2' },
      { date: '2025-07-12', title: 'Zoo opens', slug: 'zoo-opens' },
      { title: 'Undated A', slug: 'undated-a' },
      { date: '2025-07-11', title: 'Appeal lodged', slug: 'appeal-lodged' },
    ];
    const expected = [
      'zoo-opens',
      'appeal-lodged',
      'appeal-lodged-2',
      'budget-vote',
      'year-ends',
      'undated-a',
      'undated-a-2',
      'undated-b',
    ];
    const arrangements = [articles, [...articles].reverse()];
    for (let shift = 1; shift < articles.length; shift += 1) {
      arrangements.push([...articles.slice(shift), ...articles.slice(0, shift)]);
    }
    arrangements.push([5, 2, 7, 0, 3, 6, 1, 4].map((index) => articles[index] as Listed));
    for (const arrangement of arrangements) {
      expect([...arrangement].sort(compareNewestFirst).map((article) => article.slug)).toStrictEqual(
        expected,
      );
    }
  });
});

describe('compareNewestFirst: dates and titles compared as written', () => {
  test('returns the timestamp of a day as newer than the bare date of that day, as their text sorts', () => {
    const timestamp = { date: '2025-07-11T09:30:00Z', title: 'B', slug: 'b' };
    const day = { date: '2025-07-11', title: 'A', slug: 'a' };
    expect(compareNewestFirst(timestamp, day)).toBeLessThan(0);
    expect(compareNewestFirst(day, timestamp)).toBeGreaterThan(0);
  });

  test('returns titles in code-point order, capitals before lower case, whatever the locale', () => {
    const upper = { date: '2025-07-11', title: 'Zebra crossing', slug: 'z' };
    const lower = { date: '2025-07-11', title: 'apple harvest', slug: 'a' };
    const accented = { date: '2025-07-11', title: 'Émigré returns', slug: 'e' };
    expect(compareNewestFirst(upper, lower)).toBeLessThan(0);
    expect(compareNewestFirst(lower, accented)).toBeLessThan(0);
    expect([accented, lower, upper].sort(compareNewestFirst).map((article) => article.slug)).toStrictEqual([
      'z',
      'a',
      'e',
    ]);
  });
});
