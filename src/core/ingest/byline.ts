/**
 * Bylines: "By Jane Doe", "By Jane Doe and Sam Roe", "By Jane Doe, Reuters",
 * "Jane Doe | Reuters". Authors and the outlet are kept apart.
 */
import { hasOrganisationWord } from '../text/organisations.ts';
import { trimTrailing } from '../text/text.ts';

export interface Byline {
  /** People or organisations credited, in order. */
  authors: string[];
  /** The outlet (news organisation) when the byline names one. */
  source?: string;
}

const CAPITALISED_WORD = /^(?:\p{Lu}[\p{L}’'.-]*|de|van|von|der|da|di|la|le|bin|al)$/u;

/**
 * Reads the text after "By" (or a whole "Name | Outlet" line) as authors and outlet.
 *
 * @param text - e.g. "Jane Doe and Sam Roe, Reuters"
 */
export function parseByline(text: string): Byline {
  const clean = trimTrailing(text.replace(/^by\s+/i, ''), /[.\s]/u).trim();
  const piped = clean.split(/\s+\|\s+/);
  if (piped.length === 2 && piped[0] && piped[1]) {
    return { authors: splitNames(piped[0]), source: piped[1].trim() };
  }
  const parts = clean.split(/,\s+/);
  const last = parts.at(-1) ?? '';
  if (parts.length === 2 && !/\s(?:and|&)\s/.test(last) && !looksLikePersonName(last)) {
    return { authors: splitNames(parts[0] ?? ''), source: last };
  }
  return { authors: splitNames(clean) };
}

/**
 * True when a line has the "Name | Outlet" shape: a capitalised name of one to four words, a
 * pipe, and a short outlet name.
 *
 * @param line - one trimmed line
 */
export function isPipeByline(line: string): boolean {
  const parts = line.split(/\s+\|\s+/);
  if (parts.length !== 2) return false;
  const [name = '', outlet = ''] = parts;
  return looksLikePersonName(name) && outlet.split(/\s+/).length <= 5 && /^\p{Lu}/u.test(outlet);
}

/**
 * Joins authors the way a byline reads: "A", "A and B", "A, B and C".
 *
 * @param authors - names in order
 */
export function formatAuthors(authors: readonly string[]): string {
  if (authors.length <= 1) return authors[0] ?? '';
  return `${authors.slice(0, -1).join(', ')} and ${authors.at(-1)}`;
}

function splitNames(text: string): string[] {
  return text
    .split(/\s*,\s*|\s+(?:and|&)\s+/)
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

function looksLikePersonName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length < 2 || words.length > 4) return false;
  if (hasOrganisationWord(text) || /^the$/i.test(words[0] ?? '')) return false;
  return words.every((word) => CAPITALISED_WORD.test(word));
}
