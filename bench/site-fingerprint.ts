/**
 * Every file of a built site with the SHA-256 of its bytes, by path: two sites compare equal
 * only when they hold the same files with the same bytes (the benchmark's check of a rebuild,
 * the tests of reproducible and incremental builds).
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export function siteFingerprint(site: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(site, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        return [path.slice(site.length + 1), createHash('sha256').update(readFileSync(path)).digest('hex')];
      })
      .sort(([a = ''], [b = '']) => (a < b ? -1 : 1)),
  );
}

/** The paths whose bytes differ between two fingerprints, or that only one of them has. */
export function differingFiles(a: Record<string, string>, b: Record<string, string>): string[] {
  const paths = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...paths].filter((path) => a[path] !== b[path]).sort();
}
