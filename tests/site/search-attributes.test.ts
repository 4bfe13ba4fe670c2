import { describe, expect, test } from 'vitest';
import { en } from '../../src/site/i18n/en.ts';
import { fr } from '../../src/site/i18n/fr.ts';
import { searchAttributes } from '../../src/site/search-attributes.ts';
import { makeArticle } from '../support/articles.ts';

describe('searchAttributes', () => {
  test('gives a dated article with a source its year and source filters, date and source metadata', () => {
    expect(
      searchAttributes(
        makeArticle({ slug: 'a', date: '2025-07-11T09:30:00+04:30', source: 'Reuters, London: desk' }),
        en,
      ),
    ).toEqual({
      'data-pagefind-filter': 'year[data-year], source[data-source]',
      'data-pagefind-meta': 'date[data-date], source[data-source]',
      'data-pagefind-sort': 'date:2025-07-11',
      'data-year': '2025',
      'data-date': '11 July 2025',
      'data-source': 'Reuters, London: desk',
    });
  });

  test('files an undated article under "Undated", sorts it last and sets no empty metadata', () => {
    const attributes = searchAttributes(makeArticle({ slug: 'b' }), en);
    expect(attributes).toEqual({
      'data-pagefind-filter': 'year[data-year]',
      'data-pagefind-sort': 'date:0000-00-00',
      'data-year': 'Undated',
    });
    expect(attributes).not.toHaveProperty('data-pagefind-meta');
  });

  test('offers the section as a filter, read from its own attribute', () => {
    const attributes = searchAttributes(makeArticle({ slug: 'c', section: 'World, Europe: desk' }), en);
    expect(attributes['data-pagefind-filter']).toBe('section[data-section], year[data-year]');
    expect(attributes['data-section']).toBe('World, Europe: desk');
  });

  test('gives the date as results show it, and the undated filter value, in the site’s language', () => {
    expect(searchAttributes(makeArticle({ slug: 'd', date: '2025-07-11' }), fr)['data-date']).toBe(
      '11 juillet 2025',
    );
    expect(searchAttributes(makeArticle({ slug: 'e' }), fr)['data-year']).toBe('Sans date');
  });
});
