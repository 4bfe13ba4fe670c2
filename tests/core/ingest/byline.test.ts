import { describe, expect, test } from 'vitest';
import { formatAuthors, isPipeByline, parseByline } from '../../../src/core/ingest/byline.ts';

describe('parseByline', () => {
  test('returns one author for "By Name"', () => {
    expect(parseByline('By Jane Doe.')).toEqual({ authors: ['Jane Doe'] });
  });

  test('returns several authors for "and", "&" and comma lists', () => {
    expect(parseByline('Jane Doe and Sam Roe')).toEqual({ authors: ['Jane Doe', 'Sam Roe'] });
    expect(parseByline('Jane Doe & Sam Roe')).toEqual({ authors: ['Jane Doe', 'Sam Roe'] });
    expect(parseByline('Jane Doe, Sam Roe and Ann Lee')).toEqual({
      authors: ['Jane Doe', 'Sam Roe', 'Ann Lee'],
    });
    expect(parseByline('Jane Doe, Sam Roe')).toEqual({ authors: ['Jane Doe', 'Sam Roe'] });
  });

  test('keeps the outlet apart after a comma or a pipe', () => {
    expect(parseByline('Jane Doe, Reuters')).toEqual({ authors: ['Jane Doe'], source: 'Reuters' });
    expect(parseByline('Jane Doe and Sam Roe, The New York Times')).toEqual({
      authors: ['Jane Doe', 'Sam Roe'],
      source: 'The New York Times',
    });
    expect(parseByline('Jane Doe | Associated Press')).toEqual({
      authors: ['Jane Doe'],
      source: 'Associated Press',
    });
  });

  test('keeps an organisation byline whole', () => {
    expect(parseByline('CIC International Affairs')).toEqual({ authors: ['CIC International Affairs'] });
  });
});

describe('isPipeByline', () => {
  test('returns true for "Name | Outlet"', () => {
    expect(isPipeByline('Jane Doe | Reuters')).toBe(true);
  });

  test('returns false for a headline with a section after a pipe', () => {
    expect(isPipeByline('Council approves new park | Local news')).toBe(false);
    expect(isPipeByline('Jane Doe')).toBe(false);
  });
});

describe('formatAuthors', () => {
  test('joins one, two and three names as a byline reads', () => {
    expect(formatAuthors(['A'])).toBe('A');
    expect(formatAuthors(['A', 'B'])).toBe('A and B');
    expect(formatAuthors(['A', 'B', 'C'])).toBe('A, B and C');
    expect(formatAuthors([])).toBe('');
  });
});
