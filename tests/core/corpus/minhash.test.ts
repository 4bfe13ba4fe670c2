import { describe, expect, test } from 'vitest';
import {
  BUCKET_LEADERS,
  BUCKET_WINDOW,
  estimatedSimilarity,
  lshCandidatePairs,
  MAX_BUCKET_SIZE,
  minhashSignature,
  SIGNATURE_SIZE,
} from '../../../src/core/corpus/minhash.ts';
import { fmix32, jaccard } from '../../../src/core/corpus/shingles.ts';

/** A set of `size` distinct pseudo-random 32-bit values starting at `offset` in a fixed sequence. */
const sequence = (offset: number, size: number): Uint32Array =>
  Uint32Array.from({ length: size }, (_, index) => fmix32(offset + index + 1)).sort();

describe('minhashSignature', () => {
  test('returns one minimum per hash function, equal for equal sets', () => {
    const a = minhashSignature(sequence(0, 200));
    expect(a).toHaveLength(SIGNATURE_SIZE);
    expect(Array.from(a)).toEqual(Array.from(minhashSignature(sequence(0, 200))));
  });

  test('agrees with the Jaccard similarity within sampling error', () => {
    // Sets of 400 sharing 300: Jaccard 300 / 500 = 0.6.
    const a = sequence(0, 400);
    const b = sequence(100, 400);
    expect(jaccard(a, b)).toBeCloseTo(0.6, 5);
    const [sa, sb] = [minhashSignature(a), minhashSignature(b)];
    const agree = sa.filter((value, index) => value === sb[index]).length / SIGNATURE_SIZE;
    // 48 positions: the standard error is about 0.07, so 0.6 ± 0.2 is far beyond chance failure.
    expect(agree).toBeGreaterThan(0.4);
    expect(agree).toBeLessThan(0.8);
  });

  test('returns all 0xffffffff for an empty set', () => {
    expect(Array.from(new Set(minhashSignature(new Uint32Array(0))))).toEqual([0xffffffff]);
  });
});

describe('lshCandidatePairs', () => {
  test('returns near-identical sets as a candidate and disjoint sets not', () => {
    const base = sequence(0, 300);
    const near = sequence(5, 300); // Jaccard 295 / 305 ≈ 0.97
    const other = sequence(10_000, 300);
    const pairs = lshCandidatePairs([base, near, other].map(minhashSignature));
    expect(pairs).toEqual([[0, 1]]);
  });

  test('never pairs documents without shingles', () => {
    const empty = minhashSignature(new Uint32Array(0));
    expect(lshCandidatePairs([empty, empty])).toEqual([]);
  });

  test('finds every pair at Jaccard 0.8 among many documents', () => {
    // 50 pairs of sets at Jaccard 0.8 (356 shared, 444 in the union); LSH misses one with p ≈ 0.0005.
    const signatures = Array.from({ length: 50 }, (_, pair) => [
      minhashSignature(sequence(pair * 1000, 400)),
      minhashSignature(sequence(pair * 1000 + 44, 400)),
    ]).flat();
    const pairs = new Set(lshCandidatePairs(signatures).map(([a, b]) => `${a}-${b}`));
    for (let pair = 0; pair < 50; pair += 1) expect(pairs.has(`${pair * 2}-${pair * 2 + 1}`)).toBe(true);
  });

  test('pairs each member of an oversized bucket with a bounded number of others, all linked to the first', () => {
    // 20,000 documents with one signature: 200 million pairs before, past V8's 2^24-entry Set.
    const shared = minhashSignature(sequence(0, 300));
    const count = 20_000;
    const pairs = lshCandidatePairs(Array.from({ length: count }, () => shared));
    expect(pairs.length).toBeLessThanOrEqual(count * (BUCKET_LEADERS + BUCKET_WINDOW));
    const linkedToFirst = new Set(pairs.filter(([a]) => a === 0).map(([, b]) => b));
    expect(linkedToFirst.size).toBe(count - 1);
    expect(pairs.every(([a, b]) => a < b)).toBe(true);
  });

  test('still pairs two near-identical documents that share a small bucket beside an oversized one', () => {
    const boilerplate = minhashSignature(sequence(0, 300));
    const crowd = Array.from({ length: MAX_BUCKET_SIZE * 4 }, () => boilerplate);
    const near = [minhashSignature(sequence(50_000, 300)), minhashSignature(sequence(50_005, 300))];
    const pairs = lshCandidatePairs([...near.slice(0, 1), ...crowd, ...near.slice(1)]);
    expect(pairs).toContainEqual([0, crowd.length + 1]);
  });

  test('returns only the pairs the accept test lets through', () => {
    const base = sequence(0, 300);
    const signatures = [base, sequence(5, 300), base].map(minhashSignature);
    expect(lshCandidatePairs(signatures, (a, b) => a === 0 && b === 2)).toEqual([[0, 2]]);
  });
});

describe('estimatedSimilarity', () => {
  test('is 1 for equal sets, near 0 for disjoint ones, near the Jaccard similarity otherwise', () => {
    const a = minhashSignature(sequence(0, 400));
    expect(estimatedSimilarity(a, minhashSignature(sequence(0, 400)))).toBe(1);
    expect(estimatedSimilarity(a, minhashSignature(sequence(10_000, 400)))).toBeLessThan(0.1);
    const overlap = estimatedSimilarity(a, minhashSignature(sequence(100, 400))); // Jaccard 0.6
    expect(overlap).toBeGreaterThan(0.4);
    expect(overlap).toBeLessThan(0.8);
  });
});
