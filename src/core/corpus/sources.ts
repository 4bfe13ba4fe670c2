/**
 * The outlets articles name as their source: one slug per outlet for its page, stored on each
 * article. Spellings that differ only in case or spacing ("BBC News", "bbc  news") are one
 * outlet; any other difference is another outlet, with its own slug.
 */
import type { Article } from '../model/schema.ts';
import { assignNameSlugs, sameNameKey } from '../text/slug.ts';
import { mostCommon, tally } from '../text/text.ts';

/**
 * The slug of every outlet the articles name, by {@link sameNameKey}: a function of the set of
 * outlets only. Every distinct outlet gets a distinct slug, whatever its script.
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
  const names = new Map([...spellings].map(([key, names]) => [key, mostCommon(tally(names))]));
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
