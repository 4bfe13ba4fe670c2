/**
 * The inline script that registers the service worker (rendered by WebApp.astro when offline
 * reading is on, in every page's head), kept tiny by hand: it is the one script an article page
 * runs besides the theme script, and the rule is that it stays under 1 KB. Its text is the
 * same for every build and base path, so the Content-Security-Policy allows it by one hash: the
 * worker's address comes from the tag's `data-sw` attribute (`/news/sw.js`), which is outside
 * the hashed text. The worker's scope is its folder, the base path.
 *
 * It registers after the page has loaded, so installing the worker (which saves the home and
 * search pages and the search engine) never competes with the page itself, and a browser
 * without service workers, or one that refuses (a private window), just reads online.
 */
export const REGISTER_SERVICE_WORKER_SCRIPT = `(() => {
  const url = document.currentScript.dataset.sw;
  if ('serviceWorker' in navigator)
    addEventListener('load', () => navigator.serviceWorker.register(url).catch(() => {}));
})();
`;
