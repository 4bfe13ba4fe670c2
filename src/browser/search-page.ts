/**
 * Search page behaviour on top of Pagefind's Component UI:
 * - the page opens with a plain form; Pagefind's UI is fetched when the reader starts a search
 *   (focuses or uses the box) or when the URL names one, and then takes the form's place;
 * - opens the search named in the URL (`?q=`, filters, `sort=date`; also what the header's
 *   no-JavaScript form submits) and keeps the URL in step with what the reader does;
 * - switches between best match and newest first, and helps when nothing matches;
 * - speaks the site's language: the page hands over its words (`data-search-messages`, JSON of
 *   the translation table's SearchScriptMessages), which this one bundle for every language
 *   gives to Pagefind's UI and uses for its own messages.
 */
import type { PagefindStrings, SearchFilter, SearchScriptMessages } from '../site/i18n/messages.ts';
import { applySearchLanguage } from './search-language.ts';
import { readSearchState, writeSearchState, type SearchState } from './search-url.ts';

/** How long the Pagefind UI may take to load before the reader is told search is unavailable. */
const LOAD_TIMEOUT_MS = 8000;

/** The parts of Pagefind's Component UI instance this page uses. */
interface PagefindInstance {
  searchTerm: string;
  searchFilters: Record<string, string[]>;
  searchSort: Record<string, 'asc' | 'desc'>;
  triggerSearchWithFilters(term: string, filters: Record<string, string[]>): void;
  /** Replaces Pagefind's own strings (by its translation keys); its components render again. */
  setTranslations(strings: PagefindStrings): void;
  on(event: 'search', callback: (term: string, filters: Record<string, string[]>) => void): void;
  on(event: 'results', callback: (result: { results: unknown[] }) => void): void;
}

declare global {
  interface Window {
    PagefindComponents?: { getInstanceManager(): { getInstance(name?: string): PagefindInstance } };
  }
}

const page = document.querySelector<HTMLElement>('[data-search-page]');
const form = document.querySelector<HTMLFormElement>('[data-search-form]');
const plainInput = document.querySelector<HTMLInputElement>('#search-q');
const messages = readMessages(page?.dataset['searchMessages']);
// Before Pagefind loads: it opens the index of the language in <html lang>.
if (page) applySearchLanguage();

let activation: Promise<void> | undefined;

function start(): void {
  activation ??= activate();
}

if (page && form && plainInput) {
  const state = readSearchState(window.location.search);
  plainInput.value = state.query;
  if (state.query || Object.keys(state.filters).length > 0) start();
  plainInput.addEventListener('focus', start, { once: true });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    start();
  });
}

/** Loads Pagefind's UI and hands the search over to it. */
async function activate(): Promise<void> {
  const bundle = page?.dataset['searchBundle'] ?? '/pagefind/';
  loadUi(bundle);
  const loaded = await Promise.race([
    customElements.whenDefined('pagefind-input').then(() => true),
    new Promise<false>((resolve) => setTimeout(() => resolve(false), LOAD_TIMEOUT_MS)),
  ]);
  const instance = window.PagefindComponents?.getInstanceManager().getInstance('default');
  if (!loaded || !instance) {
    showStatus(import.meta.env.DEV ? messages?.needsBuild : messages?.loadFailed);
    return;
  }
  if (messages) {
    instance.setTranslations(messages.pagefind);
    nameFilterGroups(messages.filters);
  }
  const typedFocus = document.activeElement === plainInput;
  const state = { ...readSearchState(window.location.search), query: plainInput?.value.trim() ?? '' };
  if (form) form.hidden = true;
  for (const element of document.querySelectorAll<HTMLElement>('pagefind-input, [data-search-ui]')) {
    element.hidden = false;
  }
  wire(instance, state);
  // Search first: Pagefind's input only takes the term from a search while it is not focused.
  if (state.query || Object.keys(state.filters).length > 0) {
    instance.triggerSearchWithFilters(state.query, state.filters);
  }
  const input = document.querySelector<HTMLInputElement>('pagefind-input input');
  if (input && typedFocus) input.focus();
}

/** Pagefind's UI script only: its stylesheet is replaced by styles/search.css. */
function loadUi(bundle: string): void {
  const script = document.createElement('script');
  script.src = `${bundle}pagefind-component-ui.js`;
  document.head.append(script);
}

/** Keeps the URL, the order switch and the no-results help in step with the search. */
function wire(instance: PagefindInstance, initial: SearchState): void {
  const order = document.querySelector<HTMLFieldSetElement>('[data-search-order]');
  const empty = document.querySelector<HTMLElement>('[data-search-empty]');
  let current = initial;

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
  applySort(instance, initial.sort);
  const radio = order?.querySelector<HTMLInputElement>(`input[value="${initial.sort}"]`);
  if (radio) radio.checked = true;
}

/** Newest first sorts on the `date` key every article has (undated ones carry the lowest). */
function applySort(instance: PagefindInstance, sort: SearchState['sort']): void {
  instance.searchSort = sort === 'date' ? { date: 'desc' } : {};
}

function nonEmpty(filters: Record<string, string[]> | undefined): Record<string, string[]> {
  return Object.fromEntries(Object.entries(filters ?? {}).filter(([, values]) => values.length > 0));
}

function showStatus(message: string | undefined): void {
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  if (!status || !message) return;
  status.textContent = message;
  status.hidden = false;
}

/** The page's words for this script; none when the page gives none (Pagefind's own then apply). */
function readMessages(json: string | undefined): SearchScriptMessages | undefined {
  if (!json) return undefined;
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null ? (value as SearchScriptMessages) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Names the filter pane's groups in the site's language: Pagefind titles each group with its
 * filter's name, capitalised ("Year"), whatever the language. Kept up as Pagefind renders the
 * pane again (new results, new translations).
 */
function nameFilterGroups(names: Readonly<Record<SearchFilter, string>>): void {
  const pane = document.querySelector('pagefind-filter-pane');
  if (!pane || typeof MutationObserver !== 'function') return;
  const rename = (): void => {
    for (const group of pane.querySelectorAll<HTMLElement>('[data-filter-name]')) {
      const name = names[group.dataset['filterName'] as SearchFilter] as string | undefined;
      if (!name) continue;
      for (const label of group.querySelectorAll('.pf-filter-group-name, legend')) {
        // Only when it differs: writing the same text would wake the observer again.
        if (label.textContent !== name) label.textContent = name;
      }
    }
  };
  new MutationObserver(rename).observe(pane, { childList: true, subtree: true });
  rename();
}
