/**
 * A cache kept in Astro's cache folder between builds, so a rebuild after one article changed
 * re-reads only that file and re-classifies only new names. It is valid only for the exact
 * library code and NLP library that wrote it: its key is a hash of every file in `src/lib` and
 * of compromise's version, so changing the parser can never serve stale results.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { knownClassifications, rememberClassifications } from '../lib/corpus/topics.ts';
import type { ReadResult } from '../lib/pipeline.ts';

const CACHE_FILE = 'dispatch-cache.json';

interface CacheFile {
  key: string;
  parse: [string, ReadResult][];
  classifications: ReturnType<typeof knownClassifications>;
}

export interface BuildCache {
  parse: Map<string, ReadResult>;
  /** Writes what this build learnt, for the next one. */
  save: () => Promise<void>;
}

/**
 * Opens the cache in `cacheDir`; a missing, unreadable or outdated cache starts empty.
 *
 * @param cacheDir - Astro's cache folder (`node_modules/.astro`)
 */
export async function openBuildCache(cacheDir: string): Promise<BuildCache> {
  const key = await codeKey();
  const path = join(cacheDir, CACHE_FILE);
  let stored: CacheFile | undefined;
  try {
    stored = JSON.parse(await readFile(path, 'utf8')) as CacheFile;
  } catch {
    stored = undefined;
  }
  const valid = key !== undefined && stored?.key === key;
  const parse = new Map(valid ? stored?.parse : []);
  if (valid && stored) rememberClassifications(stored.classifications);
  return {
    parse,
    save: async () => {
      if (key === undefined) return;
      await mkdir(cacheDir, { recursive: true });
      const file: CacheFile = { key, parse: [...parse.entries()], classifications: knownClassifications() };
      await writeFile(path, JSON.stringify(file));
    },
  };
}

/** Hash of the library's source and compromise's version; undefined if they cannot be read. */
async function codeKey(): Promise<string | undefined> {
  try {
    const libDir = fileURLToPath(new URL('../lib/', import.meta.url));
    const files = (await readdir(libDir, { recursive: true })).filter((file) => file.endsWith('.ts')).sort();
    const hash = createHash('sha256');
    for (const file of files)
      hash
        .update(file)
        .update('\0')
        .update(await readFile(join(libDir, file)));
    return hash.update(nlp.version).digest('hex');
  } catch {
    return undefined;
  }
}
