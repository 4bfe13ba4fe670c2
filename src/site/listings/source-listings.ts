/**
 * The outlets articles name as their source, for `sources/` and `sources/{slug}/`. Articles
 * without a source are left out: attributing them to a made-up outlet would mislead.
 */
import { compareNewestFirst } from '../../core/model/order.ts';
import type { StoredArticle } from '../../core/model/schema.ts';
import { sameNameKey } from '../../core/text/slug.ts';
import { compareStrings, mostCommon, tally } from '../../core/text/text.ts';

export interface SourceListing {
  /** The outlet's (or section's) name as the articles write it (most common spelling). */
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
  return namedListings(articles, (article) => [article.source, article.sourceSlug]);
}

/**
 * Groups articles by section, the same way as {@link sourceListings}: for the section pages and
 * the header's section navigation.
 *
 * @param articles - every published article, with `sectionSlug` set by the pipeline
 * @returns sections sorted by name (case-insensitive)
 */
export function sectionListings(articles: readonly StoredArticle[]): SourceListing[] {
  return namedListings(articles, (article) => [article.section, article.sectionSlug]);
}

function namedListings(
  articles: readonly StoredArticle[],
  nameOf: (article: StoredArticle) => [name: string | undefined, slug: string | undefined],
): SourceListing[] {
  const groups = new Map<string, { names: string[]; slug: string | undefined; members: StoredArticle[] }>();
  for (const article of articles) {
    const [name, slug] = nameOf(article);
    if (!name) continue;
    const key = sameNameKey(name);
    const group = groups.get(key) ?? { names: [], slug: undefined, members: [] };
    group.names.push(name);
    group.slug ??= slug;
    group.members.push(article);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map(({ names, slug, members }) => ({
      name: mostCommon(tally(names)),
      slug: slug ?? '',
      articles: [...members].sort(compareNewestFirst),
    }))
    .sort(
      (a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || compareStrings(a.slug, b.slug),
    );
}
