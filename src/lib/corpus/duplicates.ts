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
import { jaccard, normalizedWords, shingleHashes } from './shingles.ts';
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
  const parent = bodies.map((_, index) => index);
  const find = (index: number): number => {
    let root = index;
    while (parent[root] !== root) root = parent[root] as number;
    while (parent[index] !== root) [parent[index], index] = [root, parent[index] as number];
    return root;
  };
  const union = (a: number, b: number): void => {
    const [low, high] = [find(a), find(b)].sort((x, y) => x - y) as [number, number];
    if (low !== high) parent[high] = low;
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

  const shingles = representatives.map((index) => shingleHashes(words[index] ?? []));
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

  const members = new Map<number, number[]>();
  bodies.forEach((_, index) => {
    const root = find(index);
    const list = members.get(root);
    if (list) list.push(index);
    else members.set(root, [index]);
  });
  const groups = [...members.values()]
    .filter((group) => group.length > 1)
    .sort((g, h) => (g[0] ?? 0) - (h[0] ?? 0));
  return { groups, pairs };
}
