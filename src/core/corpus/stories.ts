/**
 * Stories: different reports of the same event, grouped — by group-to-centroid agglomeration
 * over a sparse nearest-neighbour graph of TF-IDF vectors. Measured against hand labels by
 * `npx node bench/story-quality.ts` (README, "Duplicates and stories").
 *
 * 1. Representation: each report is a TF-IDF vector (sublinear TF × smoothed IDF over the corpus
 *    plus BACKGROUND_DOCUMENTS assumed others, L2-normalised) over content words of its headline
 *    (counted twice) and the first BODY_CHARS characters of its body (stop words and numbers
 *    out): the lead tells what event a report is about.
 * 2. Candidates: a sparse k-nearest-neighbour graph. Every report's topTerms heaviest terms go
 *    into an inverted index, whose list for a term keeps the maxPostings reports where it
 *    weighs most. Each report accumulates partial dot products over its queryTerms heaviest
 *    terms, computes the exact cosine of the `candidates` best and links to its `neighbours`
 *    most similar at or above minLink (DEFAULT_STORY_OPTIONS). The cost is bounded by the
 *    posting cap, not by the number of pairs.
 * 3. Time: when both reports (or both groups) are dated, a similarity is multiplied by
 *    exp(-(gap / DECAY_DAYS)²): days apart costs almost nothing, six weeks apart nearly all —
 *    no hard window, so a developing story that runs for weeks stays joined through its reports.
 * 4. Clustering: group-to-centroid agglomeration over the graph's links, strongest link first,
 *    repeated until nothing merges (at most `passes`). Two groups merge when the members of the
 *    smaller one are, on average, at least STORY_SIMILARITY similar to the larger group's
 *    centroid (for two single reports: their cosine). A large developing story has a centroid
 *    that each of its reports resembles more than it resembles any single other report, so
 *    reports in varied words still join it; a report that shares one paragraph with a group
 *    does not resemble its centroid, so one shared quote or paragraph cannot chain unrelated
 *    groups together; nor can a group that resembles the other only through the one member the
 *    link came from (BRIDGE: a roundup quoting two stories), nor through one shared word alone
 *    (ONE_WORD: a name that recurs in unrelated events). Centroids keep their
 *    `centroidTerms` heaviest terms, so a merge check costs the same for a story of 5 reports or
 *    500, and a merge relabels only through union-find.
 *
 * 5. Languages: reports are grouped with the reports in their own language only, each language
 *    with its own stop words and its own IDF — a word's weight is how rare it is among the texts
 *    that could use it. A report and its translation are two stories, one per language.
 *
 * What it replaced (average link at cosine 0.33 inside a hard 7-day window) kept precision but
 * split large coverage into dozens of stories; its scores are printed beside this method's.
 */
import { baseLanguage, isUnspaced, stopWordsOf, wordsOf } from '../text/language.ts';
import { compareStrings } from '../text/text.ts';
import { agglomerate } from './story-clusters.ts';
import { neighbourLinks } from './story-graph.ts';
import { dayNumber } from './story-time.ts';
import { tfidfVectors } from './tfidf.ts';

/** Tuning of the grouping; the defaults are the shipped method (bench/story-quality.ts). */
export interface StoryOptions {
  /** Terms per report put into the candidate index. */
  topTerms: number;
  /** Of those, the terms a report looks its candidates up by. */
  queryTerms: number;
  /** Reports a term's posting list keeps: those where the term weighs most. */
  maxPostings: number;
  /** Links kept per report (its nearest neighbours). */
  neighbours: number;
  /** Candidates per report whose exact cosine is computed. */
  candidates: number;
  /** The weakest (time-decayed) cosine that is a link at all. */
  minLink: number;
  /** Mean similarity of the smaller group's members to the larger group's centroid to merge. */
  merge: number;
  /** Terms kept in a group's centroid. */
  centroidTerms: number;
  /** Scale of the time decay, in days. */
  decayDays: number;
  /** Passes over the links (a pass after merges can join what the merges made similar). */
  passes: number;
  /** Characters of the body read for terms (see {@link BODY_CHARS}). */
  bodyChars: number;
  /** Documents assumed to exist besides the corpus, none holding any of its terms. */
  backgroundDocuments: number;
  /** Share of `merge` the similarity must keep without its largest single word (see ONE_WORD). */
  oneWord: number;
  /** Share of `merge` a group must keep without the member a link came from; 0 for no check. */
  bridge: number;
}

/**
 * Characters of a body read for its terms: the lead says what event a report is about, and the
 * rest adds background that links unrelated reports (3,000 scored better on both labelled sets
 * than the whole text, and tokenises a third as much). It also bounds the work one huge file
 * costs.
 */
export const BODY_CHARS = 3000;
/**
 * Mean similarity to a group's centroid at which a report (or group) joins it. Chosen on the
 * labelled sets (bench/story-quality.ts): 0.28 gave BBC pairwise precision 0.71 / recall 0.50,
 * 0.25 gives 0.70 / 0.55 with story-chains unchanged, 0.22 lets awards ceremonies merge
 * (precision 0.63).
 */
export const STORY_SIMILARITY = 0.25;
/**
 * Documents the IDF assumes besides the corpus, none of them using the corpus's words. A site of
 * 13 files, 10 of them one event, would otherwise take the event's own words ("ferry", its name)
 * for common words and weigh them down until its reports looked unrelated (they stayed 8
 * stories; with 100 or more assumed documents, one). In a corpus of a few thousand it changes
 * nothing measurable (bench/story-quality.ts).
 */
export const BACKGROUND_DOCUMENTS = 300;
/**
 * Share of STORY_SIMILARITY a group must keep without the member a link came from (see
 * leansOnOneMember). Any value from 0.3 to 0.7 kept a three-file roundup from joining two
 * stories and kept every labelled score (bench/story-quality.ts); 0.5 is the middle.
 */
export const BRIDGE = 0.5;
/**
 * Share of STORY_SIMILARITY two groups must keep without the one word they share most. A name
 * in many unrelated events (a minister, a club) must not pull them into one story: in the
 * synthetic 10,000-article benchmark corpus, whose names recur across events, one name made a
 * story of 39 reports of about ten events (0.5: largest 8); the labelled scores are unchanged
 * up to 0.7.
 */
export const ONE_WORD = 0.5;
/** Days at which a dated pair's similarity is multiplied by 1/e. */
export const DECAY_DAYS = 30;

export const DEFAULT_STORY_OPTIONS: StoryOptions = {
  topTerms: 30,
  queryTerms: 20,
  maxPostings: 100,
  neighbours: 10,
  candidates: 15,
  minLink: 0.1,
  merge: STORY_SIMILARITY,
  centroidTerms: 300,
  decayDays: DECAY_DAYS,
  passes: 4,
  bodyChars: BODY_CHARS,
  backgroundDocuments: BACKGROUND_DOCUMENTS,
  bridge: BRIDGE,
  oneWord: ONE_WORD,
};

/** A longer "word" is a code, a link or junk, never a term two reports share. */
const MAX_TERM_LENGTH = 40;

export interface StoryDocument {
  title: string;
  body: string;
  /** `YYYY-MM-DD…` or undefined. */
  date?: string | undefined;
  /** BCP 47 language tag; English when absent. */
  lang?: string | undefined;
}

/** Words of news English too common to tell events apart, beyond the stop-word list. */
const ENGLISH_NEWS_WORDS = ['said', 'says', 'also', 'would', 'could', 'one', 'two', 'new'];
const ENGLISH_STOP = new Set([...stopWordsOf('en'), ...ENGLISH_NEWS_WORDS]);

export interface StoryLink {
  a: number;
  b: number;
  /** Cosine similarity of the two TF-IDF vectors, time-decayed when both are dated. */
  similarity: number;
}

/**
 * The links of the nearest-neighbour graph, strongest first. Exposed for diagnostics.
 *
 * @param documents - one entry per published article
 * @param options - tuning (the shipped defaults unless a benchmark tries others)
 */
export function storyLinks(
  documents: readonly StoryDocument[],
  options: StoryOptions = DEFAULT_STORY_OPTIONS,
): StoryLink[] {
  return byLanguage(documents, options, false).links;
}

/**
 * Groups documents into stories.
 *
 * @param documents - one entry per published article
 * @param options - tuning (the shipped defaults unless a benchmark tries others)
 * @returns clusters of document indexes (every document in exactly one cluster; each cluster
 *   sorted, clusters ordered by their first index)
 */
export function groupStories(
  documents: readonly StoryDocument[],
  options: StoryOptions = DEFAULT_STORY_OPTIONS,
): number[][] {
  return storiesAndLinks(documents, options).clusters;
}

/**
 * {@link groupStories}, with the nearest-neighbour links it grouped by (strongest first within
 * each language): related reading is chosen from the same links, so it costs no second
 * comparison of the corpus.
 *
 * @param documents - one entry per published article
 * @param options - tuning (the shipped defaults unless a benchmark tries others)
 */
export function storiesAndLinks(
  documents: readonly StoryDocument[],
  options: StoryOptions = DEFAULT_STORY_OPTIONS,
): { clusters: number[][]; links: StoryLink[] } {
  return byLanguage(documents, options, true);
}

/** Links (and, when asked, clusters) of each language's documents, in indexes of the whole list. */
function byLanguage(
  documents: readonly StoryDocument[],
  options: StoryOptions,
  cluster: boolean,
): { clusters: number[][]; links: StoryLink[] } {
  const languages = new Map<string, number[]>();
  documents.forEach((document, index) => {
    const language = baseLanguage(document.lang ?? 'en');
    const members = languages.get(language);
    if (members) members.push(index);
    else languages.set(language, [index]);
  });
  const clusters: number[][] = [];
  const links: StoryLink[] = [];
  for (const [language, members] of [...languages].sort(([a], [b]) => compareStrings(a, b))) {
    const own = oneLanguage(
      members.map((index) => documents[index] as StoryDocument),
      language,
      options,
      cluster,
    );
    // Back from positions in this language's list to positions in the whole list.
    const global = (position: number): number => members[position] as number;
    for (const group of own.clusters) clusters.push(group.map(global));
    for (const link of own.links) links.push({ ...link, a: global(link.a), b: global(link.b) });
  }
  // Members were taken in index order, so each cluster stays sorted; only the order of clusters
  // across languages needs restoring.
  clusters.sort((x, y) => (x[0] ?? 0) - (y[0] ?? 0));
  return { clusters, links };
}

function oneLanguage(
  documents: readonly StoryDocument[],
  language: string,
  options: StoryOptions,
  cluster: boolean,
): { clusters: number[][]; links: StoryLink[] } {
  const stop = language === 'en' ? ENGLISH_STOP : stopWordsOf(language);
  const vectors = tfidfVectors(
    documents.map((document) => terms(document, language, stop, options)),
    options.backgroundDocuments,
  );
  const days = documents.map((document) => dayNumber(document.date));
  const links = neighbourLinks(vectors, days, options);
  return { clusters: cluster ? agglomerate(vectors, days, links, options) : [], links };
}

function terms(
  document: StoryDocument,
  language: string,
  stop: ReadonlySet<string>,
  options: StoryOptions,
): string[] {
  // Two characters are a word in Chinese or Japanese ("北京"), a fragment in English.
  const minLength = isUnspaced(language) ? 2 : 3;
  const keep = (word: string): boolean =>
    word.length >= minLength && word.length <= MAX_TERM_LENGTH && !stop.has(word) && !/^\d+$/.test(word);
  const title = wordsOf(document.title.slice(0, options.bodyChars), language).filter(keep);
  const body = wordsOf(document.body.slice(0, options.bodyChars), language).filter(keep);
  // The headline counts twice: it names the event in a few words. flat(), not push(...list): a
  // spread passes every word as an argument and overflows the stack on a long text.
  return [title, title, body].flat();
}
