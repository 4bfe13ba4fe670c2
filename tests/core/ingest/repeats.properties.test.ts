/** Property-based tests of in-article repeat removal and slug assignment (fixed seed). */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { comparisonKey } from '../../../src/core/text/normalize.ts';
import { removeRepeatedParagraphs } from '../../../src/core/ingest/repeats.ts';
import { assignSlugs } from '../../../src/core/text/slug.ts';
import { countWords } from '../../../src/core/text/text.ts';

fc.configureGlobal({ seed: 20_261_122, numRuns: 300 });

// A small pool makes repeats frequent; some entries are short enough to be kept when repeated.
const pool = [
  'No.',
  'Yes, she said.',
  'The council voted on Tuesday to approve the new budget for the coming year.',
  'Officials from both countries met in Geneva for a second round of talks.',
  'The minister said the plan would be published in full next month.',
  'Residents were told they could return to their homes from Thursday morning.',
];
const paragraphs = fc.array(fc.constantFrom(...pool), { maxLength: 14 });

const isSubsequence = (small: string[], big: string[]): boolean => {
  let index = 0;
  for (const item of big) if (item === small[index]) index += 1;
  return index === small.length;
};

describe('removeRepeatedParagraphs (properties)', () => {
  test('keeps a subsequence of the input and accounts for every paragraph', () => {
    fc.assert(
      fc.property(paragraphs, (input) => {
        const { kept, removals } = removeRepeatedParagraphs(input);
        expect(isSubsequence(kept, input)).toBe(true);
        expect(kept.length + removals.reduce((sum, removal) => sum + removal.removed.length, 0)).toBe(
          input.length,
        );
      }),
    );
  });

  test('is idempotent', () => {
    fc.assert(
      fc.property(paragraphs, (input) => {
        const once = removeRepeatedParagraphs(input).kept;
        expect(removeRepeatedParagraphs(once)).toEqual({ kept: once, removals: [] });
      }),
    );
  });

  test('leaves no long paragraph twice, and keeps the first copy of each', () => {
    fc.assert(
      fc.property(paragraphs, (input) => {
        const { kept } = removeRepeatedParagraphs(input);
        const long = kept.filter((text) => countWords(text) >= 8).map(comparisonKey);
        expect(new Set(long).size).toBe(long.length);
        for (const text of new Set(input)) expect(kept).toContain(text);
      }),
    );
  });
});

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
