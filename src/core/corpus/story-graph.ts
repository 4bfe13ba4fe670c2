/**
 * The candidate graph of the story grouping (stories.ts, step 2): for each report, its nearest
 * neighbours by cosine, found through an inverted index of the reports' heaviest terms, with
 * work bounded per report rather than per pair.
 */
import type { StoryLink, StoryOptions } from './stories.ts';
import { decay, gapDays } from './story-time.ts';
import type { SparseVector as Vector } from './tfidf.ts';

/** Each report's `neighbours` most similar candidates at or above `minLink`, as undirected links, strongest first. */
export function neighbourLinks(
  vectors: readonly Vector[],
  days: readonly number[],
  options: StoryOptions,
): StoryLink[] {
  const tops = vectors.map((vector) => topEntries(vector, options.topTerms));
  const vocabulary = vocabularySize(vectors);
  const postings = buildPostings(tops, vocabulary, options.maxPostings);
  const approx = new Float64Array(vectors.length);
  const candidateDocs = new Int32Array(vectors.length);
  const candidateScores = new Float64Array(vectors.length);
  const scratch = new Float64Array(vectors.length);
  const dense = new Float64Array(vocabulary);
  const touched: number[] = [];
  // Each report's nearest neighbours, to make each link once when both list each other.
  const neighbours = new Int32Array(vectors.length * options.neighbours).fill(-1);
  const links: StoryLink[] = [];
  tops.forEach((top, doc) => {
    for (let rank = 0; rank < Math.min(top.terms.length, options.queryTerms); rank += 1) {
      const term = top.terms[rank] as number;
      const weight = top.weights[rank] as number;
      const start = postings.start[term] as number;
      const end = start + (postings.length[term] as number);
      for (let index = start; index < end; index += 1) {
        const other = postings.docs[index] as number;
        if (other === doc) continue;
        if (approx[other] === 0) touched.push(other);
        approx[other] = (approx[other] as number) + weight * (postings.weights[index] as number);
      }
    }
    // The reports whose partial dot product is promising, with their scores; approx is cleared
    // for the next report on the way. Scratch arrays, not new ones per report.
    let promising = 0;
    for (const other of touched) {
      const score = approx[other] as number;
      approx[other] = 0;
      if (score < options.minLink / 2) continue;
      candidateDocs[promising] = other;
      candidateScores[promising] = score;
      promising += 1;
    }
    touched.length = 0;
    const best = topByScore(candidateDocs, candidateScores, promising, options.candidates, scratch);
    const scored: { other: number; similarity: number }[] = [];
    // The report's vector spread out by term id, so each candidate's cosine reads only the
    // candidate's terms (a merge of two sorted lists cost twice as much).
    const own = vectors[doc] as Vector;
    own.terms.forEach((term, position) => (dense[term] = own.weights[position] as number));
    for (const other of best) {
      const similarity =
        denseDot(dense, vectors[other] as Vector) *
        decay(
          gapDays(days[doc] as number, days[doc] as number, days[other] as number, days[other] as number),
          options.decayDays,
        );
      if (similarity >= options.minLink) scored.push({ other, similarity });
    }
    for (const term of own.terms) dense[term] = 0;
    scored.sort((x, y) => y.similarity - x.similarity || x.other - y.other);
    const nearest = scored.slice(0, options.neighbours);
    nearest.forEach((entry, rank) => (neighbours[doc * options.neighbours + rank] = entry.other));
    for (const { other, similarity } of nearest) {
      // An earlier report that listed this one has already made the link.
      const listed = neighbours.subarray(other * options.neighbours, (other + 1) * options.neighbours);
      if (other < doc && listed.includes(doc)) continue;
      links.push(doc < other ? { a: doc, b: other, similarity } : { a: other, b: doc, similarity });
    }
  });
  return links.sort((x, y) => y.similarity - x.similarity || x.a - y.a || x.b - y.b);
}

/** One more than the largest term id of any vector. */
function vocabularySize(vectors: readonly Vector[]): number {
  let size = 0;
  for (const vector of vectors)
    if (vector.terms.length > 0) size = Math.max(size, (vector.terms.at(-1) as number) + 1);
  return size;
}

/** The dot product of a dense vector (indexed by term id) and a sparse one. */
function denseDot(dense: Float64Array, vector: Vector): number {
  let sum = 0;
  const { terms, weights } = vector;
  for (let index = 0; index < terms.length; index += 1)
    sum += (dense[terms[index] as number] as number) * (weights[index] as number);
  return sum;
}

/** A report's heaviest terms and their weights, heaviest first. */
interface TopTerms {
  terms: Uint32Array;
  weights: Float64Array;
}

/**
 * The inverted index of the reports' top terms, in flat typed arrays (the candidate search
 * reads millions of entries): term t's reports are docs[start[t] … start[t] + length[t]).
 */
interface Postings {
  start: Uint32Array;
  length: Uint32Array;
  docs: Int32Array;
  weights: Float64Array;
}

/**
 * Builds the {@link Postings}. A term heavy in more reports than `cap` keeps the reports where
 * it weighs most: a broad term still pairs the reports it is central to, and no list costs more
 * than the cap. (Skipping such terms instead left a 100,000-article corpus with no story at
 * all: every term of its vocabulary was broad.)
 */
function buildPostings(tops: readonly TopTerms[], vocabulary: number, cap: number): Postings {
  const start = new Uint32Array(vocabulary + 1);
  for (const top of tops) for (const term of top.terms) start[term + 1] = (start[term + 1] as number) + 1;
  for (let term = 0; term < vocabulary; term += 1)
    start[term + 1] = (start[term + 1] as number) + (start[term] as number);
  const total = start[vocabulary] as number;
  const docs = new Int32Array(total);
  const weights = new Float64Array(total);
  const filled = new Uint32Array(vocabulary);
  tops.forEach((top, doc) => {
    top.terms.forEach((term, rank) => {
      const at = (start[term] as number) + (filled[term] as number);
      docs[at] = doc;
      weights[at] = top.weights[rank] as number;
      filled[term] = (filled[term] as number) + 1;
    });
  });
  const length = new Uint32Array(vocabulary);
  for (let term = 0; term < vocabulary; term += 1) {
    const count = filled[term] as number;
    length[term] = Math.min(count, cap);
    if (count > cap) keepHeaviest(docs, weights, start[term] as number, count, cap);
  }
  return { start: start.subarray(0, vocabulary), length, docs, weights };
}

/** Reorders one term's postings so that its `cap` heaviest (ties to the lower report) come first. */
function keepHeaviest(
  docs: Int32Array,
  weights: Float64Array,
  from: number,
  count: number,
  cap: number,
): void {
  const order = Array.from({ length: count }, (_, index) => from + index);
  order.sort(
    (x, y) => (weights[y] as number) - (weights[x] as number) || (docs[x] as number) - (docs[y] as number),
  );
  const keptDocs = order.slice(0, cap).map((index) => docs[index] as number);
  const keptWeights = order.slice(0, cap).map((index) => weights[index] as number);
  docs.set(keptDocs, from);
  weights.set(keptWeights, from);
}

/**
 * The `limit` of the first `count` docs with the highest scores, in their order (ties at the
 * cut to the earlier ones). `scratch` is as long as `docs` and is overwritten.
 */
function topByScore(
  docs: Int32Array,
  scores: Float64Array,
  count: number,
  limit: number,
  scratch: Float64Array,
): number[] {
  if (count <= limit) return Array.from(docs.subarray(0, count));
  scratch.set(scores.subarray(0, count));
  // The limit-th largest score, found by selection rather than a sort of thousands of scores.
  const cut = kthSmallest(scratch.subarray(0, count), count - limit);
  const above: number[] = [];
  for (let index = 0; index < count; index += 1)
    if ((scores[index] as number) > cut) above.push(docs[index] as number);
  for (let index = 0; index < count && above.length < limit; index += 1)
    if (scores[index] === cut) above.push(docs[index] as number);
  return above;
}

/**
 * The k-th smallest value (0-based) of `values`, which it reorders: Hoare's selection, linear on
 * average.
 */
function kthSmallest(values: Float64Array, k: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const pivot = values[(low + high) >>> 1] as number;
    let i = low;
    let j = high;
    while (i <= j) {
      while ((values[i] as number) < pivot) i += 1;
      while ((values[j] as number) > pivot) j -= 1;
      if (i <= j) {
        const swap = values[i] as number;
        values[i] = values[j] as number;
        values[j] = swap;
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) high = j;
    else if (k >= i) low = i;
    else return values[k] as number;
  }
  return values[k] as number;
}

function topEntries(vector: Vector, limit: number): TopTerms {
  const positions = Array.from(vector.weights.keys());
  positions.sort((x, y) => (vector.weights[y] as number) - (vector.weights[x] as number) || x - y);
  const kept = positions.slice(0, limit);
  return {
    terms: Uint32Array.from(kept, (position) => vector.terms[position] as number),
    weights: Float64Array.from(kept, (position) => vector.weights[position] as number),
  };
}
