import { describe, expect, test } from 'vitest';
import {
  countSentences,
  countWords,
  endsSentence,
  isAllCaps,
  truncateAtWord,
} from '../../../src/core/text/text.ts';

describe('countWords', () => {
  test('counts words with inner apostrophes and hyphens as one', () => {
    expect(countWords('Russia’s war-torn neighbour, it said — 2021.')).toBe(6);
  });

  test('returns 0 for punctuation only', () => {
    expect(countWords(' — … !')).toBe(0);
  });
});

describe('truncateAtWord', () => {
  test('returns short text unchanged', () => {
    expect(truncateAtWord('Short text', 20)).toBe('Short text');
  });

  test('cuts at a word boundary and adds an ellipsis within the limit', () => {
    expect(truncateAtWord('The quick brown fox jumps over the lazy dog', 20)).toBe('The quick brown fox…');
  });

  test('drops a trailing comma or dash before the ellipsis', () => {
    expect(truncateAtWord('Alpha beta, gamma delta epsilon', 13)).toBe('Alpha beta…');
  });

  test('cuts a single giant word hard', () => {
    expect(truncateAtWord('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('isAllCaps', () => {
  test('returns true for capitals with punctuation and digits', () => {
    expect(isAllCaps('CIC PRESS TEAM')).toBe(true);
    expect(isAllCaps('RUSSIA BECOMES THE FIRST, IN 2025.')).toBe(true);
  });

  test('returns false for normal case and for too few letters', () => {
    expect(isAllCaps('Russia Becomes The First')).toBe(false);
    expect(isAllCaps('UK')).toBe(false);
  });
});

describe('countSentences', () => {
  test('counts sentence ends followed by a capital', () => {
    expect(countSentences('One here. Two here! Three?')).toBe(3);
    expect(countSentences('He said “Stop.” Then he left.')).toBe(2);
  });

  test('does not split on decimals or mid-sentence abbreviations before lower case', () => {
    expect(countSentences('Profits rose to $1.13bn, i.e. a rise of 76%.')).toBe(1);
  });
});

describe('endsSentence', () => {
  test('returns true after . ! ? … with optional closing quotes', () => {
    expect(endsSentence('It ended.')).toBe(true);
    expect(endsSentence('“gender apartheid.”')).toBe(true);
  });

  test('returns false for a line cut mid-sentence', () => {
    expect(endsSentence('since the Taliban’s return to power in 2021')).toBe(false);
  });
});
