/**
 * How the service worker keeps the files it fetches from the network first — the pages, and
 * Pagefind's entry file (src/site/offline.ts puts this plugin into the generated `sw.js`).
 * Workbox copies its callbacks into the worker by their source text, so each is one
 * self-contained arrow function that uses only what a service worker has (`URL`, `caches`): no
 * import, no helper, no name from this module.
 */

/** The one argument Workbox passes the callbacks below, as far as they read it. */
interface FetchedRequest {
  request: Request;
}

export const OFFLINE_COPIES_PLUGIN = {
  /**
   * One saved copy per address, whatever its query: `search/?q=…` and `articles/x/?highlight=…`
   * are the same HTML as `search/` and `articles/x/` (the query is read by the page's script),
   * and Pagefind asks for `pagefind-entry.json?ts=<now>` on every search.
   */
  cacheKeyWillBeUsed: async ({ request }: FetchedRequest): Promise<string> => {
    const url = new URL(request.url);
    url.search = '';
    url.hash = '';
    return url.href;
  },
  /**
   * Offline, for an address never fetched online: its copy in the precache when there is one
   * (the home and search pages, Pagefind's entry file, saved when the worker was installed),
   * found by its file (`search/` → `search/index.html`) whatever revision Workbox keys it with.
   * Otherwise nothing, and the route's next plugin answers (for a page, the offline page).
   */
  handlerDidError: async ({ request }: FetchedRequest): Promise<Response | undefined> => {
    const url = new URL(request.url);
    url.search = '';
    url.hash = '';
    if (url.pathname.endsWith('/')) url.pathname += 'index.html';
    return caches.match(url.href, { ignoreSearch: true });
  },
};
