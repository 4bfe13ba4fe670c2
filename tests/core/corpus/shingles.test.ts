import murmurhash from 'murmurhash';
import { describe, expect, test } from 'vitest';
import {
  fmix32,
  jaccard,
  murmur3Words,
  normalizedWords,
  shingleHashes,
} from '../../../src/core/corpus/shingles.ts';

describe('normalizedWords', () => {
  test('lower-cases, drops apostrophes and splits on everything else', () => {
    expect(normalizedWords('Russia’s “brave decision” — in 2021, it’s DONE.')).toEqual([
      'russias',
      'brave',
      'decision',
      'in',
      '2021',
      'its',
      'done',
    ]);
  });

  test('makes quote styles, spacing and case irrelevant', () => {
    expect(normalizedWords(`It's  "Fine"`)).toEqual(normalizedWords('it’s “fine”'));
  });
});

/** The reference MurmurHash3 of the little-endian bytes of the words' own MurmurHash3 values. */
const referenceShingle = (words: string[]): number =>
  murmurhash.v3(new Uint8Array(Uint32Array.from(words, (word) => murmurhash.v3(word)).buffer));

describe('shingleHashes', () => {
  test('returns the sorted unique hashes of every run of five words', () => {
    const expected = [
      referenceShingle(['a', 'b', 'c', 'd', 'e']),
      referenceShingle(['b', 'c', 'd', 'e', 'f']),
    ];
    expect(Array.from(shingleHashes(['a', 'b', 'c', 'd', 'e', 'f']))).toEqual(expected.sort((x, y) => x - y));
  });

  test('returns one shingle for fewer than five words, and none for no words', () => {
    expect(Array.from(shingleHashes(['only', 'three', 'words']))).toEqual([
      referenceShingle(['only', 'three', 'words']),
    ]);
    expect(shingleHashes([])).toHaveLength(0);
  });

  test('counts a repeated run once', () => {
    expect(shingleHashes('x y z w v x y z w v x y z w v'.split(' '))).toHaveLength(5);
  });
});

describe('murmur3Words', () => {
  test('equals the reference MurmurHash3 of the words as little-endian bytes', () => {
    const words = Uint32Array.from([0, 1, 0xdeadbeef, 0xffffffff, 42, 7]);
    for (let start = 0; start < 3; start += 1) {
      for (let count = 1; count <= 3; count += 1) {
        const bytes = new Uint8Array(words.slice(start, start + count).buffer);
        expect(murmur3Words(words, start, count)).toBe(murmurhash.v3(bytes));
      }
    }
  });
});

describe('murmurhash.v3 (the hash we build on)', () => {
  test('matches the reference MurmurHash3_x86_32 vectors', () => {
    expect(murmurhash.v3('', 0)).toBe(0);
    expect(murmurhash.v3('', 1)).toBe(0x514e28b7);
    expect(murmurhash.v3('hello', 0)).toBe(0x248bfa47);
  });
});

describe('jaccard', () => {
  const set = (...values: number[]): Uint32Array => Uint32Array.from(values);

  test('returns |A ∩ B| / |A ∪ B| for sorted sets', () => {
    expect(jaccard(set(1, 2, 3, 4), set(3, 4, 5, 6))).toBe(2 / 6);
    expect(jaccard(set(1, 2, 3), set(1, 2, 3))).toBe(1);
    expect(jaccard(set(1, 2), set(3, 4))).toBe(0);
  });

  test('returns 1 for two empty sets and 0 for one empty set', () => {
    expect(jaccard(set(), set())).toBe(1);
    expect(jaccard(set(), set(1))).toBe(0);
  });
});

describe('fmix32', () => {
  test('matches MurmurHash3’s finaliser on known values', () => {
    expect(fmix32(0)).toBe(0);
    expect(fmix32(1)).toBe(0x514e28b7);
  });

  test('is a bijection on a sample (no two inputs share an output)', () => {
    const outputs = new Set(Array.from({ length: 10_000 }, (_, index) => fmix32(index)));
    expect(outputs.size).toBe(10_000);
  });
});
