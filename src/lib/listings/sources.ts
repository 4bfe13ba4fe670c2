/**
 * The outlets articles name as their source, for `sources/` and `sources/{slug}/`. Articles
 * without a source are left out: attributing them to a made-up outlet would mislead.
 */
import slugify from '@sindresorhus/slugify';
import { compareNewestFirst } from '../dates.ts';
import type { StoredArticle } from '../schema.ts';
import { withBase } from '../urls.ts';

export interface SourceListing {
  /** The outlet's name as the articles write it (most common spelling). */
  name: string;
  /** URL slug: lowercase ASCII, unique among sources. */
  slug: string;
  /** Its articles, newest first, undated last. */
  articles: StoredArticle[];
}

/**
 * Groups articles by source. Spellings that differ only in case, spacing or punctuation
 * ("BBC News", "bbc news") are one source; the slug comes from that shared key.
 *
 * @param articles - every published article
 * @returns sources sorted by name (case-insensitive)
 */
export function sourceListings(articles: readonly StoredArticle[]): SourceListing[] {
  const groups = new Map<string, StoredArticle[]>();
  for (const article of articles) {
    if (!article.source) continue;
    const key = sourceSlug(article.source);
    const group = groups.get(key) ?? [];
    group.push(article);
    groups.set(key, group);
  }
  return [...groups.entries()]
    .map(([slug, members]) => ({
      name: mostCommonSpelling(members.map((article) => article.source ?? '')),
      slug,
      articles: [...members].sort(compareNewestFirst),
    }))
    .sort(
      (a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || (a.slug < b.slug ? -1 : 1),
    );
}

/**
 * The slug of a source name, as {@link sourceListings} assigns it.
 *
 * @param name - the source as an article writes it
 */
export function sourceSlug(name: string): string {
  return slugify(name) || 'source';
}

/**
 * The address of a source's page, `{base}sources/{slug}/`.
 *
 * @param basePath - `/` or `/news/`
 * @param name - the source as an article writes it
 */
export function sourcePath(basePath: string, name: string): string {
  return withBase(basePath, `sources/${sourceSlug(name)}/`);
}

function mostCommonSpelling(names: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  // Most frequent first; ties go to the alphabetically first spelling so the choice is stable.
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? '';
}
