/**
 * Wording shared by pages: counted nouns and page labels, written once so every page says
 * "1 article" and ", page 2 of 5" the same way.
 */
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

/** ", page 2 of 5" after a listing's title on its later pages; nothing on page 1. */
export function pageLabel(page: Pick<Page<unknown>, 'number' | 'count'>): string {
  return page.number > 1 ? `, page ${page.number} of ${page.count}` : '';
}
