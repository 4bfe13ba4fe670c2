/**
 * What the articles loader prints about the content folder: file names and reasons can hold
 * terminal escapes, and none may reach the terminal raw.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { describe, expect, test } from 'vitest';
import { DEFAULT_MAX_FILE_BYTES } from '../../../src/core/pipeline.ts';
import { articleLoader } from '../../../src/astro/loaders/articles.ts';
import { createCorpusSession } from '../../../src/astro/loaders/corpus-session.ts';

/** A terminal would act on any of these instead of printing them. */
// eslint-disable-next-line no-control-regex -- the very characters this test looks for
const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

const HOSTILE_NAME = 'clear\u001b[2J\u001b[H \u202egpj.txt';

function hostileFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dispatch-logs-'));
  writeFileSync(join(dir, 'bridge.txt'), 'Harbour bridge reopens\n\nThe bridge reopened on Monday.\n');
  writeFileSync(join(dir, HOSTILE_NAME), ''); // empty: rejected, and so logged
  return dir;
}

type Listener = (path: string) => void;

function loggingContext(): { context: LoaderContext; lines: string[]; change: (path: string) => void } {
  const lines: string[] = [];
  const listeners: Listener[] = [];
  const entries = new Map<string, { id: string; digest?: string }>();
  const context = {
    store: {
      get: (id: string) => entries.get(id),
      set: (entry: { id: string }) => entries.set(entry.id, entry),
      keys: () => [...entries.keys()],
      delete: (id: string) => entries.delete(id),
    },
    parseData: ({ data }: { data: unknown }) => Promise.resolve(data),
    generateDigest: (data: unknown) => JSON.stringify(data),
    logger: {
      info: (line: string) => lines.push(line),
      warn: (line: string) => lines.push(line),
      error: (line: string) => lines.push(line),
    },
    config: { cacheDir: pathToFileURL(`${mkdtempSync(join(tmpdir(), 'dispatch-cache-'))}/`) },
    watcher: { add: () => undefined, on: (_event: string, listener: Listener) => listeners.push(listener) },
  };
  const change = (path: string) => {
    for (const listener of listeners) listener(path);
  };
  return { context: context as unknown as LoaderContext, lines, change };
}

/** The article loader over `dir`, in its own session, as content.config.ts sets it up. */
const loaderFor = (dir: string, strict: boolean) =>
  articleLoader(
    createCorpusSession({
      contentDir: dir,
      basePath: '/',
      maxFileBytes: DEFAULT_MAX_FILE_BYTES,
      strict,
      siteLang: 'en',
    }),
  );

describe('articleLoader logs', () => {
  test('prints a rejected file with terminal escapes escaped, visibly', async () => {
    const dir = hostileFolder();
    const { context, lines } = loggingContext();
    await loaderFor(dir, false).load(context);
    expect(lines).toContain('clear\\x1b[2J\\x1b[H \\u202egpj.txt: The file is empty.');
    for (const line of lines) expect(line).not.toMatch(RAW_CONTROL);
  });

  test('fails a STRICT=1 build with the names escaped', async () => {
    const dir = hostileFolder();
    const { context } = loggingContext();
    const loading = loaderFor(dir, true).load(context);
    const failure = await loading.then(
      () => new Error('the build did not fail'),
      (error: unknown) => error as Error,
    );
    expect(failure.message).toContain('  - clear\\x1b[2J\\x1b[H \\u202egpj.txt: The file is empty.');
    expect(failure.message.replaceAll('\n', '')).not.toMatch(RAW_CONTROL);
  });

  test('prints a failed reload with the changed path escaped', async () => {
    const dir = hostileFolder();
    const { context, lines, change } = loggingContext();
    await loaderFor(dir, false).load(context);
    // The folder vanishes: the reload that follows a change fails, and says which change.
    rmSync(dir, { recursive: true });
    change(join(dir, HOSTILE_NAME));
    await expect.poll(() => lines.find((line) => line.startsWith('reloading'))).toBeDefined();
    const reload = lines.find((line) => line.startsWith('reloading')) ?? '';
    expect(reload).toContain(
      `reloading ${dir}/clear\\x1b[2J\\x1b[H \\u202egpj.txt failed: Error: CONTENT_DIR`,
    );
    expect(reload).not.toMatch(RAW_CONTROL);
  });
});
