/**
 * A reference grouping for bench/story-quality.ts: plain TF-IDF cosine over headline and body
 * (stop words out, no names, no dates), single link at a threshold — every pair at or above
 * it is joined, transitively. It is the baseline issue 14 quotes (0.15 on real multi-outlet
 * coverage, 0.20 on story-chains), kept deliberately simple: it is here to be beaten, not
 * shipped (single link chains, and the all-pairs scan is quadratic in the worst case).
 */
import { eng as ENGLISH_STOP_WORDS } from 'stopword';

export interface BaselineDocument {
  title: string;
  body: string;
}

const STOP = new Set(ENGLISH_STOP_WORDS);

/**
 * Groups documents by single link over TF-IDF cosine.
 *
 * @param documents - the documents, in any order
 * @param threshold - the cosine at or above which two documents are joined
 * @returns for each document, the index of the first document of its group
 */
export function tfidfSingleLink(documents: readonly BaselineDocument[], threshold: number): number[] {
  const vectors = tfidfVectors(documents.map((document) => words(`${document.title}\n${document.body}`)));
  const parent = documents.map((_, index) => index);
  const root = (index: number): number => {
    let current = index;
    while (parent[current] !== current) current = parent[current] as number;
    parent[index] = current;
    return current;
  };
  for (const [a, b] of pairsAtLeast(vectors, threshold)) {
    const [ra, rb] = [root(a), root(b)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  return documents.map((_, index) => root(index));
}

/** Lower-case words of letters and digits, apostrophes dropped, stop words and numbers out. */
function words(text: string): string[] {
  const all =
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[’'‘`´]/g, '')
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return all.filter((word) => word.length > 1 && !STOP.has(word) && !/^\d+$/.test(word));
}

type Vector = Map<number, number>;

/** Sublinear TF × smoothed IDF (as scikit-learn's TfidfVectorizer), L2-normalised. */
function tfidfVectors(documents: string[][]): Vector[] {
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
  return counts.map((tf) => {
    const vector: Vector = new Map();
    let squares = 0;
    for (const [id, count] of tf) {
      const weight =
        (1 + Math.log(count)) * (Math.log((1 + documents.length) / (1 + (df[id] as number))) + 1);
      vector.set(id, weight);
      squares += weight * weight;
    }
    const norm = Math.sqrt(squares) || 1;
    for (const [id, weight] of vector) vector.set(id, weight / norm);
    return vector;
  });
}

/** Every pair with cosine ≥ threshold, by accumulating dot products over an inverted index. */
function pairsAtLeast(vectors: Vector[], threshold: number): [number, number][] {
  const postings = new Map<number, { doc: number; weight: number }[]>();
  vectors.forEach((vector, doc) => {
    for (const [id, weight] of vector) {
      const list = postings.get(id);
      if (list) list.push({ doc, weight });
      else postings.set(id, [{ doc, weight }]);
    }
  });
  const dot = new Float64Array(vectors.length);
  const touched: number[] = [];
  const pairs: [number, number][] = [];
  vectors.forEach((vector, doc) => {
    for (const [id, weight] of vector) {
      // Postings are in document order: only later documents, so each pair is counted once.
      for (const entry of postings.get(id) ?? []) {
        if (entry.doc <= doc) continue;
        if (dot[entry.doc] === 0) touched.push(entry.doc);
        dot[entry.doc] = (dot[entry.doc] as number) + weight * entry.weight;
      }
    }
    for (const other of touched) {
      if ((dot[other] as number) >= threshold) pairs.push([doc, other]);
      dot[other] = 0;
    }
    touched.length = 0;
  });
  return pairs;
}
