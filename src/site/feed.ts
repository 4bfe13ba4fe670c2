/** RSS items for the feed: every published article, newest first, undated last. */
import { compareNewestFirst } from '../core/model/order.ts';
import { removeUnsafeCharacters } from '../core/text/characters.ts';
import type { StoredArticle } from '../core/model/schema.ts';

export interface FeedItem {
  title: string;
  /** Absolute URL of the article page. */
  link: string;
  description: string;
  /** Only when the source gives a date: a made-up one would mislead feed readers. */
  pubDate?: Date;
  categories?: string[];
}

/**
 * Maps articles to RSS items. Dates are calendar days, written as midnight UTC of that day.
 *
 * @param articles - every published article
 * @param articleUrl - the absolute URL of an article's page
 */
export function feedItems(
  articles: readonly StoredArticle[],
  articleUrl: (slug: string) => string,
): FeedItem[] {
  return [...articles].sort(compareNewestFirst).map((article) => ({
    title: xmlText(article.title),
    link: articleUrl(article.slug),
    description: xmlText(article.description),
    ...(article.date ? { pubDate: new Date(`${article.date.slice(0, 10)}T00:00:00Z`) } : {}),
    ...(article.source ? { categories: [xmlText(article.source)] } : {}),
  }));
}

/**
 * The parser already cleaned this text; this is the last guard, because one control character
 * or noncharacter makes the whole feed ill-formed XML, and feed readers then drop every item.
 */
function xmlText(text: string): string {
  return removeUnsafeCharacters(text);
}
