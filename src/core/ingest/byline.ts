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

/**
 * "By" in the languages whose dates are read: "By Jane Doe", "Par Jean Dupont", "Von Anna
 * Schmidt", "Por Ana Ruiz", "Door Jan de Vries", "Av Eva Berg". Capitalised or not, never
 * matched case-insensitively: under `iu` a `\p{Lu}` after it would match lowercase letters too.
 */
export const BY = /(?:[Bb]y|BY|[Pp]ar|PAR|[Vv]on|VON|[Pp]or|POR|[Dd]oor|DOOR|[Aa]v|AV)/u;
/** "and" between credited names, in the same languages. */
const AND = /\s+(?:and|et|und|y|e|en|och|og|&)\s+/;
const LEADING_BY = new RegExp(String.raw`^${BY.source}\s+`, 'u');
const NAME_SEPARATOR = new RegExp(String.raw`\s*,\s*|${AND.source}`);

/** Lowercase particles inside names: "Jan de Vries", "Ludwig van Beethoven", "Omar bin Laden". */
const NAME_PARTICLE = /^(?:de|van|von|der|den|da|das|do|dos|di|du|del|della|la|le|bin|ibn|al|y|e)$/u;
const CAPITALISED_WORD = new RegExp(
  String.raw`^(?:\p{Lu}[\p{L}’'.-]*|${NAME_PARTICLE.source.slice(1, -1)})$`,
  'u',
);
/**
 * The article an outlet's name starts with, in the languages of {@link BY}: "The Guardian",
 * "Le Monde", "Der Spiegel", "El País", "La Repubblica", "O Globo", "Het Parool".
 */
const OUTLET_ARTICLE = /^(?:the|le|la|les|el|los|las|der|die|das|il|lo|o|os|het)$/i;

/**
 * Reads the text after "By" (or a whole "Name | Outlet" line) as authors and outlet.
 *
 * @param text - e.g. "Jane Doe and Sam Roe, Reuters"
 */
export function parseByline(text: string): Byline {
  const clean = trimTrailing(text.replace(LEADING_BY, ''), /[.\s]/u).trim();
  const piped = clean.split(/\s+\|\s+/);
  if (piped.length === 2 && piped[0] && piped[1]) {
    return { authors: splitNames(piped[0]), source: piped[1].trim() };
  }
  const parts = clean.split(/,\s+/);
  const last = parts.at(-1) ?? '';
  if (parts.length === 2 && !AND.test(last) && !looksLikePersonName(last)) {
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
 * Joins authors the way a byline reads in the article's language: "A", "A and B", "A, B and C";
 * "A, B et C" in French (the platform's list format, CLDR). English is British English, as the
 * site's dates are.
 *
 * @param authors - names in order
 * @param lang - the article's language tag
 */
export function formatAuthors(authors: readonly string[], lang = 'en'): string {
  if (authors.length <= 1) return authors[0] ?? '';
  return listFormat(lang).format(authors);
}

function listFormat(lang: string): Intl.ListFormat {
  // A language the platform has no list data for would be joined in the build machine's own.
  const supported = lang !== 'en' && safeSupported(lang);
  return new Intl.ListFormat(supported ? lang : 'en-GB', { type: 'conjunction' });
}

function safeSupported(lang: string): boolean {
  try {
    return Intl.ListFormat.supportedLocalesOf(lang).length > 0;
  } catch {
    return false;
  }
}

function splitNames(text: string): string[] {
  return text
    .split(NAME_SEPARATOR)
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

function looksLikePersonName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length < 2 || words.length > 4) return false;
  if (hasOrganisationWord(text) || OUTLET_ARTICLE.test(words[0] ?? '')) return false;
  return words.every((word) => CAPITALISED_WORD.test(word));
}

/**
 * True when every credit of a byline reads as a name: at most one lowercase word besides name
 * particles ("Reuters staff"). "Von Montag an wird im Fernverkehr gestreikt" — German prose,
 * every noun capitalised — starts like a byline ("Von" + a capital) but credits no one.
 *
 * @param byline - what {@link parseByline} read
 */
export function creditsNames(byline: Byline): boolean {
  const credits = [...byline.authors, ...(byline.source ? [byline.source] : [])];
  return credits.every((credit) => {
    const lowercase = credit
      .split(/\s+/)
      .filter((word) => /^\p{Ll}/u.test(word) && !NAME_PARTICLE.test(word) && !OUTLET_ARTICLE.test(word));
    return lowercase.length <= 1;
  });
}
