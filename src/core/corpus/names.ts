/**
 * Candidate names in article text: runs of capitalised words ("Amir Khan Muttaqi", "Bank of
 * England", "Taliban") and acronyms ("BBC"), normalised (no possessive, no leading "the", no
 * title such as "President"), with a count per article. A fast scan, so that the NLP library
 * only has to classify the few distinct names that survive, not parse every sentence.
 */
import { baseLanguage, stopWordsOf } from '../text/language.ts';

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

/**
 * Titles that precede personal names; stripped from the name and kept as evidence. Not "St" or
 * "Saint": in the news they name places ("St Petersburg", "St. Louis") far more than people.
 */
const ENGLISH_TITLES = new Set(
  `mr mrs ms miss dr sir dame lord lady president minister secretary ambassador chancellor senator governor
  mayor judge general colonel captain king queen prince princess pope prime foreign deputy chief spokesman
  spokeswoman spokesperson chairman chairwoman professor prof rev father`.split(/\s+/),
);

/** The same in other languages: a title is evidence of a person whatever the article's language. */
const OTHER_TITLES: Readonly<Record<string, string>> = {
  de: 'herr frau dr prof präsident präsidentin minister ministerin kanzler kanzlerin bundeskanzler bundeskanzlerin bürgermeister bürgermeisterin',
  es: 'sr sra señor señora don doña presidente presidenta ministro ministra alcalde alcaldesa rey reina',
  fr: 'm mme mlle monsieur madame président présidente ministre maire roi reine',
  it: 'sig sig.ra signor signora presidente ministro ministra sindaco re regina',
  nl: 'dhr mevr heer mevrouw president premier minister burgemeester koning koningin',
  pt: 'sr sra senhor senhora presidente presidenta ministro ministra prefeito rei rainha',
};

/** Capitalised words that are never topics on their own: calendar words and generic nouns. */
const NOT_NAMES = new Set(
  `monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december today yesterday tomorrow government minister ministry president
  official officials police people news report reports statement source sources world state states
  country city party parliament court company group week year years day month mr mrs ms dr by updated
  published breaking exclusive analysis opinion comment editorial press team staff reporter correspondent
  tv mp mps ceo gmt bst am pm ad bc ok`.split(/\s+/),
);

/** What tells a name from other capitalised words, in one language. */
export interface NameRules {
  /** Function words: never a name, and stripped from a name's start ("The", "Die", "Le"). */
  stopWords: ReadonlySet<string>;
  /** Capitalised words that are no topic alone: calendar words and generic nouns. */
  notNames: ReadonlySet<string>;
  /** Titles before a person's name. */
  titles: ReadonlySet<string>;
}

/**
 * The rules for names in a language: its stop words, its month and weekday names (from the
 * platform's locale data) and its personal titles, with the English ones kept, since English
 * words and titles turn up in every language's news.
 *
 * @param tag - the article's language
 */
export function nameRules(tag: string): NameRules {
  const language = baseLanguage(tag);
  if (language === 'en') return ENGLISH_RULES;
  const calendar = calendarWords(language);
  return {
    stopWords: new Set([...stopWordsOf(language), ...ENGLISH_RULES.stopWords]),
    notNames: new Set([...NOT_NAMES, ...calendar]),
    titles: new Set([...ENGLISH_TITLES, ...(OTHER_TITLES[language] ?? '').split(/\s+/).filter(Boolean)]),
  };
}

/** Month and weekday names of a language, lowercased ("janvier", "Montag" → "montag"). */
function calendarWords(language: string): string[] {
  // A language the platform has no data for would get the build machine's own month names.
  if (Intl.DateTimeFormat.supportedLocalesOf(language).length === 0) return [];
  let months: Intl.DateTimeFormat;
  let weekdays: Intl.DateTimeFormat;
  try {
    months = new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' });
    weekdays = new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' });
  } catch {
    return [];
  }
  const words: string[] = [];
  for (let month = 0; month < 12; month += 1) {
    words.push(months.format(Date.UTC(2024, month, 15)).toLowerCase());
  }
  // 1 January 2024 was a Monday: seven days from it name every weekday.
  for (let day = 1; day <= 7; day += 1) words.push(weekdays.format(Date.UTC(2024, 0, day)).toLowerCase());
  return words;
}

const ENGLISH_RULES: NameRules = {
  stopWords: new Set(stopWordsOf('en')),
  notNames: NOT_NAMES,
  titles: ENGLISH_TITLES,
};

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
 * @param rules - the rules of the text's language ({@link nameRules}); English by default
 * @returns one mention per occurrence, in order
 */
export function findNames(text: string, rules: NameRules = ENGLISH_RULES): NameMention[] {
  const mentions: NameMention[] = [];
  for (const match of text.matchAll(NAME_RUN)) {
    // French, Spanish, Italian and Portuguese write titles in lower case, before the run: "le
    // président Macron", "el presidente Sánchez".
    const titledBefore = rules.titles.has(wordBefore(text, match.index).toLowerCase());
    segments(match[0].split(/\s+/), rules).forEach((segment, index) => {
      // A title ends the descriptive part of a run: in "Afghan Foreign Minister Amir Khan
      // Muttaqi" the name is what follows the last title word.
      const lastTitle = segment.findLastIndex((word) => rules.titles.has(word.toLowerCase()));
      const words = segment.slice(lastTitle + 1);
      while (words.length > 0 && isFunctionWord(words[0] ?? '', rules)) words.shift();
      const name = words.join(' ');
      const titled = lastTitle >= 0 || (index === 0 && titledBefore);
      if (isPlausibleName(name, words.length, rules)) mentions.push({ name, titled });
    });
  }
  return mentions;
}

/** The word just before `index` in `text` (looked for in at most 40 characters), or "". */
function wordBefore(text: string, index: number): string {
  return /([\p{L}\p{M}]+)\.?\s+$/u.exec(text.slice(Math.max(0, index - 40), index))?.[1] ?? '';
}

/**
 * Splits a run of capitalised words where a name must end: after a possessive ("Russia’s
 * Foreign Ministry" is two names) and at punctuation ("… the BBC. However, …").
 */
function segments(rawWords: readonly string[], rules: NameRules): string[][] {
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
    // "Mr. Smith", "Sra. Ruiz": the full stop of a title ends no name.
    const isTitle = rules.titles.has(word.toLowerCase());
    const endsName =
      !isTitle &&
      (compound !== null ||
        /['’]s\W*$/u.test(raw) ||
        (/[.,;:!?)"”]$/u.test(raw) && !/^(?:\p{Lu}\.)+$/u.test(raw)));
    if (endsName) result.push([]);
  }
  return result.filter((words) => words.length > 0);
}

function isFunctionWord(word: string, rules: NameRules): boolean {
  const lower = word.toLowerCase();
  return lower === 'the' || rules.stopWords.has(lower);
}

/** Removes a possessive and surrounding punctuation: "Russia’s" → "Russia", "Kabul." → "Kabul". */
function trimWord(word: string): string {
  return word.replace(/['’]s$/u, '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

function isPlausibleName(name: string, wordCount: number, rules: NameRules): boolean {
  if (wordCount === 0 || wordCount > MAX_NAME_WORDS || name.length < 2) return false;
  const lower = name.toLowerCase();
  if (rules.notNames.has(lower) || rules.stopWords.has(lower)) return false;
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
