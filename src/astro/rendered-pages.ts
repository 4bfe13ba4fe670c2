/**
 * Every page of an `astro build` as it is rendered, for the integrations that need the built
 * HTML (the search index, the check for foreign scripts) — so they do their work while the rest
 * of the site renders instead of reading thousands of files back once it is written. On 10,000
 * articles, indexing after the build took 20 s of a 98 s build.
 *
 * The middleware (src/middleware.ts) is bundled into Astro's prerender code and the integrations
 * are loaded with the config: two copies of any module they share. They meet on one object
 * under a `globalThis` key instead.
 *
 * Pages are numbered in the order Astro *starts* them, which is fixed (its path list, run
 * through a first-in-first-out limit); they finish in any order when several render at once.
 * Listeners get them in start order, so what they build from the pages (a search index whose
 * files depend on the order pages are added) is the same from one build to the next.
 */

export interface RenderedPage {
  /** The page's address, base path included (`/news/articles/x/`). */
  readonly pathname: string;
  /**
   * The page's HTML as Astro rendered it, in UTF-8; undefined for anything else (a feed, a
   * failed render). The integrations read it in a thread of their own (src/astro/page-analysis.ts).
   */
  readonly bytes: Uint8Array | undefined;
}

export type RenderedPageListener = (page: RenderedPage) => void;

interface Channel {
  listeners: Set<RenderedPageListener>;
  /** Number the next page to start gets. */
  started: number;
  /** Number of the next page listeners are owed. */
  delivered: number;
  /** Finished pages waiting for an earlier one to finish. */
  waiting: Map<number, RenderedPage>;
  /** The article route's pages, and those it expects to render (`announcePages`). */
  announced: AnnouncedPages | undefined;
}

const KEY = Symbol.for('dispatch.rendered-pages');

function channel(): Channel {
  const holder = globalThis as { [KEY]?: Channel };
  holder[KEY] ??= {
    listeners: new Set(),
    started: 0,
    delivered: 0,
    waiting: new Map(),
    announced: undefined,
  };
  return holder[KEY];
}

/**
 * Starts getting every page rendered from now on, in start order. Returns the function that
 * stops it. The numbering restarts when the first listener arrives (a new build in the same
 * process, as the tests run them).
 */
export function listenToRenderedPages(listener: RenderedPageListener): () => void {
  const pages = channel();
  if (pages.listeners.size === 0) {
    pages.started = 0;
    pages.delivered = 0;
    pages.waiting.clear();
    pages.announced = undefined;
  }
  pages.listeners.add(listener);
  return () => {
    pages.listeners.delete(listener);
  };
}

/** What the article route announced: addresses, base path included, as listeners get them. */
export interface AnnouncedPages {
  /** Every page of the route in this build. */
  pages: ReadonlySet<string>;
  /** Those it expects Astro to render; the others, it expects kept from the last build. */
  toRender: ReadonlySet<string>;
}

/**
 * Says which pages the article route has, and which of them it expects to be rendered (from
 * its `getStaticPaths`, before any of them renders): the search index can then be written as
 * soon as the last of these is, while the rest of the site renders
 * (src/astro/integrations/pagefind.ts).
 *
 * @param pathnames - the pages' addresses, base path included, as listeners get them
 * @param toRender - those expected to render (every one, by default: a clean build)
 */
export function announcePages(pathnames: Iterable<string>, toRender?: Iterable<string>): void {
  const pages = new Set(pathnames);
  channel().announced = { pages, toRender: toRender === undefined ? pages : new Set(toRender) };
}

/** The pages the article route announced in this build, if it did. */
export function announcedPages(): AnnouncedPages | undefined {
  return channel().announced;
}

/**
 * Renders a page through `render` (Astro's `next`) and hands its HTML to the listeners. With no
 * listener (`astro dev`, or a build without them) the response is passed on untouched.
 *
 * @param pathname - the request's path
 * @param render - renders the page
 */
export async function observeRenderedPage(
  pathname: string,
  render: () => Promise<Response>,
): Promise<Response> {
  const pages = channel();
  if (pages.listeners.size === 0) return render();
  const sequence = pages.started++;
  let bytes: Uint8Array | undefined;
  try {
    const response = await render();
    if (!isHtmlPage(response)) return response;
    // Passed on as the bytes Astro rendered: a string would be encoded again when Astro writes
    // the page (1 s of a 10,000-article build).
    const body = await response.arrayBuffer();
    bytes = new Uint8Array(body);
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  } finally {
    // Also when rendering failed: later pages must not wait for this one forever.
    finished(pages, sequence, { pathname, bytes });
  }
}

/**
 * The file a rendered page is written to, inside the output folder (`build.format: 'directory'`):
 * `/news/topics/x/` under base `/news/` is `topics/x/index.html`. Undefined outside the base.
 *
 * @param pathname - the page's address, as listeners get it
 * @param base - the site's base path, with its trailing slash
 */
export function builtFileOf(pathname: string, base: string): string | undefined {
  if (!pathname.startsWith(base)) return undefined;
  const path = decodeURI(pathname.slice(base.length));
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

/**
 * The order of built files the search index takes pages in (code units, not the locale's
 * collation, so that it is the same on every machine): the article route renders its pages in
 * this order, and a build that kept pages from the previous one indexes them all in it too.
 */
export function compareFilePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isHtmlPage(response: Response): boolean {
  return response.status === 200 && (response.headers.get('content-type') ?? '').startsWith('text/html');
}

function finished(pages: Channel, sequence: number, page: RenderedPage): void {
  pages.waiting.set(sequence, page);
  for (let next = pages.waiting.get(pages.delivered); next; next = pages.waiting.get(pages.delivered)) {
    pages.waiting.delete(pages.delivered);
    pages.delivered += 1;
    for (const listener of pages.listeners) listener(next);
  }
}
