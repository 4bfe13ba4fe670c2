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
 * @param backgroundDocuments - documents assumed to exist besides these, using none of their
 *   terms: they raise every IDF, most of all those of terms in most of a small corpus
 */
export function tfidfVectors(
  documents: readonly (readonly string[])[],
  backgroundDocuments = 0,
): SparseVector[] {
  const ids = new Map<string, number>();
  // Each document's distinct term ids (sorted) and counts, gathered in scratch arrays indexed by
  // term id rather than a Map per document: at 100,000 documents the Maps were most of the cost.
  let counts: Uint32Array = new Uint32Array(1024);
  const termLists: Uint32Array[] = [];
  const countLists: Uint32Array[] = [];
  let df: Uint32Array = new Uint32Array(1024);
  const touched: number[] = [];
  for (const terms of documents) {
    for (const term of terms) {
      let id = ids.get(term);
      if (id === undefined) {
        id = ids.size;
        ids.set(term, id);
        if (id >= counts.length) {
          counts = grown(counts, id);
          df = grown(df, id);
        }
      }
      if (counts[id] === 0) touched.push(id);
      counts[id] = (counts[id] as number) + 1;
    }
    const termIds = Uint32Array.from(touched).sort();
    const termCounts = new Uint32Array(termIds.length);
    termIds.forEach((id, index) => {
      termCounts[index] = counts[id] as number;
      counts[id] = 0;
      df[id] = (df[id] as number) + 1;
    });
    touched.length = 0;
    termLists.push(termIds);
    countLists.push(termCounts);
  }
  const total = documents.length + backgroundDocuments;
  return termLists.map((terms, doc) => {
    const termCounts = countLists[doc] as Uint32Array;
    const weights = new Float64Array(terms.length);
    let squares = 0;
    for (let index = 0; index < terms.length; index += 1) {
      const idf = Math.log((1 + total) / (1 + (df[terms[index] as number] as number))) + 1;
      const weight = (1 + Math.log(termCounts[index] as number)) * idf;
      weights[index] = weight;
      squares += weight * weight;
    }
    const norm = Math.sqrt(squares) || 1;
    for (let index = 0; index < weights.length; index += 1)
      weights[index] = (weights[index] as number) / norm;
    return { terms, weights };
  });
}

/** A copy of `array` large enough to index `id`, doubling its length. */
function grown(array: Uint32Array, id: number): Uint32Array {
  const larger = new Uint32Array(Math.max(array.length * 2, id + 1));
  larger.set(array);
  return larger;
}

/**
 * The dot product of two sorted sparse vectors: their cosine similarity when both are normalised.
 *
 * @param a - a vector from {@link tfidfVectors} (or a sum of them)
 * @param b - another
 */
export function cosine(a: SparseVector, b: SparseVector): number {
  return sharedWeight(a, b).dot;
}

/**
 * The dot product of two sorted sparse vectors and the largest share one term has in it (how
 * much of their similarity rests on a single word), in one walk over both.
 *
 * @param a - a vector from {@link tfidfVectors} (or a sum of them)
 * @param b - another
 */
export function sharedWeight(a: SparseVector, b: SparseVector): { dot: number; largest: number } {
  let dot = 0;
  let largest = 0;
  let i = 0;
  let j = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const x = a.terms[i] as number;
    const y = b.terms[j] as number;
    if (x === y) {
      const product = (a.weights[i++] as number) * (b.weights[j++] as number);
      dot += product;
      if (product > largest) largest = product;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return { dot, largest };
}
