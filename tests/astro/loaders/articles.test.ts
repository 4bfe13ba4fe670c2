/**
 * The articles loader against a stand-in for Astro's loader context: what it stores for each
 * article, and that a change to the body alone (stored only as HTML) still reaches the store.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { describe, expect, test } from 'vitest';
import { DEFAULT_MAX_FILE_BYTES } from '../../../src/core/pipeline.ts';
import { articleLoader, SITE_DATA_ENTRY_ID, siteDataLoader } from '../../../src/astro/loaders/articles.ts';
import { articleBodyHtml } from '../../../src/astro/article-bodies.ts';
import {
  createCorpusSession,
  type DispatchLoaderOptions,
} from '../../../src/astro/loaders/corpus-session.ts';

interface StoredEntry {
  id: string;
  data: Record<string, unknown>;
  digest?: string;
  rendered?: { html: string };
}

/** The parts of a loader context the loader uses; the store is a plain Map. */
function fakeContext(cacheDir: string): { context: LoaderContext; entries: Map<string, StoredEntry> } {
  const entries = new Map<string, StoredEntry>();
  const context = {
    store: {
      get: (id: string) => entries.get(id),
      set: (entry: StoredEntry) => {
        entries.set(entry.id, entry);
        return true;
      },
      keys: () => [...entries.keys()],
      delete: (id: string) => entries.delete(id),
    },
    parseData: ({ data }: { data: unknown }) => Promise.resolve(data),
    generateDigest: (data: unknown) => JSON.stringify(data),
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    config: { cacheDir: pathToFileURL(`${cacheDir}/`) },
  };
  return { context: context as unknown as LoaderContext, entries };
}

const ARTICLE = (closing: string) =>
  [
    'Harbour bridge reopens after repairs',
    '',
    'The harbour bridge reopened to traffic on Monday after six weeks of repairs.',
    '',
    'Engineers replaced two expansion joints and resurfaced the northern lanes.',
    '',
    closing,
    '',
  ].join('\n');

function contentFolder(text: string): { dir: string; options: DispatchLoaderOptions } {
  const dir = mkdtempSync(join(tmpdir(), 'dispatch-loader-'));
  writeFileSync(join(dir, 'bridge.txt'), text);
  return {
    dir,
    options: {
      contentDir: dir,
      basePath: '/',
      maxFileBytes: DEFAULT_MAX_FILE_BYTES,
      strict: false,
      siteLang: 'en',
    },
  };
}

describe('articleLoader', () => {
  test('stores the article record without its paragraphs, and keeps the body for the pages, as escaped HTML', async () => {
    const { options } = contentFolder(ARTICLE('Drivers were asked to expect <delays> & detours.'));
    const { context, entries } = fakeContext(mkdtempSync(join(tmpdir(), 'dispatch-cache-')));
    await articleLoader(createCorpusSession(options)).load(context);
    const [entry] = [...entries.values()];
    expect(entries.size).toBe(1);
    expect(entry?.data).toMatchObject({
      title: 'Harbour bridge reopens after repairs',
      sourceFile: 'bridge.txt',
    });
    expect(entry?.data).not.toHaveProperty('paragraphs');
    // Nothing of the body goes into the store (which is serialized into the build): the pages
    // get it from the loader's process.
    expect(entry?.rendered).toBeUndefined();
    expect(JSON.stringify(entry?.data)).not.toContain('detours');
    const html = articleBodyHtml('harbour-bridge-reopens-after-repairs');
    expect(html).toContain('<p id="p2">Engineers replaced two expansion joints');
    expect(html).toContain('expect &#x3C;delays> &#x26; detours.');
  });

  test('an entry whose body alone changed is a changed entry, and its page gets the new body', async () => {
    const { dir, options } = contentFolder(ARTICLE('Drivers were thanked for their patience.'));
    const { context, entries } = fakeContext(mkdtempSync(join(tmpdir(), 'dispatch-cache-')));
    const loader = articleLoader(createCorpusSession(options));
    await loader.load(context);
    const before = [...entries.values()][0];
    // Same words in number and the same lead, so every field but the body stays the same.
    writeFileSync(join(dir, 'bridge.txt'), ARTICLE('Drivers were thanked for their calm.'));
    await loader.load(context);
    const after = [...entries.values()][0];
    expect(after?.data).toEqual(before?.data);
    expect(after?.digest).not.toBe(before?.digest);
    expect(articleBodyHtml('harbour-bridge-reopens-after-repairs')).toContain('thanked for their calm.');
    expect(articleBodyHtml('harbour-bridge-reopens-after-repairs')).not.toContain('patience');
  });

  test('puts every entry of the folder in the build report, links and pipes included', async () => {
    const { dir, options } = contentFolder(ARTICLE('Drivers were thanked for their patience.'));
    symlinkSync('/etc/passwd', join(dir, 'passwd.txt'));
    symlinkSync(dir, join(dir, 'itself'));
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    const { context, entries } = fakeContext(mkdtempSync(join(tmpdir(), 'dispatch-cache-')));
    await siteDataLoader(createCorpusSession(options)).load(context);
    const json = (entries.get(SITE_DATA_ENTRY_ID)?.data as { reportJson: string }).reportJson;
    const { inputs } = JSON.parse(json) as { inputs: { file: string; outcome: string }[] };
    expect(inputs.map(({ file, outcome }) => [file, outcome])).toEqual([
      ['bridge.txt', 'published'],
      ['itself', 'ignored'],
      ['passwd.txt', 'rejected'],
      ['pipe.txt', 'rejected'],
    ]);
  });
});
