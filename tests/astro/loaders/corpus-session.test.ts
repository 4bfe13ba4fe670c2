/**
 * The CorpusSession that the three loaders share. Its reading of the content folder, with the
 * reading replaced by one the test controls: loaders running at once share one reading, and in
 * dev a change that arrives while a reading is under way is never lost to it. Its runs, over a
 * real folder: the pipeline runs once per content state, the version follows the files' bytes,
 * and strict mode fails on rejected files.
 */
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { DEFAULT_MAX_FILE_BYTES } from '../../../src/core/pipeline.ts';
import { articleLoader, siteDataLoader, storyLoader } from '../../../src/astro/loaders/articles.ts';
import { articleBodyHtml } from '../../../src/astro/article-bodies.ts';
import {
  createCorpusSession,
  type CorpusSession,
  type DispatchLoaderOptions,
} from '../../../src/astro/loaders/corpus-session.ts';
import { readContentFiles, type ContentFiles } from '../../../src/astro/loaders/content-files.ts';
import { readPipelineSummary } from '../../../src/astro/loaders/summary.ts';

vi.mock('../../../src/astro/loaders/content-files.ts', () => ({ readContentFiles: vi.fn() }));
const read = vi.mocked(readContentFiles);

interface StoredEntry {
  id: string;
  data: Record<string, unknown>;
  digest?: string;
  rendered?: { html: string };
}

type Listener = (path: string) => void;

/** A loader context with a Map for a store and a watcher the test can fire. */
function fakeContext(contentDir: string): {
  context: LoaderContext;
  entries: Map<string, StoredEntry>;
  change: () => void;
} {
  const entries = new Map<string, StoredEntry>();
  const listeners: Listener[] = [];
  const context = {
    store: {
      get: (id: string) => entries.get(id),
      set: (entry: StoredEntry) => entries.set(entry.id, entry),
      keys: () => [...entries.keys()],
      delete: (id: string) => entries.delete(id),
    },
    parseData: ({ data }: { data: unknown }) => Promise.resolve(data),
    generateDigest: (data: unknown) => JSON.stringify(data),
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    config: { cacheDir: pathToFileURL(`${mkdtempSync(join(tmpdir(), 'dispatch-cache-'))}/`) },
    watcher: {
      add: () => undefined,
      on: (_event: string, listener: Listener) => listeners.push(listener),
    },
  };
  const change = () => {
    for (const listener of listeners) listener(join(contentDir, 'bridge.txt'));
  };
  return { context: context as unknown as LoaderContext, entries, change };
}

/** The folder's content as a reading returns it: one article whose last paragraph is `closing`. */
function folderWith(closing: string): ContentFiles {
  const text = `Harbour bridge reopens after repairs\n\nThe harbour bridge reopened to traffic on Monday.\n\n${closing}\n`;
  return { files: [{ path: 'bridge.txt', bytes: Buffer.from(text) }], ignored: [] };
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

const contentDir = join(tmpdir(), 'dispatch-content');
const options = {
  contentDir,
  basePath: '/',
  maxFileBytes: DEFAULT_MAX_FILE_BYTES,
  strict: false,
  siteLang: 'en',
};

// One session a test, as content.config.ts makes one for its three loaders.
let session = createCorpusSession(options);

beforeEach(() => {
  read.mockReset();
  session = createCorpusSession(options);
});

describe('loader readings', () => {
  test('the three loaders started at once read the folder once', async () => {
    read.mockResolvedValue(folderWith('Drivers were thanked.'));
    const contexts = [fakeContext(contentDir), fakeContext(contentDir), fakeContext(contentDir)];
    await Promise.all([
      articleLoader(session).load(contexts[0]?.context as LoaderContext),
      storyLoader(session).load(contexts[1]?.context as LoaderContext),
      siteDataLoader(session).load(contexts[2]?.context as LoaderContext),
    ]);
    expect(read).toHaveBeenCalledTimes(1);
    expect([...(contexts[0]?.entries.keys() ?? [])]).toEqual(['harbour-bridge-reopens-after-repairs']);
  });

  test('a change during a reading is loaded by a new reading, and the older one does not win', async () => {
    const { context, entries, change } = fakeContext(contentDir);
    read.mockResolvedValueOnce(folderWith('First version.'));
    await articleLoader(session).load(context);

    // A change starts a reading; the file changes again before that reading returns.
    const slowReading = deferred<ContentFiles>();
    read.mockReturnValueOnce(slowReading.promise);
    change();
    // The next change is a separate event from the watcher, in a later turn of the event loop.
    await new Promise((settle) => setImmediate(settle));
    read.mockResolvedValueOnce(folderWith('Third version.'));
    change();
    const slug = 'harbour-bridge-reopens-after-repairs';
    await vi.waitFor(() => {
      expect(articleBodyHtml(slug)).toContain('Third version.');
    });
    const digest = entries.get(slug)?.digest;
    // The older reading, which saw the file between the two changes, returns last.
    slowReading.resolve(folderWith('Second version.'));
    await new Promise((settle) => setTimeout(settle, 50));

    expect(read).toHaveBeenCalledTimes(3);
    expect(articleBodyHtml(slug)).toContain('Third version.');
    expect(entries.get(slug)?.digest).toBe(digest);
  });
});

/** What a session's `load` is given: a logger that keeps every line, and a cache folder of its own. */
function sessionContext(): { context: Parameters<CorpusSession['load']>[0]; lines: string[] } {
  const lines: string[] = [];
  const keep = (line: string) => {
    lines.push(line);
  };
  const context = {
    logger: { info: keep, warn: keep, error: keep },
    config: { cacheDir: pathToFileURL(`${mkdtempSync(join(tmpdir(), 'dispatch-cache-'))}/`) },
  };
  return { context: context as unknown as Parameters<CorpusSession['load']>[0], lines };
}

/** The pipeline summary lines among the logged ones: one per pipeline run. */
const summaries = (lines: readonly string[]) => lines.filter((line) => readPipelineSummary(line));

const BRIDGE = 'Harbour bridge reopens after repairs\n\nThe harbour bridge reopened to traffic on Monday.\n';

/** A real content folder holding `files`, and session options over it. */
function realFolder(files: Record<string, string>, strict = false): DispatchLoaderOptions {
  const dir = mkdtempSync(join(tmpdir(), 'dispatch-session-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return { contentDir: dir, basePath: '/', maxFileBytes: DEFAULT_MAX_FILE_BYTES, strict, siteLang: 'en' };
}

describe('session runs', () => {
  beforeEach(async () => {
    // These tests read real folders.
    const actual = await vi.importActual<{ readContentFiles: typeof readContentFiles }>(
      '../../../src/astro/loaders/content-files.ts',
    );
    read.mockImplementation(actual.readContentFiles);
  });

  test('loading unchanged content twice runs the pipeline once', async () => {
    const realSession = createCorpusSession(realFolder({ 'bridge.txt': BRIDGE }));
    const { context, lines } = sessionContext();
    const first = await realSession.load(context);
    const second = await realSession.load(context);

    // The folder is read again (it might have changed) but the result is the same run's.
    expect(read).toHaveBeenCalledTimes(2);
    expect(summaries(lines)).toHaveLength(1);
    expect(readPipelineSummary(summaries(lines)[0] ?? '')).toMatchObject({
      published: 1,
      duplicates: 0,
      rejected: 0,
      ignored: 0,
    });
    expect(second.version).toBe(first.version);
    expect(second.result).toBe(first.result);
    expect(first.result.articles.map((article) => article.slug)).toEqual([
      'harbour-bridge-reopens-after-repairs',
    ]);
  });

  test('three loads at once read the folder once and run the pipeline once', async () => {
    const realSession = createCorpusSession(realFolder({ 'bridge.txt': BRIDGE }));
    const { context, lines } = sessionContext();
    const runs = await Promise.all([
      realSession.load(context),
      realSession.load(context),
      realSession.load(context),
    ]);
    expect(read).toHaveBeenCalledTimes(1);
    expect(summaries(lines)).toHaveLength(1);
    expect(new Set(runs.map((run) => run.result)).size).toBe(1);
  });

  test('the version changes when a file’s bytes change, and only then', async () => {
    const options = realFolder({ 'bridge.txt': BRIDGE });
    const realSession = createCorpusSession(options);
    const { context, lines } = sessionContext();
    const path = join(options.contentDir, 'bridge.txt');

    const first = await realSession.load(context);
    expect(first.version).toMatch(/^[0-9a-f]{64}$/);

    // The same bytes written again, with a new modification time: the same content.
    writeFileSync(path, BRIDGE);
    utimesSync(path, new Date('2030-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z'));
    realSession.forgetReading();
    const rewritten = await realSession.load(context);
    expect(rewritten.version).toBe(first.version);
    expect(summaries(lines)).toHaveLength(1);

    // One character of the body changed (same length): new content, a new version, a new run.
    writeFileSync(path, BRIDGE.replace('Monday', 'Sunday'));
    realSession.forgetReading();
    const changed = await realSession.load(context);
    expect(changed.version).not.toBe(first.version);
    expect(changed.version).toMatch(/^[0-9a-f]{64}$/);
    expect(summaries(lines)).toHaveLength(2);
    expect(changed.result.articles[0]?.description).toBe('The harbour bridge reopened to traffic on Sunday.');

    // Back to the first bytes: back to the first version.
    writeFileSync(path, BRIDGE);
    realSession.forgetReading();
    expect((await realSession.load(context)).version).toBe(first.version);
  });

  test('a new session over the same folder gives the same version; other options a different one', async () => {
    const options = realFolder({ 'bridge.txt': BRIDGE });
    const { context } = sessionContext();
    const { version } = await createCorpusSession(options).load(context);
    expect((await createCorpusSession(options).load(context)).version).toBe(version);
    expect((await createCorpusSession({ ...options, basePath: '/news/' }).load(context)).version).not.toBe(
      version,
    );
  });

  test('strict mode throws, naming every rejected file with its reason', async () => {
    const files = { 'bridge.txt': BRIDGE, 'empty.txt': '', 'blank.txt': ' \n\n' };
    const { context } = sessionContext();
    const failure = await createCorpusSession(realFolder(files, true))
      .load(context)
      .then(
        () => new Error('the load did not fail'),
        (error: unknown) => error as Error,
      );
    expect(failure.message).toBe(
      [
        'STRICT=1: 2 files were rejected; fix or remove them, or build without STRICT:',
        '  - blank.txt: The file has no text (it is empty or only whitespace).',
        '  - empty.txt: The file is empty.',
      ].join('\n'),
    );

    // The same folder without strict mode loads, and logs the rejected files instead.
    const { context: lenient, lines } = sessionContext();
    const run = await createCorpusSession(realFolder(files)).load(lenient);
    expect(run.result.articles).toHaveLength(1);
    expect(readPipelineSummary(summaries(lines)[0] ?? '')?.rejected).toBe(2);
    expect(lines).toContain('empty.txt: The file is empty.');
  });
});
