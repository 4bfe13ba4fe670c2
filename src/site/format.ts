/**
 * English counted nouns for the build's own messages (log lines, build errors), written once so
 * every message says "1 page" and "3 pages" the same way (readers never see these: every string
 * of the site's interface comes from the translation table, src/site/i18n/), and the page label
 * of listings.
 */
import type { Messages } from './i18n/index.ts';
import type { Page } from './listings/pagination.ts';

/**
 * The noun for a count: `one` for exactly 1, `many` otherwise ("0 articles").
 *
 * @param count - how many
 * @param one - the singular ("article")
 * @param many - the plural; `one` + "s" by default
 */
export function plural(count: number, one: string, many = `${one}s`): string {
  return count === 1 ? one : many;
}

/** "1 article", "3 articles", "0 reports". */
export function counted(count: number, one: string, many = `${one}s`): string {
  return `${count} ${plural(count, one, many)}`;
}

/**
 * ", page 2 of 5" after a listing's title on its later pages, in the interface language;
 * nothing on page 1.
 *
 * @param page - the listing's page
 * @param ui - the interface strings
 */
export function pageLabel(page: Pick<Page<unknown>, 'number' | 'count'>, ui: Messages): string {
  return page.number > 1 ? ui.pageOf(page.number, page.count) : '';
}
