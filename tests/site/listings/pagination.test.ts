import { describe, expect, test } from 'vitest';
import { paginate } from '../../../src/site/listings/pagination.ts';

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

  test('puts a listing shorter than a page on one page', () => {
    expect(paginate(['a', 'b'], 30)).toEqual([{ number: 1, count: 1, items: ['a', 'b'], start: 0 }]);
  });

  test('rejects a page size that is not a positive whole number', () => {
    expect(() => paginate([1], 0)).toThrow(RangeError);
    expect(() => paginate([1], -3)).toThrow(RangeError);
    expect(() => paginate([1], 2.5)).toThrow(RangeError);
    expect(() => paginate([1], Number.NaN)).toThrow(RangeError);
  });
});
