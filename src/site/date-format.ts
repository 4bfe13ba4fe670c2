/**
 * Dates as readers see them, in the interface language's locale (src/site/i18n/ picks it).
 * Article dates are calendar dates: formatted in UTC, never shifted.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions, key: string): Intl.DateTimeFormat {
  const id = `${key} ${locale}`;
  let format = formatters.get(id);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    formatters.set(id, format);
  }
  return format;
}

/**
 * "11 July 2025" (`en-GB`), "11 juillet 2025" (`fr-FR`) for `2025-07-11` or any timestamp
 * written on that day. The day is the one the source wrote: neither the build machine's time
 * zone nor the timestamp's offset may move it.
 *
 * @param isoDate - `YYYY-MM-DD` or an ISO timestamp
 * @param locale - the locale whose long date style is used (`en-GB`, `fr-FR`)
 */
export function formatLongDate(isoDate: string, locale: string): string {
  return formatter(locale, { dateStyle: 'long' }, 'long').format(
    new Date(`${isoDate.slice(0, 10)}T00:00:00Z`),
  );
}

/**
 * "July 2025" (`en-GB`), "juillet 2025" (`fr-FR`).
 *
 * @param year - four-digit year
 * @param month - 1–12
 * @param locale - the locale whose month names are used
 */
export function formatMonth(year: number, month: number, locale: string): string {
  return formatter(locale, { month: 'long', year: 'numeric' }, 'month').format(
    new Date(Date.UTC(year, month - 1, 1)),
  );
}
