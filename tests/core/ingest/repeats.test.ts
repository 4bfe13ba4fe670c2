import { describe, expect, test } from 'vitest';
import { removeRepeatedParagraphs } from '../../../src/core/ingest/repeats.ts';

const LONG_A = 'Russia has maintained an active diplomatic presence in Afghanistan since the takeover.';
const LONG_B = 'This recognition contrasts sharply with the responses from Western governments.';
const LONG_C = 'The international reaction to the recognition remains cautious for now.';

describe('removeRepeatedParagraphs', () => {
  test('removes a repeated block of paragraphs and records it', () => {
    expect(removeRepeatedParagraphs(['Lead.', LONG_A, LONG_B, LONG_C, LONG_A, LONG_B, LONG_C])).toEqual({
      kept: ['Lead.', LONG_A, LONG_B, LONG_C],
      removals: [{ start: 4, removed: [LONG_A, LONG_B, LONG_C] }],
    });
  });

  test('finds copies that differ only in quotes, case and spacing, and keeps the first copy as written', () => {
    const first = `It's "gender apartheid," the UN said in its statement on Tuesday.`;
    const copy = 'It’s “gender apartheid,”  the UN said in its statement on tuesday.';
    expect(removeRepeatedParagraphs([first, 'Between.', copy])).toEqual({
      kept: [first, 'Between.'],
      removals: [{ start: 2, removed: [copy] }],
    });
  });

  test('removes a single repeated paragraph of eight or more words', () => {
    expect(removeRepeatedParagraphs([LONG_A, LONG_B, LONG_A])).toEqual({
      kept: [LONG_A, LONG_B],
      removals: [{ start: 2, removed: [LONG_A] }],
    });
  });

  test('keeps a short line that recurs on its own, as deliberate repetition may', () => {
    expect(removeRepeatedParagraphs(['Asked again, she said:', 'No.', 'Asked a third time:', 'No.'])).toEqual(
      {
        kept: ['Asked again, she said:', 'No.', 'Asked a third time:', 'No.'],
        removals: [],
      },
    );
  });

  test('returns everything when nothing repeats', () => {
    expect(removeRepeatedParagraphs([LONG_A, LONG_B, LONG_C])).toEqual({
      kept: [LONG_A, LONG_B, LONG_C],
      removals: [],
    });
  });
});
