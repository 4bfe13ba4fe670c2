/**
 * A digest of the code that builds the site: the project's `src/`, its config, package and lock
 * files, and the Node version. What an earlier build made with the same digest, from the same
 * data, a build now makes the same (src/astro/integrations/listing-feeds.ts,
 * src/astro/last-build-keys.ts).
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { contentDigest } from '../core/digest.ts';

/** @param root - the project's folder */
export async function codeDigest(root: string): Promise<string> {
  const sources = (await readdir(join(root, 'src'), { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  const files = [
    ...sources,
    ...['astro.config.mjs', 'package.json', 'package-lock.json'].map((name) => join(root, name)),
  ];
  const parts = await Promise.all(
    files.map(
      async (path) => `${path.slice(root.length)}\n${contentDigest(await readFile(path).catch(() => ''))}`,
    ),
  );
  return contentDigest([process.version, ...parts].join('\n'));
}
