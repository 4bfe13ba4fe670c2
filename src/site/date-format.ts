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
