/**
 * The output folder between builds: emptied when a build starts, but for the pages and feeds
 * the last build wrote (an incremental build keeps those it does not render again); at the end,
 * the last build's pages this one no longer has are deleted. Hooks run as `astro build` runs
 * them, on real folders.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterAll, describe, expect, test } from 'vitest';
import { keptOutput } from '../../../src/astro/integrations/kept-output.ts';

const folders: string[] = [];
afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

async function folder(files: readonly string[] = []): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dispatch-kept-'));
  folders.push(dir);
  for (const file of files) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), file);
  }
  return dir;
}

async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

type Hooks = AstroIntegration['hooks'];

/**
 * One build: config, start, then done with `routeFiles` as the routes Astro wrote, and
 * `otherFiles` as what another integration wrote (as the listing feeds are).
 */
async function build(
  outDir: string,
  cacheDir: string,
  routeFiles: readonly string[],
  otherFiles: readonly string[] = [],
): Promise<string[]> {
  const { integration, alsoWritten } = keptOutput();
  const hooks = integration.hooks as Required<Hooks>;
  const updates: unknown[] = [];
  (hooks['astro:config:setup'] as unknown as (options: unknown) => void)({
    config: { outDir: pathToFileURL(`${outDir}/`), cacheDir: pathToFileURL(`${cacheDir}/`) },
    updateConfig: (update: unknown) => updates.push(update),
  });
  expect(updates).toEqual([{ vite: { build: { emptyOutDir: false } } }]);
  await (hooks['astro:build:start'] as unknown as () => Promise<void>)();
  // Astro writes what it renders (only the new pages here: the others were kept).
  for (const file of routeFiles)
    if (!existsSync(join(outDir, file))) {
      await mkdir(dirname(join(outDir, file)), { recursive: true });
      await writeFile(join(outDir, file), file);
    }
  await writeFile(join(outDir, 'sitemap-index.xml'), 'written by every build');
  for (const file of otherFiles) {
    await mkdir(dirname(join(outDir, file)), { recursive: true });
    await writeFile(join(outDir, file), file);
  }
  alsoWritten(otherFiles);
  const logged: string[] = [];
  await (hooks['astro:build:done'] as unknown as (options: unknown) => Promise<void>)({
    dir: pathToFileURL(`${outDir}/`),
    assets: new Map([['/[...all]', routeFiles.map((file) => pathToFileURL(join(outDir, file)))]]),
    logger: { info: (line: string) => logged.push(line) },
  });
  return logged;
}

describe('keptOutput', () => {
  test('without a record of a last build, the folder is emptied as Astro would', async () => {
    const outDir = await folder(['index.html', 'articles/a/index.html', 'pagefind/fragment/x.pf_fragment']);
    await build(outDir, await folder(), ['index.html']);
    expect(await filesIn(outDir)).toEqual(['index.html', 'sitemap-index.xml']);
  });

  test('keeps the last build’s pages, makes the rest fresh, and deletes pages that are gone', async () => {
    const outDir = await folder();
    const cacheDir = await folder();
    await build(outDir, cacheDir, [
      'index.html',
      'articles/a/index.html',
      'articles/b/index.html',
      'rss.xml',
    ]);
    // Files of the build that are not pages: made again by every build.
    await mkdir(join(outDir, 'pagefind/fragment'), { recursive: true });
    await writeFile(join(outDir, 'pagefind/fragment/old.pf_fragment'), 'old');
    await writeFile(join(outDir, '_astro-old.js'), 'old');

    const logged = await build(outDir, cacheDir, [
      'index.html',
      'articles/a/index.html',
      'rss.xml',
      'articles/c/index.html',
    ]);
    expect(await filesIn(outDir)).toEqual([
      'articles/a/index.html',
      'articles/c/index.html',
      'index.html',
      'rss.xml',
      'sitemap-index.xml',
    ]);
    // articles/b/ went with its page.
    expect(existsSync(join(outDir, 'articles/b'))).toBe(false);
    expect(logged).toEqual(['deleted 1 file of pages the site no longer has']);
  });

  test('files another integration wrote are kept like pages, and deleted when the site no longer has them', async () => {
    const outDir = await folder();
    const cacheDir = await folder();
    await build(outDir, cacheDir, ['index.html'], ['topics/a/rss.xml', 'topics/b/rss.xml']);
    // At the next build's start, both are still there for it to keep.
    const { integration } = keptOutput();
    const hooks = integration.hooks as Required<Hooks>;
    (hooks['astro:config:setup'] as unknown as (options: unknown) => void)({
      config: { outDir: pathToFileURL(`${outDir}/`), cacheDir: pathToFileURL(`${cacheDir}/`) },
      updateConfig: () => undefined,
    });
    await (hooks['astro:build:start'] as unknown as () => Promise<void>)();
    expect(await filesIn(outDir)).toEqual(['index.html', 'topics/a/rss.xml', 'topics/b/rss.xml']);

    const logged = await build(outDir, cacheDir, ['index.html'], ['topics/a/rss.xml']);
    expect(await filesIn(outDir)).toEqual(['index.html', 'sitemap-index.xml', 'topics/a/rss.xml']);
    expect(existsSync(join(outDir, 'topics/b'))).toBe(false);
    expect(logged).toEqual(['deleted 1 file of pages the site no longer has']);
  });

  test('a record made for another output folder keeps nothing', async () => {
    const cacheDir = await folder();
    const first = await folder();
    await build(first, cacheDir, ['index.html', 'articles/a/index.html']);
    const second = await folder(['index.html', 'articles/a/index.html', 'stale.html']);
    await build(second, cacheDir, ['index.html']);
    expect(await filesIn(second)).toEqual(['index.html', 'sitemap-index.xml']);
  });
});
