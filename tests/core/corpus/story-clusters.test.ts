/**
 * The clustering of the story grouping (agglomerate): group-to-centroid merging over given
 * links, and the checks that keep it from chaining (the merge threshold, ONE_WORD, BRIDGE), the
 * time decay between groups' date spans, repeated passes and the centroid's term limit. The
 * vectors are hand-made; every similarity a decision turns on is worked out in a comment.
 */
import { describe, expect, test } from 'vitest';
import { DEFAULT_STORY_OPTIONS, type StoryLink } from '../../../src/core/corpus/stories.ts';
import { agglomerate } from '../../../src/core/corpus/story-clusters.ts';
import type { SparseVector } from '../../../src/core/corpus/tfidf.ts';
import { vector } from '../../support/vectors.ts';

const undated = (count: number): number[] => Array.from({ length: count }, () => Number.NaN);
const link = (a: number, b: number, similarity: number): StoryLink => ({ a, b, similarity });

describe('agglomerate: two single reports', () => {
  test('returns them as one story when their link is at or above the merge threshold', () => {
    // cos = 0.6·0.8 + 0.8·0.6 = 0.96; without its largest word (0.48) 0.48 remains.
    const vectors = [vector({ 0: 0.6, 1: 0.8 }), vector({ 0: 0.8, 1: 0.6 })];
    expect(agglomerate(vectors, undated(2), [link(0, 1, 0.96)], DEFAULT_STORY_OPTIONS)).toStrictEqual([
      [0, 1],
    ]);
  });

  test('returns them apart when their link is below the threshold, together when the threshold is lower', () => {
    // cos = 0.6·0.2 + 0.8·0.1 = 0.2, under 0.25; at a threshold of 0.15 it is enough, and
    // without its largest word (0.12) 0.08 remains, over half of 0.15.
    const vectors = [vector({ 10: 0.6, 11: 0.8 }), vector({ 10: 0.2, 11: 0.1, 12: 0.974679 })];
    const links = [link(0, 1, 0.2)];
    expect(agglomerate(vectors, undated(2), links, DEFAULT_STORY_OPTIONS)).toStrictEqual([[0], [1]]);
    expect(agglomerate(vectors, undated(2), links, { ...DEFAULT_STORY_OPTIONS, merge: 0.15 })).toStrictEqual([
      [0, 1],
    ]);
  });

  test('returns them apart when all their similarity rests on one shared word (ONE_WORD)', () => {
    // They share only term 3: cos = 0.8·0.6 = 0.48, well over 0.25, but nothing without it.
    const vectors = [vector({ 2: 0.6, 3: 0.8 }), vector({ 3: 0.6, 4: 0.8 })];
    const links = [link(0, 1, 0.48)];
    expect(agglomerate(vectors, undated(2), links, DEFAULT_STORY_OPTIONS)).toStrictEqual([[0], [1]]);
    expect(agglomerate(vectors, undated(2), links, { ...DEFAULT_STORY_OPTIONS, oneWord: 0 })).toStrictEqual([
      [0, 1],
    ]);
  });

  test('returns every report in exactly one story, stories ordered by their first report', () => {
    const vectors = [
      vector({ 5: 1 }),
      vector({ 0: 0.6, 1: 0.8 }),
      vector({ 6: 1 }),
      vector({ 0: 0.8, 1: 0.6 }),
      vector({ 7: 1 }),
    ];
    expect(agglomerate(vectors, undated(5), [link(1, 3, 0.96)], DEFAULT_STORY_OPTIONS)).toStrictEqual([
      [0],
      [1, 3],
      [2],
      [4],
    ]);
    expect(agglomerate([], [], [], DEFAULT_STORY_OPTIONS)).toStrictEqual([]);
  });
});

describe('agglomerate: a roundup quoting two stories (BRIDGE)', () => {
  // Story X: reports 0 and 1, the same words (terms 0–3, 0.5 each). Story Y: reports 3 and 4
  // (terms 10–13). Report 2, a roundup, holds all eight terms at 1/√8 = 0.353553, so its cosine
  // with each report of X or Y is 4 · 0.5 · 0.353553 = 0.707107.
  const quarter = (first: number): SparseVector =>
    vector({ [first]: 0.5, [first + 1]: 0.5, [first + 2]: 0.5, [first + 3]: 0.5 });
  const roundup = vector(Object.fromEntries([0, 1, 2, 3, 10, 11, 12, 13].map((term) => [term, 0.353553])));
  const vectors = [quarter(0), quarter(0), roundup, quarter(10), quarter(10)];
  const links = [link(0, 1, 1), link(3, 4, 1), link(0, 2, 0.707107), link(2, 3, 0.707107)];
  // At a threshold of 0.2: the roundup joins X (mean 0.707). X with the roundup, sum
  // (1.353553 × 4 terms, 0.353553 × 4), has norm 2.797933; Y's members resemble it by
  // 1.414214 / (2 × 2.797933) = 0.2527 on average, over 0.2 — but all of that comes through the
  // roundup: without it, X shares nothing with Y.
  const options = { ...DEFAULT_STORY_OPTIONS, merge: 0.2 };

  test('returns the two stories apart, the roundup in the first it joined', () => {
    expect(agglomerate(vectors, undated(5), links, options)).toStrictEqual([
      [0, 1, 2],
      [3, 4],
    ]);
  });

  test('returns one chained story when the bridge check is off', () => {
    expect(agglomerate(vectors, undated(5), links, { ...options, bridge: 0 })).toStrictEqual([
      [0, 1, 2, 3, 4],
    ]);
  });
});

describe('agglomerate: time between groups', () => {
  // Four reports with the same words: cos 1, of which the largest word (0.8 · 0.8) is 0.64.
  const same = (): SparseVector => vector({ 0: 0.6, 1: 0.8 });
  const vectors = [same(), same(), same(), same()];

  test('returns two groups as one story when undated or days apart, and apart when two months apart', () => {
    // Reports 0 and 1 on day 0, 2 and 3 on day `later`. The groups' mean similarity is 1 × the
    // decay: e^-(10/30)² = 0.895 keeps it over 0.25, e^-(60/30)² = 0.018 does not.
    // The one-word check is decayed too; it is off in the second run, so the mean alone decides.
    for (const options of [DEFAULT_STORY_OPTIONS, { ...DEFAULT_STORY_OPTIONS, oneWord: 0 }]) {
      const run = (days: number[]) =>
        agglomerate(vectors, days, [link(0, 1, 1), link(2, 3, 1), link(1, 2, 1)], options);
      expect(run(undated(4))).toStrictEqual([[0, 1, 2, 3]]);
      expect(run([0, 0, 10, 10])).toStrictEqual([[0, 1, 2, 3]]);
      expect(run([0, 0, 60, 60])).toStrictEqual([
        [0, 1],
        [2, 3],
      ]);
    }
  });

  test('returns a report joined to a group by its gap to the group’s last day, not its first', () => {
    // Reports on days 0, 20 and 40, links decayed as the graph gives them (e^-(20/30)² = 0.6412).
    // Once 0 and 1 are one group spanning days 0–20, report 2 is 20 days from it (decay 0.6412,
    // mean similarity 0.64): it joins. Measured from day 0 it would be 40 days (0.169): it would not.
    const links = [link(0, 1, 0.64118), link(1, 2, 0.64118)];
    expect(agglomerate(vectors.slice(0, 3), [0, 20, 40], links, DEFAULT_STORY_OPTIONS)).toStrictEqual([
      [0, 1, 2],
    ]);
  });
});

describe('agglomerate: passes and centroids', () => {
  test('returns a merge made possible by an earlier merge only when another pass is allowed', () => {
    // Report 0 and 2 share term 3 only (cos 0.5 · 0.4 = 0.2, refused); 0 and 1 share terms 0 and 1
    // (0.5). Given the 0–2 link first, it is refused before 0 and 1 merge; on the next pass the
    // group {0, 1} (norm √3) resembles report 2 by 0.7 / √3 = 0.404, and it joins.
    const vectors = [
      vector({ 0: 0.5, 1: 0.5, 2: 0.5, 3: 0.5 }),
      vector({ 0: 0.5, 1: 0.5, 4: 0.5, 5: 0.5 }),
      vector({ 3: 0.4, 4: 0.5, 5: 0.5, 6: 0.583095 }),
    ];
    const links = [link(0, 2, 0.2), link(0, 1, 0.5)];
    expect(agglomerate(vectors, undated(3), links, { ...DEFAULT_STORY_OPTIONS, passes: 1 })).toStrictEqual([
      [0, 1],
      [2],
    ]);
    expect(agglomerate(vectors, undated(3), links, { ...DEFAULT_STORY_OPTIONS, passes: 2 })).toStrictEqual([
      [0, 1, 2],
    ]);
  });

  test('returns a decision on a centroid cut to its `centroidTerms` heaviest terms', () => {
    // Reports 0 and 1 are the same (terms 0 and 1 at 0.8 and 0.6); report 2 has 0.3 and 0.6 of them
    // (cos 0.6). With the whole centroid (1.6, 1.2) report 2 joins; with only its heaviest term
    // (1.6), the group resembles report 2 less than report 1 alone does, and it does not.
    const vectors = [
      vector({ 0: 0.8, 1: 0.6 }),
      vector({ 0: 0.8, 1: 0.6 }),
      vector({ 0: 0.3, 1: 0.6, 2: 0.74162 }),
    ];
    const links = [link(0, 1, 1), link(1, 2, 0.6)];
    expect(agglomerate(vectors, undated(3), links, DEFAULT_STORY_OPTIONS)).toStrictEqual([[0, 1, 2]]);
    expect(
      agglomerate(vectors, undated(3), links, { ...DEFAULT_STORY_OPTIONS, centroidTerms: 1 }),
    ).toStrictEqual([[0, 1], [2]]);
  });
});
