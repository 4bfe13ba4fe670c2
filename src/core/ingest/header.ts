/**
 * Header lines: metadata standing above or just below the headline — the founding
 * ` date 2025-07-11 By CIC International Affairs.`, "Published: 11 July 2025",
 * "Updated: July 12, 2025 09:15 BST", "By Jane Doe, Reuters", "Jane Doe | Reuters".
 * A line is a header line only when all of it is metadata: prose that starts with a date is not.
 */
import { BY, creditsNames, isPipeByline, parseByline } from './byline.ts';
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

/**
 * Labels before a header date, in the languages chrono-node reads dates in: "Published:",
 * "Publié le", "Veröffentlicht am", "Publicado el", "Aggiornato il"… (`(?![\p{L}])` rather
 * than `\b`, which ends a word at "é").
 */
const LABEL = new RegExp(
  String.raw`^(first published|published|posted|dated?|last updated|updated|modified|publié|mis à jour|modifié|actualisé|veröffentlicht|zuletzt aktualisiert|aktualisiert|publicado|actualizado|atualizado|modificado|pubblicato|aggiornato|gepubliceerd|bijgewerkt|publicerad|uppdaterad|julkaistu|päivitetty)(?![\p{L}])\s*(?:on|at|le|am|el|il|em|op|den|à)?(?![\p{L}])\s*[:–—-]?\s*`,
  'iu',
);
/** Words for "updated" among the labels: the date is the update's, not the publication's. */
const UPDATE_LABEL =
  /updated|modified|mis à jour|modifié|actualisé|aktualisiert|actualizado|atualizado|aggiornato|bijgewerkt|uppdaterad|päivitetty/iu;
/** "on" before a date with no label: "on 11 July", "le 2 février", "am 15. Oktober", "el 7 de enero". */
const ON_DATE = /^(?:on|le|am|el|il|em|op)\s+/iu;
const BYLINE = new RegExp(String.raw`^${BY.source}\s+\p{Lu}`, 'u');
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
 * @param language - ISO 639-1 code of the article's language, when known (dates are read in it)
 */
export function parseHeaderLine(line: string, language?: string): HeaderFields | undefined {
  if (line.length > MAX_HEADER_LINE_LENGTH) return undefined;
  const text = trimTrailing(line, TRAILING_DOT_OR_SPACE);
  // A line that opens with "By"/"Von" may be prose ("Von Montag an wird gestreikt"): it is a
  // byline only when what it credits reads as names.
  if (BYLINE.test(text)) return bylineFields(text, true);
  if (isPipeByline(text)) return bylineFields(text);

  const label = LABEL.exec(text);
  const afterLabel = label ? text.slice(label[0].length) : text;
  const dateText = afterLabel.replace(ON_DATE, '');
  const found = findDateAtStart(dateText, language);
  if (!found) return undefined;
  const skipped = afterLabel.length - dateText.length;
  const rest = afterLabel.slice(skipped + found.end).trim();
  const restFields = rest === '' || /^[,;|–—-]+$/.test(rest) ? { warnings: [] } : trailingByline(rest);
  if (!restFields) return undefined;

  const fields: HeaderFields = { ...restFields, warnings: [...restFields.warnings] };
  if (found.problem) fields.warnings.push(found.problem);
  else if (found.value) {
    const isUpdate = UPDATE_LABEL.test(label?.[1] ?? '');
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

function bylineFields(text: string, mustCreditNames = false): HeaderFields | undefined {
  if (text.split(/\s+/).length > MAX_BYLINE_WORDS || /[.!?]\s+\p{Lu}/u.test(text)) return undefined;
  const byline = parseByline(text);
  const { authors, source } = byline;
  if (authors.length === 0 || (mustCreditNames && !creditsNames(byline))) return undefined;
  return { authors, ...(source ? { source } : {}), warnings: [] };
}
