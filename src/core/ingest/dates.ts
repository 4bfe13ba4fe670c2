/**
 * Dates written in article headers: ISO dates and timestamps, "11 July 2025",
 * "July 11, 2025", "Friday, 11 July 2025 10:30 GMT", and the same in the article's language
 * ("7 de enero de 2024", "15. Oktober 2024", "2 février 2024"). Natural forms are read by
 * chrono-node in strict mode, with its parser for the article's language first and English
 * after it; a date is only accepted with a certain year, month and day — never guessed from the
 * build machine's clock.
 */
import * as chrono from 'chrono-node';
// The functions' own modules: date-fns's index loads all of its 250 modules (1.4 s of every
// build's start-up).
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';

export interface FoundDate {
  /** `YYYY-MM-DD`, or an ISO timestamp when the source gives a time. */
  value?: string;
  /** The source text of the date, as written. */
  text: string;
  /** Index just past the date in the searched text. */
  end: number;
  /** Set when the text is shaped like a date but names no real day. */
  problem?: string;
}

const ISO_AT_START =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?(?![\d:])/;
/** Reference date for chrono, fixed for purity: a date read differently against another is refused. */
const REFERENCE = new Date(Date.UTC(2000, 0, 1));
/**
 * A second reference, a year, a month, a day and hours away: "3 days ago" or "in 2 weeks" is
 * certain to chrono only relative to the reference, so a date read differently against this one
 * is the reference's date, not the article's, and is refused.
 */
const OTHER_REFERENCE = new Date(Date.UTC(2001, 1, 2, 13, 47, 11));
/**
 * The longest date text looked at ("Friday, 11 July 2025 10:30:00 GMT" is 33 characters): chrono
 * scans all the text it is given, and a 1 MB line must not be handed to it.
 */
const MAX_DATE_TEXT = 200;

/** chrono-node's strict parsers, by ISO 639-1 code: the languages it reads dates in. */
const PARSERS: Readonly<Record<string, chrono.Chrono>> = {
  de: chrono.de.strict,
  en: chrono.strict,
  es: chrono.es.strict,
  fi: chrono.fi.strict,
  fr: chrono.fr.strict,
  it: chrono.it.strict,
  ja: chrono.ja.strict,
  nl: chrono.nl.strict,
  pt: chrono.pt.strict,
  ru: chrono.ru.strict,
  sv: chrono.sv.strict,
  uk: chrono.uk.strict,
  zh: chrono.zh.strict,
};

/** The languages whose dates are read, English first. */
export const DATE_LANGUAGES: readonly string[] = [
  'en',
  ...Object.keys(PARSERS).filter((code) => code !== 'en'),
];
const ALL_PARSERS: readonly chrono.Chrono[] = DATE_LANGUAGES.map((code) => PARSERS[code] as chrono.Chrono);

/**
 * Finds a date at the start of `text` (after at most a weekday), or returns undefined.
 *
 * @param text - the text after any label such as "Published:"
 * @param language - ISO 639-1 code of the article's language: its date forms are tried first,
 *   then English; when it is not known, every language's in turn (English first)
 */
export function findDateAtStart(text: string, language?: string): FoundDate | undefined {
  const iso = ISO_AT_START.exec(text);
  if (iso) return fromIso(iso);
  const head = text.slice(0, MAX_DATE_TEXT);
  const own = language === undefined ? undefined : PARSERS[language];
  const parsers =
    language === undefined
      ? ALL_PARSERS
      : own && own !== chrono.strict
        ? [own, chrono.strict]
        : [chrono.strict];
  for (const parser of parsers) {
    const found = certainDateAtStart(parser, head);
    if (found) return found;
  }
  return undefined;
}

function certainDateAtStart(parser: chrono.Chrono, head: string): FoundDate | undefined {
  const [result] = parser.parse(head, REFERENCE);
  if (!result || result.index > 0) return undefined;
  const value = certainValue(result.start);
  if (value === undefined) return undefined;
  const [again] = parser.parse(head, OTHER_REFERENCE);
  if (again?.index !== 0 || certainValue(again.start) !== value) return undefined;
  return { value, text: result.text, end: result.index + result.text.length };
}

/** The date chrono read, when its year, month and day are certain; with the time when that is too. */
function certainValue(start: chrono.ParsedComponents): string | undefined {
  if (!start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day')) return undefined;
  const day = `${pad(start.get('year'), 4)}-${pad(start.get('month'))}-${pad(start.get('day'))}`;
  if (!start.isCertain('hour')) return day;
  const time = `${pad(start.get('hour'))}:${pad(start.get('minute'))}:${pad(start.get('second'))}`;
  const offset = start.get('timezoneOffset');
  return `${day}T${time}${offset === null ? '' : formatOffset(offset)}`;
}

function fromIso(match: RegExpExecArray): FoundDate {
  const [text, year, month, day, hour, minute, second, zone] = match;
  const date = `${year}-${month}-${day}`;
  const found = { text, end: text.length };
  if (!isRealDay(Number(year), Number(month), Number(day))) {
    return { ...found, problem: `Ignored the impossible date “${text}” in the header.` };
  }
  if (hour === undefined) return { ...found, value: date };
  const offset = zone === undefined ? '' : zone === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const value = `${date}T${hour}:${minute}:${second ?? '00'}${offset}`;
  if (!isValid(parseISO(value)))
    return { ...found, problem: `Ignored the impossible time “${text}” in the header.` };
  return { ...found, value };
}

/** True for a day that exists in the calendar ("2025-02-30" does not). */
function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function pad(value: number | null, width = 2): string {
  return String(value ?? 0).padStart(width, '0');
}

function formatOffset(minutes: number): string {
  if (minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  return `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}
