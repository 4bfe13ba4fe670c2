/**
 * The search page's state in its URL (`search/?q=taliban&source=Reuters&year=2025&sort=date`),
 * so a search can be shared, bookmarked and reopened. Pure, for the search page script.
 */

/** Filters the search page offers, in the order of the filter pane. */
export const SEARCH_FILTERS = ['section', 'source', 'topic', 'year'] as const;

export interface SearchState {
  query: string;
  /** Selected values per filter; a filter with no value is absent. */
  filters: Record<string, string[]>;
  /** `date`: newest first; `relevance`: Pagefind's ranking. */
  sort: 'relevance' | 'date';
}

/**
 * Reads the state from a URL's query string.
 *
 * @param search - `location.search`
 */
export function readSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: Record<string, string[]> = {};
  for (const name of SEARCH_FILTERS) {
    const values = [...new Set(params.getAll(name).map((value) => value.trim()))].filter(Boolean);
    if (values.length > 0) filters[name] = values;
  }
  return {
    query: params.get('q')?.trim() ?? '',
    filters,
    sort: params.get('sort') === 'date' ? 'date' : 'relevance',
  };
}

/**
 * Writes the state as a query string (with `?`, or empty), keeping parameters it does not own.
 *
 * @param state - the current search
 * @param previous - `location.search` before the change
 */
export function writeSearchState(state: SearchState, previous = ''): string {
  const params = new URLSearchParams(previous);
  for (const name of ['q', 'sort', ...SEARCH_FILTERS]) params.delete(name);
  if (state.query) params.set('q', state.query);
  for (const name of SEARCH_FILTERS) {
    for (const value of state.filters[name] ?? []) params.append(name, value);
  }
  if (state.sort === 'date') params.set('sort', 'date');
  const text = params.toString();
  return text ? `?${text}` : '';
}
