/**
 * Search page behaviour on top of Pagefind's Component UI: opens the search named in the URL
 * (`?q=`, filters, `sort=date`; also what the header's no-JavaScript form submits), keeps the
 * URL in step with what the reader types and picks, switches between best match and newest
 * first, and shows a helpful message when nothing matches.
 */
import { readSearchState, writeSearchState, type SearchState } from '../lib/search-url.ts';

/** How long the Pagefind UI may take to load before the reader is told search is unavailable. */
const LOAD_TIMEOUT_MS = 8000;

/** The parts of Pagefind's Component UI instance this page uses. */
interface PagefindInstance {
  searchTerm: string;
  searchFilters: Record<string, string[]>;
  searchSort: Record<string, 'asc' | 'desc'>;
  triggerSearchWithFilters(term: string, filters: Record<string, string[]>): void;
  on(event: 'search', callback: (term: string, filters: Record<string, string[]>) => void): void;
  on(event: 'results', callback: (result: { results: unknown[] }) => void): void;
}

declare global {
  interface Window {
    PagefindComponents?: { getInstanceManager(): { getInstance(name?: string): PagefindInstance } };
  }
}

async function startSearchPage(): Promise<void> {
  const loaded = await Promise.race([
    customElements.whenDefined('pagefind-input').then(() => true),
    new Promise<false>((resolve) => setTimeout(() => resolve(false), LOAD_TIMEOUT_MS)),
  ]);
  const instance = window.PagefindComponents?.getInstanceManager().getInstance('default');
  if (!loaded || !instance) {
    showStatus(
      import.meta.env.DEV
        ? 'Search needs the index that `npm run build` writes; run a build, then reload this page.'
        : 'Search could not be loaded. Please reload the page or try again later.',
    );
    return;
  }

  const state = readSearchState(window.location.search);
  const order = document.querySelector<HTMLFieldSetElement>('[data-search-order]');
  const empty = document.querySelector<HTMLElement>('[data-search-empty]');
  let current: SearchState = state;

  instance.on('search', (term, filters) => {
    current = { ...current, query: term.trim(), filters: nonEmpty(filters) };
    const search = writeSearchState(current, window.location.search);
    window.history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
    if (order) order.hidden = current.query === '';
  });
  instance.on('results', (result) => {
    if (empty) empty.hidden = !(current.query && result.results.length === 0);
  });

  order?.addEventListener('change', (event) => {
    const value = (event.target as HTMLInputElement).value === 'date' ? 'date' : 'relevance';
    current = { ...current, sort: value };
    applySort(instance, value);
    instance.triggerSearchWithFilters(instance.searchTerm, instance.searchFilters);
  });

  applySort(instance, state.sort);
  const radio = order?.querySelector<HTMLInputElement>(`input[value="${state.sort}"]`);
  if (radio) radio.checked = true;
  if (state.query || Object.keys(state.filters).length > 0) {
    instance.triggerSearchWithFilters(state.query, state.filters);
  }
}

/** Newest first sorts on the `date` key every article has (undated ones carry the lowest). */
function applySort(instance: PagefindInstance, sort: SearchState['sort']): void {
  instance.searchSort = sort === 'date' ? { date: 'desc' } : {};
}

function nonEmpty(filters: Record<string, string[]> | undefined): Record<string, string[]> {
  return Object.fromEntries(Object.entries(filters ?? {}).filter(([, values]) => values.length > 0));
}

function showStatus(message: string): void {
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  if (!status) return;
  status.textContent = message;
  status.hidden = false;
}

void startSearchPage();
