/**
 * Reading one article file on its own, before anything is compared across the corpus. The
 * build cache keeps these results between builds, keyed by the file's bytes and by the code of
 * this module and everything it imports (src/astro/loaders/build-cache.ts), so this module imports
 * only what reading needs.
 */
import { contentDigest } from './digest.ts';
import { decodeText, looksBinary } from './ingest/decode.ts';
import { parseArticle } from './ingest/parse.ts';
import type { ParsedArticle } from './model/schema.ts';

export interface InputFile {
  /** Path relative to the content folder, `/` separators. */
  path: string;
  bytes: Uint8Array;
  /** The file's size when its bytes were not read because it is over the size limit. */
  size?: number;
  /**
   * {@link contentDigest} of `bytes`, when the caller has computed it already (the loader keys
   * the whole content folder by it): the bytes are then hashed once on their way through.
   */
  digest?: string;
}

export { contentDigest } from './digest.ts';

/** What reading one file gives: a parsed article, or the reason it is rejected. */
export type ReadResult = ParsedArticle | { rejected: string };

/**
 * The cache key of a file's reading: its bytes, its size and the size limit decide it.
 *
 * @param file - the file as read
 * @param maxFileBytes - the size limit in force
 */
export function parseCacheKey(file: InputFile, maxFileBytes: number): string {
  const digest = file.digest ?? contentDigest(file.bytes);
  return `${digest}:${file.size ?? file.bytes.length}:${maxFileBytes}`;
}

/**
 * Reads one article file: the size limit, empty and binary files, decoding, parsing, and the
 * paragraph limit. A pure function of the file's bytes, its size and the limit, which is what
 * lets the build cache keep its result (see parseCacheKey).
 *
 * @param file - the file as read
 * @param maxFileBytes - the size limit in force
 */
export function readArticleFile(file: InputFile, maxFileBytes: number): ReadResult {
  const size = file.size ?? file.bytes.length;
  if (size > maxFileBytes) {
    const limit = formatBytes(maxFileBytes);
    return {
      rejected: `The file is ${formatBytes(size)}, over the ${limit} limit; split it or raise MAX_FILE_BYTES.`,
    };
  }
  if (file.bytes.length === 0) return { rejected: 'The file is empty.' };
  if (looksBinary(file.bytes)) {
    return {
      rejected: 'The file is binary (it contains NUL bytes), not text; export the article as plain text.',
    };
  }
  const parsed = parseArticle(decodeText(file.bytes).text);
  if ('paragraphs' in parsed && parsed.paragraphs.length > MAX_PARAGRAPHS) {
    return {
      rejected: `The file has ${parsed.paragraphs.length.toLocaleString('en')} paragraphs, more than the ${MAX_PARAGRAPHS.toLocaleString('en')} one article page can hold; split it into articles.`,
    };
  }
  return parsed;
}

/**
 * Paragraphs one article may have. A long report has a few hundred; a 5 MB transcript 30,000.
 * An 8 MB file of one-letter lines would make millions, and a page that takes a minute to
 * render and weighs 80 MB: that is no article, so it is rejected rather than cut short.
 */
export const MAX_PARAGRAPHS = 50_000;

/** "3.5 MiB", "12.0 KiB", "100 bytes": a size a person reads at a glance. */
function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}
