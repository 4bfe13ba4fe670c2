/**
 * The outlets articles name as their source, for `sources/` and `sources/{slug}/`. Articles
 * without a source are left out: attributing them to a made-up outlet would mislead.
 */
import { compareNewestFirst } from '../../core/model/order.ts';
import type { StoredArticle } from '../../core/model/schema.ts';
import { sameNameKey } from '../../core/text/slug.ts';
import { compareStrings, mostCommon, tally } from '../../core/text/text.ts';

export interface SourceListing {
  /** The outlet's name as the articles write it (most common spelling). */
  name: string;
  /** URL slug: lowercase ASCII, unique among sources (the pipeline's `sourceSlug`). */
  slug: string;
  /** Its articles, newest first, undated last. */
  articles: StoredArticle[];
}

/**
 * Groups articles by source: spellings that differ only in case or spacing are one source
 * (the pipeline gave them one `sourceSlug`).
 *
 * @param articles - every published article, with `sourceSlug` set by the pipeline
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
  return [...groups.values()]
    .map((members) => ({
      name: mostCommon(tally(members.map((article) => article.source ?? ''))),
      slug: members.find((article) => article.sourceSlug)?.sourceSlug ?? '',
      articles: [...members].sort(compareNewestFirst),
    }))
    .sort(
      (a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || compareStrings(a.slug, b.slug),
    );
}
