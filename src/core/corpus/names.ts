/**
 * Candidate names in article text: runs of capitalised words ("Amir Khan Muttaqi", "Bank of
 * England", "Taliban") and acronyms ("BBC"), normalised (no possessive, no leading "the", no
 * title such as "President"), with a count per article. A fast scan, so that the NLP library
 * only has to classify the few distinct names that survive, not parse every sentence.
 */
import { eng } from 'stopword';

export interface NameMention {
  /** Normalised name. */
  name: string;
  /** A title such as "President" or "Mr" stood before it: evidence that it names a person. */
  titled: boolean;
}

// Capitalised words, joined by spaces or by a lowercase connector inside names ("Bank of England").
const CAPITALISED = String.raw`[\p{Lu}][\p{L}\p{M}'’.-]*`;
const NAME_RUN = new RegExp(
  String.raw`${CAPITALISED}(?:\s+(?:(?:of|de|del|da|al|bin|von|van|la|le)\s+)?${CAPITALISED})*`,
  'gu',
);

/** Titles that precede personal names; stripped from the name and kept as evidence. */
const PERSON_TITLES = new Set(
  `mr mrs ms miss dr sir dame lord lady president minister secretary ambassador chancellor senator governor
  mayor judge general colonel captain king queen prince princess pope prime foreign deputy chief spokesman
  spokeswoman spokesperson chairman chairwoman professor prof rev father saint st`.split(/\s+/),
);

/** Capitalised words that are never topics on their own: calendar words and generic nouns. */
const NOT_NAMES = new Set(
  `monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december today yesterday tomorrow government minister ministry president
  official officials police people news report reports statement source sources world state states
  country city party parliament court company group week year years day month mr mrs ms dr by updated
  published breaking exclusive analysis opinion comment editorial press team staff reporter correspondent
  tv mp mps ceo gmt bst am pm ad bc ok`.split(/\s+/),
);
const STOP_WORDS = new Set(eng);

/** Longest name kept: longer capitalised runs are headlines or titles of works, not names. */
const MAX_NAME_WORDS = 5;
/**
 * Longest word a name may hold ("Llanfairpwllgwyngyll" has 20 letters): a longer capitalised
 * "word" is a code or junk, and testing it for possessives and punctuation would cost its
 * length again for every position in it.
 */
const MAX_NAME_WORD_LENGTH = 40;

/**
 * Finds the names mentioned in one text.
 *
 * @param text - a headline, dek or paragraph
 * @returns one mention per occurrence, in order
 */
export function findNames(text: string): NameMention[] {
  const mentions: NameMention[] = [];
  for (const match of text.matchAll(NAME_RUN)) {
    for (const segment of segments(match[0].split(/\s+/))) {
      // A title ends the descriptive part of a run: in "Afghan Foreign Minister Amir Khan
      // Muttaqi" the name is what follows the last title word.
      const lastTitle = segment.findLastIndex((word) => PERSON_TITLES.has(word.toLowerCase()));
      const words = segment.slice(lastTitle + 1);
      while (words.length > 0 && isFunctionWord(words[0] ?? '')) words.shift();
      const name = words.join(' ');
      if (isPlausibleName(name, words.length)) mentions.push({ name, titled: lastTitle >= 0 });
    }
  }
  return mentions;
}

/**
 * Splits a run of capitalised words where a name must end: after a possessive ("Russia’s
 * Foreign Ministry" is two names) and at punctuation ("… the BBC. However, …").
 */
function segments(rawWords: readonly string[]): string[][] {
  const result: string[][] = [[]];
  for (const raw of rawWords) {
    if (raw.length > MAX_NAME_WORD_LENGTH) {
      result.push([]);
      continue;
    }
    // "Taliban-led": the name is the capitalised part, and the compound ends the name.
    const compound = /^([\p{Lu}][\p{L}\p{M}'’]*)-\p{Ll}/u.exec(raw);
    const word = trimWord(compound?.[1] ?? raw);
    if (word) result[result.length - 1]?.push(word);
    const endsName =
      compound !== null ||
      /['’]s\W*$/u.test(raw) ||
      (/[.,;:!?)"”]$/u.test(raw) && !/^(?:\p{Lu}\.)+$/u.test(raw));
    if (endsName) result.push([]);
  }
  return result.filter((words) => words.length > 0);
}

function isFunctionWord(word: string): boolean {
  const lower = word.toLowerCase();
  return lower === 'the' || STOP_WORDS.has(lower);
}

/** Removes a possessive and surrounding punctuation: "Russia’s" → "Russia", "Kabul." → "Kabul". */
function trimWord(word: string): string {
  return word.replace(/['’]s$/u, '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

function isPlausibleName(name: string, wordCount: number): boolean {
  if (wordCount === 0 || wordCount > MAX_NAME_WORDS || name.length < 2) return false;
  const lower = name.toLowerCase();
  if (NOT_NAMES.has(lower) || STOP_WORDS.has(lower)) return false;
  // A run of capitals longer than an acronym is shouting (an ALL-CAPS headline), not a name.
  if (wordCount > 1 && name === name.toUpperCase()) return false;
  if (wordCount === 1 && name.length > 6 && name === name.toUpperCase()) return false;
  return /\p{Ll}|^[\p{Lu}]{2,6}$/u.test(name);
}

/**
 * The key two spellings of one name share: case, dots in acronyms and spacing ignored.
 *
 * @param name - a normalised name
 */
export function nameKey(name: string): string {
  return name.toLowerCase().replace(/\./g, '').replace(/\s+/g, ' ');
}
