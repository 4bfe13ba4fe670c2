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
  // Listings show the same few thousand days on every page: formatting each once saves a
  // second of a 10,000-article build.
  const day = isoDate.slice(0, 10);
  const id = `${locale} ${day}`;
  let text = longDates.get(id);
  if (text === undefined) {
    text = formatter(locale, { dateStyle: 'long' }, 'long').format(new Date(`${day}T00:00:00Z`));
    longDates.set(id, text);
  }
  return text;
}

const longDates = new Map<string, string>();

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
