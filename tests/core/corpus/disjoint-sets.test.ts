import { describe, expect, test } from 'vitest';
import { DisjointSets } from '../../../src/core/corpus/disjoint-sets.ts';

describe('DisjointSets', () => {
  test('keeps the given root as the root and lists every set in order of its first item', () => {
    const sets = new DisjointSets(6);
    sets.attach(4, 1);
    sets.attach(4, 5);
    sets.attach(sets.find(1), 2);
    expect(sets.find(5)).toBe(4);
    expect(sets.find(2)).toBe(4);
    expect(sets.groups()).toEqual([[0], [1, 2, 4, 5], [3]]);
  });

  test('finds the root of a long chain (path compression leaves the answer unchanged)', () => {
    const sets = new DisjointSets(10_000);
    for (let index = 1; index < 10_000; index += 1) sets.attach(index, index - 1);
    expect(sets.find(0)).toBe(9_999);
    expect(sets.find(0)).toBe(9_999);
    expect(sets.groups()).toHaveLength(1);
  });
});
