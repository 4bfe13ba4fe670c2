/**
 * Duplicate articles across the corpus: exact copies (same body after normalising whitespace,
 * quotes and case) and near-copies (Jaccard similarity of word 5-shingles at or above
 * DUPLICATE_THRESHOLD, found through MinHash + LSH and verified exactly).
 *
 * Threshold 0.7: issue #4 requires every pair sharing ≥ 80 % of shingles to merge and none
 * below 50 % to; 0.7 sits between with margin on both sides. A re-published article with a
 * sentence added or removed stays far above it (one sentence in a 400-word body costs about
 * 5 % of shingles); two reports of one event written separately share well under 20 %.
 */
import { contentDigest } from '../digest.ts';
import { DisjointSets } from './disjoint-sets.ts';
import { createWordHasher, jaccard, normalizedWords, SHINGLE_SIZE, shingleHashes } from './shingles.ts';
import { estimatedSimilarity, lshCandidatePairs, minhashSignature } from './minhash.ts';

export const DUPLICATE_THRESHOLD = 0.7;
/** How far below the threshold a pair's estimated similarity may be and still be checked exactly. */
const ESTIMATE_MARGIN = 0.2;

export interface DuplicatePair {
  a: number;
  b: number;
  similarity: number;
}

/**
 * Groups documents that are copies or near-copies of each other.
 *
 * @param bodies - the body text of each document (dek and paragraphs, not the headline)
 * @param threshold - minimum Jaccard similarity of shingle sets to merge
 * @param remembered - the sketches of an earlier run, by text hash (see {@link BodySketch});
 *   updated in place to this run's texts
 * @returns groups of document indexes (each sorted, only groups of two or more, ordered by
 *   their first index) and the verified near-duplicate pairs
 */
export function findDuplicateGroups(
  bodies: readonly string[],
  threshold = DUPLICATE_THRESHOLD,
  remembered?: Map<string, BodySketch>,
): { groups: number[][]; pairs: DuplicatePair[] } {
  const hashWord = createWordHasher();
  const shingleCache = new Map<number, Uint32Array>();
  const shinglesOf = (index: number): Uint32Array => {
    let found = shingleCache.get(index);
    if (!found)
      shingleCache.set(
        index,
        (found = shingleHashes(normalizedWords(bodies[index] ?? ''), SHINGLE_SIZE, hashWord)),
      );
    return found;
  };
  const keys = remembered ? bodies.map(textKey) : [];
  const sketches = bodies.map((body, index) => {
    const key = keys[index] ?? '';
    const known = remembered?.get(key);
    if (known) return known;
    const sketch = sketchOf(body, index, hashWord, shingleCache);
    remembered?.set(key, sketch);
    return sketch;
  });
  if (remembered) {
    // Only this run's texts: the cache does not grow with every edit.
    const used = new Set(keys);
    for (const key of remembered.keys()) if (!used.has(key)) remembered.delete(key);
  }
  const sets = new DisjointSets(bodies.length);
  // The lower root stays the root, so a group is known by its first item.
  const union = (a: number, b: number): void => {
    const [low, high] = [sets.find(a), sets.find(b)].sort((x, y) => x - y) as [number, number];
    if (low !== high) sets.attach(low, high);
  };

  // Exact copies first: cheap, and it keeps identical bodies out of the LSH buckets.
  const byText = new Map<string, number>();
  const representatives: number[] = [];
  sketches.forEach(({ words, empty }, index) => {
    const first = byText.get(words);
    if (first === undefined) {
      byText.set(words, index);
      representatives.push(index);
    } else if (!empty) union(first, index);
  });

  const signatures = representatives.map((index) => sketches[index]?.signature ?? new Uint32Array());
  // The exact Jaccard costs the length of both texts; the signatures' estimate costs 48
  // comparisons. A pair estimated this far below the threshold is over four standard errors
  // below it (see estimatedSimilarity), so only hopeless pairs are skipped.
  const promising = (x: number, y: number): boolean =>
    estimatedSimilarity(signatures[x] as Uint32Array, signatures[y] as Uint32Array) >=
    threshold - ESTIMATE_MARGIN;
  const pairs: DuplicatePair[] = [];
  for (const [x, y] of lshCandidatePairs(signatures, promising)) {
    const a = representatives[x] as number;
    const b = representatives[y] as number;
    const similarity = jaccard(shinglesOf(a), shinglesOf(b));
    if (similarity < threshold) continue;
    pairs.push({ a, b, similarity });
    union(a, b);
  }

  return { groups: sets.groups().filter((group) => group.length > 1), pairs };
}

/**
 * What duplicate finding needs of a text before comparing it with others, kept between builds
 * by the text's hash: a republish then reads, shingles and signs only the texts that changed
 * (2 s of the 2.5 s this stage takes at 10,000 articles). The shingles themselves are made
 * again for the few texts LSH pairs up, to measure their similarity exactly.
 */
export interface BodySketch {
  /** A hash of the normalised words: equal for exact copies. */
  words: string;
  /** Whether the text has no words (empty texts are no copies of each other). */
  empty: boolean;
  /** The MinHash signature of its shingles. */
  signature: Uint32Array;
}

/** Reads, shingles and signs one text; its shingles go to `shingleCache`, by index. */
function sketchOf(
  body: string,
  index: number,
  hashWord: ReturnType<typeof createWordHasher>,
  shingleCache: Map<number, Uint32Array>,
): BodySketch {
  const words = normalizedWords(body);
  const shingles = shingleHashes(words, SHINGLE_SIZE, hashWord);
  shingleCache.set(index, shingles);
  return {
    words: contentDigest(words.join(' ')),
    empty: words.length === 0,
    signature: minhashSignature(shingles),
  };
}

function textKey(body: string): string {
  return contentDigest(body);
}
