import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readSearchState, writeSearchState, type SearchState } from '../../src/browser/search-url.ts';

describe('readSearchState', () => {
  test('reads the query, repeated filter values and the sort', () => {
    expect(readSearchState('?q=+taliban+&source=Reuters&source=BBC%20News&year=2025&sort=date')).toEqual({
      query: 'taliban',
      filters: { source: ['Reuters', 'BBC News'], year: ['2025'] },
      sort: 'date',
    });
  });

  test('ignores unknown filters, empty values and unknown sorts', () => {
    expect(readSearchState('?author=x&topic=&sort=random')).toEqual({
      query: '',
      filters: {},
      sort: 'relevance',
    });
  });
});

describe('writeSearchState', () => {
  test('writes only what is set, keeping parameters it does not own', () => {
    expect(
      writeSearchState({ query: 'a & b', filters: { topic: ['Kabul'] }, sort: 'relevance' }, '?utm=1&q=old'),
    ).toBe('?utm=1&q=a+%26+b&topic=Kabul');
    expect(writeSearchState({ query: '', filters: {}, sort: 'relevance' })).toBe('');
  });

  test('round-trips any state through the URL (property, fixed seed)', () => {
    const value = fc.string({ minLength: 1 }).filter((text) => text.trim() === text && text.length > 0);
    const state = fc.record({
      query: value,
      filters: fc.record(
        {
          source: fc.uniqueArray(value, { minLength: 1, maxLength: 3 }),
          year: fc.uniqueArray(value, { minLength: 1 }),
        },
        { requiredKeys: [] },
      ),
      sort: fc.constantFrom<SearchState['sort']>('relevance', 'date'),
    });
    fc.assert(
      fc.property(state, (original) => {
        expect(readSearchState(writeSearchState(original))).toEqual(original);
      }),
      { seed: 20261122, numRuns: 200 },
    );
  });
});
