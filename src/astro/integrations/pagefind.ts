/**
 * Builds the Pagefind search index while Astro renders the pages, into the output folder Astro
 * reports — so `astro build --outDir X` gives a complete searchable site in X. Any error
 * Pagefind reports fails the build: a site whose search silently broke must not ship.
 *
 * Each article page goes to Pagefind's process the moment it is rendered (src/astro/
 * rendered-pages.ts): Pagefind parses it on the second core while Node renders the next ones,
 * and writes the index once the last article page is rendered, while the other routes render.
 * Indexing the written site after the build instead took 20 s of a 98 s build of 10,000
 * articles, all of it after the last page.
 */
import { fileURLToPath } from 'node:url';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { escapeLinesForLog } from '../../core/text/log-text.ts';
import { lastBuildIndex } from '../dev-index.ts';
import { codeDigest } from '../code-digest.ts';
import { readLastBuildKeys, recordBuildCode } from '../last-build-keys.ts';
import { articleFilesOf, fillSearchIndex, readBackIndex, type FilledIndex } from '../search-index.ts';

/**
 * The index a build is filling: `finish` writes it into the built site once every page is in.
 */
interface IndexUnderWay {
  finish: (siteDir: string, builtPages: readonly string[], logger: AstroIntegrationLogger) => Promise<void>;
}

/**
 * The search index as two integrations: `indexer` starts Pagefind when the build starts and
 * hands it the article pages as they are rendered; when the pages are written it starts writing
 * the index; `awaitIndex` (placed after every other integration) waits for that and fails the
 * build on any error. The sitemap and security headers are written meanwhile. Register both:
 * without `awaitIndex`, the build would end before the index is written and miss its errors.
 */
export function pagefindSearch(): { indexer: AstroIntegration; awaitIndex: AstroIntegration } {
  let outDir: URL | undefined;
  let base = '/';
  let underWay: IndexUnderWay | undefined;
  let indexing: Promise<void> | undefined;
  /** Astro's cache folder and the code digest, in a build. */
  let cacheDir: string | undefined;
  let code: Promise<string> | undefined;
  const indexer: AstroIntegration = {
    name: 'dispatch-pagefind',
    hooks: {
      'astro:config:setup': ({ config, command }) => {
        outDir = config.outDir;
        base = config.base;
        // A build starts Pagefind now: the last build's pages, when the output folder still
        // holds them, are indexed while the content is synced (src/astro/search-index.ts).
        if (command === 'build') {
          cacheDir = fileURLToPath(config.cacheDir);
          code = codeDigest(fileURLToPath(config.root));
          readLastBuildKeys(cacheDir, code);
          underWay ??= indexRenderedPages(base, fileURLToPath(outDir));
        }
      },
      // `astro dev` renders pages on request, so there is no HTML to index: dev serves the
      // index of the last build instead, and says so.
      'astro:server:setup': ({ server, logger }) => {
        if (!outDir) return;
        const index = lastBuildIndex(join(fileURLToPath(outDir), 'pagefind'), base);
        server.middlewares.use(index.middleware);
        logger.info(
          index.exists
            ? 'search uses the index of the last build (run `npm run build` to refresh it)'
            : 'search needs an index: run `npm run build` once, then reload the search page',
        );
      },
      'astro:build:start': () => {
        underWay ??= indexRenderedPages(base, outDir && fileURLToPath(outDir));
      },
      'astro:build:done': ({ dir, pages, logger }) => {
        const started = underWay ?? indexRenderedPages(base, undefined);
        underWay = undefined;
        const builtPages = pages.map(({ pathname }) => pathname);
        const finished = started.finish(fileURLToPath(dir), builtPages, logger);
        // The next build forecasts its pages from this one's keys if its code is the same.
        indexing = failIfStalled(
          finished.then(async () => {
            if (cacheDir !== undefined && code !== undefined) await recordBuildCode(cacheDir, await code);
          }),
        );
        // Handled by `awaitIndex`; this keeps an early failure from being reported as unhandled.
        indexing.catch(() => undefined);
      },
    },
  };
  const awaitIndex: AstroIntegration = {
    name: 'dispatch-pagefind-done',
    hooks: {
      'astro:build:done': async () => {
        const done = indexing;
        indexing = undefined;
        await done;
      },
    },
  };
  return { indexer, awaitIndex };
}

/**
 * Pagefind writes one result file ("fragment") per page into one folder; above this many it
 * bundles several into a file. Netlify refuses a deploy with more than 54,000 files in one
 * folder (see README, "Hosting a large archive"); below 50,000 pages nothing changes, and
 * opening a result still loads one small file.
 */
export const MAX_FRAGMENT_FILES = 50_000;

/** Pagefind's options for the site's index. */
const INDEX_OPTIONS: pagefind.PagefindServiceConfig = { maxFragments: MAX_FRAGMENT_FILES };

/** An index written: how it was filled, and when each step ended (`performance.now()`). */
interface WrittenIndex {
  pages: number;
  how: string;
  started: number;
  caughtUp: number;
  written: number;
}

/**
 * Starts Pagefind and fills its index with the build's article pages (src/astro/search-index.ts).
 * The index is written as soon as the last article page is rendered, while Astro renders the
 * other routes (topics, stories, feeds: half the pages), on the second core — in a republish, as
 * soon as the last article page whose key changed is rendered. `finish` then checks that the
 * build's article pages are the ones announced, and that none rendered after, and waits for the
 * index. Without an announcement, or when it was wrong, the index is completed and written when
 * the pages are.
 */
function indexRenderedPages(base: string, outDir: string | undefined): IndexUnderWay {
  const filling = fillSearchIndex(base, outDir, INDEX_OPTIONS);
  let early: { files: string[]; written: Promise<WrittenIndex | undefined> } | undefined;
  // Pages are read in another thread (src/astro/page-analysis.ts): the last article page can be
  // through after Astro wrote every page. Then `finish` completes the index, and no early one is.
  let finishing = false;
  if (outDir !== undefined)
    void filling.allRendered.then((files) => {
      if (finishing) return;
      const written = (async () => {
        const started = performance.now();
        const filled = await filling.complete(files);
        return filled && writeIndex(filled, outDir, started);
      })();
      // Awaited by `finish`; this keeps an early failure from being reported as unhandled.
      written.catch(() => undefined);
      early = { files, written };
    });
  return {
    finish: async (siteDir, builtPages, logger) => {
      finishing = true;
      const pagesWritten = performance.now();
      try {
        const files = articleFilesOf(builtPages);
        const renderedSinceEarly = filling.stop();
        let done: WrittenIndex | undefined;
        if (early) {
          if (siteDir === outDir && sameFiles(early.files, files) && !renderedSinceEarly)
            done = await early.written;
          else {
            // An index of other pages still finishes before this one is written over it.
            await early.written.catch(() => undefined);
            await rm(join(siteDir, 'pagefind'), { recursive: true, force: true });
          }
        } else {
          const started = performance.now();
          const filled = await filling.complete(files, siteDir);
          done = filled && (await writeIndex(filled, siteDir, started));
        }
        if (!done) {
          const started = performance.now();
          done = await writeIndex(await readBackIndex(siteDir, files, INDEX_OPTIONS), siteDir, started);
        }
        const { pages, how, started, caughtUp, written } = done;
        logger.info(
          `indexed ${pages} pages ${how}, written in ${Math.round(written - started)} ms ` +
            `(${Math.round(caughtUp - started)} ms to index the last pages), ` +
            `${Math.round(Math.max(0, written - pagesWritten))} ms after the last page` +
            (started < pagesWritten ? ', begun while pages rendered' : ''),
        );
      } finally {
        await pagefind.close();
      }
    },
  };
}

/** Writes a filled index into the site; fails on any error Pagefind reports. */
async function writeIndex(
  { feed, pages, how }: FilledIndex,
  siteDir: string,
  started: number,
): Promise<WrittenIndex> {
  const { index, errors: createErrors } = await feed.created;
  if (!index) throw new Error(`Pagefind could not create an index: ${createErrors.join('; ')}`);
  failOn('indexing the site', (await Promise.all(feed.added)).flat());
  const caughtUp = performance.now();
  const { errors: writeErrors } = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
  failOn('writing the index', writeErrors);
  return { pages, how, started, caughtUp, written: performance.now() };
}

function sameFiles(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((file, position) => file === b[position]);
}

/**
 * Pagefind's Node API never settles a request whose Pagefind process died (a crash, or the
 * out-of-memory killer on a large site): with nothing left to run, Node would end `astro build`
 * with exit code 0 and no search index. Node announces that moment ('beforeExit'); a build still
 * waiting for the index then fails instead.
 */
function failIfStalled(indexing: Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => {
    const stalled = (): void =>
      reject(
        new Error(
          'Pagefind stopped before the search index was written: its process ended without an answer (see any output above).',
        ),
      );
    process.once('beforeExit', stalled);
    indexing.then(resolve, reject).finally(() => process.off('beforeExit', stalled));
  });
}

function failOn(step: string, errors: string[]): void {
  // Pagefind's errors name built files; escaped like every log line that can carry such data.
  if (errors.length > 0)
    throw new Error(`Pagefind failed while ${step}:\n${escapeLinesForLog(errors.join('\n'))}`);
}
