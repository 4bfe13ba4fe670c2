/** Pagination for listings (their pages' addresses: routes.ts, `listingPage`). */

export interface Page<T> {
  /** 1-based page number. */
  number: number;
  /** Number of pages in the listing (at least 1, even when it is empty). */
  count: number;
  /** The items on this page. */
  items: T[];
  /** 0-based index of the first item on this page in the whole listing. */
  start: number;
}

/**
 * Splits a listing into pages. An empty listing still has one (empty) page, so every listing
 * address exists.
 *
 * @param items - the whole listing, already in display order
 * @param pageSize - items per page (a positive whole number)
 */
export function paginate<T>(items: readonly T[], pageSize: number): Page<T>[] {
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new RangeError(`pageSize must be a positive whole number, not ${pageSize}`);
  }
  const count = Math.max(1, Math.ceil(items.length / pageSize));
  return Array.from({ length: count }, (_, index) => ({
    number: index + 1,
    count,
    items: items.slice(index * pageSize, (index + 1) * pageSize),
    start: index * pageSize,
  }));
}
