/**
 * Which language the search page searches in. Pagefind keeps an index per language, with that
 * language's stemming, and opens the index of the language in `<html lang>` when it loads. So,
 * before Pagefind loads, this script sets `<html lang>` to the language searched: the one in
 * the URL (`?lang=fr`), else the reader's (the browser's languages, in their order of
 * preference), else the site's default. The page's own words stay marked in the site's
 * language (`<body lang>`), and results in the language searched.
 *
 * Choosing another language in the page's control reloads the page with `?lang=` set: Pagefind
 * cannot change the index of an instance that has loaded, and the address then says what was
 * searched, to share or bookmark.
 */

/**
 * The language to search in.
 *
 * @param available - tags of the languages the site's articles are in
 * @param requested - `lang` from the URL, if any
 * @param preferred - the reader's languages, most preferred first (`navigator.languages`)
 * @param fallback - the site's default search language
 */
export function chooseSearchLanguage(
  available: readonly string[],
  requested: string | null,
  preferred: readonly string[],
  fallback: string,
): string {
  const match = (wanted: string): string | undefined => {
    const lower = wanted.toLowerCase();
    return (
      available.find((tag) => tag.toLowerCase() === lower) ??
      available.find((tag) => tag.toLowerCase().split('-')[0] === lower.split('-')[0])
    );
  };
  if (requested) {
    const asked = match(requested);
    if (asked) return asked;
  }
  for (const language of preferred) {
    const found = match(language);
    if (found) return found;
  }
  return fallback;
}

/**
 * Applies the choice to the page: `<html lang>` for Pagefind, `<body lang>` for the page's own
 * words, `lang` and `dir` on the results. Returns the language chosen, or undefined when the page
 * has no language control (one language: nothing to choose).
 */
export function applySearchLanguage(): string | undefined {
  const control = document.querySelector<HTMLSelectElement>('[data-search-language]');
  if (!control) return undefined;
  const options = [...control.options];
  const chosen = chooseSearchLanguage(
    options.map((option) => option.value),
    new URLSearchParams(window.location.search).get('lang'),
    navigator.languages ?? [],
    control.dataset['default'] ?? options[0]?.value ?? '',
  );
  const root = document.documentElement;
  if (!document.body.lang) document.body.lang = root.lang;
  root.lang = chosen;
  control.value = chosen;
  const dir = options.find((option) => option.value === chosen)?.dataset['dir'] === 'rtl' ? 'rtl' : 'ltr';
  for (const results of document.querySelectorAll<HTMLElement>('[data-search-results]')) {
    results.lang = chosen;
    results.dir = dir;
  }
  control.addEventListener('change', () => {
    const params = new URLSearchParams(window.location.search);
    params.set('lang', control.value);
    window.location.assign(`${window.location.pathname}?${params.toString()}${window.location.hash}`);
  });
  return chosen;
}
