/**
 * Duplicate groups: exact copies (after normalising case, spacing and quotes) and near-copies
 * whose word 5-shingle sets have a Jaccard similarity at or above the threshold (found by
 * MinHash + LSH, verified exactly). The texts are built from words used once each, so every
 * similarity is counted by hand: a text of n words has n − 4 shingles.
 */
import { describe, expect, test } from 'vitest';
import { DUPLICATE_THRESHOLD, findDuplicateGroups } from '../../../src/core/corpus/duplicates.ts';

/** 43 words, none repeated: 39 shingles. */
const BODY =
  'Harbour officials in Portmere confirmed on Wednesday that the northern breakwater will close for repairs after winter storms cracked several concrete blocks, forcing fishing crews to moor inside a temporary basin while engineers survey damage beneath its waterline using divers and sonar equipment';
/** 26 more words, none repeated and none in BODY. */
const EXTRA =
  'Local traders fear lost income during peak summer season although council grants promise partial compensation covering berth fees plus fuel costs until reopening sometime next autumn'.split(
    ' ',
  );
/** BODY followed by the first `count` words of EXTRA: 39 + count shingles, all of BODY's among them. */
const withExtra = (count: number): string => `${BODY} ${EXTRA.slice(0, count).join(' ')}`;

/** Pairs as [a, b, similarity to 6 places], in order. */
const pairList = (pairs: { a: number; b: number; similarity: number }[]): [number, number, number][] =>
  pairs
    .map(({ a, b, similarity }): [number, number, number] => [a, b, Math.round(similarity * 1e6) / 1e6])
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);

describe('findDuplicateGroups', () => {
  test('the texts are made of words used once each (what the counts below rely on)', () => {
    const words = `${BODY} ${EXTRA.join(' ')}`.toLowerCase().match(/\w+/g) ?? [];
    expect(words).toHaveLength(69);
    expect(new Set(words).size).toBe(69);
  });

  test('returns exact copies as one group, whatever their case, spacing and quotes, with no near-duplicate pair', () => {
    const shouted = BODY.toUpperCase().replace(/ /g, ' \n  ');
    const { groups, pairs } = findDuplicateGroups([
      BODY,
      'The minister’s “plan” failed.',
      shouted,
      'the ministers "plan"   failed',
    ]);
    expect(groups).toStrictEqual([
      [0, 2],
      [1, 3],
    ]);
    expect(pairs).toStrictEqual([]);
  });

  test('returns a copy with its last word changed as a near-duplicate, with similarity 38/40', () => {
    // Changing the last word changes the last shingle only: 38 shared of 40 in all.
    const edited = BODY.replace(/equipment$/, 'gear');
    const { groups, pairs } = findDuplicateGroups([BODY, edited]);
    expect(groups).toStrictEqual([[0, 1]]);
    expect(pairList(pairs)).toStrictEqual([[0, 1, 0.95]]);
  });

  test('returns a copy with words added at the threshold’s side: 39/55 = 0.709 joins, 39/56 = 0.696 does not', () => {
    expect(DUPLICATE_THRESHOLD).toBe(0.7);
    const above = findDuplicateGroups([BODY, withExtra(16)]);
    expect(above.groups).toStrictEqual([[0, 1]]);
    expect(pairList(above.pairs)).toStrictEqual([[0, 1, 0.709091]]);
    const below = findDuplicateGroups([BODY, withExtra(17)]);
    expect(below.groups).toStrictEqual([]);
    expect(below.pairs).toStrictEqual([]);
  });

  test('returns a pair below the threshold apart: half the text shared is 16/62', () => {
    // The first 20 words of BODY (16 shingles) and 23 new words: 16 shared of 39 + 39 − 16 = 62.
    const half = `${BODY.split(' ').slice(0, 20).join(' ')} ${EXTRA.slice(0, 23).join(' ')}`;
    expect(findDuplicateGroups([BODY, half])).toStrictEqual({ groups: [], pairs: [] });
  });

  test('returns a pair under the default threshold together when given a lower threshold', () => {
    // BODY and BODY with all 26 extra words: 39 of 65 shingles shared, 0.6.
    expect(findDuplicateGroups([BODY, withExtra(26)]).groups).toStrictEqual([]);
    const lower = findDuplicateGroups([BODY, withExtra(26)], 0.6);
    expect(lower.groups).toStrictEqual([[0, 1]]);
    expect(pairList(lower.pairs)).toStrictEqual([[0, 1, 0.6]]);
  });

  test('returns a chain of near-copies as one group, though its ends are not near-copies of each other', () => {
    // BODY–middle 39/52 = 0.75, middle–long 52/65 = 0.8, BODY–long 39/65 = 0.6.
    const { groups, pairs } = findDuplicateGroups([BODY, withExtra(13), withExtra(26)]);
    expect(groups).toStrictEqual([[0, 1, 2]]);
    expect(pairList(pairs)).toStrictEqual([
      [0, 1, 0.75],
      [1, 2, 0.8],
    ]);
  });

  test('returns groups each sorted and ordered by their first index', () => {
    const other = `${EXTRA.join(' ')} and then some more words follow here`;
    const { groups } = findDuplicateGroups([other, BODY, 'An unrelated line.', BODY.toLowerCase(), other]);
    expect(groups).toStrictEqual([
      [0, 4],
      [1, 3],
    ]);
  });

  test('returns no group for empty texts or texts without words, and none for no texts', () => {
    expect(findDuplicateGroups(['', '', ' — … ', 'Harbour'])).toStrictEqual({ groups: [], pairs: [] });
    expect(findDuplicateGroups([])).toStrictEqual({ groups: [], pairs: [] });
  });

  test('returns short texts of fewer than five words as copies only when their words are the same', () => {
    expect(
      findDuplicateGroups(['Storm hits coast.', 'STORM HITS COAST', 'Storm hits town.']).groups,
    ).toStrictEqual([[0, 1]]);
  });
});
