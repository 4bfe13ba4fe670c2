/**
 * The story grouping the site used before issue 14, kept only so that `bench/story-quality.ts`
 * can print its scores beside the current method's (the `previous` row). Not used by the site.
 *
 * Stories: different reports of the same event, grouped. Documents are TF-IDF vectors over
 * content words (stop words removed, headline words counted twice); two reports are linked
 * when their cosine similarity is at least STORY_SIMILARITY and, when both are dated, they
 * are at most MAX_STORY_DAYS apart.
 *
 * Clustering is average-link: two groups merge only when the mean similarity over all their
 * cross pairs reaches the threshold (missing pairs count as 0). One shared quote or paragraph
 * can link two articles weakly, but it cannot chain unrelated articles into a catch-all story.
 */
import { eng as ENGLISH_STOP_WORDS } from 'stopword';
import { normalizedWords } from '../src/core/corpus/shingles.ts';
import type { StoryDocument, StoryLink } from '../src/core/corpus/stories.ts';
import { cosine, tfidfVectors, type SparseVector } from '../src/core/corpus/tfidf.ts';

/** Cosine similarity at which two reports are about the same event (see tests/core/corpus/stories.test.ts). */
export const STORY_SIMILARITY = 0.33;
/** Reports of one event appear within days of each other. */
export const MAX_STORY_DAYS = 7;
/** How many times a proper noun counts (see terms()). */
const ENTITY_WEIGHT = 2;
/** Terms per document used to find candidate pairs. */
const TOP_TERMS = 15;
/** A term that is among the top terms of more documents than this is too broad to pair on. */
const MAX_POSTINGS = 200;
/**
 * Characters of a body read for its terms. What event a report is about is told in its first
 * part (the longest BBC article has about 25,000 characters); the cap keeps one huge file from
 * costing more than a few ordinary ones.
 */
const MAX_STORY_TEXT = 100_000;
/** A longer "word" is a code, a link or junk, never a term two reports share. */
const MAX_TERM_LENGTH = 40;

const STOP = new Set([...ENGLISH_STOP_WORDS, 'said', 'says', 'also', 'would', 'could', 'one', 'two', 'new']);

type Vector = SparseVector;

/**
 * Similarities of the candidate pairs (documents sharing at least two top terms, close in
 * time), strongest first. Exposed for diagnostics and the benchmark.
 *
 * @param documents - one entry per published article
 */
export function storyLinks(documents: readonly StoryDocument[]): StoryLink[] {
  const vectors = tfidfVectors(documents.map(terms));
  const links: StoryLink[] = [];
  for (const [a, b] of candidatePairs(vectors)) {
    if (!closeInTime(documents[a]?.date, documents[b]?.date)) continue;
    const similarity = cosine(vectors[a] as Vector, vectors[b] as Vector);
    if (similarity > 0) links.push({ a, b, similarity });
  }
  return links.sort((x, y) => y.similarity - x.similarity || x.a - y.a || x.b - y.b);
}

/**
 * Groups documents into stories.
 *
 * @param documents - one entry per published article
 * @returns clusters of document indexes (every document in exactly one cluster; each cluster
 *   sorted, clusters ordered by their first index)
 */
export function groupStories(documents: readonly StoryDocument[]): number[][] {
  const count = documents.length;
  const key = (a: number, b: number): number => (a < b ? a * count + b : b * count + a);
  const links = storyLinks(documents);
  const similarity = new Map(links.map((link) => [key(link.a, link.b), link.similarity]));

  const clusterOf = documents.map((_, index) => index);
  const members = new Map<number, number[]>(documents.map((_, index) => [index, [index]]));
  for (const { a, b, similarity: value } of links) {
    if (value < STORY_SIMILARITY) break;
    const [ca, cb] = [clusterOf[a] as number, clusterOf[b] as number];
    if (ca === cb) continue;
    const left = members.get(ca) ?? [];
    const right = members.get(cb) ?? [];
    // Average link: the mean over all cross pairs, unlinked pairs counting 0.
    let total = 0;
    for (const x of left) for (const y of right) total += similarity.get(key(x, y)) ?? 0;
    if (total / (left.length * right.length) < STORY_SIMILARITY) continue;
    const [keep, drop] = ca < cb ? [ca, cb] : [cb, ca];
    const merged = [...(members.get(keep) ?? []), ...(members.get(drop) ?? [])];
    members.set(keep, merged);
    members.delete(drop);
    for (const index of merged) clusterOf[index] = keep;
  }
  return [...members.values()]
    .map((group) => group.sort((x, y) => x - y))
    .sort((g, h) => (g[0] ?? 0) - (h[0] ?? 0));
}

function terms(document: StoryDocument): string[] {
  const keep = (word: string): boolean =>
    word.length > 2 && word.length <= MAX_TERM_LENGTH && !STOP.has(word) && !/^\d+$/.test(word);
  const text = document.body.slice(0, MAX_STORY_TEXT);
  const title = normalizedWords(document.title.slice(0, MAX_STORY_TEXT)).filter(keep);
  const body = normalizedWords(text).filter(keep);
  // Names of people, places and organisations say more about the event than common words:
  // a word written with a capital mid-sentence counts ENTITY_WEIGHT times.
  const names = properNouns(text).filter(keep);
  const weighted = [title, title, body];
  for (let copy = 1; copy < ENTITY_WEIGHT; copy += 1) weighted.push(names);
  // flat(), not push(...list): a spread passes every word as an argument and overflows the
  // stack on a long text.
  return weighted.flat();
}

/** Words capitalised mid-sentence (not after a sentence end or at a line start), normalised. */
function properNouns(text: string): string[] {
  const names: string[] = [];
  for (const line of text.split('\n')) {
    for (const match of line.matchAll(/\p{Lu}[\p{L}’'-]*/gu)) {
      if (startsSentence(line, match.index)) continue;
      for (const word of normalizedWords(match[0])) names.push(word);
    }
  }
  return names;
}

/**
 * Whether the text before `index` is empty or ends a sentence, ignoring spaces. Looks back over
 * the spaces only, not the whole line: one long line of capitalised words stays linear.
 */
function startsSentence(line: string, index: number): boolean {
  let before = index - 1;
  while (before >= 0 && /\s/u.test(line.charAt(before))) before -= 1;
  return before < 0 || /[.!?:"“‘(]/u.test(line.charAt(before));
}

/**
 * Pairs of documents sharing at least two of their top terms. Counting uses one reusable
 * array per pass instead of a map of pairs, so the cost is the total length of the postings
 * visited.
 */
function candidatePairs(vectors: readonly Vector[]): [number, number][] {
  const tops = vectors.map(topTerms);
  const postings = new Map<number, number[]>();
  tops.forEach((terms, doc) => {
    for (const term of terms) {
      const list = postings.get(term);
      if (list) list.push(doc);
      else postings.set(term, [doc]);
    }
  });
  const shared = new Uint16Array(vectors.length);
  const touched: number[] = [];
  const pairs: [number, number][] = [];
  tops.forEach((terms, doc) => {
    for (const term of terms) {
      const list = postings.get(term) ?? [];
      if (list.length > MAX_POSTINGS) continue;
      for (const other of list) {
        if (other <= doc) continue;
        if (shared[other] === 0) touched.push(other);
        shared[other] = (shared[other] as number) + 1;
      }
    }
    for (const other of touched) {
      if ((shared[other] as number) >= 2) pairs.push([doc, other]);
      shared[other] = 0;
    }
    touched.length = 0;
  });
  return pairs;
}

/** The ids of a vector's TOP_TERMS heaviest terms. */
function topTerms(vector: Vector): number[] {
  const positions = Array.from(vector.weights.keys());
  positions.sort((x, y) => (vector.weights[y] as number) - (vector.weights[x] as number));
  return positions.slice(0, TOP_TERMS).map((position) => vector.terms[position] as number);
}

function closeInTime(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return true;
  const days = Math.abs(Date.parse(a.slice(0, 10)) - Date.parse(b.slice(0, 10))) / 86_400_000;
  return days <= MAX_STORY_DAYS;
}
