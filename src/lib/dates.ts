/** Dates as readers see them. Article dates are calendar dates: formatted in UTC, never shifted. */

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

/**
 * "11 July 2025" for `2025-07-11` or any timestamp written on that day. The day is the one the
 * source wrote: neither the build machine's time zone nor the timestamp's offset may move it.
 *
 * @param isoDate - `YYYY-MM-DD` or an ISO timestamp
 */
export function formatLongDate(isoDate: string): string {
  return LONG_DATE.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/**
 * Orders articles newest first, undated last; ties by title then slug so order never depends
 * on file-system order.
 */
export function compareNewestFirst(
  a: { date?: string | undefined; title: string; slug: string },
  b: { date?: string | undefined; title: string; slug: string },
): number {
  if (a.date !== b.date) {
    if (a.date === undefined) return 1;
    if (b.date === undefined) return -1;
    return a.date < b.date ? 1 : -1;
  }
  if (a.title !== b.title) return a.title < b.title ? -1 : 1;
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}
