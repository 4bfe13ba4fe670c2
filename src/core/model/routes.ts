/**
 * Every address the site has, in one place. Routes are paths inside the site (`topics/iran/`);
 * {@link withBase} is the one function that puts the base path in front of them, and
 * {@link siteLinks} gives pages and components each address already joined. Nothing else in
 * the project writes an address from strings, so moving a page means editing this file and the
 * page's file under `src/pages/`.
 */

/** A listing's pages after the first live below it: `topics/iran/page/2/`. */
const PAGE_PREFIX = 'page/';

/** Paths inside the site, without the base path. */
export const routes = {
  home: '',
  topics: 'topics/',
  sources: 'sources/',
  archive: 'archive/',
  undated: 'archive/undated/',
  search: 'search/',
  feed: 'rss.xml',
  /** Every feed of the site, for feed readers' import. */
  opml: 'feeds.opml',
  sitemapIndex: 'sitemap-index.xml',
  favicon: 'favicon.svg',
  /** The web app manifest (OFFLINE=1, the default), written after the build. */
  manifest: 'manifest.webmanifest',
  /** The service worker: its folder, the base path, is its scope. */
  serviceWorker: 'sw.js',
  /** What a reader sees for a page not saved for offline reading, when offline. */
  offline: 'offline/',
  /** An icon of the web app manifest: `icons/icon-192.png`. */
  appIcon: (name: string): string => `icons/${name}.png`,
  /** Pagefind's bundle folder, written after the build. */
  pagefind: 'pagefind/',
  /** The folder of every article page (and of the redirects at merged duplicates' addresses). */
  articles: 'articles/',
  article: (slug: string): string => `articles/${slug}/`,
  story: (id: string): string => `stories/${id}/`,
  topic: (slug: string): string => `topics/${slug}/`,
  source: (slug: string): string => `sources/${slug}/`,
  section: (slug: string): string => `sections/${slug}/`,
  /** One month of the archive; `monthPath` is `YYYY/MM`. */
  month: (monthPath: string): string => `archive/${monthPath}/`,
  /**
   * Page `pageNumber` (1-based) of a listing: page 1 at the listing's own address, later pages
   * at `page/N/` below it, so the first page never has two URLs.
   */
  listingPage: (listing: string, pageNumber: number): string =>
    pageNumber <= 1 ? listing : `${listing}${PAGE_PREFIX}${pageNumber}/`,
  /** A listing's RSS feed, beside its first page: `rss.xml`, `topics/iran/rss.xml`. */
  rssFeed: (listing: string): string => `${listing}rss.xml`,
  /** A listing's JSON Feed, beside its RSS feed: `feed.json`, `topics/iran/feed.json`. */
  jsonFeed: (listing: string): string => `${listing}feed.json`,
} as const;

/**
 * The rest parameter a `[...page]` route uses for a page (`page/2`): `undefined` for page 1,
 * which lives at the listing's own address.
 *
 * @param pageNumber - 1-based page number
 */
export function pageParam(pageNumber: number): string | undefined {
  return pageNumber <= 1 ? undefined : `${PAGE_PREFIX}${pageNumber}`;
}

/**
 * The base path with exactly one trailing slash: Astro gives `/news` or `/news/` depending on
 * the `trailingSlash` setting and how the base was written.
 *
 * @param basePath - `/`, `/news` or `/news/`
 */
export function normalizeBase(basePath: string): string {
  return basePath.endsWith('/') ? basePath : `${basePath}/`;
}

/**
 * Joins the base path and a path inside the site: the only place the two meet.
 *
 * @param basePath - `/`, `/news` or `/news/`
 * @param path - a path inside the site, with or without a leading slash (`articles/x/`)
 */
export function withBase(basePath: string, path = ''): string {
  return `${normalizeBase(basePath)}${path.replace(/^\/+/, '')}`;
}

/** Every address of {@link routes} with the base path in front, for links in pages. */
export interface SiteLinks {
  home: string;
  topics: string;
  sources: string;
  archive: string;
  undated: string;
  search: string;
  feed: string;
  opml: string;
  sitemapIndex: string;
  favicon: string;
  manifest: string;
  serviceWorker: string;
  offline: string;
  appIcon: (name: string) => string;
  pagefind: string;
  article: (slug: string) => string;
  story: (id: string) => string;
  topic: (slug: string) => string;
  source: (slug: string) => string;
  section: (slug: string) => string;
  month: (monthPath: string) => string;
}

/**
 * The site's addresses under a base path.
 *
 * @param basePath - `/` or `/news/` (in pages: `import.meta.env.BASE_URL`)
 */
export function siteLinks(basePath: string): SiteLinks {
  const join = (path: string): string => withBase(basePath, path);
  return {
    home: join(routes.home),
    topics: join(routes.topics),
    sources: join(routes.sources),
    archive: join(routes.archive),
    undated: join(routes.undated),
    search: join(routes.search),
    feed: join(routes.feed),
    opml: join(routes.opml),
    sitemapIndex: join(routes.sitemapIndex),
    favicon: join(routes.favicon),
    manifest: join(routes.manifest),
    serviceWorker: join(routes.serviceWorker),
    offline: join(routes.offline),
    appIcon: (name) => join(routes.appIcon(name)),
    pagefind: join(routes.pagefind),
    article: (slug) => join(routes.article(slug)),
    story: (id) => join(routes.story(id)),
    topic: (slug) => join(routes.topic(slug)),
    source: (slug) => join(routes.source(slug)),
    section: (slug) => join(routes.section(slug)),
    month: (monthPath) => join(routes.month(monthPath)),
  };
}
