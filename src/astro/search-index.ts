/**
 * Fills a Pagefind index with a build's article pages. Pagefind numbers pages in the order they
 * are added, and its files depend on that order: every build adds the article pages in the
 * order of their files (`compareFilePaths`), so the same pages give the same index, whichever
 * way it was filled:
 *
 * - **While rendering** (a clean build): the article route renders its pages in file order and
 *   the middleware hands them over in the order they started (src/astro/rendered-pages.ts).
 * - **Ahead of the build** (a republish): the output folder still holds the last build's article
 *   pages (src/astro/integrations/kept-output.ts). They are added, in file order, as soon as the
 *   build starts — Pagefind works on them on the second core while the content is synced and
 *   the site bundled. A page rendered again then replaces its earlier version *in place*
 *   (Pagefind keeps a page's position when the same address is added again), so an edit leaves
 *   the order intact. When the set of searchable pages changed (an article added, removed,
 *   merged), that order no longer holds, and the index is made again from the written files.
 * - **Read back** (the fallback, and any build that kept pages without the above): every article
 *   page is read from the output folder, in file order.
 *
 * tests/build/incremental-build.test.ts compares republished sites with clean builds, byte for
 * byte; tests/astro/integrations/pagefind.test.ts covers each way.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { routes } from '../core/model/routes.ts';
import { searchableHtml } from '../site/searchable-html.ts';
import { builtFileOf, compareFilePaths, listenToRenderedPages } from './rendered-pages.ts';

/** An index being filled: what was asked of Pagefind, with the errors each request reported. */
export interface IndexFeed {
  created: ReturnType<typeof pagefind.createIndex>;
  added: Promise<string[]>[];
}

/** The pages of a build, once they are all rendered: how the index was filled, and the feed. */
export interface FilledIndex {
  feed: IndexFeed;
  /** Pages in the index (a page rendered again was added twice, the second time in place). */
  pages: number;
  /** Log words: "while rendering", "(2000 kept from the last build and read back)". */
  how: string;
}

export interface IndexUnderWay {
  /**
   * Completes the index with the pages Astro did not render (kept from the last build).
   *
   * @param siteDir - the output folder, written
   * @param builtPages - every page of the build, as `astro:build:done` lists them
   */
  complete: (siteDir: string, builtPages: readonly string[]) => Promise<FilledIndex>;
}

/**
 * Starts filling an index with the article pages of the build starting now.
 *
 * @param base - the site's base path
 * @param outDir - the output folder, when known: if it holds the last build's article pages,
 *   they are added ahead of the build
 * @param options - Pagefind's options for the index
 */
export function fillSearchIndex(
  base: string,
  outDir: string | undefined,
  options: pagefind.PagefindServiceConfig,
): IndexUnderWay {
  let feed = newFeed(options);
  const ahead = addLastBuildsPages(outDir, feed);
  /** Every article-route file rendered (redirect pages too), and whether it is searchable. */
  const rendered = new Map<string, boolean>();
  const replacements: Promise<void>[] = [];
  let lastAdded: string | undefined;
  let inFileOrder = true;
  const stopListening = listenToRenderedPages(({ pathname, html }) => {
    const file = indexedFile(pathname, base);
    if (file === undefined) return;
    // Only article pages carry `data-pagefind-body` (src/layouts/Article.astro); the redirect
    // pages at merged duplicates' addresses, also under articles/, do not.
    const searchable = html === undefined ? undefined : searchableHtml(html);
    rendered.set(file, searchable !== undefined);
    if (searchable === undefined) return;
    const target = feed;
    // After every page of the last build was sent: Pagefind then replaces the earlier version.
    replacements.push(ahead.sent.then(() => addPage(target, file, searchable)));
    if (lastAdded !== undefined && compareFilePaths(lastAdded, file) >= 0) inFileOrder = false;
    lastAdded = file;
  });
  return {
    complete: async (siteDir, builtPages) => {
      stopListening();
      const { listed, indexed } = await ahead.done;
      await Promise.all(replacements);
      const articleFiles = builtPages
        .map((page) => indexedFile(`/${page}`, '/'))
        .filter((file): file is string => file !== undefined);
      const kept = articleFiles.filter((file) => !rendered.has(file));
      if (indexed.size > 0 && aheadStillHolds(listed, indexed, rendered, articleFiles))
        return {
          feed,
          pages: indexed.size,
          how: `(${kept.length} kept from the last build and indexed ahead)`,
        };
      if (indexed.size === 0 && kept.length === 0 && inFileOrder)
        return { feed, pages: feed.added.length, how: 'while rendering' };
      // Start again from the written files: the pages rendered so far are among them.
      await (await feed.created).index?.deleteIndex();
      feed = newFeed(options);
      const refilled = feed;
      await addWrittenPages(siteDir, articleFiles.sort(compareFilePaths), (file, html) =>
        addPage(refilled, file, html),
      );
      return {
        feed,
        pages: feed.added.length,
        how: `(${kept.length} kept from the last build and read back)`,
      };
    },
  };
}

function newFeed(options: pagefind.PagefindServiceConfig): IndexFeed {
  return { created: pagefind.createIndex(options), added: [] };
}

function addPage(feed: IndexFeed, sourcePath: string, content: string): void {
  feed.added.push(
    feed.created.then(
      async ({ index }) => (index ? (await index.addHTMLFile({ sourcePath, content })).errors : []),
      // Reported once, by whoever awaits the index.
      () => [],
    ),
  );
}

/**
 * The last build's article pages still in the output folder, added in file order. `sent` is
 * when every one has been handed to Pagefind; `done` gives the files found (`listed`) and those
 * added (`indexed`, the searchable ones).
 */
function addLastBuildsPages(
  siteDir: string | undefined,
  feed: IndexFeed,
): { sent: Promise<void>; done: Promise<{ listed: Set<string>; indexed: Set<string> }> } {
  const listed = new Set<string>();
  const indexed = new Set<string>();
  const sent = (async () => {
    if (siteDir === undefined) return;
    const folders = await readdir(join(siteDir, routes.articles)).catch(() => []);
    const files = folders.map((folder) => `${routes.articles}${folder}/index.html`).sort(compareFilePaths);
    await addWrittenPages(
      siteDir,
      files,
      (file, html) => {
        indexed.add(file);
        addPage(feed, file, html);
      },
      listed,
    );
  })();
  return { sent, done: sent.then(() => ({ listed, indexed })) };
}

/**
 * Whether the pages added ahead, with the rendered pages replacing theirs, are in the order a
 * clean build adds them: no page gone, none new, none that stopped or started being searchable,
 * and every kept page among those found when the build started.
 */
function aheadStillHolds(
  listed: ReadonlySet<string>,
  indexed: ReadonlySet<string>,
  rendered: ReadonlyMap<string, boolean>,
  articleFiles: readonly string[],
): boolean {
  const current = new Set(articleFiles);
  if ([...indexed].some((file) => !current.has(file))) return false;
  for (const [file, searchable] of rendered) if (searchable !== indexed.has(file)) return false;
  return articleFiles.every((file) => rendered.has(file) || listed.has(file));
}

/**
 * Reads written article pages and adds the searchable part of each, in the order given. Reading
 * runs a few files ahead of Pagefind, never the whole site at once. A file that cannot be read
 * is left out (and not put in `found`).
 */
async function addWrittenPages(
  siteDir: string,
  files: readonly string[],
  add: (file: string, searchable: string) => void,
  found?: Set<string>,
): Promise<void> {
  const READ_AHEAD = 16;
  const reading = new Map<number, Promise<string | undefined>>();
  for (const [position, file] of files.entries()) {
    for (let ahead = position; ahead < Math.min(files.length, position + READ_AHEAD); ahead += 1) {
      const name = files[ahead];
      if (name !== undefined && !reading.has(ahead))
        reading.set(
          ahead,
          readFile(join(siteDir, name), 'utf8').catch(() => undefined),
        );
    }
    const html = await reading.get(position);
    reading.delete(position);
    if (html === undefined) continue;
    found?.add(file);
    const searchable = searchableHtml(html);
    if (searchable !== undefined) add(file, searchable);
  }
}

/**
 * The file Pagefind is told a page came from (`articles/x/index.html`), from which it derives the
 * result's address as it would for the written file; undefined for pages not indexed.
 */
function indexedFile(pathname: string, base: string): string | undefined {
  const file = builtFileOf(pathname, base);
  return file?.startsWith(routes.articles) ? file : undefined;
}
