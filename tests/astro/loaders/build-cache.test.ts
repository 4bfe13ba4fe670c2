import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEFAULT_MAX_FILE_BYTES, parseFiles } from '../../../src/core/pipeline.ts';
import { parseCacheKey, type ReadResult } from '../../../src/core/read-file.ts';
import { CACHED_CODE, openBuildCache, parsingCodeKey } from '../../../src/astro/loaders/build-cache.ts';

const file = (path: string, text: string) => ({ path, bytes: Buffer.from(text) });

describe('parseFiles with a parse cache', () => {
  test('reads each new file once and fills the cache by content', () => {
    const cache = new Map<string, ReadResult>();
    const files = [file('a.txt', 'First headline\n\nA body paragraph here.'), file('b.txt', '')];
    parseFiles(files, { maxFileBytes: DEFAULT_MAX_FILE_BYTES, parseCache: cache });
    // Keys written out by hand: the SHA-256 of the bytes (base64url), their length, the limit
    // (8 MiB). The digests were computed outside this code (Python's hashlib).
    const firstKey = 'wQP-crrOZJzKSHb46EbPsT6Hg1kV90youGIfKSHLNZ8:38:8388608';
    const emptyKey = '47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU:0:8388608';
    expect([...cache.keys()].sort()).toEqual([emptyKey, firstKey]);
    expect(cache.get(emptyKey)).toEqual({ rejected: 'The file is empty.' });
    expect(cache.get(firstKey)).toMatchObject({
      title: 'First headline',
      paragraphs: ['A body paragraph here.'],
    });
  });

  test('uses a cached reading instead of parsing the same bytes again', () => {
    const input = file('a.txt', 'First headline\n\nA body paragraph here.');
    const cache = new Map<string, ReadResult>();
    parseFiles([input], { maxFileBytes: DEFAULT_MAX_FILE_BYTES, parseCache: cache });
    const key = parseCacheKey(input, DEFAULT_MAX_FILE_BYTES);
    const cached = cache.get(key);
    if (!cached || 'rejected' in cached) throw new Error('expected a parsed article in the cache');
    cache.set(key, { ...cached, title: 'From the cache' });
    const { articles } = parseFiles([input], { maxFileBytes: DEFAULT_MAX_FILE_BYTES, parseCache: cache });
    expect(articles[0]?.title).toBe('From the cache');
  });

  test('keys differ when the bytes or the size limit differ', () => {
    const a = file('a.txt', 'one');
    expect(parseCacheKey(a, 100)).not.toBe(parseCacheKey(file('a.txt', 'two'), 100));
    expect(parseCacheKey(a, 100)).not.toBe(parseCacheKey(a, 200));
    expect(parseCacheKey(a, 100)).toBe(parseCacheKey(file('elsewhere.txt', 'one'), 100));
  });
});

describe('openBuildCache', () => {
  test('keeps readings between builds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'build-cache-'));
    const first = await openBuildCache(dir);
    expect(first.parse.size).toBe(0);
    first.parse.set('key', { rejected: 'The file is empty.' });
    await first.save();
    const second = await openBuildCache(dir);
    expect([...second.parse.entries()]).toEqual([['key', { rejected: 'The file is empty.' }]]);
  });

  test('keeps the topic scans between builds, their maps included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'build-cache-'));
    const first = await openBuildCache(dir);
    const scan = {
      names: new Map([
        ['geneva', { spellings: new Map([['Geneva', 3]]), mentions: 3, inHeadline: true, titled: false }],
      ]),
      mentioned: ['geneva', 'france'],
      english: true,
    };
    first.topicScans.set('hash', scan);
    await first.save();
    const second = await openBuildCache(dir);
    expect([...second.topicScans]).toEqual([['hash', scan]]);
  });

  test('starts empty when the cache file is unreadable or was written by other code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'build-cache-'));
    writeFileSync(join(dir, 'dispatch-cache.json'), '{not json');
    expect((await openBuildCache(dir)).parse.size).toBe(0);
    writeFileSync(
      join(dir, 'dispatch-cache.json'),
      JSON.stringify({ key: 'older code', parse: [['key', { rejected: 'x' }]], classifications: [] }),
    );
    expect((await openBuildCache(dir)).parse.size).toBe(0);
  });
});

/**
 * A project of its own: the cached-code modules (CACHED_CODE), the first importing a parsing
 * module that imports packages (one only for its types, one through a relative import), a lock
 * file, and the packages as installed. `parsing` is the folder of the parsing modules.
 */
function project(): {
  root: string;
  parsing: string;
  lock: Record<string, Record<string, unknown>>;
  write: () => void;
} {
  const root = mkdtempSync(join(tmpdir(), 'build-cache-project-'));
  const [reader = '', classifier = ''] = CACHED_CODE;
  const parsing = join(root, dirname(reader), 'parsing');
  mkdirSync(parsing, { recursive: true });
  mkdirSync(join(root, dirname(classifier)), { recursive: true });
  writeFileSync(join(root, reader), "export * from './parsing/dates.ts';\n");
  writeFileSync(join(root, classifier), 'export const kinds = 1;\n');
  for (const other of CACHED_CODE.slice(2)) {
    mkdirSync(join(root, dirname(other)), { recursive: true });
    writeFileSync(join(root, other), 'export const other = 1;\n');
  }
  writeFileSync(
    join(parsing, 'dates.ts'),
    "import * as chrono from 'chrono-node';\nimport type { Root } from 'mdast';\nexport { quote } from './quotes.ts';\n",
  );
  writeFileSync(
    join(parsing, 'quotes.ts'),
    "import {\n  titleCase,\n} from 'title-case/dist/index.js';\nexport const quote = await import('smartquotes');\n",
  );
  const lock: Record<string, Record<string, unknown>> = {
    '': { name: 'project' },
    'node_modules/chrono-node': {
      version: '2.10.3',
      integrity: 'sha512-chrono',
      dependencies: { dayjs: '^1.0.0' },
    },
    'node_modules/dayjs': { version: '1.11.0', integrity: 'sha512-dayjs-top' },
    'node_modules/chrono-node/node_modules/dayjs': { version: '1.8.0', integrity: 'sha512-dayjs-nested' },
    'node_modules/title-case': { version: '4.3.2', integrity: 'sha512-title' },
    'node_modules/smartquotes': { version: '2.3.2', integrity: 'sha512-smart' },
    'node_modules/@types/mdast': { version: '4.0.4', integrity: 'sha512-mdast' },
    'node_modules/yaml': { version: '2.9.1', integrity: 'sha512-yaml' },
  };
  const write = () => {
    writeFileSync(join(root, 'package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages: lock }));
    for (const [location, entry] of Object.entries(lock)) {
      if (!location) continue;
      mkdirSync(join(root, location), { recursive: true });
      writeFileSync(join(root, location, 'package.json'), JSON.stringify({ version: entry['version'] }));
    }
  };
  write();
  return { root, parsing, lock, write };
}

describe('parsingCodeKey', () => {
  test.each([
    ['chrono-node', 'version', '2.10.4'],
    ['chrono-node', 'integrity', 'sha512-another-build'],
    ['title-case', 'version', '4.3.3'],
    ['smartquotes', 'version', '2.3.3'],
    // What chrono-node itself runs: its own nested copy, not the top-level one.
    ['chrono-node/node_modules/dayjs', 'version', '1.8.1'],
  ])('changes when the locked %s changes its %s', async (name, field, value) => {
    const { root, lock, write } = project();
    const before = await parsingCodeKey(root);
    lock[`node_modules/${name}`] = { ...lock[`node_modules/${name}`], [field]: value };
    write();
    const after = await parsingCodeKey(root);
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    expect(after).not.toBe(before);
  });

  test('changes when the installed version differs from the locked one', async () => {
    const { root } = project();
    const before = await parsingCodeKey(root);
    writeFileSync(
      join(root, 'node_modules', 'chrono-node', 'package.json'),
      JSON.stringify({ version: '2.11.0' }),
    );
    expect(await parsingCodeKey(root)).not.toBe(before);
  });

  test('ignores packages the parsing code does not import, until it imports them', async () => {
    const { root, parsing, lock, write } = project();
    const before = await parsingCodeKey(root);
    lock['node_modules/yaml'] = { version: '2.9.2', integrity: 'sha512-yaml-next' };
    lock['node_modules/dayjs'] = { version: '1.11.1', integrity: 'sha512-dayjs-top-next' };
    write();
    expect(await parsingCodeKey(root)).toBe(before);
    // A new dependency of the parsing code is covered without anyone listing it.
    writeFileSync(join(parsing, 'front-matter.ts'), "import { parse } from 'yaml';\nexport { parse };\n");
    writeFileSync(
      join(parsing, 'dates.ts'),
      "import * as chrono from 'chrono-node';\nexport { quote } from './quotes.ts';\nexport * from './front-matter.ts';\n",
    );
    const withYaml = await parsingCodeKey(root);
    lock['node_modules/yaml'] = { version: '2.9.3', integrity: 'sha512-yaml-later' };
    write();
    expect(await parsingCodeKey(root)).not.toBe(withYaml);
  });

  test('changes when any project file the parsing code imports changes, wherever it lies', async () => {
    const { root, parsing } = project();
    mkdirSync(join(root, 'shared'));
    writeFileSync(join(root, 'shared', 'words.ts'), "export const words = ['a'];\n");
    writeFileSync(
      join(parsing, 'quotes.ts'),
      `export { words } from '${relative(parsing, join(root, 'shared'))}/words.ts';\n`,
    );
    const before = await parsingCodeKey(root);
    writeFileSync(join(root, 'shared', 'words.ts'), "export const words = ['a', 'the'];\n");
    expect(await parsingCodeKey(root)).not.toBe(before);
  });

  test('stays the same when code the cached results do not depend on changes (the feed, a page)', async () => {
    const { root, parsing } = project();
    const feed = join(root, 'src', 'site', 'feed.ts');
    mkdirSync(dirname(feed), { recursive: true });
    writeFileSync(feed, 'export const items = [];\n');
    const before = await parsingCodeKey(root);
    writeFileSync(feed, "export const items = ['changed'];\n");
    expect(await parsingCodeKey(root)).toBe(before);
    writeFileSync(join(parsing, 'quotes.ts'), 'export const quote = 2;\n');
    expect(await parsingCodeKey(root)).not.toBe(before);
  });

  test('is undefined when there is no library to read', async () => {
    expect(await parsingCodeKey(mkdtempSync(join(tmpdir(), 'build-cache-empty-')))).toBeUndefined();
  });
});

describe('openBuildCache after a package update', () => {
  test('starts empty once a parsing package was updated', async () => {
    const { root, lock, write } = project();
    const dir = mkdtempSync(join(tmpdir(), 'build-cache-'));
    const first = await openBuildCache(dir, root);
    first.parse.set('key', { rejected: 'The file is empty.' });
    await first.save();
    expect((await openBuildCache(dir, root)).parse.size).toBe(1);
    lock['node_modules/chrono-node'] = { ...lock['node_modules/chrono-node'], version: '2.10.4' };
    write();
    expect((await openBuildCache(dir, root)).parse.size).toBe(0);
  });
});

describe('duplicate sketches in the build cache', () => {
  test('are kept between builds, signatures included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'build-cache-'));
    const first = await openBuildCache(dir);
    const sketch = { words: 'hash-of-words', empty: false, signature: new Uint32Array([1, 2, 4294967295]) };
    first.duplicateSketches.set('text-hash', sketch);
    await first.save();
    const second = await openBuildCache(dir);
    expect([...second.duplicateSketches]).toEqual([['text-hash', sketch]]);
  });
});
