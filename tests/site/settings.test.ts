import { describe, expect, test } from 'vitest';
import { SITE } from '../../src/site/settings.ts';

describe('SITE', () => {
  test('has listing sizes that paginate accepts: positive whole numbers', () => {
    for (const size of [SITE.storiesPerPage, SITE.articlesPerPage]) {
      expect(Number.isInteger(size)).toBe(true);
      expect(size).toBeGreaterThan(0);
    }
  });
});
