/**
 * Builds the Pagefind search index while Astro renders the pages, into the output folder Astro
 * reports — so `astro build --outDir X` gives a complete searchable site in X. Any error
 * Pagefind reports fails the build: a site whose search silently broke must not ship.
 *
 * Each article page goes to Pagefind's process the moment it is rendered (src/astro/
 * rendered-pages.ts): Pagefind parses it on the second core while Node renders the next ones,
 * and at the end only writes the index. Indexing the written site after the build instead took
 * 20 s of a 98 s build of 10,000 articles, all of it after the last page.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { escapeLinesForLog } from '../../core/text/log-text.ts';
import { routes } from '../../core/model/routes.ts';
import { lastBuildIndex } from '../dev-index.ts';
import { builtFileOf, listenToRenderedPages } from '../rendered-pages.ts';

/**
 * The index a build is filling: `finish` writes it into the built site once every page is in.
 */
interface IndexUnderWay {
  finish: (siteDir: string, logger: AstroIntegrationLogger) => Promise<void>;
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
  const indexer: AstroIntegration = {
    name: 'dispatch-pagefind',
    hooks: {
      'astro:config:setup': ({ config }) => {
        outDir = config.outDir;
        base = config.base;
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
        underWay = indexRenderedPages(base);
      },
      'astro:build:done': ({ dir, logger }) => {
        const started = underWay ?? indexRenderedPages(base);
        underWay = undefined;
        indexing = failIfStalled(started.finish(fileURLToPath(dir), logger));
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

/** An element marked for indexing (not the attribute's name in a script, as every page has). */
const SEARCHABLE = /<[a-z][^>]*\sdata-pagefind-body[\s=>]/;

/**
 * Starts Pagefind and adds every rendered article page to its index, in the order the pages were
 * started (the index's files depend on that order, and must not change between builds).
 */
function indexRenderedPages(base: string): IndexUnderWay {
  const created = pagefind.createIndex({ maxFragments: MAX_FRAGMENT_FILES });
  const added: Promise<string[]>[] = [];
  const stopListening = listenToRenderedPages(({ pathname, html }) => {
    const sourcePath = indexedFile(pathname, base);
    // Only article pages carry `data-pagefind-body` (src/layouts/Article.astro); the redirect
    // pages at merged duplicates' addresses, also under articles/, do not.
    if (html === undefined || sourcePath === undefined || !SEARCHABLE.test(html)) return;
    added.push(
      created.then(
        async ({ index }) => (index ? (await index.addHTMLFile({ sourcePath, content: html })).errors : []),
        // Reported once, by `finish`.
        () => [],
      ),
    );
  });
  return {
    finish: async (siteDir, logger) => {
      stopListening();
      const rendered = performance.now();
      try {
        const { index, errors: createErrors } = await created;
        if (!index) throw new Error(`Pagefind could not create an index: ${createErrors.join('; ')}`);
        failOn('indexing the site', (await Promise.all(added)).flat());
        const caughtUp = performance.now();
        const { errors: writeErrors } = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
        failOn('writing the index', writeErrors);
        logger.info(
          `indexed ${added.length} pages while rendering, written in ${Math.round(performance.now() - rendered)} ms ` +
            `(${Math.round(caughtUp - rendered)} ms to index the last pages)`,
        );
      } finally {
        await pagefind.close();
      }
    },
  };
}

/**
 * The file Pagefind is told a page came from (`articles/x/index.html`), from which it derives the
 * result's address as it would for the written file; undefined for pages not indexed.
 */
function indexedFile(pathname: string, base: string): string | undefined {
  const file = builtFileOf(pathname, base);
  return file?.startsWith(routes.articles) ? file : undefined;
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
