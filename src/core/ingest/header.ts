/**
 * Header lines: metadata standing above or just below the headline — the founding
 * ` date 2025-07-11 By CIC International Affairs.`, "Published: 11 July 2025",
 * "Updated: July 12, 2025 09:15 BST", "By Jane Doe, Reuters", "Jane Doe | Reuters".
 * A line is a header line only when all of it is metadata: prose that starts with a date is not.
 */
import { isPipeByline, parseByline } from './byline.ts';
import { trimTrailing } from '../text/text.ts';
import { findDateAtStart } from './dates.ts';

export interface HeaderFields {
  /** Publication date as `YYYY-MM-DD` or an ISO timestamp. */
  date?: string;
  /** Date of the last update, when the source gives one. */
  updated?: string;
  /** Credited authors, without "By". */
  authors?: string[];
  /** Outlet named in the byline. */
  source?: string;
  /** Problems a person should know about, e.g. an impossible date. */
  warnings: string[];
}

const LABEL =
  /^(first published|published|posted|dated?|last updated|updated|modified)\b\s*(?:on|at)?\s*[:–—-]?\s*/i;
const BYLINE = /^[Bb][Yy]\s+\p{Lu}/u;
const MAX_BYLINE_WORDS = 16;
const TRAILING_DOT_OR_SPACE = /[.\s]/u;
/**
 * A date and a byline of at most sixteen words fit well within this; a longer line is prose, and
 * bounding it keeps the date parser and the byline patterns cheap on a 1 MB line.
 */
const MAX_HEADER_LINE_LENGTH = 300;

/**
 * Reads one line as a header line, or returns undefined when it is not one.
 *
 * @param line - one trimmed line of the file
 */
export function parseHeaderLine(line: string): HeaderFields | undefined {
  if (line.length > MAX_HEADER_LINE_LENGTH) return undefined;
  const text = trimTrailing(line, TRAILING_DOT_OR_SPACE);
  if (BYLINE.test(text)) return bylineFields(text);
  if (isPipeByline(text)) return bylineFields(text);

  const label = LABEL.exec(text);
  const afterLabel = label ? text.slice(label[0].length) : text;
  const found = findDateAtStart(afterLabel.replace(/^on\s+/i, ''));
  if (!found) return undefined;
  const skipped = afterLabel.length - afterLabel.replace(/^on\s+/i, '').length;
  const rest = afterLabel.slice(skipped + found.end).trim();
  const restFields = rest === '' || /^[,;|–—-]+$/.test(rest) ? { warnings: [] } : trailingByline(rest);
  if (!restFields) return undefined;

  const fields: HeaderFields = { ...restFields, warnings: [...restFields.warnings] };
  if (found.problem) fields.warnings.push(found.problem);
  else if (found.value) {
    const isUpdate = /updated|modified/i.test(label?.[1] ?? '');
    fields[isUpdate ? 'updated' : 'date'] = found.value;
  }
  return fields;
}

/** After a date: ", By Jane Doe", "| Reuters", "- By Desk". */
function trailingByline(rest: string): HeaderFields | undefined {
  const stripped = rest.replace(/^[,;|–—-]\s*/, '');
  if (BYLINE.test(stripped)) return bylineFields(stripped);
  return undefined;
}

function bylineFields(text: string): HeaderFields | undefined {
  if (text.split(/\s+/).length > MAX_BYLINE_WORDS || /[.!?]\s+\p{Lu}/u.test(text)) return undefined;
  const { authors, source } = parseByline(text);
  if (authors.length === 0) return undefined;
  return { authors, ...(source ? { source } : {}), warnings: [] };
}
