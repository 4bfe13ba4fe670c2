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
 * @returns groups of document indexes (each sorted, only groups of two or more, ordered by
 *   their first index) and the verified near-duplicate pairs
 */
export function findDuplicateGroups(
  bodies: readonly string[],
  threshold = DUPLICATE_THRESHOLD,
): { groups: number[][]; pairs: DuplicatePair[] } {
  const words = bodies.map(normalizedWords);
  const sets = new DisjointSets(bodies.length);
  // The lower root stays the root, so a group is known by its first item.
  const union = (a: number, b: number): void => {
    const [low, high] = [sets.find(a), sets.find(b)].sort((x, y) => x - y) as [number, number];
    if (low !== high) sets.attach(low, high);
  };

  // Exact copies first: cheap, and it keeps identical bodies out of the LSH buckets.
  const byText = new Map<string, number>();
  const representatives: number[] = [];
  words.forEach((list, index) => {
    const key = list.join(' ');
    const first = byText.get(key);
    if (first === undefined) {
      byText.set(key, index);
      representatives.push(index);
    } else if (key !== '') union(first, index);
  });

  const hashWord = createWordHasher();
  const shingles = representatives.map((index) => shingleHashes(words[index] ?? [], SHINGLE_SIZE, hashWord));
  const signatures = shingles.map(minhashSignature);
  // The exact Jaccard costs the length of both texts; the signatures' estimate costs 48
  // comparisons. A pair estimated this far below the threshold is over four standard errors
  // below it (see estimatedSimilarity), so only hopeless pairs are skipped.
  const promising = (x: number, y: number): boolean =>
    estimatedSimilarity(signatures[x] as Uint32Array, signatures[y] as Uint32Array) >=
    threshold - ESTIMATE_MARGIN;
  const pairs: DuplicatePair[] = [];
  for (const [x, y] of lshCandidatePairs(signatures, promising)) {
    const similarity = jaccard(shingles[x] as Uint32Array, shingles[y] as Uint32Array);
    if (similarity < threshold) continue;
    const a = representatives[x] as number;
    const b = representatives[y] as number;
    pairs.push({ a, b, similarity });
    union(a, b);
  }

  return { groups: sets.groups().filter((group) => group.length > 1), pairs };
}
