/**
 * Word shingles: the unit of near-duplicate detection. A body becomes the set of hashes of its
 * overlapping runs of five words, after normalising case, quotes and punctuation, so a copy
 * with other quote styles or spacing has the same set.
 */
import murmurhash from 'murmurhash';

/** Five words: long enough that shared phrases are rare, short enough that small edits cost little. */
export const SHINGLE_SIZE = 5;

/**
 * The comparable words of a text: lower case, NFKC, apostrophes dropped ("Russia’s" →
 * "russias"), every other non-letter, non-digit character a separator.
 *
 * @param text - any text
 */
export function normalizedWords(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[’'‘`´]/g, '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** A word's 32-bit MurmurHash3: {@link createWordHasher} remembers each word's. */
export type WordHasher = (word: string) => number;

/** Words held by one hasher at most: past it, it forgets them all and starts again. */
const MAX_REMEMBERED_WORDS = 2_000_000;

/**
 * A word hasher that hashes each word once: words recur across a corpus, so one hasher per
 * run (not per text) saves most of the hashing.
 */
export function createWordHasher(): WordHasher {
  const hashes = new Map<string, number>();
  return (word) => {
    let hash = hashes.get(word);
    if (hash === undefined) {
      hash = murmurhash.v3(word);
      if (hashes.size >= MAX_REMEMBERED_WORDS) hashes.clear();
      hashes.set(word, hash);
    }
    return hash;
  };
}

/**
 * The sorted, de-duplicated shingle hashes of a text: MurmurHash3 (x86, 32-bit) over the word
 * hashes of each run of `size` words. Hashing word hashes instead of the joined text gives the
 * same quality at a fraction of the cost. A text shorter than one shingle is one shingle of all
 * its words; an empty text has none.
 *
 * @param words - normalised words
 * @param size - words per shingle
 * @param hashWord - a run's shared {@link createWordHasher}; a new one by default
 */
export function shingleHashes(
  words: readonly string[],
  size = SHINGLE_SIZE,
  hashWord: WordHasher = createWordHasher(),
): Uint32Array {
  if (words.length === 0) return new Uint32Array(0);
  const ids = Uint32Array.from(words, (word) => hashWord(word));
  const width = Math.min(size, ids.length);
  const count = ids.length - width + 1;
  const hashes = new Uint32Array(count);
  for (let index = 0; index < count; index += 1) hashes[index] = murmur3Words(ids, index, width);
  hashes.sort();
  return unique(hashes);
}

/**
 * MurmurHash3_x86_32 of `count` 32-bit words starting at `start`, seed 0 — the same value as
 * the reference function applied to those words' little-endian bytes.
 *
 * @param words - 32-bit unsigned integers
 * @param start - index of the first word
 * @param count - number of words
 */
export function murmur3Words(words: Uint32Array, start: number, count: number): number {
  let h = 0;
  for (let index = start; index < start + count; index += 1) {
    let k = Math.imul(words[index] as number, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  return fmix32(h ^ (count * 4));
}

/**
 * MurmurHash3's 32-bit finaliser: a fast bijective mixer with full avalanche. MinHash derives its
 * "permutations" from it (fmix32(x XOR seed)), a standard way to get many hash functions from one.
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
 * Exact Jaccard similarity of two sorted, de-duplicated hash sets: |A ∩ B| / |A ∪ B|.
 * Two empty sets are identical (1).
 *
 * @param a - sorted unique hashes
 * @param b - sorted unique hashes
 */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return shared / (a.length + b.length - shared);
}

function unique(sorted: Uint32Array): Uint32Array {
  let write = 0;
  for (let read = 0; read < sorted.length; read += 1) {
    if (read === 0 || sorted[read] !== sorted[read - 1]) sorted[write++] = sorted[read] as number;
  }
  return sorted.subarray(0, write);
}
