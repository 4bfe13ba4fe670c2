import { describe, expect, test } from 'vitest';
import { buildArchive } from '../../../src/site/listings/archive.ts';
import { makeArticle } from '../../support/articles.ts';

const slugs = (items: readonly { slug: string }[]) => items.map((item) => item.slug);

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

  test('numbers each month 1–12 beside its path', () => {
    expect(archive.years[1]?.months[0]).toMatchObject({ year: 2023, month: 12, path: '2023/12' });
    expect(archive.years[0]?.months.map((month) => month.month)).toEqual([7, 6]);
  });

  test('keeps undated articles in the archive on their own', () => {
    expect(slugs(archive.undated)).toEqual(['none']);
  });

  test('orders undated articles by title', () => {
    const { years, undated } = buildArchive([
      makeArticle({ slug: 'z', title: 'Zebra crossing' }),
      makeArticle({ slug: 'a', title: 'Apple harvest' }),
      makeArticle({ slug: 'm', title: 'Market day' }),
    ]);
    expect(years).toEqual([]);
    expect(slugs(undated)).toEqual(['a', 'm', 'z']);
  });

  test('gives an empty corpus an empty archive', () => {
    expect(buildArchive([])).toEqual({ years: [], undated: [] });
  });
});
