/**
 * Offline reading and installing, as values: the web app manifest and its icons, and the plan
 * of the service worker that src/astro/integrations/offline.ts has Workbox write — what is
 * saved when it installs (the app shell), what is saved as it is read, and what a reader sees
 * offline. Pure: the integration reads the built files and hands them in.
 *
 * The service worker, in short:
 * - **Precache, the app shell**: the home, search and offline pages, the stylesheets and
 *   scripts, the icons, and Pagefind's engine (its scripts, WebAssembly and index metadata) —
 *   never the thousands of article pages. Every file has a revision (the hash of its bytes), so
 *   a new build's worker fetches exactly the files that changed, removes the old copies, and
 *   takes over open pages at once (`skipWaiting`, `clientsClaim`).
 * - **Pages** (every navigation): network first, with a short timeout, so an online reader always
 *   gets the newest build; the copy is saved, and offline a page read before is shown from it.
 *   A page never opened shows its precached copy (home, search), else the offline page.
 * - **Search**: Pagefind's entry file network first, like the pages, so an online search uses
 *   the newest index at once; the files it names (metadata, index, filter and fragment chunks,
 *   named by their content's hash) cache first, capped in number and age, so a search made
 *   online works offline too.
 */
import type { GenerateSWOptions, GetManifestOptions, ManifestEntry, RuntimeCaching } from 'workbox-build';
import { z } from 'zod';
import { OFFLINE_COPIES_PLUGIN } from '../browser/offline-copies.ts';
import { routes, withBase } from '../core/model/routes.ts';

/**
 * The site's background in its light and dark themes (`--bg` in src/styles/global.css): the
 * browser's toolbar and an installed app's title bar and splash screen take these colours.
 */
export const THEME_COLORS = { light: '#fdfcf9', dark: '#151412' } as const;

/** The favicon's own red (the site's accent), behind the maskable icon's safe zone. */
export const ICON_BACKGROUND = '#9b1c1c';

/** The PNG icons rendered from the favicon: sizes Android and desktop installs ask for. */
export const PNG_ICONS = [
  { name: 'icon-192', size: 192, purpose: 'any' },
  { name: 'icon-512', size: 512, purpose: 'any' },
  // Full-bleed, for launchers that crop icons to a circle or a squircle.
  { name: 'maskable-512', size: 512, purpose: 'maskable' },
] as const;

export type PngIcon = (typeof PNG_ICONS)[number];

/** The site's identity, as src/site/settings.ts holds it. */
export interface AppIdentity {
  name: string;
  description: string;
  lang: string;
}

/** A web app manifest (https://www.w3.org/TR/appmanifest/), the members the site sets. */
export interface WebAppManifest {
  id: string;
  name: string;
  short_name: string;
  description: string;
  lang: string;
  dir: 'ltr';
  start_url: string;
  scope: string;
  display: 'standalone';
  background_color: string;
  theme_color: string;
  categories: string[];
  icons: { src: string; sizes: string; type: string; purpose: 'any' | 'maskable' }[];
  shortcuts: { name: string; url: string }[];
}

/**
 * The web app manifest: the app starts at the home page, its scope (and identity) is the base
 * path, so a site under `/news/` installs as its own app; every address carries the base path.
 *
 * @param basePath - `/` or `/news/`
 * @param site - the site's name, description and language (SITE)
 */
export function webAppManifest(basePath: string, site: AppIdentity): WebAppManifest {
  const home = withBase(basePath, routes.home);
  return {
    id: home,
    name: site.name,
    short_name: site.name,
    description: site.description,
    lang: site.lang,
    dir: 'ltr',
    start_url: home,
    scope: home,
    display: 'standalone',
    background_color: THEME_COLORS.light,
    theme_color: THEME_COLORS.light,
    categories: ['news'],
    icons: [
      { src: withBase(basePath, routes.favicon), sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      ...PNG_ICONS.map((icon) => ({
        src: withBase(basePath, routes.appIcon(icon.name)),
        sizes: `${icon.size}x${icon.size}`,
        type: 'image/png',
        purpose: icon.purpose,
      })),
    ],
    shortcuts: [{ name: 'Search', url: withBase(basePath, routes.search) }],
  };
}

/**
 * A maskable version of an SVG icon: the icon at 80 % of its size, centred on a full square of
 * `background`. A launcher may crop a maskable icon to any shape that keeps the central circle
 * of 80 % of its width, so the whole icon stays visible.
 *
 * @param svg - the icon (the favicon), a complete `<svg>` document with a `viewBox`
 * @param background - the colour filling the square (ICON_BACKGROUND)
 */
export function maskableIconSvg(svg: string, background: string): string {
  const viewBox = /<svg\b[^>]*\bviewBox="([^"]+)"/.exec(svg)?.[1];
  const [x = 0, y = 0, width = 0, height = 0] = (viewBox ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  if (!viewBox || !(width > 0 && height > 0)) throw new Error('The icon has no usable viewBox.');
  const inner = svg.replace(/^[\s\S]*?(?=<svg\b)/, '').trim();
  const scale = 0.8;
  const round = (value: number): number => Math.round(value * 1e4) / 1e4;
  const dx = round(x + (width * (1 - scale)) / 2);
  const dy = round(y + (height * (1 - scale)) / 2);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${x} ${y} ${width} ${height}">` +
    `<rect x="${x}" y="${y}" width="${width}" height="${height}" fill="${background}"/>` +
    `<g transform="translate(${dx} ${dy}) scale(${scale})">` +
    inner.replace(/^<svg\b/, `<svg x="${x}" y="${y}" width="${width}" height="${height}"`) +
    `</g></svg>`
  );
}

/** What Pagefind 1.6 writes to `pagefind/pagefind-entry.json`, as far as the worker needs it. */
const pagefindEntrySchema = z.object({
  /**
   * Each language's index: `hash` names its metadata file, `wasm` its WebAssembly build, which
   * is `null` for a language Pagefind has no stemmer for (Chinese, Thai…): then it loads `unknown`.
   */
  languages: z.record(
    z.string(),
    z.object({
      hash: z.string().regex(/^[\w-]+$/),
      wasm: z
        .string()
        .regex(/^[\w-]+$/)
        .nullable(),
    }),
  ),
});

/**
 * Pagefind's engine, the files a search needs before its first query, as paths inside the
 * bundle folder: the search script and the entry file (not Pagefind's worker script: the search
 * page searches on its own thread, `no-worker` in search.astro), the search page's UI, the
 * highlighter (run on an article opened from a result), and, for each language of the index,
 * its metadata and its WebAssembly. Not its stylesheets (styles/search.css replaces them) nor
 * the index, filter and fragment chunks, which are cached as searches use them.
 *
 * @param entryJson - the text of `pagefind-entry.json`
 * @throws Error when the entry file is not what Pagefind 1.6 writes
 */
export function pagefindEngineFiles(entryJson: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(entryJson);
  } catch {
    parsed = undefined;
  }
  const entry = pagefindEntrySchema.safeParse(parsed);
  if (!entry.success || Object.keys(entry.data.languages).length === 0) {
    throw new Error(
      'pagefind/pagefind-entry.json does not list the index languages as Pagefind 1.6 does; check the Pagefind version.',
    );
  }
  const languages = Object.values(entry.data.languages);
  return [
    ...new Set([
      'pagefind.js',
      'pagefind-entry.json',
      'pagefind-component-ui.js',
      'pagefind-highlight.js',
      ...languages.map((language) => `pagefind.${language.hash}.pf_meta`),
      ...languages.map((language) => `wasm.${language.wasm ?? 'unknown'}.pagefind`),
    ]),
  ].sort();
}

/**
 * The app shell, as paths inside the built site (`_astro/*` stands for every file there):
 * what the worker saves when it installs. The caller checks each named file exists.
 *
 * @param engineFiles - from {@link pagefindEngineFiles}
 */
export function appShellFiles(engineFiles: readonly string[]): string[] {
  const page = (route: string): string => `${route}index.html`;
  return [
    page(routes.home),
    page(routes.search),
    page(routes.offline),
    routes.favicon,
    routes.manifest,
    ...PNG_ICONS.map((icon) => routes.appIcon(icon.name)),
    ...engineFiles.map((file) => `${routes.pagefind}${file}`),
  ];
}

/** Stylesheets and scripts of the pages (file names with a content hash), saved with the shell. */
export const ASSET_PATTERNS = ['_astro/*.css', '_astro/*.js'] as const;

/** At most this many pages are kept for offline reading; the least recently read go first. */
export const MAX_SAVED_PAGES = 200;
/** At most this many search chunks are kept, each for at most this long. */
export const MAX_SEARCH_CHUNKS = 500;
export const SEARCH_CHUNK_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
/** A page's network answer is awaited this long before a saved copy is shown instead. */
export const NETWORK_TIMEOUT_SECONDS = 3;

/** The names of the worker's runtime caches: per base path, so two sites on one host never share one. */
export function cacheNames(basePath: string): { pages: string; search: string } {
  return { pages: `dispatch-pages-${basePath}`, search: `dispatch-search-${basePath}` };
}

/**
 * Workbox's `generateSW` options for the site's service worker (see the module comment).
 *
 * @param siteDir - the built site (Workbox reads and hashes the shell files there)
 * @param basePath - `/` or `/news/`: the worker is `sw.js` there, and that folder is its scope
 * @param shellFiles - from {@link appShellFiles}
 */
export function serviceWorkerOptions(
  siteDir: string,
  basePath: string,
  shellFiles: readonly string[],
): GenerateSWOptions {
  const caches = cacheNames(basePath);
  const bundle = escapeRegExp(withBase(basePath, routes.pagefind));
  // Matched against the whole address: for the site's own origin anywhere in it, and Workbox
  // never runs a RegExp route for another origin (that would need a match at the start).
  const pagefindEntry = new RegExp(`${bundle}pagefind-entry\\.json(?:\\?|$)`);
  const pagefindChunk = new RegExp(
    `${bundle}(?:pagefind\\.[\\w-]+\\.pf_meta|(?:index|filter|fragment)/[\\w-]+\\.pf_(?:index|filter|fragment))$`,
  );
  const runtimeCaching: RuntimeCaching[] = [
    {
      // Copied into the worker by its source text, like OFFLINE_COPIES_PLUGIN: self-contained.
      urlPattern: ({ request }) => request.mode === 'navigate',
      handler: 'NetworkFirst',
      options: {
        cacheName: caches.pages,
        networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
        plugins: [OFFLINE_COPIES_PLUGIN],
        expiration: { maxEntries: MAX_SAVED_PAGES, purgeOnQuotaError: true },
        precacheFallback: { fallbackURL: withBase(basePath, `${routes.offline}index.html`) },
      },
    },
    {
      // The index a search starts from, like the pages: online, the newest build's (Pagefind
      // asks for `pagefind-entry.json?ts=<now>`, which the precache does not answer); offline,
      // the copy last fetched, else the precached one.
      urlPattern: pagefindEntry,
      handler: 'NetworkFirst',
      options: {
        cacheName: caches.search,
        networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
        plugins: [OFFLINE_COPIES_PLUGIN],
      },
    },
    {
      // What the entry names: the index's metadata and chunks, named by their content's hash.
      urlPattern: pagefindChunk,
      handler: 'CacheFirst',
      options: {
        cacheName: caches.search,
        cacheableResponse: { statuses: [200] },
        expiration: {
          maxEntries: MAX_SEARCH_CHUNKS,
          maxAgeSeconds: SEARCH_CHUNK_MAX_AGE_SECONDS,
          purgeOnQuotaError: true,
        },
      },
    },
  ];
  return {
    swDest: `${siteDir}/${routes.serviceWorker}`,
    globDirectory: siteDir,
    globPatterns: [...shellFiles, ...ASSET_PATTERNS],
    // Workbox globs in file-system order: sorted, the worker is the same file on every build.
    manifestTransforms: [sortManifest],
    // The shell's assets carry their hash in their name: fetched without cache-busting.
    dontCacheBustURLsMatching: /^_astro\//,
    // A navigation never takes a page from the precache directly (`/` is not `/index.html`):
    // it goes to the network first, and the precached copy is only its offline fallback.
    directoryIndex: null,
    cacheId: 'dispatch',
    skipWaiting: true,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    navigationPreload: true,
    runtimeCaching,
    // One self-contained file, minified, with no source map (whose paths would name the machine).
    inlineWorkboxRuntime: true,
    mode: 'production',
    sourcemap: false,
  };
}

/**
 * The worker is built in two steps, so that the slow one (Workbox bundles it with Rollup, Babel
 * and Terser: about 1.5 s) runs while Pagefind writes the index, before the files it lists
 * exist: the worker bundled with this one entry standing for its precache list, then the list
 * put in its place.
 */
export const PRECACHE_PLACEHOLDER = { url: '__dispatch_precache__', revision: 'placeholder' } as const;

/** How Terser writes the placeholder's list in the bundled worker. */
const PLACEHOLDER_LIST = `[${precacheEntry(PRECACHE_PLACEHOLDER)}]`;

/**
 * The {@link serviceWorkerOptions} for the first step: the same worker, bundled into `swDest`,
 * precaching only {@link PRECACHE_PLACEHOLDER}.
 */
export function bundleOnlyOptions(options: GenerateSWOptions, swDest: string): GenerateSWOptions {
  return { ...options, swDest, globPatterns: [], additionalManifestEntries: [PRECACHE_PLACEHOLDER] };
}

/** Workbox's `getManifest` options giving the precache list {@link serviceWorkerOptions} gives. */
export function precacheListOptions(options: GenerateSWOptions): GetManifestOptions {
  const { globDirectory, globPatterns, manifestTransforms, dontCacheBustURLsMatching } = options;
  if (globDirectory === undefined) throw new Error('the service worker options name no folder');
  return {
    globDirectory,
    ...(globPatterns ? { globPatterns } : {}),
    ...(manifestTransforms ? { manifestTransforms } : {}),
    ...(dontCacheBustURLsMatching ? { dontCacheBustURLsMatching } : {}),
  };
}

/**
 * The bundled worker with its precache list in the placeholder's place, written as Terser
 * writes such a list.
 *
 * @param bundled - the worker built with {@link bundleOnlyOptions}
 * @param entries - the list, from `getManifest` with {@link precacheListOptions}
 */
export function withPrecacheList(bundled: string, entries: readonly ManifestEntry[]): string {
  const at = bundled.indexOf(PLACEHOLDER_LIST);
  if (at === -1 || bundled.indexOf(PLACEHOLDER_LIST, at + 1) !== -1)
    throw new Error(
      'The bundled service worker does not hold its precache list as expected (a new Workbox?).',
    );
  return `${bundled.slice(0, at)}[${entries.map(precacheEntry).join(',')}]${bundled.slice(at + PLACEHOLDER_LIST.length)}`;
}

function precacheEntry({ url, revision }: ManifestEntry): string {
  return `{url:${JSON.stringify(url)},revision:${revision === null || revision === undefined ? 'null' : JSON.stringify(revision)}}`;
}

function sortManifest(entries: (ManifestEntry & { size: number })[]): {
  manifest: (ManifestEntry & { size: number })[];
} {
  return { manifest: [...entries].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0)) };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
