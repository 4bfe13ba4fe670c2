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
 *   merged), that order no longer holds, and the index is made again, read back.
 * - **Read back** (the fallback, and any build that kept pages without the above): every article
 *   page is read from the output folder, in file order — or, before they are all written, the
 *   rendered ones are taken as rendered and the kept ones read.
 *
 * The index can be completed as soon as the article route's pages that render in this build
 * have rendered (the route announces them, src/astro/last-build-keys.ts), while the rest of the
 * site renders. An article page rendered after that voids it (`stop` tells).
 *
 * tests/build/incremental-build.test.ts compares republished sites with clean builds, byte for
 * byte; tests/astro/integrations/pagefind.test.ts covers each way.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { routes } from '../core/model/routes.ts';
import { UNREADABLE, analyzeRenderedPage, searchableOfWrittenPage } from './page-analysis.ts';
import { announcedPages, builtFileOf, compareFilePaths, listenToRenderedPages } from './rendered-pages.ts';

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
   * Completes the index with the pages Astro did not render (kept from the last build). When the
   * pages added so far cannot make the index (pages came or went since the last build), it is
   * made again: from the written pages in `siteDir`; without `siteDir` (pages not all written
   * yet), from the rendered pages as they were rendered and the kept ones' files, if they were
   * all in the output folder when the build started; otherwise the index is dropped and
   * undefined returned: use `readBackIndex` later.
   *
   * @param articleFiles - the article route's files of this build (`articleFilesOf`)
   * @param siteDir - the output folder, once every page is written in it
   */
  complete: (articleFiles: readonly string[], siteDir?: string) => Promise<FilledIndex | undefined>;
  /**
   * The article route's files, in file order, once every page it expects to render
   * (`announcePages`) has been rendered: the index can then be completed while the other routes
   * render. Never settles when a page it expected to be kept is rendered, or when nothing was
   * announced.
   */
  allRendered: Promise<string[]>;
  /**
   * Stops following the rendered pages (call it once every page is rendered). True when an
   * article page rendered after `complete` was called: the index completed then is not this
   * build's.
   */
  stop: () => boolean;
}

/**
 * The article route's files (`articles/x/index.html`) among a build's pages, in file order.
 *
 * @param builtPages - every page of the build, as `astro:build:done` lists them (`articles/x/`)
 */
export function articleFilesOf(builtPages: readonly string[]): string[] {
  return builtPages
    .map((page) => indexedFile(`/${page}`, '/'))
    .filter((file): file is string => file !== undefined)
    .sort(compareFilePaths);
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
  const feed = newFeed(options);
  const ahead = addLastBuildsPages(outDir, feed);
  /** Every article-route file rendered (redirect pages too), and whether it is searchable. */
  const rendered = new Map<string, boolean>();
  /**
   * The searchable HTML of the article pages rendered (undefined: a redirect page), kept while
   * the index may have to be made again before they are written: in a build that found the
   * last build's pages and whose forecast of the pages to render holds.
   */
  let renderedHtml: Map<string, string | undefined> | undefined = new Map();
  void ahead.done.then(({ listed }) => {
    if (listed.size === 0) renderedHtml = undefined;
  });
  const replacements: Promise<void>[] = [];
  let lastAdded: string | undefined;
  let inFileOrder = true;
  let completing = false;
  let renderedSinceComplete = false;
  const announced = announcedFiles(base);
  /** The pages delivered so far, handled in the order they were delivered. */
  let handled: Promise<void> = Promise.resolve();
  let failure: { error: unknown } | undefined;
  const stopListening = listenToRenderedPages((page) => {
    const file = indexedFile(page.pathname, base);
    const late = file !== undefined && completing;
    if (late) renderedSinceComplete = true;
    // Read in the page-analysis thread; handled here in delivery order, since Pagefind numbers
    // pages in the order they are added.
    const analysis = file === undefined ? undefined : analyzeRenderedPage(page, file);
    // Awaited below, in turn; this keeps an early failure from counting as unhandled.
    analysis?.catch(() => undefined);
    handled = handled
      .then(async () => {
        // A page delivered once the index was completed voids it (`stop` tells): it is not
        // added to an index already written, whose Pagefind process may be gone.
        if (file !== undefined && analysis !== undefined && !late) {
          // Only article pages carry `data-pagefind-body` (src/layouts/Article.astro); the
          // redirect pages at merged duplicates' addresses, also under articles/, do not.
          const { searchable } = await analysis;
          rendered.set(file, searchable !== undefined);
          renderedHtml?.set(file, searchable);
          if (searchable !== undefined) {
            // After every page of the last build was sent: Pagefind then replaces the earlier
            // version.
            replacements.push(ahead.sent.then(() => addPage(feed, file, searchable)));
            if (lastAdded !== undefined && compareFilePaths(lastAdded, file) >= 0) inFileOrder = false;
            lastAdded = file;
          }
        }
        announced.rendered(file);
        if (announced.missed()) renderedHtml = undefined;
      })
      .catch((error: unknown) => {
        // Reported by `complete`, which every build calls.
        failure ??= { error };
      });
  });
  return {
    allRendered: announced.allRendered,
    complete: async (articleFiles, siteDir) => {
      completing = true;
      await handled;
      if (failure) throw failure.error;
      const { listed, indexed } = await ahead.done;
      await Promise.all(replacements);
      const kept = articleFiles.filter((file) => !rendered.has(file));
      // Pages in the index that were not rendered: the kept redirect pages are not searchable.
      const keptIn = (pages: number): number => pages - [...rendered.values()].filter(Boolean).length;
      if (indexed.size > 0 && aheadStillHolds(listed, indexed, rendered, articleFiles))
        return {
          feed,
          pages: indexed.size,
          how: `(${keptIn(indexed.size)} kept from the last build and indexed ahead)`,
        };
      if (indexed.size === 0 && kept.length === 0 && inFileOrder)
        return { feed, pages: feed.added.length, how: 'while rendering' };
      // Start again from the pages: those rendered, and those kept, read from their files.
      // Requests still under way for the index would otherwise land after it is deleted.
      await Promise.allSettled(feed.added);
      await (await feed.created).index?.deleteIndex();
      const readBack = (index: FilledIndex): FilledIndex => ({
        ...index,
        how: `(${keptIn(index.pages)} kept from the last build and read back)`,
      });
      if (siteDir !== undefined) return readBack(await readBackIndex(siteDir, articleFiles, options));
      // Not all written yet: the kept ones are there if they were when the build started.
      if (outDir === undefined || renderedHtml === undefined || !kept.every((file) => listed.has(file)))
        return undefined;
      return readBack(await readBackIndex(outDir, articleFiles, options, renderedHtml));
    },
    stop: () => {
      stopListening();
      return renderedSinceComplete;
    },
  };
}

/**
 * A new index of the article pages written in `siteDir`, read back in file order.
 *
 * @param articleFiles - the pages' files, in file order (`articleFilesOf`)
 * @param rendered - pages rendered but maybe not written yet: their searchable HTML, taken
 *   instead of their files (undefined: not searchable)
 */
export async function readBackIndex(
  siteDir: string,
  articleFiles: readonly string[],
  options: pagefind.PagefindServiceConfig,
  rendered?: ReadonlyMap<string, string | undefined>,
): Promise<FilledIndex> {
  const feed = newFeed(options);
  const add = (file: string, html: string): void => addPage(feed, file, html);
  await addWrittenPages(siteDir, articleFiles, add, { rendered });
  return { feed, pages: feed.added.length, how: '(read back)' };
}

/**
 * Follows the announced article pages as they are rendered: `allRendered` settles with the
 * files of all of them once the last of those expected to render is. If one renders that was
 * expected to be kept (the forecast was wrong: the route's code changed, say), it never settles
 * and `missed` tells. The announcement is read when the first page is rendered: the article
 * route makes it when Astro asks for its paths, before rendering any page.
 */
function announcedFiles(base: string): {
  /** A page rendered: its file if the article route's, else undefined. */
  rendered: (file: string | undefined) => void;
  allRendered: Promise<string[]>;
  missed: () => boolean;
} {
  let expected: { all: string[]; toRender: Set<string> } | undefined;
  const seen = new Set<string>();
  let missed = false;
  let settled = false;
  let settle: (files: string[]) => void = () => undefined;
  const allRendered = new Promise<string[]>((resolve) => {
    settle = resolve;
  });
  const filesOf = (pathnames: Iterable<string>): string[] =>
    [...pathnames]
      .map((pathname) => indexedFile(pathname, base))
      .filter((announced): announced is string => announced !== undefined);
  return {
    allRendered,
    missed: () => missed,
    rendered: (file) => {
      const announcement = announcedPages();
      if (announcement === undefined || settled || missed) return;
      expected ??= {
        all: filesOf(announcement.pages).sort(compareFilePaths),
        toRender: new Set(filesOf(announcement.toRender)),
      };
      if (file !== undefined && !expected.toRender.has(file)) missed = true;
      else if (file !== undefined) seen.add(file);
      if (!missed && seen.size === expected.toRender.size) {
        settled = true;
        settle(expected.all);
      }
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
    const add = (file: string, html: string): void => {
      indexed.add(file);
      addPage(feed, file, html);
    };
    await addWrittenPages(siteDir, files, add, { found: listed });
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
 *
 * @param rendered - pages to take from here instead of their files (undefined: not searchable)
 * @param found - collects the files read
 */
async function addWrittenPages(
  siteDir: string,
  files: readonly string[],
  add: (file: string, searchable: string) => void,
  {
    rendered,
    found,
  }: { rendered?: ReadonlyMap<string, string | undefined> | undefined; found?: Set<string> } = {},
): Promise<void> {
  // Enough in flight to fill the thread's batches (page-analysis.ts) while Pagefind takes these.
  const READ_AHEAD = 128;
  const reading = new Map<number, ReturnType<typeof searchableOfWrittenPage>>();
  for (const [position, file] of files.entries()) {
    if (rendered?.has(file)) {
      const searchable = rendered.get(file);
      if (searchable !== undefined) add(file, searchable);
      continue;
    }
    for (let ahead = position; ahead < Math.min(files.length, position + READ_AHEAD); ahead += 1) {
      const name = files[ahead];
      if (name !== undefined && !reading.has(ahead) && !rendered?.has(name))
        reading.set(ahead, searchableOfWrittenPage(join(siteDir, name)));
    }
    const searchable = await reading.get(position);
    reading.delete(position);
    if (searchable === UNREADABLE) continue;
    found?.add(file);
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
