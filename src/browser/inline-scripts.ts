/**
 * The inline scripts the project itself writes, as text: the components render these exact
 * strings (`set:html`), and the Content-Security-Policy allows exactly their hashes. Any other
 * inline script in a built page was not written by us (an injection) and fails the build.
 */
import { REGISTER_SERVICE_WORKER_SCRIPT } from './register-service-worker.ts';

/**
 * The theme script (rendered by ThemeScript.astro), kept short by hand because it is in every page.
 * - Theme before first paint: it must run while the head is parsed, or a reader who chose the
 *   dark theme would see a flash of the light one. It applies a saved choice, reveals the
 *   toggle (hidden without JavaScript, where it could not work) and handles its clicks by
 *   delegation. Storage can be blocked (private modes): then the system theme applies.
 * - Search shortcuts: `/` or Ctrl/⌘ K focuses the search box (the search page's own, else the
 *   header's), unless the reader is typing somewhere.
 * - Highlight: a page opened from a search result (`?highlight=term`) marks the terms with
 *   Pagefind's highlighter, loaded only then.
 * - Share: an article's share button (hidden without JavaScript) opens the system's share sheet
 *   where the browser has the Web Share API, else copies the link and says so, in the words the
 *   button gives (`data-share-copied`, from the translation table, so this text and its hash are
 *   the same in every language) — no third-party script, no tracking.
 */
export const THEME_SCRIPT = `(() => {
  const root = document.documentElement,
    media = matchMedia('(prefers-color-scheme: dark)'),
    current = () => root.dataset.theme || (media.matches ? 'dark' : 'light'),
    apply = (theme) => (root.dataset.theme = root.dataset.pfTheme = theme),
    sync = () =>
      document
        .querySelectorAll('[data-theme-toggle]')
        .forEach((button) => button.setAttribute('aria-pressed', String(current() === 'dark')));
  try {
    const saved = localStorage.getItem('theme');
    if (saved === 'dark' || saved === 'light') apply(saved);
  } catch {
    /* storage blocked */
  }
  root.dataset.js = '';
  document.addEventListener('DOMContentLoaded', () => {
    sync();
    const terms = new URLSearchParams(location.search).getAll('highlight');
    if (terms.length && document.querySelector('[data-pagefind-body]')) {
      import(root.dataset.searchBundle + 'pagefind-highlight.js').then(
        (module) => new module.default({ highlightParam: 'highlight', addStyles: false }),
      );
    }
  });
  document.addEventListener('keydown', (event) => {
    const typing =
      event.target instanceof Element && event.target.closest('input, textarea, select, [contenteditable]');
    const shortcut =
      (event.key === '/' && !typing) || (event.key === 'k' && (event.ctrlKey || event.metaKey));
    if (!shortcut || event.altKey) return;
    const box =
      document.querySelector('pagefind-input:not([hidden]) input') ||
      document.getElementById('search-q') ||
      document.getElementById('header-q');
    if (!box) return;
    event.preventDefault();
    box.focus();
    box.select();
  });
  media.addEventListener('change', sync);
  document.addEventListener('click', (event) => {
    const share = event.target instanceof Element && event.target.closest('[data-share]');
    if (share) {
      const url = share.dataset.share,
        say = (text) => document.querySelectorAll('[data-share-status]').forEach((status) => (status.textContent = text));
      if (navigator.share) navigator.share({ title: document.title, url }).catch(() => {});
      else if (navigator.clipboard) navigator.clipboard.writeText(url).then(() => say(share.dataset.shareCopied || url), () => say(url));
      else say(url);
      return;
    }
    if (!(event.target instanceof Element) || !event.target.closest('[data-theme-toggle]')) return;
    const next = current() === 'dark' ? 'light' : 'dark';
    apply(next);
    try {
      localStorage.setItem('theme', next);
    } catch {
      /* storage blocked */
    }
    sync();
  });
})();
`;

/**
 * Every inline script the project writes; the CSP allows these and no other. The service
 * worker's registration is only in pages when offline reading is on.
 */
export const OWN_INLINE_SCRIPTS: readonly string[] = [THEME_SCRIPT, REGISTER_SERVICE_WORKER_SCRIPT];
