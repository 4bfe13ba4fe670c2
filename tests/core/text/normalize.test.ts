import { describe, expect, test } from 'vitest';
import {
  comparisonKey,
  normalizeText,
  smartenPunctuation,
  smartenQuotes,
} from '../../../src/core/text/normalize.ts';

describe('normalizeText', () => {
  test('turns CRLF and lone CR line endings into LF', () => {
    expect(normalizeText('a\r\nb\rc\n')).toBe('a\nb\nc\n');
  });

  test('replaces no-break and odd spaces with plain spaces and removes zero-width characters', () => {
    expect(normalizeText('Mr\u00A0Smith said\u200B no\u2060 to\u202Fthis\u00AD')).toBe(
      'Mr Smith said no to this',
    );
  });

  test('trims each line and collapses runs of spaces', () => {
    expect(normalizeText('  date 2025-07-11   By  Desk.  \n\t Title\t')).toBe(
      'date 2025-07-11 By Desk.\nTitle',
    );
  });

  test('composes characters to NFC', () => {
    expect(normalizeText('Cafe\u0301')).toBe('Caf\u00e9');
  });
});

describe('smartenQuotes', () => {
  test('turns apostrophes and double quotes into typographic ones', () => {
    expect(smartenQuotes(`Russia's "gender apartheid." remark`)).toBe('Russia’s “gender apartheid.” remark');
  });

  test('handles single quotes and nested quotes', () => {
    expect(smartenQuotes(`He said, "it's 'fine'" and left.`)).toBe('He said, “it’s ‘fine’” and left.');
  });

  test('leaves text without straight quotes untouched', () => {
    expect(smartenQuotes('Already “curly” and it’s fine — ok')).toBe('Already “curly” and it’s fine — ok');
  });
});

describe('comparisonKey', () => {
  test('ignores case, quote style, dash style and whitespace', () => {
    expect(comparisonKey(`Russia's  "Bold" Move – Now`)).toBe(comparisonKey('russia’s “bold” move - now'));
  });

  test('keeps different words different', () => {
    expect(comparisonKey('Russia recognises')).not.toBe(comparisonKey('Russia recognised'));
  });
});

describe('smartenPunctuation', () => {
  test('sets double and triple hyphens as em dashes and a lone spaced hyphen as an en dash', () => {
    expect(smartenPunctuation('Kabul -- and Moscow --- agreed')).toBe('Kabul — and Moscow — agreed');
    expect(smartenPunctuation('KABUL, July 12 (Reuters) - The Taliban')).toBe(
      'KABUL, July 12 (Reuters) – The Taliban',
    );
  });

  test('leaves hyphens in words, dates, ranges and rules as written', () => {
    const text = 'A well-known 2025-07-11 report, pages 10-12, then ----- and a trailing -';
    expect(smartenPunctuation(text)).toBe(text);
  });

  test('turns three dots into an ellipsis but not longer runs, and smartens quotes too', () => {
    expect(smartenPunctuation(`He said "wait..." and '....' stayed`)).toBe(
      'He said “wait…” and ‘....’ stayed',
    );
  });
});
