// @ts-check
import { availableParallelism } from 'node:os';
import { resolve, sep } from 'node:path';
import { defineConfig } from 'astro/config';
import { resolveSiteConfig } from './src/core/config.ts';
import { keptOutput } from './src/astro/integrations/kept-output.ts';
import { offlineReading } from './src/astro/integrations/offline.ts';
import { pagefindSearch } from './src/astro/integrations/pagefind.ts';
import { securityHeaderFiles } from './src/astro/integrations/security-headers.ts';
import { siteSitemap } from './src/astro/integrations/sitemap.ts';

// CONTENT_DIR, SITE_URL, BASE_PATH: validated here so a bad value stops the build at once.
const config = resolveSiteConfig(process.env, process.cwd());
const search = pagefindSearch();
const offline = offlineReading({ enabled: config.offline, siteLang: config.siteLang });

// The dev server watches the project, but not what builds and the benchmark write there (tens
// of thousands of files, enough to exhaust the system's file watchers), unless the content
// folder itself lies inside.
const generatedFolders = ['dist', 'bench/results'].map((folder) => resolve(folder) + sep);
/** @param {string} path */
const isGenerated = (path) =>
  generatedFolders.some((folder) => path.startsWith(folder)) && !path.startsWith(config.contentDir);

// Astro's cache (its data store and the articles' build cache, src/astro/loaders/build-cache.ts) is
// node_modules/.astro unless ASTRO_CACHE_DIR names another folder: the tests give every build
// one of its own, so builds running side by side never read or overwrite each other's cache.
const cacheDir = process.env['ASTRO_CACHE_DIR'];

export default defineConfig({
  ...(cacheDir ? { cacheDir } : {}),
  site: config.siteUrl,
  base: config.basePath,
  trailingSlash: 'always',
  // A separate, cacheable stylesheet (and no inline style to allow in a Content-Security-Policy).
  // Pages render in parallel, one per core (at most 4): on the 2-core build machine this cut
  // page generation for the BBC corpus from 7.8 s to 4.9 s. Pages only look data up.
  build: {
    format: 'directory',
    inlineStylesheets: 'never',
    concurrency: Math.min(4, availableParallelism()),
  },
  // Scripts as files too: a strict Content-Security-Policy then needs no inline-script hashes.
  // The watcher follows no symbolic link: the build never reads through one (a link in the
  // content folder is reported, not followed), and a link to / would have it watch the disk.
  vite: {
    build: { assetsInlineLimit: 0 },
    server: { watch: { ignored: isGenerated, followSymlinks: false } },
  },
  devToolbar: { enabled: false },
  // Pages whose data did not change are kept from the previous build instead of rendered again
  // (each dynamic route keys its pages: src/astro/page-cache.ts). Astro keeps a copy of every
  // page in its cache folder to restore from.
  experimental: { incrementalBuild: true },
  // Order matters: the last build's pages the site no longer has are deleted first; the search
  // index is filled while pages render and written while the sitemap and headers are and the
  // service worker (OFFLINE, on by default) is bundled; the worker's list of files to save is
  // made once the index exists.
  integrations: [
    keptOutput(),
    search.indexer,
    offline.bundler,
    ...siteSitemap(config.basePath),
    securityHeaderFiles(),
    search.awaitIndex,
    offline.integration,
  ],
});
