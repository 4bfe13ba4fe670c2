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

/**
 * The sorted, de-duplicated 32-bit MurmurHash3 hashes of the word shingles. A text shorter
 * than one shingle is one shingle of all its words; an empty text has none.
 *
 * @param words - normalised words
 * @param size - words per shingle
 */
export function shingleHashes(words: readonly string[], size = SHINGLE_SIZE): Uint32Array {
  if (words.length === 0) return new Uint32Array(0);
  const count = Math.max(1, words.length - size + 1);
  const hashes = new Uint32Array(count);
  for (let index = 0; index < count; index += 1) {
    hashes[index] = murmurhash.v3(words.slice(index, index + size).join(' '));
  }
  hashes.sort();
  return unique(hashes);
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
