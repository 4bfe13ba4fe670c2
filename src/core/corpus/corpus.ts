/**
 * The corpus stage: merges duplicate articles into one canonical article and groups the
 * published articles into stories. Pure; runs once per build over every article.
 */
import { compareNewestFirst } from '../model/order.ts';
import { comparisonKey } from '../text/normalize.ts';
import type { Article, Story } from '../model/schema.ts';
import { DUPLICATE_THRESHOLD, findDuplicateGroups, type BodySketch } from './duplicates.ts';
import { relatedDocuments } from './related.ts';
import { storiesAndLinks } from './stories.ts';
import { compareStrings } from '../text/text.ts';
import { stageProgress, type ProgressListener } from '../progress.ts';

export interface Duplicate {
  article: Article;
  /** Slug of the canonical article it was merged into. */
  canonical: string;
}

export interface Corpus {
  /** Canonical articles, each with `story` and `alsoPublishedAs` filled in, ordered by slug. */
  published: Article[];
  duplicates: Duplicate[];
  /** Every story, including single-article ones, ordered by id. */
  stories: Story[];
}

/**
 * Merges duplicates and groups stories.
 *
 * @param articles - every valid article, in any order (the result does not depend on it)
 * @param listener - told when finding duplicates and grouping stories start and end
 */
/**
 * @param articles - every article read
 * @param listener - told how far each stage is
 * @param sketches - duplicate finding's per-text work of an earlier run (see findDuplicateGroups)
 */
export function organiseCorpus(
  articles: readonly Article[],
  listener?: ProgressListener,
  sketches?: Map<string, BodySketch>,
): Corpus {
  // Work in slug order so that nothing depends on the order files were read in.
  const ordered = [...articles].sort((a, b) => compareStrings(a.slug, b.slug));
  const duplicatesProgress = stageProgress(listener, 'duplicates', ordered.length);
  const { groups } = findDuplicateGroups(ordered.map(bodyText), DUPLICATE_THRESHOLD, sketches);
  duplicatesProgress.end();

  const canonicalOf = new Map<number, number>();
  for (const group of groups) {
    const canonical = group.reduce((best, index) =>
      preferAsCanonical(ordered[index], ordered[best]) ? index : best,
    );
    for (const index of group) if (index !== canonical) canonicalOf.set(index, canonical);
  }

  const duplicates: Duplicate[] = [];
  const alternatives = new Map<number, { title: string; sourceFile: string }[]>();
  // Headline keys already shown per kept article (its own included): a lookup, not a scan of the
  // list, so thousands of copies of one article under distinct headlines stay linear.
  const shownKeys = new Map<number, Set<string>>();
  canonicalOf.forEach((canonical, index) => {
    const article = ordered[index] as Article;
    const kept = ordered[canonical] as Article;
    duplicates.push({ article, canonical: kept.slug });
    const list = alternatives.get(canonical) ?? [];
    const shown = shownKeys.get(canonical) ?? new Set([comparisonKey(kept.title)]);
    // A headline that differs only in case or quote style is not an alternative headline.
    const key = comparisonKey(article.title);
    if (!shown.has(key)) {
      shown.add(key);
      list.push({ title: article.title, sourceFile: article.sourceFile });
    }
    alternatives.set(canonical, list);
    shownKeys.set(canonical, shown);
  });

  const canonical = ordered
    .map((article, index) => ({ article, index }))
    .filter(({ index }) => !canonicalOf.has(index))
    .map(({ article, index }) => ({ ...article, alsoPublishedAs: alternatives.get(index) ?? [] }));

  const storiesProgress = stageProgress(listener, 'stories', canonical.length);
  const { clusters, links } = storiesAndLinks(
    canonical.map((article) => ({
      title: article.title,
      body: bodyText(article),
      date: article.date,
      lang: article.lang,
    })),
  );
  storiesProgress.end();
  const stories: Story[] = [];
  const storyOf = new Map<string, string>();
  for (const cluster of clusters) {
    const members = cluster.map((index) => canonical[index] as Article).sort(compareNewestFirst);
    const lead = leadReport(members);
    const sources = [
      ...new Set(members.flatMap((article) => (article.source ? [article.source] : []))),
    ].sort();
    stories.push({
      id: lead.slug,
      title: lead.title,
      articles: members.map((article) => article.slug),
      sources,
    });
    for (const article of members) storyOf.set(article.slug, lead.slug);
  }

  const related = relatedDocuments(
    links,
    canonical.map((article) => storyOf.get(article.slug) ?? article.slug),
  );
  return {
    published: canonical.map((article, index) => ({
      ...article,
      story: storyOf.get(article.slug) ?? article.slug,
      related: (related[index] ?? []).map((other) => (canonical[other] as Article).slug),
    })),
    duplicates: duplicates.sort((a, b) => compareStrings(a.article.slug, b.article.slug)),
    stories: stories.sort((a, b) => compareStrings(a.id, b.id)),
  };
}

/** The text compared for duplicates and stories: standfirst and body, not the headline. */
function bodyText(article: Article): string {
  return [article.dek ?? '', ...article.paragraphs].join('\n');
}

/**
 * Which copy of a duplicate group is published — a documented, deterministic rule:
 * 1. the fuller text (more words), 2. a dated copy over an undated one, 3. the earlier date,
 * 4. the first file path in code-point order.
 */
export function preferAsCanonical(candidate: Article | undefined, current: Article | undefined): boolean {
  if (!candidate || !current) return Boolean(candidate);
  if (candidate.wordCount !== current.wordCount) return candidate.wordCount > current.wordCount;
  if (Boolean(candidate.date) !== Boolean(current.date)) return Boolean(candidate.date);
  if (candidate.date && current.date && candidate.date !== current.date) return candidate.date < current.date;
  return candidate.sourceFile < current.sourceFile;
}

/** The report that names a story: the first published (earliest dated), else the first by slug. */
function leadReport(members: Article[]): Article {
  const dated = members
    .filter((article) => article.date)
    .sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? -1 : 1));
  return (
    dated[0] ?? [...members].sort((a, b) => compareStrings(a.slug, b.slug))[0] ?? (members[0] as Article)
  );
}
