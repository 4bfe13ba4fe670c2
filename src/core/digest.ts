/**
 * The digest of a file's bytes, on its own so the loader's main thread can key the content
 * folder without loading the parser (which runs in the pipeline's thread).
 */
import { createHash } from 'node:crypto';

/**
 * SHA-256 of a file's bytes (or of a text, as UTF-8), base64url: what tells one content from
 * another — files, article texts in the build cache, page keys.
 */
export function contentDigest(content: Uint8Array | string): string {
  return createHash('sha256').update(content).digest('base64url');
}
