/**
 * The digest of a file's bytes, on its own so the loader's main thread can key the content
 * folder without loading the parser (which runs in the pipeline's thread).
 */
import { createHash } from 'node:crypto';

/** SHA-256 of a file's bytes, base64url: what tells one content from another. */
export function contentDigest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url');
}
