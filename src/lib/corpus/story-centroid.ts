/**
 * A candidate story grouping for issue 14, NOT used by the site yet (src/lib/corpus/stories.ts
 * is): scored beside it by `npx node bench/story-quality.ts` as the `centroid-0.28` row.
 * Open problems before it can replace stories.ts: centroid drift lets articles whose words
 * overlap along a sliding window chain into one large group (hundreds of 5,000 in an
 * adversarial test), and short reports of one event in a tiny corpus stay apart.
 *
 * Stories: different reports of the same event, grouped.
 *
 * 1. Representation: each report is a TF-IDF vector (sublinear TF × smoothed IDF, L2-normalised)
 *    over content words of its headline (counted twice) and body (stop words and numbers out).
 * 2. Candidates: a sparse k-nearest-neighbour graph. Every report's TOP_TERMS heaviest terms go
 *    into an inverted index; a term in more than MAX_POSTINGS reports' top terms is too broad to
 *    pair on. Each report accumulates partial dot products over its own top terms, keeps the
 *    CANDIDATES best, computes their exact cosine and links to its NEIGHBOURS most similar at or
 *    above MIN_LINK. The cost is bounded by the posting cap, not by the number of pairs.
 * 3. Time: when both reports (or both groups) are dated, a similarity is multiplied by
 *    exp(-(gap / DECAY_DAYS)²): days apart costs almost nothing, six weeks apart nearly all —
 *    no hard window, so a developing story that runs for weeks stays joined through its reports.
 * 4. Clustering: group-to-centroid agglomeration over the graph's links, strongest link first,
 *    repeated until nothing merges (at most PASSES). Two groups merge when the members of the
 *    smaller one are, on average, at least STORY_SIMILARITY similar to the larger group's
 *    centroid (for two single reports: their cosine). A large developing story has a centroid
 *    that every report resembles more than it resembles any single other report, so varied
 *    wording still joins it; a report that shares one paragraph with a group does not resemble
 *    its centroid, so one shared quote or paragraph cannot chain unrelated groups together.
 *    Centroids keep their CENTROID_TERMS heaviest terms, so a merge check costs the same for a
 *    story of 5 reports or 500, and a merge relabels only through union-find.
 */
import { eng as ENGLISH_STOP_WORDS } from 'stopword';
import { normalizedWords } from './shingles.ts';
import { cosine, tfidfVectors, type SparseVector } from './tfidf.ts';

/** Tuning of the grouping; the defaults are the shipped method (bench/story-quality.ts). */
export interface StoryOptions {
  /** Terms per report put into the candidate index. */
  topTerms: number;
  /** A term among the top terms of more reports than this is not used to find candidates. */
  maxPostings: number;
  /** Links kept per report (its nearest neighbours). */
  neighbours: number;
  /** Candidates per report whose exact cosine is computed. */
  candidates: number;
  /** The weakest (time-decayed) cosine that is a link at all. */
  minLink: number;
  /** Mean similarity of the smaller group's members to the larger group's centroid to merge. */
  merge: number;
  /** Terms kept in a group's centroid. */
  centroidTerms: number;
  /** Scale of the time decay, in days. */
  decayDays: number;
  /** Passes over the links (a pass after merges can join what the merges made similar). */
  passes: number;
}

/** Mean similarity to a group's centroid at which a report (or group) joins it. */
export const STORY_SIMILARITY = 0.28;
/** Days at which a dated pair's similarity is multiplied by 1/e. */
export const DECAY_DAYS = 30;

export const DEFAULT_STORY_OPTIONS: StoryOptions = {
  topTerms: 30,
  maxPostings: 200,
  neighbours: 10,
  candidates: 30,
  minLink: 0.1,
  merge: STORY_SIMILARITY,
  centroidTerms: 300,
  decayDays: DECAY_DAYS,
  passes: 4,
};

/**
 * Characters of a body read for its terms. What event a report is about is told in its first
 * part; the cap keeps one huge file from costing more than a few ordinary ones.
 */
export const MAX_STORY_TEXT = 100_000;
/** A longer "word" is a code, a link or junk, never a term two reports share. */
const MAX_TERM_LENGTH = 40;

export interface StoryDocument {
  title: string;
  body: string;
  /** `YYYY-MM-DD…` or undefined. */
  date?: string | undefined;
}

const STOP = new Set([...ENGLISH_STOP_WORDS, 'said', 'says', 'also', 'would', 'could', 'one', 'two', 'new']);

type Vector = SparseVector;

export interface StoryLink {
  a: number;
  b: number;
  /** Cosine similarity of the two TF-IDF vectors, time-decayed when both are dated. */
  similarity: number;
}

/**
 * The links of the nearest-neighbour graph, strongest first. Exposed for diagnostics.
 *
 * @param documents - one entry per published article
 * @param options - tuning (the shipped defaults unless a benchmark tries others)
 */
export function storyLinks(
  documents: readonly StoryDocument[],
  options: StoryOptions = DEFAULT_STORY_OPTIONS,
): StoryLink[] {
  const vectors = tfidfVectors(documents.map(terms));
  const days = documents.map((document) => dayNumber(document.date));
  return neighbourLinks(vectors, days, options);
}

/**
 * Groups documents into stories.
 *
 * @param documents - one entry per published article
 * @param options - tuning (the shipped defaults unless a benchmark tries others)
 * @returns clusters of document indexes (every document in exactly one cluster; each cluster
 *   sorted, clusters ordered by their first index)
 */
export function groupStories(
  documents: readonly StoryDocument[],
  options: StoryOptions = DEFAULT_STORY_OPTIONS,
): number[][] {
  const vectors = tfidfVectors(documents.map(terms));
  const days = documents.map((document) => dayNumber(document.date));
  const links = neighbourLinks(vectors, days, options);
  return agglomerate(vectors, days, links, options);
}

/** Each document's NEIGHBOURS most similar candidates at or above MIN_LINK, as undirected links. */
function neighbourLinks(
  vectors: readonly Vector[],
  days: readonly number[],
  options: StoryOptions,
): StoryLink[] {
  const tops = vectors.map((vector) => topEntries(vector, options.topTerms));
  const postings = new Map<number, { doc: number; weight: number }[]>();
  tops.forEach((entries, doc) => {
    for (const [term, weight] of entries) {
      const list = postings.get(term);
      if (list) list.push({ doc, weight });
      else postings.set(term, [{ doc, weight }]);
    }
  });
  const approx = new Float64Array(vectors.length);
  const touched: number[] = [];
  const seen = new Set<number>();
  const count = vectors.length;
  const links: StoryLink[] = [];
  tops.forEach((entries, doc) => {
    for (const [term, weight] of entries) {
      const list = postings.get(term) ?? [];
      if (list.length > options.maxPostings) continue;
      for (const entry of list) {
        if (entry.doc === doc) continue;
        if (approx[entry.doc] === 0) touched.push(entry.doc);
        approx[entry.doc] = (approx[entry.doc] as number) + weight * entry.weight;
      }
    }
    const promising = touched.filter((other) => (approx[other] as number) >= options.minLink / 2);
    const best = topByScore(promising, approx, options.candidates);
    for (const other of touched) approx[other] = 0;
    touched.length = 0;
    const scored: { other: number; similarity: number }[] = [];
    for (const other of best) {
      const similarity =
        cosine(vectors[doc] as Vector, vectors[other] as Vector) *
        decay(
          gapDays(days[doc] as number, days[doc] as number, days[other] as number, days[other] as number),
          options.decayDays,
        );
      if (similarity >= options.minLink) scored.push({ other, similarity });
    }
    scored.sort((x, y) => y.similarity - x.similarity || x.other - y.other);
    for (const { other, similarity } of scored.slice(0, options.neighbours)) {
      const [a, b] = doc < other ? [doc, other] : [other, doc];
      const key = a * count + b;
      if (seen.has(key)) continue;
      seen.add(key);
      links.push({ a, b, similarity });
    }
  });
  return links.sort((x, y) => y.similarity - x.similarity || x.a - y.a || x.b - y.b);
}

/** The `limit` items with the highest scores (ties to the lower index), any order. */
function topByScore(items: readonly number[], scores: Float64Array, limit: number): number[] {
  if (items.length <= limit) return [...items];
  const values = Float64Array.from(items, (item) => scores[item] as number).sort();
  const cut = values[values.length - limit] as number;
  const above = items.filter((item) => (scores[item] as number) > cut);
  for (const item of items) {
    if (above.length >= limit) break;
    if (scores[item] === cut) above.push(item);
  }
  return above;
}

interface Cluster {
  size: number;
  sum: Vector;
  norm: number;
  first: number;
  last: number;
}

/** Group-to-centroid agglomeration over the links (see the header). */
function agglomerate(
  vectors: readonly Vector[],
  days: readonly number[],
  links: readonly StoryLink[],
  options: StoryOptions,
): number[][] {
  const parent = vectors.map((_, index) => index);
  const find = (index: number): number => {
    let root = index;
    while (parent[root] !== root) root = parent[root] as number;
    let current = index;
    while (parent[current] !== root) {
      const next = parent[current] as number;
      parent[current] = root;
      current = next;
    }
    return root;
  };
  const clusters: Cluster[] = vectors.map((vector, index) => {
    const day = days[index] as number;
    return { size: 1, sum: vector, norm: 1, first: day, last: day };
  });
  for (let pass = 0; pass < options.passes; pass += 1) {
    let merged = 0;
    for (const { a, b, similarity } of links) {
      const [ra, rb] = [find(a), find(b)];
      if (ra === rb) continue;
      const [A, B] = [clusters[ra] as Cluster, clusters[rb] as Cluster];
      const timeFactor = decay(gapDays(A.first, A.last, B.first, B.last), options.decayDays);
      // Two single reports: the link is their (decayed) cosine already.
      const dot = A.size === 1 && B.size === 1 ? similarity / (timeFactor || 1) : cosine(A.sum, B.sum);
      // Mean cosine of the smaller group's members to the larger group's centroid.
      const toCentroid = dot / (A.size >= B.size ? B.size * A.norm : A.size * B.norm);
      if (toCentroid * timeFactor < options.merge) continue;
      const [keep, drop] = A.size >= B.size ? [ra, rb] : [rb, ra];
      const K = clusters[keep] as Cluster;
      const D = clusters[drop] as Cluster;
      K.sum = addVectors(K.sum, D.sum, options.centroidTerms);
      K.size += D.size;
      K.first = Number.isNaN(K.first)
        ? D.first
        : Number.isNaN(D.first)
          ? K.first
          : Math.min(K.first, D.first);
      K.last = Number.isNaN(K.last) ? D.last : Number.isNaN(D.last) ? K.last : Math.max(K.last, D.last);
      let squares = 0;
      for (const weight of K.sum.weights) squares += weight * weight;
      K.norm = Math.sqrt(squares) || 1;
      D.sum = { terms: new Uint32Array(0), weights: new Float64Array(0) };
      parent[drop] = keep;
      merged += 1;
    }
    if (merged === 0) break;
  }
  const groups = new Map<number, number[]>();
  vectors.forEach((_, index) => {
    const root = find(index);
    const group = groups.get(root);
    if (group) group.push(index);
    else groups.set(root, [index]);
  });
  return [...groups.values()].sort((g, h) => (g[0] ?? 0) - (h[0] ?? 0));
}

/** a + b as a sorted sparse vector, keeping the `limit` heaviest terms. */
function addVectors(a: Vector, b: Vector, limit: number): Vector {
  const terms = new Uint32Array(a.terms.length + b.terms.length);
  const weights = new Float64Array(terms.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.terms.length || j < b.terms.length) {
    const x = i < a.terms.length ? (a.terms[i] as number) : Infinity;
    const y = j < b.terms.length ? (b.terms[j] as number) : Infinity;
    if (x === y) {
      terms[n] = x;
      weights[n++] = (a.weights[i++] as number) + (b.weights[j++] as number);
    } else if (x < y) {
      terms[n] = x;
      weights[n++] = a.weights[i++] as number;
    } else {
      terms[n] = y;
      weights[n++] = b.weights[j++] as number;
    }
  }
  if (n <= limit) return { terms: terms.slice(0, n), weights: weights.slice(0, n) };
  const cut = weights.slice(0, n).sort()[n - limit] as number;
  const keepTerms: number[] = [];
  const keepWeights: number[] = [];
  for (let k = 0; k < n; k += 1) {
    if ((weights[k] as number) >= cut && keepTerms.length < limit) {
      keepTerms.push(terms[k] as number);
      keepWeights.push(weights[k] as number);
    }
  }
  return { terms: Uint32Array.from(keepTerms), weights: Float64Array.from(keepWeights) };
}

function dayNumber(date: string | undefined): number {
  if (!date) return Number.NaN;
  return Math.floor(Date.parse(date.slice(0, 10)) / 86_400_000);
}

function gapDays(firstA: number, lastA: number, firstB: number, lastB: number): number {
  if (Number.isNaN(firstA) || Number.isNaN(firstB)) return 0;
  return Math.max(0, Math.max(firstA, firstB) - Math.min(lastA, lastB));
}

function decay(gap: number, scale: number): number {
  if (gap <= 0 || !Number.isFinite(scale)) return 1;
  return Math.exp(-((gap / scale) ** 2));
}

function terms(document: StoryDocument): string[] {
  const keep = (word: string): boolean =>
    word.length > 2 && word.length <= MAX_TERM_LENGTH && !STOP.has(word) && !/^\d+$/.test(word);
  const title = normalizedWords(document.title.slice(0, MAX_STORY_TEXT)).filter(keep);
  const body = normalizedWords(document.body.slice(0, MAX_STORY_TEXT)).filter(keep);
  // flat(), not push(...list): a spread passes every word as an argument and overflows the
  // stack on a long text.
  return [title, title, body].flat();
}

function topEntries(vector: Vector, limit: number): [number, number][] {
  const positions = Array.from(vector.weights.keys());
  positions.sort((x, y) => (vector.weights[y] as number) - (vector.weights[x] as number) || x - y);
  return positions
    .slice(0, limit)
    .map((position) => [vector.terms[position] as number, vector.weights[position] as number]);
}
