/** Property-based tests of slug assignment (fixed seed). */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { assignSlugs } from '../../../src/core/text/slug.ts';

fc.configureGlobal({ seed: 20_261_122, numRuns: 300 });

describe('assignSlugs (properties)', () => {
  const items = fc.uniqueArray(
    fc.record({
      key: fc.string({ minLength: 1, maxLength: 12 }),
      title: fc.string({ unit: 'grapheme', maxLength: 80 }),
    }),
    { selector: (item) => item.key, maxLength: 25 },
  );
  /** Items and a random permutation of their positions (any of the n! orders). */
  const itemsAndOrder = items.chain((list) =>
    fc.tuple(
      fc.constant(list),
      fc.shuffledSubarray([...list.keys()], { minLength: list.length, maxLength: list.length }),
    ),
  );

  test('gives every item a unique lowercase ASCII slug', () => {
    fc.assert(
      fc.property(items, (list) => {
        const slugs = [...assignSlugs(list).values()];
        expect(slugs).toHaveLength(list.length);
        expect(new Set(slugs).size).toBe(slugs.length);
        for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      }),
    );
  });

  test('does not depend on input order', () => {
    fc.assert(
      fc.property(itemsAndOrder, ([list, order]) => {
        const shuffled = order.map((index) => list[index] as (typeof list)[number]);
        expect(assignSlugs(shuffled)).toEqual(assignSlugs(list));
      }),
    );
  });
});
