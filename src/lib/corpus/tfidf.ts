/**
 * Sparse TF-IDF vectors and their cosine similarity, shared by the story groupings: documents
 * are given as lists of terms, so each grouping keeps its own choice of terms.
 */

/** Term ids in increasing order with their weights; L2-normalised. */
export type SparseVector = { terms: Uint32Array; weights: Float64Array };

/**
 * Sublinear TF × smoothed IDF (as scikit-learn's TfidfVectorizer), L2-normalised, as sorted
 * sparse vectors.
 *
 * @param documents - each document's terms, repeated as often as they count
 */
export function tfidfVectors(documents: readonly (readonly string[])[]): SparseVector[] {
  const ids = new Map<string, number>();
  const counts = documents.map((terms) => {
    const tf = new Map<number, number>();
    for (const term of terms) {
      let id = ids.get(term);
      if (id === undefined) ids.set(term, (id = ids.size));
      tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    return tf;
  });
  const df = new Uint32Array(ids.size);
  for (const tf of counts) for (const id of tf.keys()) df[id] = (df[id] as number) + 1;
  const total = documents.length;
  return counts.map((tf) => {
    const entries = [...tf].map(
      ([id, count]) =>
        [id, (1 + Math.log(count)) * (Math.log((1 + total) / (1 + (df[id] as number))) + 1)] as const,
    );
    entries.sort((x, y) => x[0] - y[0]);
    let squares = 0;
    for (const [, weight] of entries) squares += weight * weight;
    const norm = Math.sqrt(squares) || 1;
    return {
      terms: Uint32Array.from(entries.map(([id]) => id)),
      weights: Float64Array.from(entries.map(([, weight]) => weight / norm)),
    };
  });
}

/**
 * The dot product of two sorted sparse vectors: their cosine similarity when both are normalised.
 *
 * @param a - a vector from {@link tfidfVectors} (or a sum of them)
 * @param b - another
 */
export function cosine(a: SparseVector, b: SparseVector): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const x = a.terms[i] as number;
    const y = b.terms[j] as number;
    if (x === y) sum += (a.weights[i++] as number) * (b.weights[j++] as number);
    else if (x < y) i += 1;
    else j += 1;
  }
  return sum;
}
