/** Property-based tests of in-article repeat removal (fixed seed). */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { comparisonKey } from '../../../src/core/text/normalize.ts';
import { removeRepeatedParagraphs } from '../../../src/core/ingest/repeats.ts';
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
