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
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { escapeLinesForLog } from '../../core/text/log-text.ts';
import { routes } from '../../core/model/routes.ts';
import { searchableHtml } from '../../site/searchable-html.ts';
import { lastBuildIndex } from '../dev-index.ts';
import { builtFileOf, compareFilePaths, listenToRenderedPages } from '../rendered-pages.ts';

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
      'astro:build:done': ({ dir, pages, logger }) => {
        const started = underWay ?? indexRenderedPages(base);
        underWay = undefined;
        const builtPages = pages.map(({ pathname }) => pathname);
        indexing = failIfStalled(started.finish(fileURLToPath(dir), builtPages, logger));
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

/**
 * Starts Pagefind and adds every rendered article page to its index, in the order of their files
 * (the index's files depend on the order pages are added, and must be the same for the same
 * pages). The article route renders its pages in that order, and the middleware hands them over
 * in the order they started.
 *
 * An incremental build (`experimental.incrementalBuild`) renders only the pages whose data
 * changed and keeps the others' files: those never reach the middleware. The index is then
 * made again from the written files, every article page in file order, so that it is byte for
 * byte the index a clean build of the same content writes.
 */
function indexRenderedPages(base: string): IndexUnderWay {
  let created = pagefind.createIndex({ maxFragments: MAX_FRAGMENT_FILES });
  let added: Promise<string[]>[] = [];
  /** Every article-route file rendered (redirect pages too), to tell which were kept instead. */
  const rendered = new Set<string>();
  let lastAdded: string | undefined;
  let inFileOrder = true;
  const add = (sourcePath: string, content: string): void => {
    if (lastAdded !== undefined && compareFilePaths(lastAdded, sourcePath) >= 0) inFileOrder = false;
    lastAdded = sourcePath;
    added.push(
      created.then(
        async ({ index }) => (index ? (await index.addHTMLFile({ sourcePath, content })).errors : []),
        // Reported once, by `finish`.
        () => [],
      ),
    );
  };
  const stopListening = listenToRenderedPages(({ pathname, html }) => {
    const sourcePath = indexedFile(pathname, base);
    if (sourcePath === undefined) return;
    rendered.add(sourcePath);
    // Only article pages carry `data-pagefind-body` (src/layouts/Article.astro); the redirect
    // pages at merged duplicates' addresses, also under articles/, do not.
    const searchable = html === undefined ? undefined : searchableHtml(html);
    if (searchable !== undefined) add(sourcePath, searchable);
  });
  return {
    finish: async (siteDir, builtPages, logger) => {
      stopListening();
      const startedFinishing = performance.now();
      try {
        const articleFiles = builtPages
          .map((page) => indexedFile(`/${page}`, '/'))
          .filter((file): file is string => file !== undefined);
        const kept = articleFiles.filter((file) => !rendered.has(file)).length;
        if (kept > 0 || !inFileOrder) {
          // Start again from the written files: the pages rendered so far are among them.
          await (await created).index?.deleteIndex();
          created = pagefind.createIndex({ maxFragments: MAX_FRAGMENT_FILES });
          added = [];
          lastAdded = undefined;
          await addWrittenPages(siteDir, articleFiles.sort(compareFilePaths), add);
        }
        const { index, errors: createErrors } = await created;
        if (!index) throw new Error(`Pagefind could not create an index: ${createErrors.join('; ')}`);
        failOn('indexing the site', (await Promise.all(added)).flat());
        const caughtUp = performance.now();
        const { errors: writeErrors } = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
        failOn('writing the index', writeErrors);
        const how = kept > 0 ? `(${kept} kept from the last build and read back)` : 'while rendering';
        logger.info(
          `indexed ${added.length} pages ${how}, written in ${Math.round(performance.now() - startedFinishing)} ms ` +
            `(${Math.round(caughtUp - startedFinishing)} ms to index the last pages)`,
        );
      } finally {
        await pagefind.close();
      }
    },
  };
}

/**
 * Reads written article pages back and adds the searchable ones, in the order given. Reading
 * runs a few files ahead of Pagefind, never the whole site at once.
 */
async function addWrittenPages(
  siteDir: string,
  files: readonly string[],
  add: (sourcePath: string, content: string) => void,
): Promise<void> {
  const READ_AHEAD = 16;
  const reading = new Map<number, Promise<string>>();
  for (const [position, file] of files.entries()) {
    for (let ahead = position; ahead < Math.min(files.length, position + READ_AHEAD); ahead += 1) {
      const name = files[ahead];
      if (name !== undefined && !reading.has(ahead))
        reading.set(ahead, readFile(join(siteDir, name), 'utf8'));
    }
    const html = await reading.get(position);
    reading.delete(position);
    const searchable = html === undefined ? undefined : searchableHtml(html);
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
