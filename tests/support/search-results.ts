/** What the search page shows, read in a real browser, for the end-to-end suites. */
import type { Page } from 'playwright-core';

/**
 * Result headlines once every result has rendered: none still a placeholder whose text is
 * loading (Pagefind loads results one by one).
 *
 * @param page - the search page, after a search with results
 */
export async function resultTitles(page: Page): Promise<string[]> {
  await page.waitForFunction(
    () =>
      document.querySelectorAll('pagefind-results a').length > 0 &&
      document.querySelectorAll('pagefind-results .search-result--placeholder').length === 0,
    undefined,
    { timeout: 15_000 },
  );
  return page.$$eval('pagefind-results a', (links) =>
    [...new Set(links.map((link) => link.textContent?.trim() ?? ''))].filter(Boolean),
  );
}
