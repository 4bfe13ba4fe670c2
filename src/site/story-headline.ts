/**
 * The most representative headline of a story: the headline whose words the story's other
 * reports share most. Each report is a TF-IDF vector of its headline and summary (dek or lead),
 * weighted by how rare a word is in the whole site, so that shared names ("Yukos", "Glazer")
 * count for much and words every report uses ("says", "new") for little. A headline's score is
 * its mean cosine similarity to the other reports; the best-scoring headline names the story.
 * Pure, and linear in the number of words of the story's reports.
 */

/** What the scorer reads of an article. */
export interface HeadlineInput {
  slug: string;
  title: string;
  description: string;
}

/** Word rarity over a whole site: built once per build, shared by every story. */
export interface WordRarity {
  /** Inverse document frequency of a word; words never seen get the highest value. */
  idf(word: string): number;
}

/**
 * Counts in how many articles each word appears (headline and summary).
 *
 * @param articles - every published article
 */
export function wordRarity(articles: readonly Pick<HeadlineInput, 'title' | 'description'>[]): WordRarity {
  const documents = new Map<string, number>();
  for (const article of articles) {
    for (const word of new Set(words(`${article.title} ${article.description}`))) {
      documents.set(word, (documents.get(word) ?? 0) + 1);
    }
  }
  const total = articles.length;
  // Smoothed IDF: always positive, so a word every article uses still counts a little.
  return { idf: (word) => Math.log((1 + total) / (1 + (documents.get(word) ?? 0))) + 1 };
}

/**
 * How representative each report's headline is of its story: the mean cosine similarity of
 * the headline to each other report's headline and summary, in [0, 1]. A story of one report
 * scores it 0.
 *
 * @param reports - the story's reports
 * @param rarity - word rarity over the whole site, from {@link wordRarity}
 * @returns score by slug
 */
export function headlineScores(reports: readonly HeadlineInput[], rarity: WordRarity): Map<string, number> {
  const scores = new Map<string, number>();
  if (reports.length < 2) {
    for (const report of reports) scores.set(report.slug, 0);
    return scores;
  }
  const documents = reports.map((report) =>
    unitVector(words(`${report.title} ${report.description}`), rarity),
  );
  // Sum of every report's unit vector: a headline's dot product with it, less its own report's
  // share, is the sum of its similarities to the others, in one pass over its words.
  const centroid = new Map<string, number>();
  for (const document of documents) {
    for (const [word, weight] of document) centroid.set(word, (centroid.get(word) ?? 0) + weight);
  }
  reports.forEach((report, index) => {
    const headline = unitVector(words(report.title), rarity);
    const own = documents[index] ?? new Map<string, number>();
    let sum = 0;
    for (const [word, weight] of headline) sum += weight * ((centroid.get(word) ?? 0) - (own.get(word) ?? 0));
    scores.set(report.slug, sum / (reports.length - 1));
  });
  return scores;
}

/**
 * The report whose headline best names the story: the highest {@link headlineScores}; on a
 * tie (for instance a story of one report) the first of `reports`, so the caller's order
 * decides.
 *
 * @param reports - the story's reports, at least one, in the caller's order of preference
 * @param rarity - word rarity over the whole site
 */
export function representativeReport<T extends HeadlineInput>(reports: readonly T[], rarity: WordRarity): T {
  return bestByScore(reports, headlineScores(reports, rarity));
}

/**
 * The report with the highest score; on a tie the earliest in `reports`.
 *
 * @param reports - at least one report, in order of preference on a tie
 * @param scores - score by slug, from {@link headlineScores}
 */
export function bestByScore<T extends Pick<HeadlineInput, 'slug'>>(
  reports: readonly T[],
  scores: ReadonlyMap<string, number>,
): T {
  let best = reports[0];
  if (!best) throw new RangeError('a story has at least one report');
  for (const report of reports) {
    if ((scores.get(report.slug) ?? 0) > (scores.get(best.slug) ?? 0) + TIE) best = report;
  }
  return best;
}

/** Scores closer than this are a tie: floating-point noise must not pick a headline. */
const TIE = 1e-9;

/**
 * Content words of a text: lower-cased runs of letters and digits, without common function
 * words and one-letter words, with a possessive or plural `s` removed ("Yukos'", "shares").
 *
 * @param text - a headline or summary
 */
export function words(text: string): string[] {
  const result: string[] = [];
  for (const [token] of text.normalize('NFKC').toLowerCase().matchAll(WORD)) {
    const plain = token.length > 2 && APOSTROPHE.test(token) ? withoutApostrophe(token) : token;
    if (plain.length < 2 || STOP_WORDS.has(plain)) continue;
    const word = stem(plain);
    if (word === plain || !STOP_WORDS.has(word)) result.push(word);
  }
  return result;
}

const WORD = /[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu;
const APOSTROPHE = /['’]/u;

/** "mayor's" → "mayor", "o'neill" → "oneill". */
function withoutApostrophe(token: string): string {
  return token.replace(/['’]s$/u, '').replace(/['’]/gu, '');
}

function stem(word: string): string {
  const length = word.length;
  if (length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (length > 3 && word.charCodeAt(length - 1) === 115 /* s */) {
    const before = word.charCodeAt(length - 2);
    // Not "press", "bus", "crisis".
    if (before !== 115 && before !== 117 /* u */ && before !== 105 /* i */) return word.slice(0, -1);
  }
  return word;
}

function unitVector(list: readonly string[], rarity: WordRarity): Map<string, number> {
  const vector = new Map<string, number>();
  for (const word of list) vector.set(word, (vector.get(word) ?? 0) + 1);
  let norm = 0;
  for (const [word, count] of vector) {
    const weight = count * rarity.idf(word);
    vector.set(word, weight);
    norm += weight * weight;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [word, weight] of vector) vector.set(word, weight / norm);
  return vector;
}

const STOP_WORDS = new Set(
  (
    'a about after again against all also an and any are as at be because been before being between ' +
    'both but by can could did do does doing down during each few for from further had has have ' +
    'having he her here hers him his how if in into is it its itself just more most no nor not now ' +
    'of off on once only or other our out over own said same say says she should so some such than ' +
    'that the their them then there these they this those through to too under until up upon very ' +
    'was we were what when where which while who whom why will with would you your'
  ).split(' '),
);
