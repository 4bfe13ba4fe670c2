/**
 * Stories: different reports of the same event, grouped — by group-to-centroid agglomeration
 * over a sparse nearest-neighbour graph of TF-IDF vectors. Measured against hand labels by
 * `npx node bench/story-quality.ts` (README, "Duplicates and stories").
 *
 * 1. Representation: each report is a TF-IDF vector (sublinear TF × smoothed IDF over the corpus
 *    plus BACKGROUND_DOCUMENTS assumed others, L2-normalised) over content words of its headline
 *    (counted twice) and the first BODY_CHARS characters of its body (stop words and numbers
 *    out): the lead tells what event a report is about.
 * 2. Candidates: a sparse k-nearest-neighbour graph. Every report's topTerms heaviest terms go
 *    into an inverted index, whose list for a term keeps the maxPostings reports where it
 *    weighs most. Each report accumulates partial dot products over its queryTerms heaviest
 *    terms, computes the exact cosine of the `candidates` best and links to its `neighbours`
 *    most similar at or above minLink (DEFAULT_STORY_OPTIONS). The cost is bounded by the
 *    posting cap, not by the number of pairs.
 * 3. Time: when both reports (or both groups) are dated, a similarity is multiplied by
 *    exp(-(gap / DECAY_DAYS)²): days apart costs almost nothing, six weeks apart nearly all —
 *    no hard window, so a developing story that runs for weeks stays joined through its reports.
 * 4. Clustering: group-to-centroid agglomeration over the graph's links, strongest link first,
 *    repeated until nothing merges (at most `passes`). Two groups merge when the members of the
 *    smaller one are, on average, at least STORY_SIMILARITY similar to the larger group's
 *    centroid (for two single reports: their cosine). A large developing story has a centroid
 *    that each of its reports resembles more than it resembles any single other report, so
 *    reports in varied words still join it; a report that shares one paragraph with a group
 *    does not resemble its centroid, so one shared quote or paragraph cannot chain unrelated
 *    groups together; nor can a group that resembles the other only through the one member the
 *    link came from (BRIDGE: a roundup quoting two stories), nor through one shared word alone
 *    (ONE_WORD: a name that recurs in unrelated events). Centroids keep their
 *    `centroidTerms` heaviest terms, so a merge check costs the same for a story of 5 reports or
 *    500, and a merge relabels only through union-find.
 *
 * What it replaced (average link at cosine 0.33 inside a hard 7-day window) kept precision but
 * split large coverage into dozens of stories; its scores are printed beside this method's.
 */
import { eng as ENGLISH_STOP_WORDS } from 'stopword';
import { normalizedWords } from './shingles.ts';
import { cosine, tfidfVectors, type SparseVector } from './tfidf.ts';

/** Tuning of the grouping; the defaults are the shipped method (bench/story-quality.ts). */
export interface StoryOptions {
  /** Terms per report put into the candidate index. */
  topTerms: number;
  /** Of those, the terms a report looks its candidates up by. */
  queryTerms: number;
  /** Reports a term's posting list keeps: those where the term weighs most. */
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
  /** Characters of the body read for terms (see {@link BODY_CHARS}). */
  bodyChars: number;
  /** Documents assumed to exist besides the corpus, none holding any of its terms. */
  backgroundDocuments: number;
  /** Share of `merge` the similarity must keep without its largest single word (see ONE_WORD). */
  oneWord: number;
  /** Share of `merge` a group must keep without the member a link came from; 0 for no check. */
  bridge: number;
}

/**
 * Characters of a body read for its terms: the lead says what event a report is about, and the
 * rest adds background that links unrelated reports (3,000 scored better on both labelled sets
 * than the whole text, and tokenises a third as much). It also bounds the work one huge file
 * costs.
 */
export const BODY_CHARS = 3000;
/**
 * Mean similarity to a group's centroid at which a report (or group) joins it. Chosen on the
 * labelled sets (bench/story-quality.ts): 0.28 gave BBC pairwise precision 0.71 / recall 0.50,
 * 0.25 gives 0.70 / 0.55 with story-chains unchanged, 0.22 lets awards ceremonies merge
 * (precision 0.63).
 */
export const STORY_SIMILARITY = 0.25;
/**
 * Documents the IDF assumes besides the corpus, none of them using the corpus's words. A site of
 * 13 files, 10 of them one event, would otherwise take the event's own words ("ferry", its name)
 * for common words and weigh them down until its reports looked unrelated (they stayed 8
 * stories; with 100 or more assumed documents, one). In a corpus of a few thousand it changes
 * nothing measurable (bench/story-quality.ts).
 */
export const BACKGROUND_DOCUMENTS = 300;
/**
 * Share of STORY_SIMILARITY a group must keep without the member a link came from (see
 * leansOnOneMember). Any value from 0.3 to 0.7 kept a three-file roundup from joining two
 * stories and kept every labelled score (bench/story-quality.ts); 0.5 is the middle.
 */
export const BRIDGE = 0.5;
/**
 * Share of STORY_SIMILARITY two groups must keep without the one word they share most. A name
 * in many unrelated events (a minister, a club) must not pull them into one story: in the
 * synthetic 10,000-article benchmark corpus, whose names recur across events, one name made a
 * story of 39 reports of about ten events (0.5: largest 8); the labelled scores are unchanged
 * up to 0.7.
 */
export const ONE_WORD = 0.5;
/** Days at which a dated pair's similarity is multiplied by 1/e. */
export const DECAY_DAYS = 30;

export const DEFAULT_STORY_OPTIONS: StoryOptions = {
  topTerms: 30,
  queryTerms: 20,
  maxPostings: 100,
  neighbours: 10,
  candidates: 15,
  minLink: 0.1,
  merge: STORY_SIMILARITY,
  centroidTerms: 300,
  decayDays: DECAY_DAYS,
  passes: 4,
  bodyChars: BODY_CHARS,
  backgroundDocuments: BACKGROUND_DOCUMENTS,
  bridge: BRIDGE,
  oneWord: ONE_WORD,
};

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
  const vectors = tfidfVectors(
    documents.map((document) => terms(document, options)),
    options.backgroundDocuments,
  );
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
  const vectors = tfidfVectors(
    documents.map((document) => terms(document, options)),
    options.backgroundDocuments,
  );
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
  // The two groups a link was last refused for, by root and size: groups only grow, so the same
  // roots at the same sizes are the same groups, and the answer would be the same. Later passes
  // then check only links whose groups changed (at 100,000 reports, most links are refused).
  const refused = {
    rootA: new Int32Array(links.length).fill(-1),
    rootB: new Int32Array(links.length),
    sizeA: new Int32Array(links.length),
    sizeB: new Int32Array(links.length),
  };
  for (let pass = 0; pass < options.passes; pass += 1) {
    let merged = 0;
    for (let index = 0; index < links.length; index += 1) {
      const { a, b, similarity } = links[index] as StoryLink;
      const [ra, rb] = [find(a), find(b)];
      if (ra === rb) continue;
      const [A, B] = [clusters[ra] as Cluster, clusters[rb] as Cluster];
      if (
        refused.rootA[index] === ra &&
        refused.rootB[index] === rb &&
        refused.sizeA[index] === A.size &&
        refused.sizeB[index] === B.size
      )
        continue;
      refused.rootA[index] = ra;
      refused.rootB[index] = rb;
      refused.sizeA[index] = A.size;
      refused.sizeB[index] = B.size;
      const timeFactor = decay(gapDays(A.first, A.last, B.first, B.last), options.decayDays);
      // Two single reports: the link is their (decayed) cosine already.
      const dot = A.size === 1 && B.size === 1 ? similarity / (timeFactor || 1) : cosine(A.sum, B.sum);
      // Mean cosine of the smaller group's members to the larger group's centroid.
      const toCentroid = dot / (A.size >= B.size ? B.size * A.norm : A.size * B.norm);
      if (toCentroid * timeFactor < options.merge) continue;
      if (options.bridge > 0 && leansOnOneMember(A, B, a, b, vectors, options.bridge * options.merge))
        continue;
      const withoutTopWord =
        (dot - largestShare(A.sum, B.sum)) / (A.size >= B.size ? B.size * A.norm : A.size * B.norm);
      if (withoutTopWord * timeFactor < options.oneWord * options.merge) continue;
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

/** The largest single term's share of the dot product of two sparse vectors. */
function largestShare(a: Vector, b: Vector): number {
  let largest = 0;
  let i = 0;
  let j = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const x = a.terms[i] as number;
    const y = b.terms[j] as number;
    if (x === y) largest = Math.max(largest, (a.weights[i++] as number) * (b.weights[j++] as number));
    else if (x < y) i += 1;
    else j += 1;
  }
  return largest;
}

/**
 * Whether the smaller group resembles the larger one only through the member its link came
 * from: without that member, the larger group's centroid is less than `floor` similar to it.
 * A roundup that quotes one story and then another must not carry the second into the first.
 * A group of one has no other members to ask, so a pair is judged by its cosine alone.
 */
function leansOnOneMember(
  A: Cluster,
  B: Cluster,
  a: number,
  b: number,
  vectors: readonly Vector[],
  floor: number,
): boolean {
  const [small, large, member] = A.size >= B.size ? [B, A, a] : [A, B, b];
  if (large.size < 2) return false;
  const memberVector = vectors[member] as Vector;
  const dot = cosine(small.sum, large.sum) - cosine(small.sum, memberVector);
  const squares = large.norm * large.norm - 2 * cosine(large.sum, memberVector) + 1;
  const norm = Math.sqrt(Math.max(squares, 0)) || 1;
  return dot / (small.size * norm) < floor;
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

function terms(document: StoryDocument, options: StoryOptions): string[] {
  const keep = (word: string): boolean =>
    word.length > 2 && word.length <= MAX_TERM_LENGTH && !STOP.has(word) && !/^\d+$/.test(word);
  const title = normalizedWords(document.title.slice(0, options.bodyChars)).filter(keep);
  const body = normalizedWords(document.body.slice(0, options.bodyChars)).filter(keep);
  // The headline counts twice: it names the event in a few words. flat(), not push(...list): a
  // spread passes every word as an argument and overflows the stack on a long text.
  return [title, title, body].flat();
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
