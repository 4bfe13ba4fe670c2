/**
 * MinHash signatures and locality-sensitive hashing (LSH) over shingle hashes: near-duplicate
 * candidates without comparing every pair of articles.
 *
 * With 48 hash functions in 16 bands of 3 rows, a pair with Jaccard similarity s becomes a
 * candidate with probability 1 − (1 − s³)¹⁶: 99.9990 % at s = 0.8, 99.7 % at s = 0.7, 88 % at
 * s = 0.5, 12 % at s = 0.2. Candidates are then verified with the exact Jaccard, so LSH only
 * has to not miss; 48 rather than 64 functions cuts the signature cost by a quarter.
 */

export const SIGNATURE_SIZE = 48;
export const BANDS = 16;
export const ROWS = SIGNATURE_SIZE / BANDS;

/** Fixed seeds (derived once from a splitmix-style sequence) so signatures are reproducible. */
const SEEDS = (() => {
  const seeds = new Uint32Array(SIGNATURE_SIZE);
  let state = 0x9e3779b9;
  for (let index = 0; index < SIGNATURE_SIZE; index += 1) {
    state = (state + 0x9e3779b9) >>> 0;
    seeds[index] = fmix32(state);
  }
  return seeds;
})();

/**
 * MurmurHash3's 32-bit finaliser: a fast bijective mixer with full avalanche. Each of the 48
 * "permutations" is fmix32(x XOR seed), a standard way to derive many hash functions from one.
 *
 * @param value - a 32-bit unsigned integer
 */
export function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The MinHash signature of a shingle set: for each hash function, the smallest value it takes
 * over the set. Two signatures agree in a position with probability equal to the Jaccard
 * similarity of the sets. An empty set gets all 0xffffffff.
 *
 * @param shingles - the shingle hashes of one document
 */
export function minhashSignature(shingles: Uint32Array): Uint32Array {
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let index = 0; index < SIGNATURE_SIZE; index += 1) {
      const value = fmix32(shingle ^ (SEEDS[index] as number));
      if (value < (signature[index] as number)) signature[index] = value;
    }
  }
  return signature;
}

/**
 * Candidate pairs: documents whose signatures agree on every row of at least one band.
 * Documents with empty signatures (no shingles) are never candidates.
 *
 * @param signatures - one signature per document
 * @returns pairs [i, j] with i < j, each once, in ascending order
 */
export function lshCandidatePairs(signatures: readonly Uint32Array[]): [number, number][] {
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  const count = signatures.length;
  for (let band = 0; band < BANDS; band += 1) {
    const buckets = new Map<number, number[]>();
    signatures.forEach((signature, doc) => {
      if (signature[0] === 0xffffffff) return;
      // The band's rows folded into one number; a rare collision only adds a candidate, which
      // the exact Jaccard check then rejects.
      let key = band;
      for (let row = band * ROWS; row < band * ROWS + ROWS; row += 1)
        key = fmix32(key ^ (signature[row] as number));
      const bucket = buckets.get(key);
      if (bucket) bucket.push(doc);
      else buckets.set(key, [doc]);
    });
    for (const bucket of buckets.values()) {
      for (let x = 0; x < bucket.length; x += 1) {
        for (let y = x + 1; y < bucket.length; y += 1) {
          const i = bucket[x] as number;
          const j = bucket[y] as number;
          const id = i * count + j;
          if (!seen.has(id)) {
            seen.add(id);
            pairs.push([i, j]);
          }
        }
      }
    }
  }
  return pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}
