/**
 * How the loaders share readings of the content folder, with the reading replaced by one the
 * test controls: loaders running at once share one reading, and in dev a change that arrives
 * while a reading is under way is never lost to it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { DEFAULT_MAX_FILE_BYTES } from '../../../src/core/pipeline.ts';
import { articleLoader, siteDataLoader, storyLoader } from '../../../src/astro/loaders/articles.ts';
import { createCorpusSession } from '../../../src/astro/loaders/corpus-session.ts';
import { readContentFiles, type ContentFiles } from '../../../src/astro/loaders/content-files.ts';

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
const options = { contentDir, basePath: '/', maxFileBytes: DEFAULT_MAX_FILE_BYTES, strict: false };

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
    await vi.waitFor(() => {
      expect(entries.get('harbour-bridge-reopens-after-repairs')?.rendered?.html).toContain('Third version.');
    });
    // The older reading, which saw the file between the two changes, returns last.
    slowReading.resolve(folderWith('Second version.'));
    await new Promise((settle) => setTimeout(settle, 50));

    expect(read).toHaveBeenCalledTimes(3);
    expect(entries.get('harbour-bridge-reopens-after-repairs')?.rendered?.html).toContain('Third version.');
  });
});
