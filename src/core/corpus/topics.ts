/**
 * Topics: the people, places and organisations articles are about, for `topics/` pages and the
 * links under each article. Names are found by a fast scan (names.ts); the NLP library
 * `compromise` then classifies each distinct name once, from its lexicon of countries, cities,
 * first names and organisations.
 *
 * Thresholds, and why:
 * - a name is an article's topic when the article mentions it at least twice, a mention in the
 *   headline or dek counting too: one passing mention is not what an article is about;
 * - at most 8 topics per article, most mentioned first: enough for navigation, never a tag cloud;
 * - a topic is published only when at least 2 articles mention it: a name only one article
 *   knows is no thread through the news, and the topics index stays free of one-off names.
 */
import nlp from 'compromise';
import { contentDigest } from '../digest.ts';
import type { Topic } from '../model/schema.ts';
import { nameSlug } from '../text/slug.ts';
import { compareStrings, mostCommon } from '../text/text.ts';
import { baseLanguage } from '../text/language.ts';
import { findNames, nameKey, nameRules, type NameRules } from './names.ts';

export interface TopicInput {
  slug: string;
  title: string;
  dek?: string | undefined;
  paragraphs: readonly string[];
  /** BCP 47 language tag; English when absent. */
  lang?: string | undefined;
}

export interface TopicAssignment {
  /** Each article's topics, most mentioned first. */
  byArticle: Map<string, Topic[]>;
  /** Every published topic, by name. */
  topics: Topic[];
}

export const MIN_MENTIONS = 2;
export const MAX_TOPICS_PER_ARTICLE = 8;
export const MIN_ARTICLES_PER_TOPIC = 2;
/**
 * Distinct names kept from one article, the most mentioned: a real article names a few dozen
 * (159 at most in the BBC corpus), and every name kept may cost a call to the NLP library, so
 * a file listing thousands of names must not cost thousands of calls.
 */
export const MAX_NAMES_PER_ARTICLE = 300;
/**
 * Characters of an article scanned for names (the longest BBC article has about 25,000): what
 * an article is about is named in its first part, and the cap bounds one file's cost.
 */
export const MAX_TOPIC_TEXT = 100_000;
/** Characters of the headline and dek searched for each name. */
const MAX_HEADLINE_TEXT = 1_000;

export interface Tally {
  /** Spellings seen, with counts, to show the most common one. */
  spellings: Map<string, number>;
  mentions: number;
  inHeadline: boolean;
  titled: boolean;
}

/**
 * Assigns topics to articles. The result does not depend on the order of the input.
 *
 * @param articles - published articles
 * @param kinds - names classified so far (see {@link NameKinds}); filled in as names are classified
 * @param scan - finds each article's names: on this thread unless the caller shares the work
 */
export function assignTopics(
  articles: readonly TopicInput[],
  kinds: NameKinds = new Map(),
  scan: TopicNameScanner = scanTopicNames,
): TopicAssignment {
  const sorted = [...articles].sort((a, b) => compareStrings(a.slug, b.slug));
  const perArticle = scan(sorted, kinds);
  const mentionedBy = new Map<string, number>();
  const englishNames = new Set<string>();
  for (const { names, mentioned, english } of perArticle) {
    if (english) for (const key of names.keys()) englishNames.add(key);
    for (const key of mentioned) mentionedBy.set(key, (mentionedBy.get(key) ?? 0) + 1);
  }

  const corpus = new Map<string, { spellings: Map<string, number>; titled: boolean }>();
  for (const { names } of perArticle) {
    for (const [key, tally] of names) {
      const entry = corpus.get(key) ?? { spellings: new Map<string, number>(), titled: false };
      entry.titled ||= tally.titled;
      for (const [spelling, count] of tally.spellings) {
        entry.spellings.set(spelling, (entry.spellings.get(spelling) ?? 0) + count);
      }
      corpus.set(key, entry);
    }
  }

  const topicsByKey = new Map<string, Topic>();
  const usedSlugs: SlugRegistry = { used: new Set(), nextSuffix: new Map() };
  for (const key of [...corpus.keys()].sort()) {
    const entry = corpus.get(key);
    if (!entry || (mentionedBy.get(key) ?? 0) < MIN_ARTICLES_PER_TOPIC) continue;
    const name = mostCommon(entry.spellings);
    const kind = classify(name, entry.titled, kinds, englishNames.has(key));
    if (!kind) continue;
    const topic = { name, kind, slug: uniqueSlug(name, kind, usedSlugs) };
    topicsByKey.set(key, topic);
  }

  const byArticle = new Map<string, Topic[]>();
  for (const { slug, names } of perArticle) {
    const topics = [...names.entries()]
      .filter(([key]) => topicsByKey.has(key))
      .sort(([keyA, a], [keyB, b]) => b.mentions - a.mentions || (keyA < keyB ? -1 : 1))
      .slice(0, MAX_TOPICS_PER_ARTICLE)
      .flatMap(([key]) => topicsByKey.get(key) ?? []);
    byArticle.set(slug, topics);
  }
  return {
    byArticle,
    topics: [...topicsByKey.values()].sort(
      (a, b) => a.name.localeCompare(b.name, 'en') || compareStrings(a.slug, b.slug),
    ),
  };
}

/** What {@link scanTopicNames} finds in one article. */
export interface ScannedArticle {
  slug: string;
  /** The names the article is about, by key, with their tallies. */
  names: Map<string, Tally>;
  /** Every name the article mentions at all, for the corpus-level count. */
  mentioned: string[];
  /** Whether the article is in English (whose names need less evidence). */
  english: boolean;
}

/**
 * Finds the names each article mentions, in the order given. Each article is scanned on its own
 * (only `kinds`, a cache, is shared), so a caller may scan parts of a corpus on other threads:
 * {@link assignTopics} takes such a scanner.
 */
export type TopicNameScanner = (articles: readonly TopicInput[], kinds: NameKinds) => ScannedArticle[];

/** What a scan found in one article, kept between builds by the article's text. */
export type RememberedScan = Omit<ScannedArticle, 'slug'>;

/**
 * A scanner that scans only the articles whose text it has not scanned before: what `scan`
 * found in each article is kept in `remembered`, by a hash of everything the scan reads (title,
 * dek, paragraphs, language). A scan depends on nothing else: {@link NameKinds} only caches the
 * classification of a name. After each run `remembered` holds that run's articles only, so it
 * does not grow with every edit. A republish after one article changed scans one article.
 *
 * @param scan - scans the articles not remembered
 * @param remembered - the scans of an earlier run (the build cache's), updated in place
 */
export function rememberingScanner(
  scan: TopicNameScanner,
  remembered: Map<string, RememberedScan>,
): TopicNameScanner {
  return (articles, kinds) => {
    const keys = articles.map(scanKey);
    const unseen = articles.filter((_, index) => !remembered.has(keys[index] ?? ''));
    const scanned = scan(unseen, kinds);
    scanned.forEach(({ names, mentioned, english }, index) => {
      const article = unseen[index];
      if (article) remembered.set(scanKey(article), { names, mentioned, english });
    });
    const used = new Set(keys);
    for (const key of remembered.keys()) if (!used.has(key)) remembered.delete(key);
    return articles.map((article, index) => {
      const found = remembered.get(keys[index] ?? '');
      if (!found) throw new Error(`No scan of article "${article.slug}"`);
      return { slug: article.slug, ...found };
    });
  };
}

/** The hash of what a scan of `article` reads. */
function scanKey(article: TopicInput): string {
  return contentDigest(
    JSON.stringify([article.title, article.dek ?? null, article.paragraphs, article.lang ?? null]),
  );
}

/** The {@link TopicNameScanner} that scans every article on this thread. */
export function scanTopicNames(articles: readonly TopicInput[], kinds: NameKinds): ScannedArticle[] {
  // Names and their evidence are language-specific; a topic is not: "Paris" in an English and a
  // French report is one topic.
  const rulesByLanguage = new Map<string, NameRules>();
  const rulesOf = (tag: string | undefined): NameRules => {
    const language = baseLanguage(tag ?? 'en');
    let rules = rulesByLanguage.get(language);
    if (!rules) rulesByLanguage.set(language, (rules = nameRules(language)));
    return rules;
  };
  return articles.map((article) => {
    const mentioned = new Set<string>();
    const english = baseLanguage(article.lang ?? 'en') === 'en';
    const names = articleNames(article, mentioned, kinds, rulesOf(article.lang), english);
    return { slug: article.slug, names, mentioned: [...mentioned], english };
  });
}

/**
 * The names an article is about, by key, with their tallies; `mentioned` receives every name
 * the article mentions at all, for the corpus-level count.
 */
function articleNames(
  article: TopicInput,
  mentioned: Set<string>,
  kinds: NameKinds,
  rules: NameRules,
  english: boolean,
): Map<string, Tally> {
  const paragraphs = withinBudget(article.paragraphs, MAX_TOPIC_TEXT);
  const tallies = mostMentioned(nameTallies(paragraphs, rules), MAX_NAMES_PER_ARTICLE);
  // Headlines are often in title case, where every word is capitalised: rather than scan them,
  // look for the names the body uses.
  const headline = nameKey(`${article.title} ${article.dek ?? ''}`.slice(0, MAX_HEADLINE_TEXT));
  for (const [key, tally] of tallies) {
    if (containsWords(headline, key)) {
      tally.inHeadline = true;
      tally.mentions += 1;
    }
  }
  mergeSurnames(tallies, kinds, english);
  const lowercaseWords = new Set(
    [article.title, article.dek ?? '', ...paragraphs]
      .join(' ')
      .match(/(?<![\p{L}\p{M}'’-])\p{Ll}[\p{L}\p{M}'’-]*/gu) ?? [],
  );
  for (const [key, tally] of tallies) {
    // "However" or "Police" opening a sentence: the word is written in lowercase elsewhere.
    if (!key.includes(' ') && lowercaseWords.has(key)) {
      tallies.delete(key);
      continue;
    }
    mentioned.add(key);
    if (tally.mentions < MIN_MENTIONS && !tally.inHeadline) tallies.delete(key);
  }
  return tallies;
}

/** The leading paragraphs holding at most `budget` characters, the last one cut to fit. */
function withinBudget(paragraphs: readonly string[], budget: number): string[] {
  const kept: string[] = [];
  let left = budget;
  for (const paragraph of paragraphs) {
    if (left <= 0) break;
    kept.push(paragraph.length <= left ? paragraph : paragraph.slice(0, left));
    left -= paragraph.length;
  }
  return kept;
}

/** Every name the paragraphs mention, by key, with its tally. */
function nameTallies(paragraphs: readonly string[], rules: NameRules): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  for (const paragraph of paragraphs) {
    for (const mention of findNames(paragraph, rules)) {
      const key = nameKey(mention.name);
      const tally = tallies.get(key) ?? {
        spellings: new Map(),
        mentions: 0,
        inHeadline: false,
        titled: false,
      };
      tally.mentions += 1;
      tally.titled ||= mention.titled;
      tally.spellings.set(mention.name, (tally.spellings.get(mention.name) ?? 0) + 1);
      tallies.set(key, tally);
    }
  }
  return tallies;
}

/**
 * The `limit` most mentioned names (ties in order of first mention); all of them when there
 * are no more.
 */
function mostMentioned(tallies: Map<string, Tally>, limit: number): Map<string, Tally> {
  if (tallies.size <= limit) return tallies;
  // A stable sort keeps first-mention order among equals, so the choice is deterministic.
  const kept = [...tallies].sort(([, a], [, b]) => b.mentions - a.mentions).slice(0, limit);
  return new Map(kept);
}

function containsWords(text: string, words: string): boolean {
  let from = text.indexOf(words);
  while (from !== -1) {
    const before = text[from - 1];
    const after = text[from + words.length];
    if (
      (before === undefined || !/[\p{L}\p{N}]/u.test(before)) &&
      (after === undefined || !/[\p{L}\p{N}]/u.test(after))
    ) {
      return true;
    }
    from = text.indexOf(words, from + 1);
  }
  return false;
}

/**
 * "Putin" after "Vladimir Putin" in the same article is the same person: a one-word name that
 * ends exactly one longer name of a person adds its mentions to it. Ambiguous ones ("Brown"
 * with two Browns) and places ("Afghanistan" in "Taliban Afghanistan") are left alone.
 */
function mergeSurnames(tallies: Map<string, Tally>, kinds: NameKinds, english: boolean): void {
  // Long names by their last word: each one-word name looks up its possible owners directly
  // instead of comparing with every long name (quadratic in the names of one article).
  const byLastWord = new Map<string, string[]>();
  for (const key of tallies.keys()) {
    const space = key.lastIndexOf(' ');
    if (space === -1) continue;
    const last = key.slice(space + 1);
    const owners = byLastWord.get(last);
    if (owners) owners.push(key);
    else byLastWord.set(last, [key]);
  }
  // Classifying is the slow part: only long names that some one-word name could belong to.
  const isPerson = (key: string): boolean => {
    const tally = tallies.get(key);
    return (
      tally !== undefined && classify(mostCommon(tally.spellings), tally.titled, kinds, english) === 'person'
    );
  };
  for (const [key, tally] of [...tallies]) {
    if (key.includes(' ')) continue;
    const owners = (byLastWord.get(key) ?? []).filter(isPerson);
    const owner = owners.length === 1 ? tallies.get(owners[0] ?? '') : undefined;
    if (!owner) continue;
    owner.mentions += tally.mentions;
    owner.inHeadline ||= tally.inHeadline;
    owner.titled ||= tally.titled;
    tallies.delete(key);
  }
}

const ORGANISATION_WORDS =
  /\b(?:bank|ministry|party|union|council|committee|court|police|agency|company|group|university|democrats|association|commission|office|department|corporation|inc|ltd|plc|fc|united|federation|league|institute|foundation|army|forces|parliament|assembly|congress|senate|government|organisation|organization|nations)\b/i;
/**
 * The same words in the other languages whose titles are known (names.ts): "Banque de France",
 * "Partido Popular", "Deutsche Bank AG". `(?<![\p{L}])…(?![\p{L}])` where `\b` would end a
 * word at an accented letter.
 */
const OTHER_ORGANISATION_WORDS =
  /(?<![\p{L}])(?:banque|banco|banca|ministère|ministerio|ministero|ministerium|ministério|parti|partido|partito|partei|partij|syndicat|sindicato|gewerkschaft|conseil|consejo|consiglio|conselho|tribunal|tribunale|gericht|agence|agencia|agenzia|agentur|société|sociedad|società|sociedade|gesellschaft|université|universidad|università|universidade|universität|universiteit|commission|comisión|commissione|comissão|kommission|assemblée|asamblea|assemblea|sénat|senado|senato|gobierno|governo|gouvernement|regierung|regering|armée|ejército|esercito|exército|polizei|policía|polizia|polícia|ag|gmbh|sa|sarl|spa|srl|bv|nv)(?![\p{L}])/iu;

/**
 * What each name was classified as (`null`: no topic), by `t`/`-` (titled or not) + name.
 * Classifying a name with the NLP library is the slow part of topics, so each name is
 * classified once per run; a caller may keep the map between builds (it must drop it when the
 * code or the NLP library changes).
 */
export type NameKinds = Map<string, Topic['kind'] | null>;

/**
 * People, places or organisations: by the lexicon of `compromise`, with an organisation word
 * ("Bank of England") or a personal title ("President …") as stronger evidence. A single word
 * the lexicon knows as another part of speech ("However", "Labour" the verb) is no topic.
 *
 * The lexicon is English. A name found only in other languages' articles is a topic when the
 * lexicon knows it as a person or place ("Emmanuel Macron", "Lyon"), when it has an organisation
 * word or is an acronym ("SNCF"), or when a title stood before it — not merely for being a
 * capitalised noun: German capitalises every noun, and "Regierung" names no one.
 */
function classify(
  name: string,
  titled: boolean,
  kinds: NameKinds,
  english: boolean,
): Topic['kind'] | undefined {
  const cacheKey = `${titled ? 't' : '-'}${english ? '' : '*'}${name}`;
  const known = kinds.get(cacheKey);
  if (known !== undefined) return known ?? undefined;
  let kind: Topic['kind'] | undefined;
  // Alone, an organisation word in another language is a common noun ("Regierung", "Polizei").
  const foreignOrganisation = !english && name.includes(' ') && OTHER_ORGANISATION_WORDS.test(name);
  if (ORGANISATION_WORDS.test(name) || foreignOrganisation) kind = 'organisation';
  else if (titled) kind = 'person';
  else if (english) kind = lexiconKind(name);
  else kind = /^\p{Lu}{2,6}$/u.test(name) ? 'organisation' : lexiconKind(name, { knownNamesOnly: true });
  kinds.set(cacheKey, kind ?? null);
  return kind;
}

/**
 * The kind the NLP library's lexicon gives a name. The library is third-party code fed with
 * article text: should it ever throw on some input, that name is simply no topic.
 */
function lexiconKind(name: string, { knownNamesOnly = false } = {}): Topic['kind'] | undefined {
  let sentences: ReturnType<typeof nlp>['docs'];
  try {
    // The tags compromise gives each term, read directly: the same decisions as
    // `doc.has('#Demonym')`, `doc.people().found` and so on (identical on all 26,607 capitalised
    // phrases of the BBC corpus), without compiling a match per question (1.6× faster).
    sentences = nlp(name).docs;
  } catch {
    return undefined;
  }
  const anyTerm = (tag: string): boolean =>
    sentences.some((terms) => terms.some((term) => term.tags?.has(tag)));
  const onlyTerm = (tag: string): boolean =>
    sentences.some((terms) => terms.length === 1 && terms[0]?.tags?.has(tag) === true);
  // "European", "British": words describing where something is from, not what it is about.
  if (anyTerm('Demonym') || onlyTerm('Adjective')) return undefined;
  if (anyTerm('Person')) return 'person';
  if (anyTerm('Place') || anyTerm('Address')) return 'place';
  if (anyTerm('Organization')) return 'organisation';
  if (knownNamesOnly) return undefined;
  if (name.includes(' ') || onlyTerm('Noun')) return 'organisation';
  return undefined;
}

/** Slugs taken so far, and the next number to try for each `{base}-{kind}`. */
interface SlugRegistry {
  used: Set<string>;
  nextSuffix: Map<string, number>;
}

function uniqueSlug(name: string, kind: Topic['kind'], registry: SlugRegistry): string {
  const { used, nextSuffix } = registry;
  const base = nameSlug(name, 'topic');
  let slug = used.has(base) ? `${base}-${kind}` : base;
  // Numbering resumes where it stopped for this base: many names with one base stay linear.
  const stem = `${base}-${kind}`;
  let n = nextSuffix.get(stem) ?? 2;
  while (used.has(slug)) slug = `${stem}-${n++}`;
  nextSuffix.set(stem, n);
  used.add(slug);
  return slug;
}
