/**
 * Header lines: metadata that stands above (or just below) the title, such as the founding
 * article's ` date 2025-07-11 By CIC International Affairs.`
 */
import { isValid, parseISO } from 'date-fns';

export interface HeaderFields {
  /** Publication date as `YYYY-MM-DD` or a full ISO timestamp. */
  date?: string;
  /** Author or organisation, without the leading "By". */
  byline?: string;
  /** Problems a person should know about, e.g. an impossible date. */
  warnings: string[];
}

const ISO_DATE = /(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)/;
const DATE_LINE = new RegExp(
  `^(?:date|published|posted|dated)?\\s*:?\\s*${ISO_DATE.source}\\s*(?:[,|–—-]?\\s*by\\s+(.+?))?\\.?$`,
  'i',
);
// "By" in any case, then a capitalised name (not "by and large …").
const BYLINE_LINE = /^[Bb][Yy]\s+(\p{Lu}.{0,100}?)\.?$/u;

/**
 * Reads one line as a header line, or returns undefined when it is not one.
 *
 * @param line - one trimmed line of the file
 */
export function parseHeaderLine(line: string): HeaderFields | undefined {
  const dated = DATE_LINE.exec(line);
  if (dated) {
    const [, rawDate = '', rawByline] = dated;
    const fields: HeaderFields = { warnings: [] };
    const date = validDate(rawDate);
    if (date) fields.date = date;
    else fields.warnings.push(`Ignored the impossible date “${rawDate}” in the header.`);
    const byline = rawByline ? cleanByline(rawByline) : undefined;
    if (byline) fields.byline = byline;
    return fields;
  }
  const byline = BYLINE_LINE.exec(line);
  if (byline?.[1] && byline[1].split(/\s+/).length <= 12) {
    return { byline: cleanByline(byline[1]), warnings: [] };
  }
  return undefined;
}

/** Keeps a date only when it names a real calendar day ("2025-02-30" is not one). */
function validDate(raw: string): string | undefined {
  const normalised = raw.replace(' ', 'T');
  const parsed = parseISO(normalised);
  if (!isValid(parsed)) return undefined;
  // parseISO accepts "2025-02-30" as 2 March; a real date must survive the round trip.
  const [year, month, day] = normalised.slice(0, 10).split('-').map(Number);
  const utc = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1));
  if (utc.getUTCMonth() + 1 !== month || utc.getUTCDate() !== day) return undefined;
  return normalised;
}

function cleanByline(raw: string): string {
  return raw.replace(/[.\s]+$/u, '').trim();
}
