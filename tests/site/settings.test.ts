import { describe, expect, test } from 'vitest';
import { SITE } from '../../src/site/settings.ts';

describe('SITE', () => {
  test('has listing sizes that paginate accepts: positive whole numbers', () => {
    for (const size of [SITE.storiesPerPage, SITE.articlesPerPage]) {
      expect(Number.isInteger(size)).toBe(true);
      expect(size).toBeGreaterThan(0);
    }
  });

  test('gives an Open Graph locale of the site language', () => {
    // Open Graph writes a locale as language_TERRITORY; its language must be the site's.
    expect(SITE.locale).toMatch(/^[a-z]{2}_[A-Z]{2}$/);
    expect(SITE.locale.split('_')[0]).toBe(SITE.lang);
  });
});
