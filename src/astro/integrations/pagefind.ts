/**
 * Builds the Pagefind search index at the end of `astro build`, into the output folder Astro
 * reports — so `astro build --outDir X` gives a complete searchable site in X. Any error
 * Pagefind reports fails the build: a site whose search silently broke must not ship.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { escapeLinesForLog } from '../../core/text/log-text.ts';
import { routes } from '../../core/model/routes.ts';
import { lastBuildIndex } from '../dev-index.ts';

/**
 * Only article pages carry `data-pagefind-body` (src/layouts/Article.astro), so only they are
 * handed to Pagefind: listing, topic and archive pages would be read and parsed only to be
 * skipped (on the BBC corpus, 4,852 pages read for 2,066 indexed).
 */
const INDEXED_PAGES = routes.articlePagesGlob;

/**
 * The search index as two integrations: `indexer` starts Pagefind when the pages are written,
 * `awaitIndex` (placed after every other integration) waits for it and fails the build on any
 * error. Pagefind runs in its own process, so the sitemap and security headers are written
 * meanwhile instead of after it (on 10,000 articles: ~3 s of the build). Register both: without
 * `awaitIndex`, the build would end before the index is written and miss its errors.
 */
export function pagefindSearch(): { indexer: AstroIntegration; awaitIndex: AstroIntegration } {
  let outDir: URL | undefined;
  let base = '/';
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
      'astro:build:done': ({ dir, logger }) => {
        indexing = failIfStalled(buildIndex(fileURLToPath(dir), logger));
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

async function buildIndex(siteDir: string, logger: AstroIntegrationLogger): Promise<void> {
  const started = performance.now();
  try {
    const { index, errors: createErrors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not create an index: ${createErrors.join('; ')}`);
    const { errors: addErrors, page_count: pageCount } = await index.addDirectory({
      path: siteDir,
      glob: INDEXED_PAGES,
    });
    failOn('indexing the site', addErrors);
    const { errors: writeErrors } = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
    failOn('writing the index', writeErrors);
    logger.info(`indexed ${pageCount} pages in ${Math.round(performance.now() - started)} ms`);
  } finally {
    await pagefind.close();
  }
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
