/**
 * Search page behaviour on top of Pagefind's Component UI: runs the search named in the URL
 * (`search/?q=taliban`, also what the header's no-JavaScript form submits) and keeps `?q=`
 * in step with what the reader types, so a search can be shared or bookmarked.
 */

const QUERY_PARAM = 'q';

async function startSearchPage(): Promise<void> {
  await customElements.whenDefined('pagefind-input');
  const input = document.querySelector<HTMLInputElement>('pagefind-input input');
  if (!input) return;

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
