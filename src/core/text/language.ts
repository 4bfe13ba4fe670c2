/**
 * The language an article is written in, and what follows from it: the direction of its script
 * and the stop words its terms are counted without. Detection is `eld` (Efficient Language
 * Detector: n-gram tables for 60 languages, about 0.1 ms for a lead paragraph); stop words come
 * from the `stopword` package, which covers 60 languages too.
 */
import { eld } from 'eld/medium';
import stopword from 'stopword';

/**
 * Characters of text handed to the detector: a headline and a lead paragraph or two name the
 * language beyond doubt, and the bound keeps a 1 MB file as cheap as a short one.
 */
export const DETECTION_CHARS = 1500;
/**
 * Letters a text needs before its language is trusted: shorter texts ("Brexit", a list of
 * names) fit several languages, and the site's language is the better guess for them.
 */
export const MIN_DETECTION_LETTERS = 40;

/**
 * Detects the language of a text.
 *
 * @param text - a headline and the start of the body
 * @returns an ISO 639-1 code (`en`, `fr`, `ar`), or undefined when the text is too short or the
 *   detector is not confident
 */
export function detectLanguage(text: string): string | undefined {
  const sample = text.slice(0, DETECTION_CHARS);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_DETECTION_LETTERS) return undefined;
  const result = eld.detect(sample);
  return result.language && result.isReliable() ? result.language : undefined;
}

/**
 * The canonical form of a language tag written by a person (`FR`, `pt_br`, `en-gb`), or
 * undefined when it is not a tag.
 *
 * @param raw - a tag from front matter or a setting
 */
export function canonicalLanguage(raw: string): string | undefined {
  try {
    const [tag] = Intl.getCanonicalLocales(raw.trim().replace(/_/g, '-'));
    return tag && /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(tag) ? tag : undefined;
  } catch {
    return undefined;
  }
}

/** The language subtag of a tag: `pt` of `pt-BR`. */
export function baseLanguage(tag: string): string {
  return tag.split('-')[0]?.toLowerCase() ?? tag;
}

interface TextInfo {
  direction?: string;
}

/**
 * The direction text in this language runs, from the platform's locale data (CLDR):
 * `rtl` for Arabic, Hebrew, Persian, Urdu…
 *
 * @param tag - a BCP 47 language tag
 */
export function textDirection(tag: string): 'ltr' | 'rtl' {
  try {
    // getTextInfo() since Node 24 (and current browsers); the older getter before it.
    const locale = new Intl.Locale(tag) as Intl.Locale & {
      getTextInfo?: () => TextInfo;
      textInfo?: TextInfo;
    };
    const info = locale.getTextInfo?.() ?? locale.textInfo;
    return info?.direction === 'rtl' ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

/** ISO 639-1 → the `stopword` package's list, for the languages it has. */
const STOP_LISTS: Record<string, readonly string[]> = {
  af: stopword.afr,
  ar: stopword.ara,
  bg: stopword.bul,
  bn: stopword.ben,
  br: stopword.bre,
  ca: stopword.cat,
  cs: stopword.ces,
  da: stopword.dan,
  de: stopword.deu,
  el: stopword.ell,
  en: stopword.eng,
  eo: stopword.epo,
  es: stopword.spa,
  et: stopword.est,
  eu: stopword.eus,
  fa: stopword.fas,
  fi: stopword.fin,
  fr: stopword.fra,
  ga: stopword.gle,
  gl: stopword.glg,
  gu: stopword.guj,
  ha: stopword.hau,
  he: stopword.heb,
  hi: stopword.hin,
  hr: stopword.hrv,
  hu: stopword.hun,
  hy: stopword.hye,
  id: stopword.ind,
  it: stopword.ita,
  ja: stopword.jpn,
  ko: stopword.kor,
  ku: stopword.kur,
  la: stopword.lat,
  lt: stopword.lit,
  lv: stopword.lav,
  mr: stopword.mar,
  ms: stopword.msa,
  my: stopword.mya,
  nb: stopword.nob,
  nl: stopword.nld,
  no: stopword.nob,
  pa: stopword.panGu,
  pl: stopword.pol,
  pt: stopword.por,
  ro: stopword.ron,
  ru: stopword.rus,
  sk: stopword.slk,
  sl: stopword.slv,
  so: stopword.som,
  st: stopword.sot,
  sv: stopword.swe,
  sw: stopword.swa,
  th: stopword.tha,
  tl: stopword.tgl,
  tr: stopword.tur,
  uk: stopword.ukr,
  ur: stopword.urd,
  vi: stopword.vie,
  yo: stopword.yor,
  zh: stopword.zho,
  zu: stopword.zul,
};

/** Built once at load (a few milliseconds): constant data, not a cache of anything read. */
const STOP_SETS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(STOP_LISTS).map(([language, words]) => [
    language,
    new Set(words.map((w) => w.toLowerCase())),
  ]),
);
const NO_STOP_WORDS: ReadonlySet<string> = new Set();

/**
 * The stop words of a language, lowercased; an empty set for a language without a list (its
 * terms are then weighed by IDF alone, which still weighs common words down).
 *
 * @param tag - a BCP 47 language tag
 */
export function stopWordsOf(tag: string): ReadonlySet<string> {
  return STOP_SETS.get(baseLanguage(tag)) ?? NO_STOP_WORDS;
}

/** Languages written without spaces between words: their words are found by the platform's segmenter. */
const UNSPACED = new Set(['zh', 'ja', 'th', 'lo', 'km', 'my', 'bo']);

/** True for a language written without spaces between words (Chinese, Japanese, Thai…). */
export function isUnspaced(tag: string): boolean {
  return UNSPACED.has(baseLanguage(tag));
}

/**
 * The comparable words of a text in a language: lower case, NFKC, letters with their combining
 * marks (Arabic vowel signs, Devanagari matras) kept inside the word. In English an apostrophe
 * is dropped ("Russia’s" → "russias", as in duplicate detection); in other languages it
 * separates an elided article from its word ("l’inflation" → "l", "inflation"). Chinese,
 * Japanese, Thai and others without spaces are cut into words by `Intl.Segmenter`.
 *
 * @param text - any text
 * @param tag - the text's language
 */
export function wordsOf(text: string, tag: string): string[] {
  const language = baseLanguage(tag);
  const normal = text.normalize('NFKC').toLowerCase();
  if (isUnspaced(language)) {
    const words: string[] = [];
    for (const part of new Intl.Segmenter(language, { granularity: 'word' }).segment(normal)) {
      if (part.isWordLike) words.push(part.segment);
    }
    return words;
  }
  const apostrophes = language === 'en' ? normal.replace(/[’'‘`´]/g, '') : normal.replace(/[’'‘`´]/g, ' ');
  return apostrophes.match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu) ?? [];
}
