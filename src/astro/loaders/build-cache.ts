/**
 * A cache kept in Astro's cache folder between builds, so a rebuild after one article changed
 * re-reads only that file and re-classifies only new names. It is valid only for the exact code
 * that wrote it: its key covers the reading and name-classifying modules and every file they
 * import (see CACHED_CODE),
 * the exact installed version of every package that code imports — with the packages those
 * depend on — and the Node version. An update of chrono-node, yaml, smartquotes… or a new
 * dependency of the library can therefore never serve stale readings.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BodySketch } from '../../core/corpus/duplicates.ts';
import type { NameKinds, RememberedScan, Tally } from '../../core/corpus/topics.ts';
import type { Topic } from '../../core/model/schema.ts';
import type { ReadResult } from '../../core/read-file.ts';
import { compareStrings } from '../../core/text/text.ts';

const CACHE_FILE = 'dispatch-cache.json';

/** The project this file belongs to: its `src/core`, `package-lock.json` and `node_modules`. */
const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

interface CacheFile {
  key: string;
  parse: [string, ReadResult][];
  classifications: [string, Topic['kind'] | null][];
  /** The names found in each article, by the hash of its text (maps written as entry lists). */
  topicScans?: [string, StoredScan][];
  /** Duplicate finding's sketch of each text, by its hash (signatures in base64). */
  duplicateSketches?: [string, { words: string; empty: boolean; signature: string }][];
}

interface StoredScan {
  names: [string, Omit<Tally, 'spellings'> & { spellings: [string, number][] }][];
  mentioned: string[];
  english: boolean;
}

export interface BuildCache {
  parse: Map<string, ReadResult>;
  nameKinds: NameKinds;
  /** What the topic scan found in each article (see `rememberingScanner` in topics.ts). */
  topicScans: Map<string, RememberedScan>;
  /** Duplicate finding's sketch of each text (see `findDuplicateGroups` in duplicates.ts). */
  duplicateSketches: Map<string, BodySketch>;
  /** Writes what this build learnt, for the next one. */
  save: () => Promise<void>;
}

/**
 * Opens the cache in `cacheDir`; a missing, unreadable or outdated cache starts empty.
 *
 * @param cacheDir - Astro's cache folder (`node_modules/.astro`)
 * @param projectRoot - the project whose parsing code and packages key the cache
 */
export async function openBuildCache(cacheDir: string, projectRoot = PROJECT_ROOT): Promise<BuildCache> {
  const key = await parsingCodeKey(projectRoot);
  const path = join(cacheDir, CACHE_FILE);
  let stored: CacheFile | undefined;
  try {
    stored = JSON.parse(await readFile(path, 'utf8')) as CacheFile;
  } catch {
    stored = undefined;
  }
  const valid = key !== undefined && stored?.key === key;
  const parse = new Map(valid ? stored?.parse : []);
  const nameKinds: NameKinds = new Map(valid ? stored?.classifications : []);
  const topicScans = new Map(
    (valid ? (stored?.topicScans ?? []) : []).map(([hash, scan]) => [hash, fromStored(scan)] as const),
  );
  const duplicateSketches = new Map(
    (valid ? (stored?.duplicateSketches ?? []) : []).map(
      ([hash, { words, empty, signature }]) =>
        [
          hash,
          {
            words,
            empty,
            signature: new Uint32Array(new Uint8Array(Buffer.from(signature, 'base64')).buffer),
          },
        ] as const,
    ),
  );
  return {
    parse,
    nameKinds,
    topicScans,
    duplicateSketches,
    save: async () => {
      if (key === undefined) return;
      await mkdir(cacheDir, { recursive: true });
      const file: CacheFile = {
        key,
        parse: [...parse.entries()],
        classifications: [...nameKinds.entries()],
        topicScans: [...topicScans].map(([hash, scan]) => [hash, toStored(scan)]),
        duplicateSketches: [...duplicateSketches].map(([hash, { words, empty, signature }]) => [
          hash,
          {
            words,
            empty,
            signature: Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength).toString(
              'base64',
            ),
          },
        ]),
      };
      await writeFile(path, JSON.stringify(file));
    },
  };
}

function toStored({ names, mentioned, english }: RememberedScan): StoredScan {
  return {
    names: [...names].map(([name, tally]) => [name, { ...tally, spellings: [...tally.spellings] }]),
    mentioned,
    english,
  };
}

function fromStored({ names, mentioned, english }: StoredScan): RememberedScan {
  return {
    names: new Map(names.map(([name, tally]) => [name, { ...tally, spellings: new Map(tally.spellings) }])),
    mentioned,
    english,
  };
}

/**
 * The key of everything a reading depends on: the library's files (and the project files they
 * import), each package they import as locked (version, integrity) and as installed (version),
 * with its own dependencies, and the Node version (Unicode tables of regular expressions, Intl).
 * Undefined when the library cannot be read: then nothing is cached.
 *
 * @param projectRoot - folder holding `src/core`, `package-lock.json` and `node_modules`
 */
export async function parsingCodeKey(projectRoot: string): Promise<string | undefined> {
  try {
    const hash = createHash('sha256').update(`node ${process.version}\0`);
    const { sources, packages } = await libraryCode(projectRoot);
    for (const [path, text] of sources) hash.update(`${path}\0${text.length}\0`).update(text);
    for (const line of await packageVersions(projectRoot, packages)) hash.update(`${line}\0`);
    return hash.digest('hex');
  } catch {
    return undefined;
  }
}

/**
 * What the cached results are computed by: reading one file (the parse cache), finding and
 * classifying names (the topic scans and the name-kind cache) and sketching texts for duplicate
 * finding. The key covers these modules and what they import, nothing else: editing the feed
 * or a page keeps every cached result.
 */
export const CACHED_CODE = [
  'src/core/read-file.ts',
  'src/core/corpus/topics.ts',
  'src/core/corpus/duplicates.ts',
];

/**
 * The {@link CACHED_CODE} modules and every project file they import, by path relative to the
 * project; and the names of the packages all of them import at run time.
 */
async function libraryCode(
  projectRoot: string,
): Promise<{ sources: Map<string, Buffer>; packages: Set<string> }> {
  const pending = CACHED_CODE.map((path) => join(projectRoot, path));
  const sources = new Map<string, Buffer>();
  const packages = new Set<string>();
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    const path = relative(projectRoot, file).split(sep).join('/');
    if (sources.has(path)) continue;
    const text = await readFile(file);
    sources.set(path, text);
    if (!/\.[cm]?[jt]sx?$/.test(file)) continue;
    for (const specifier of runtimeImports(text.toString('utf8'))) {
      if (specifier.startsWith('.')) pending.push(resolve(dirname(file), specifier));
      else if (!isBuiltin(specifier)) packages.add(packageName(specifier));
    }
  }
  return { sources: new Map([...sources].sort(([a], [b]) => compareStrings(a, b))), packages };
}

/** `import … from 'x'`, `export … from 'x'`, `import 'x'` (not `import type`), and `import('x')`. */
const STATIC_IMPORT = /^\s*(?:import|export)\s+(type\s+)?(?:[^;'"]*?\sfrom\s*)?['"]([^'"\n]+)['"]/gm;
const DYNAMIC_IMPORT = /\bimport\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g;

function runtimeImports(source: string): string[] {
  const statics = [...source.matchAll(STATIC_IMPORT)].filter((match) => !match[1]).map((match) => match[2]);
  const dynamics = [...source.matchAll(DYNAMIC_IMPORT)].map((match) => match[1]);
  return [...statics, ...dynamics].filter((specifier): specifier is string => specifier !== undefined);
}

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

interface LockedPackage {
  version?: string;
  integrity?: string;
  resolved?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/**
 * One line per package the library runs, and per package those depend on (found the way Node
 * finds them: in the nearest `node_modules`): where it is installed, its locked version and
 * integrity, and the version actually installed there.
 */
async function packageVersions(projectRoot: string, imported: Set<string>): Promise<string[]> {
  const locked = await lockedPackages(projectRoot);
  const lines = new Map<string, string>();
  const pending = [...imported].sort().map((name) => ({ name, from: '' }));
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const location = locate(locked, next.name, next.from);
    if (location === undefined) {
      lines.set(`?${next.name}`, `${next.name} not in the lock file`);
      continue;
    }
    if (lines.has(location)) continue;
    const entry = locked[location] ?? {};
    const installed = await installedVersion(join(projectRoot, location));
    lines.set(location, [location, entry.version, entry.integrity ?? entry.resolved, installed].join(' '));
    const dependencies = {
      ...entry.dependencies,
      ...entry.optionalDependencies,
      ...entry.peerDependencies,
    };
    for (const name of Object.keys(dependencies)) pending.push({ name, from: location });
  }
  return [...lines.keys()].sort().map((key) => lines.get(key) ?? key);
}

async function lockedPackages(projectRoot: string): Promise<Record<string, LockedPackage>> {
  try {
    const lock = JSON.parse(await readFile(join(projectRoot, 'package-lock.json'), 'utf8')) as {
      packages?: Record<string, LockedPackage>;
    };
    return lock.packages ?? {};
  } catch {
    return {}; // no lock file: the installed versions alone key the cache
  }
}

/**
 * Where `name`, required from the package at `from`, is installed: the nearest `node_modules`
 * up from it; a types-only package (`hast`) under `@types`. Without a lock file, the top level.
 */
function locate(locked: Record<string, LockedPackage>, name: string, from: string): string | undefined {
  if (Object.keys(locked).length === 0) return `node_modules/${name}`;
  for (let base = from; ; base = parentPackage(base)) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (candidate in locked) return candidate;
    if (!base) break;
  }
  const types = `node_modules/@types/${name.replace(/^@([^/]+)\//, '$1__')}`;
  return types in locked ? types : undefined;
}

/** `node_modules/a/node_modules/b` → `node_modules/a`; `node_modules/a` → ``. */
function parentPackage(location: string): string {
  const index = location.lastIndexOf('/node_modules/');
  return index === -1 ? '' : location.slice(0, index);
}

async function installedVersion(packageDir: string): Promise<string> {
  try {
    const manifest = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as {
      version?: unknown;
    };
    return String(manifest.version);
  } catch {
    return 'not installed';
  }
}
