/** Sparse TF-IDF vectors written by hand for the story-grouping tests. */
import type { SparseVector } from '../../src/core/corpus/tfidf.ts';

/** `{ 3: 0.6, 7: 0.8 }` → a sparse vector with terms 3 and 7 (sorted) and those weights. */
export function vector(entries: Record<number, number>): SparseVector {
  const terms = Object.keys(entries)
    .map(Number)
    .sort((x, y) => x - y);
  return {
    terms: Uint32Array.from(terms),
    weights: Float64Array.from(terms, (term) => entries[term] as number),
  };
}
