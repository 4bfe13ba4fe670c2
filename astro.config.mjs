// @ts-check
import { resolve, sep } from 'node:path';
import { defineConfig } from 'astro/config';
import { resolveSiteConfig } from './src/core/config.ts';
import { keptOutput } from './src/astro/integrations/kept-output.ts';
import { listingFeeds } from './src/astro/integrations/listing-feeds.ts';
import { offlineReading } from './src/astro/integrations/offline.ts';
import { pagefindSearch } from './src/astro/integrations/pagefind.ts';
import { securityHeaderFiles } from './src/astro/integrations/security-headers.ts';
import { siteSitemap } from './src/astro/integrations/sitemap.ts';

// CONTENT_DIR, SITE_URL, BASE_PATH: validated here so a bad value stops the build at once.
const config = resolveSiteConfig(process.env, process.cwd());
const search = pagefindSearch();
const kept = keptOutput();
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

const PAGES_AT_ONCE = 8;

export default defineConfig({
  ...(cacheDir ? { cacheDir } : {}),
  site: config.siteUrl,
  base: config.basePath,
  trailingSlash: 'always',
  // A separate, cacheable stylesheet (and no inline style to allow in a Content-Security-Policy).
  // Pages render on one thread; several at once keep it busy while others are written (two
  // files each: the page and the incremental build's copy). On the 2-core build machine, 8 at
  // once rendered 10,000 articles' pages in 59.5 s against 71 s for 2, and the BBC corpus's in
  // 23.0–24.1 s against 24.3–31.6 s. Pages only look data up.
  build: {
    format: 'directory',
    inlineStylesheets: 'never',
    concurrency: PAGES_AT_ONCE,
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
  // Order matters: the listings' feeds are written first (src/astro/feed-files.ts), then the
  // last build's pages and feeds the site no longer has are deleted; the search
  // index is filled while pages render and written once the last article page is, while the
  // other pages render; the service worker (OFFLINE, on by default) is bundled while the content
  // syncs, and its list of files to save made once the index exists.
  integrations: [
    listingFeeds({ written: kept.alsoWritten }),
    kept.integration,
    search.indexer,
    offline.bundler,
    ...siteSitemap(config.basePath),
    securityHeaderFiles(),
    search.awaitIndex,
    offline.integration,
  ],
});
