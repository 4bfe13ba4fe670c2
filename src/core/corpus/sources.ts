/**
 * Names that get a page of their own — the outlets articles name as their source, the sections
 * they are filed under: one slug per name, stored on each article. Spellings that differ only in
 * case or spacing ("BBC News", "bbc  news") are one name; any other difference is another name,
 * with its own slug.
 */
import type { Article } from '../model/schema.ts';
import { assignNameSlugs, sameNameKey } from '../text/slug.ts';
import { mostCommon, tally } from '../text/text.ts';

/** A field holding a name, and the field its page's slug goes in. */
type NamedField = { name: 'source'; slug: 'sourceSlug' } | { name: 'section'; slug: 'sectionSlug' };

const SOURCE: NamedField = { name: 'source', slug: 'sourceSlug' };

/**
 * The slug of every name the articles give in a field, by {@link sameNameKey}: a function of the
 * set of names only. Every distinct name gets a distinct slug, whatever its script.
 *
 * @param articles - every published article
 * @param field - which name (default: the source)
 * @returns slug by name key
 */
export function assignSourceSlugs(
  articles: readonly Partial<Pick<Article, 'source' | 'section'>>[],
  field: NamedField = SOURCE,
): Map<string, string> {
  const spellings = new Map<string, string[]>();
  for (const article of articles) {
    const name = article[field.name];
    if (!name) continue;
    const key = sameNameKey(name);
    const group = spellings.get(key) ?? [];
    group.push(name);
    spellings.set(key, group);
  }
  const names = new Map([...spellings].map(([key, names]) => [key, mostCommon(tally(names))]));
  return assignNameSlugs(names, field.name);
}

/**
 * Gives each article with a name in `field` the slug of that name's page.
 *
 * @param articles - every published article
 * @param field - which name (default: the source)
 */
export function withNameSlugs<
  T extends Partial<Pick<Article, 'source' | 'sourceSlug' | 'section' | 'sectionSlug'>>,
>(articles: readonly T[], field: NamedField): T[] {
  const slugs = assignSourceSlugs(articles, field);
  return articles.map((article) => {
    const name = article[field.name];
    const slug = name ? slugs.get(sameNameKey(name)) : undefined;
    return slug ? { ...article, [field.slug]: slug } : article;
  });
}

/**
 * Gives each article with a source the slug of its outlet's page.
 *
 * @param articles - every published article
 */
export function withSourceSlugs<T extends Partial<Pick<Article, 'source' | 'sourceSlug'>>>(
  articles: readonly T[],
): T[] {
  return withNameSlugs(articles, SOURCE);
}

/**
 * Gives each article filed under a section the slug of the section's page.
 *
 * @param articles - every published article
 */
export function withSectionSlugs<T extends Partial<Pick<Article, 'section' | 'sectionSlug'>>>(
  articles: readonly T[],
): T[] {
  return withNameSlugs(articles, { name: 'section', slug: 'sectionSlug' });
}

/**
 * The section of a file that names none: its top-level folder in the content folder, written
 * as a name ("business" → "Business", "world-news" → "World News"); none for a file at the top.
 *
 * @param sourceFile - path relative to the content folder, `/` separators
 */
export function sectionOfPath(sourceFile: string): string | undefined {
  const slash = sourceFile.indexOf('/');
  if (slash <= 0) return undefined;
  const words = sourceFile
    .slice(0, slash)
    .split(/[\s_-]+/u)
    .filter((word) => word.length > 0);
  if (words.length === 0) return undefined;
  return words.map((word) => word.charAt(0).toLocaleUpperCase('en') + word.slice(1)).join(' ');
}
