/**
 * The outlets articles name as their source, for `sources/` and `sources/{slug}/`. Articles
 * without a source are left out: attributing them to a made-up outlet would mislead.
 */
import { compareNewestFirst } from '../dates.ts';
import type { Article, StoredArticle } from '../schema.ts';
import { assignNameSlugs, sameNameKey } from '../slug.ts';

export interface SourceListing {
  /** The outlet's name as the articles write it (most common spelling). */
  name: string;
  /** URL slug: lowercase ASCII, unique among sources. */
  slug: string;
  /** Its articles, newest first, undated last. */
  articles: StoredArticle[];
}

/**
 * Groups articles by source. Spellings that differ only in case or spacing ("BBC News",
 * "bbc  news") are one source; any other difference is another outlet, with its own slug
 * (see {@link assignSourceSlugs}).
 *
 * @param articles - every published article
 * @returns sources sorted by name (case-insensitive)
 */
export function sourceListings(articles: readonly StoredArticle[]): SourceListing[] {
  const groups = new Map<string, StoredArticle[]>();
  for (const article of articles) {
    if (!article.source) continue;
    const key = sameNameKey(article.source);
    const group = groups.get(key) ?? [];
    group.push(article);
    groups.set(key, group);
  }
  const slugs = assignSourceSlugs(articles);
  return [...groups.entries()]
    .map(([key, members]) => ({
      name: mostCommonSpelling(members.map((article) => article.source ?? '')),
      slug: slugs.get(key) ?? '',
      articles: [...members].sort(compareNewestFirst),
    }))
    .sort(
      (a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || (a.slug < b.slug ? -1 : 1),
    );
}

/**
 * The slug of every outlet the articles name, by {@link sameNameKey}: a function of the set of
 * outlets only, so the pipeline (which stores each article's `sourceSlug`) and the source pages
 * agree. Every distinct outlet gets a distinct slug, whatever its script.
 *
 * @param articles - every published article
 * @returns slug by name key
 */
export function assignSourceSlugs(articles: readonly Pick<Article, 'source'>[]): Map<string, string> {
  const spellings = new Map<string, string[]>();
  for (const { source } of articles) {
    if (!source) continue;
    const key = sameNameKey(source);
    const group = spellings.get(key) ?? [];
    group.push(source);
    spellings.set(key, group);
  }
  const names = new Map([...spellings].map(([key, names]) => [key, mostCommonSpelling(names)]));
  return assignNameSlugs(names, 'source');
}

/**
 * Gives each article with a source the slug of its outlet's page.
 *
 * @param articles - every published article
 */
export function withSourceSlugs<T extends Pick<Article, 'source' | 'sourceSlug'>>(
  articles: readonly T[],
): T[] {
  const slugs = assignSourceSlugs(articles);
  return articles.map((article) => {
    const sourceSlug = article.source ? slugs.get(sameNameKey(article.source)) : undefined;
    return sourceSlug ? { ...article, sourceSlug } : article;
  });
}


function mostCommonSpelling(names: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  // Most frequent first; ties go to the alphabetically first spelling so the choice is stable.
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? '';
}
