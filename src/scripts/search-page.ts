/**
 * Search page behaviour on top of Pagefind's Component UI: runs the search named in the URL
 * (`search/?q=taliban`, also what the header's no-JavaScript form submits) and keeps `?q=`
 * in step with what the reader types, so a search can be shared or bookmarked.
 */

const QUERY_PARAM = 'q';
/** How long the Pagefind UI may take to load before the reader is told search is unavailable. */
const LOAD_TIMEOUT_MS = 8000;

async function startSearchPage(): Promise<void> {
  const loaded = await Promise.race([
    customElements.whenDefined('pagefind-input').then(() => true),
    new Promise<false>((resolve) => setTimeout(() => resolve(false), LOAD_TIMEOUT_MS)),
  ]);
  const input = document.querySelector<HTMLInputElement>('pagefind-input input');
  if (!loaded || !input) {
    showUnavailable();
    return;
  }

  const initial = new URL(window.location.href).searchParams.get(QUERY_PARAM)?.trim();
  if (initial) {
    input.value = initial;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }

  input.addEventListener('input', () => {
    const url = new URL(window.location.href);
    const query = input.value.trim();
    if (query) url.searchParams.set(QUERY_PARAM, query);
    else url.searchParams.delete(QUERY_PARAM);
    window.history.replaceState(null, '', url);
  });
}

void startSearchPage();

/** The index is written by `astro build`; in `astro dev` (or on a broken deploy) it is missing. */
function showUnavailable(): void {
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  if (!status) return;
  status.textContent = import.meta.env.DEV
    ? 'Search needs the index that `npm run build` writes; run a build, then `npm run preview`.'
    : 'Search could not be loaded. Please reload the page or try again later.';
  status.hidden = false;
}
