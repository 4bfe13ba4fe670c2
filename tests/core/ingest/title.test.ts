import { describe, expect, test } from 'vitest';
import { displayTitle, isTitleLike, repeatsTitle } from '../../../src/core/ingest/title.ts';

describe('isTitleLike', () => {
  test('returns true for headline-shaped lines', () => {
    expect(
      isTitleLike('Russia’s Historic Recognition of Taliban Government: A Shift in Geopolitical Dynamics'),
    ).toBe(true);
    expect(isTitleLike('Ad sales boost Time Warner profit')).toBe(true);
    expect(isTitleLike('Is this the end of the high street?')).toBe(true);
    expect(isTitleLike('Rivals of the £400 Apple...')).toBe(true);
  });

  test('returns true for an ALL-CAPS headline even with a closing full stop', () => {
    expect(
      isTitleLike('RUSSIA BECOMES THE FIRST COUNTRY IN THE WORLD TO RECOGNIZE TALIBAN GOVERNMENT.'),
    ).toBe(true);
  });

  test('returns false for sentences, multi-sentence lines and over-long lines', () => {
    expect(isTitleLike('The meeting ended without agreement.')).toBe(false);
    expect(isTitleLike('Talks failed. Both sides left')).toBe(false);
    expect(isTitleLike('Word '.repeat(31).trim())).toBe(false);
    expect(isTitleLike('x'.repeat(201))).toBe(false);
  });

  test('returns false for lines that lead into something and for lines without letters', () => {
    expect(isTitleLike('He said the following:')).toBe(false);
    expect(isTitleLike('2025-07-11')).toBe(false);
    expect(isTitleLike('')).toBe(false);
  });
});

describe('repeatsTitle', () => {
  test('returns true for the same words in another case, quote style or with a full stop', () => {
    expect(repeatsTitle("Russia's Historic Recognition", 'Russia’s historic recognition.')).toBe(true);
  });

  test('returns false for a different line', () => {
    expect(
      repeatsTitle('Russia officially acknowledges Taliban rule.', 'Russia’s Historic Recognition'),
    ).toBe(false);
  });
});

describe('displayTitle', () => {
  const body = [
    'In a landmark move, Russia has become the first country to recognize the Taliban-led government.',
    'The announcement came after talks in Kabul, officials said.',
  ].join('\n');

  test('turns the founding ALL-CAPS title into title case with the body’s casing of names', () => {
    expect(
      displayTitle('RUSSIA BECOMES THE FIRST COUNTRY IN THE WORLD TO RECOGNIZE TALIBAN GOVERNMENT.', body),
    ).toBe('Russia Becomes the First Country in the World to Recognize Taliban Government');
  });

  test('keeps acronyms and mixed-case names as the body writes them', () => {
    const text = 'Staff at the BBC and the UN used an iPhone app made by McDonald and Sons in Kabul.';
    expect(displayTitle('BBC AND UN STAFF TRY IPHONE APP FROM MCDONALD', text)).toBe(
      'BBC and UN Staff Try iPhone App From McDonald',
    );
  });

  test('capitalises a first word that the body writes in lower case mid-sentence', () => {
    expect(displayTitle('IPHONE SALES FALL', 'Sales of the iPhone fell, the iPhone maker said.')).toBe(
      'IPhone Sales Fall',
    );
  });

  test('ignores capitals at sentence starts when learning casing', () => {
    // "Government" only appears capitalised at the start of a sentence, so it gets title case
    // from the rules, and "government" lower case mid-sentence does not lower it.
    expect(displayTitle('GOVERNMENT FALLS', 'Government sources said the government fell.')).toBe(
      'Government Falls',
    );
  });

  test('leaves a mixed-case title as written apart from a trailing full stop', () => {
    expect(displayTitle('Council approves new park.', '')).toBe('Council approves new park');
    expect(displayTitle('Wait for it...', '')).toBe('Wait for it...');
  });
});
