import { describe, expect, test } from 'vitest';
import { blockParagraphs, isHardWrapped, splitLines } from '../../../src/core/ingest/paragraphs.ts';

describe('splitLines', () => {
  test('returns the non-blank lines with their line numbers and blocks', () => {
    expect(splitLines('Title\n\nLine one\nLine two\n\n\nLast')).toEqual([
      { text: 'Title', line: 1, block: 0 },
      { text: 'Line one', line: 3, block: 1 },
      { text: 'Line two', line: 4, block: 1 },
      { text: 'Last', line: 7, block: 2 },
    ]);
  });

  test('counts leading blank lines and a last line without a line break', () => {
    expect(splitLines('\n\nA\nB')).toEqual([
      { text: 'A', line: 3, block: 0 },
      { text: 'B', line: 4, block: 0 },
    ]);
  });

  test('counts long runs of blank lines, and blank lines at the end', () => {
    const lines = splitLines(`A\n${'\n'.repeat(5000)}B\nC\n\n`);
    expect(lines).toEqual([
      { text: 'A', line: 1, block: 0 },
      { text: 'B', line: 5002, block: 1 },
      { text: 'C', line: 5003, block: 1 },
    ]);
  });

  test('returns no lines for blank text', () => {
    expect(splitLines('\n\n\n')).toEqual([]);
    expect(splitLines('')).toEqual([]);
  });
});

describe('isHardWrapped', () => {
  const wrapped = [
    'River levels across the valley began to fall on Sunday after a week of',
    'flooding that forced hundreds of families from their homes and closed',
    'the main road into town for four days.',
  ];

  test('returns true for typewriter-width lines that stop mid-sentence', () => {
    expect(isHardWrapped(wrapped)).toBe(true);
  });

  test('returns false for one paragraph per line', () => {
    expect(
      isHardWrapped([
        'Russia has maintained an active diplomatic presence in Afghanistan since the Taliban’s takeover, being one of the few nations not to close its embassy.',
        'As the world watches these developments unfold, the implications remain to be seen.',
      ]),
    ).toBe(false);
  });

  test('returns false for short lines such as a list of names and for a single line', () => {
    expect(isHardWrapped(['Ewood Park', 'Tuesday, 1 March', '2000 GMT'])).toBe(false);
    expect(isHardWrapped([wrapped[0] ?? ''])).toBe(false);
  });
});

describe('blockParagraphs', () => {
  test('joins a hard-wrapped block into one paragraph, mending a hyphen broken at a line end', () => {
    expect(
      blockParagraphs([
        'The well-known bakery on the corner of the high street closed its doors',
        'for the last time on Saturday after almost ninety years of trading, its',
        'owners said in a short note to customers.',
      ]),
    ).toEqual([
      'The well-known bakery on the corner of the high street closed its doors for the last time on Saturday after almost ninety years of trading, its owners said in a short note to customers.',
    ]);
  });

  test('keeps each line of a one-paragraph-per-line block as its own paragraph', () => {
    expect(blockParagraphs(['First full paragraph here.', 'Second one.'])).toEqual([
      'First full paragraph here.',
      'Second one.',
    ]);
  });
});
