/**
 * Duplicate finding with the sketches of an earlier run: the same groups and pairs as from
 * nothing, with only changed texts sketched again.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findDuplicateGroups, type BodySketch } from '../../../src/core/corpus/duplicates.ts';

const sentence = (n: number): string =>
  `Sentence number ${n} says something about the harbour and the ferry.`;
const text = (from: number, to: number): string =>
  Array.from({ length: to - from }, (_, i) => sentence(from + i)).join(' ');

describe('findDuplicateGroups with remembered sketches', () => {
  test('finds what it finds from nothing, run after run, and keeps only this run’s texts', () => {
    const bodies = [text(0, 30), text(0, 30), text(0, 29), text(100, 130), '', ''];
    const remembered = new Map<string, BodySketch>();
    const fresh = findDuplicateGroups(bodies);
    expect(fresh.groups).toEqual([[0, 1, 2]]);
    expect(findDuplicateGroups(bodies, undefined, remembered)).toEqual(fresh);
    expect(remembered.size).toBe(4);
    expect(findDuplicateGroups(bodies, undefined, remembered)).toEqual(fresh);

    const edited = [text(0, 30), text(200, 230), text(0, 29), text(100, 130)];
    expect(findDuplicateGroups(edited, undefined, remembered)).toEqual(findDuplicateGroups(edited));
    expect(remembered.size).toBe(4);
  });

  test('gives the same result with or without remembered sketches (property, fixed seed)', () => {
    const corpus = fc.array(
      fc
        .tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 30 }))
        .map(([from, length]) => text(from, from + length)),
      { minLength: 1, maxLength: 12 },
    );
    fc.assert(
      fc.property(corpus, corpus, (first, second) => {
        const remembered = new Map<string, BodySketch>();
        findDuplicateGroups(first, undefined, remembered);
        expect(findDuplicateGroups(second, undefined, remembered)).toEqual(findDuplicateGroups(second));
      }),
      { seed: 20261130, numRuns: 100 },
    );
  });
});
