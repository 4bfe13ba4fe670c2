/**
 * Sparse TF-IDF vectors (sublinear TF × smoothed IDF, L2-normalised) and their dot products.
 * Expected weights are worked out by hand from the formulas in the comments.
 */
import { describe, expect, test } from 'vitest';
import { cosine, sharedWeight, tfidfVectors, type SparseVector } from '../../../src/core/corpus/tfidf.ts';

/** A vector as plain lists, weights to 6 places, for comparing with literals. */
function plain(vector: SparseVector): { terms: number[]; weights: number[] } {
  return {
    terms: [...vector.terms],
    weights: [...vector.weights].map((weight) => Math.round(weight * 1e6) / 1e6),
  };
}

describe('tfidfVectors', () => {
  test('returns smoothed IDF weights, L2-normalised, with term ids in order of first appearance', () => {
    // Two documents: idf(a) = ln(3/3) + 1 = 1, idf(b) = ln(3/2) + 1 = 1.405465;
    // |(1, 1.405465)| = 1.724915, so a = 0.579739 and b = 0.814802 in the first document.
    const vectors = tfidfVectors([['a', 'b'], ['a']]);
    expect(vectors.map(plain)).toStrictEqual([
      { terms: [0, 1], weights: [0.579739, 0.814802] },
      { terms: [0], weights: [1] },
    ]);
  });

  test('returns sublinear term frequencies: a term counted twice weighs 1 + ln 2, not 2', () => {
    // One document: every idf is ln(2/2) + 1 = 1; tf(a) = 1 + ln 2 = 1.693147, tf(b) = 1;
    // |(1.693147, 1)| = 1.966405, so a = 0.861037 and b = 0.508542.
    expect(tfidfVectors([['a', 'b', 'a']]).map(plain)).toStrictEqual([
      { terms: [0, 1], weights: [0.861037, 0.508542] },
    ]);
  });

  test('returns higher IDFs, most of all for the terms in most documents, when background documents are assumed', () => {
    // Two documents and two assumed: idf(a) = ln(5/3) + 1 = 1.510826, idf(b) = ln(5/2) + 1 = 1.916291;
    // |(1.510826, 1.916291)| = 2.440239, so a = 0.619130 and b = 0.785288.
    const vectors = tfidfVectors([['a', 'b'], ['a']], 2);
    expect(vectors.map(plain)).toStrictEqual([
      { terms: [0, 1], weights: [0.61913, 0.785288] },
      { terms: [0], weights: [1] },
    ]);
  });

  test('returns term ids sorted within each vector, whatever the order of the terms', () => {
    // z is met first (id 0), then y (1), then x (2).
    const vectors = tfidfVectors([['z'], ['x', 'y', 'z', 'y']]);
    expect([...(vectors[0] as SparseVector).terms]).toStrictEqual([0]);
    expect([...(vectors[1] as SparseVector).terms]).toStrictEqual([0, 1, 2]);
  });

  test('returns an empty vector for a document without terms, and none for no documents', () => {
    const vectors = tfidfVectors([[], ['a']]);
    expect(vectors.map(plain)).toStrictEqual([
      { terms: [], weights: [] },
      { terms: [0], weights: [1] },
    ]);
    expect(tfidfVectors([])).toStrictEqual([]);
  });

  test('returns every term of a vocabulary larger than the first scratch arrays (1,024 terms)', () => {
    const terms = Array.from({ length: 1500 }, (_, index) => `term${index}`);
    const [vector] = tfidfVectors([terms, ['term1499', 'term0']]);
    expect(vector?.terms).toHaveLength(1500);
    expect(vector?.terms[1499]).toBe(1499);
    // All 1,500 terms have tf 1; term0 and term1499 are in both documents (idf 1), the rest in
    // one (idf ln(3/2) + 1 = 1.405465): the norm is √(2 + 1498 × 1.975332) = 54.4155.
    expect(vector?.weights[0]).toBeCloseTo(1 / 54.4155, 4);
    expect(vector?.weights[1]).toBeCloseTo(1.405465 / 54.4155, 4);
    expect(vector?.weights[1499]).toBeCloseTo(1 / 54.4155, 4);
  });

  test('returns vectors whose cosine with themselves is 1, and 0 with a vector sharing no term', () => {
    const [a, b, c] = tfidfVectors([
      ['ferry', 'sank', 'harbour', 'ferry'],
      ['ferry', 'rescue', 'harbour'],
      ['budget', 'vote'],
    ]) as [SparseVector, SparseVector, SparseVector];
    expect(cosine(a, a)).toBeCloseTo(1, 12);
    expect(cosine(b, b)).toBeCloseTo(1, 12);
    expect(cosine(a, c)).toBe(0);
    expect(cosine(a, b)).toBeGreaterThan(0);
    expect(cosine(a, b)).toBeLessThan(1);
  });
});

describe('cosine', () => {
  test('returns the dot product over the terms both vectors hold', () => {
    const a = { terms: Uint32Array.of(0, 1), weights: Float64Array.of(0.6, 0.8) };
    const b = { terms: Uint32Array.of(0, 1), weights: Float64Array.of(0.8, 0.6) };
    const c = { terms: Uint32Array.of(1, 2), weights: Float64Array.of(0.6, 0.8) };
    expect(cosine(a, b)).toBeCloseTo(0.96, 12);
    expect(cosine(a, c)).toBeCloseTo(0.48, 12);
    expect(cosine(b, c)).toBeCloseTo(0.36, 12);
    expect(cosine(a, { terms: new Uint32Array(0), weights: new Float64Array(0) })).toBe(0);
  });
});

describe('sharedWeight', () => {
  test('returns the dot product over shared terms and the largest single product', () => {
    const a = { terms: Uint32Array.of(1, 3, 7), weights: Float64Array.of(0.5, 0.5, 0.7) };
    const b = { terms: Uint32Array.of(0, 3, 7, 9), weights: Float64Array.of(0.9, 0.2, 0.6, 0.1) };
    const { dot, largest } = sharedWeight(a, b);
    expect(dot).toBeCloseTo(0.5 * 0.2 + 0.7 * 0.6, 12);
    expect(largest).toBeCloseTo(0.7 * 0.6, 12);
    expect(sharedWeight(a, { terms: Uint32Array.of(2), weights: Float64Array.of(1) })).toEqual({
      dot: 0,
      largest: 0,
    });
  });
});
