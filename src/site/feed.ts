/**
 * Feeds: the site's, and one per section, topic and source, each as RSS 2.0 (with the full
 * text in `content:encoded`) and as JSON Feed 1.1 beside it, and an OPML list of them all.
 * Items are the newest articles, newest first, undated last.
 */
import { compareNewestFirst } from '../core/model/order.ts';
import { removeUnsafeCharacters } from '../core/text/characters.ts';
import type { StoredArticle } from '../core/model/schema.ts';

/** One feed: what it is about and its articles. */
export interface FeedSpec {
  /** The listing the feed belongs to, as a route (`''` for the home page, `topics/iran/`). */
  listing: string;
  /** "Dispatch", "Dispatch — Iran". */
  title: string;
  description: string;
  /** The newest articles, newest first. */
  articles: StoredArticle[];
}

/**
 * The feed of a listing: its newest `limit` articles.
 *
 * @param listing - the listing's route (`''` for the home page)
 * @param title - the feed's title
 * @param description - one line on what it holds
 * @param articles - the listing's articles, in any order
 * @param limit - items at most
 */
export function feedSpec(
  listing: string,
  title: string,
  description: string,
  articles: readonly StoredArticle[],
  limit: number,
): FeedSpec {
  return { listing, title, description, articles: [...articles].sort(compareNewestFirst).slice(0, limit) };
}

/** How an article's addresses and body are found, absolute. */
export interface FeedContext {
  articleUrl: (slug: string) => string;
  /** The article's body as HTML (escaped text in paragraphs), when it is known. */
  bodyHtml: (slug: string) => string | undefined;
}

export interface FeedItem {
  title: string;
  /** Absolute URL of the article page. */
  link: string;
  description: string;
  /** The full text, as HTML: `content:encoded`. */
  content?: string;
  /** Only when the source gives a date: a made-up one would mislead feed readers. */
  pubDate?: Date;
  categories?: string[];
  /** Extra elements: the item's language as `dc:language` (the feed declares the `dc` namespace). */
  customData: string;
}

/**
 * Maps articles to RSS items, in the order given. Dates are calendar days, written as midnight
 * UTC of that day.
 *
 * @param articles - the feed's articles
 * @param context - addresses and bodies
 */
export function feedItems(articles: readonly StoredArticle[], context: FeedContext): FeedItem[] {
  return articles.map((article) => {
    const content = context.bodyHtml(article.slug);
    return {
      title: xmlText(article.title),
      link: context.articleUrl(article.slug),
      description: xmlText(article.description),
      ...(content === undefined ? {} : { content: xmlText(content) }),
      ...(article.date ? { pubDate: publishedDate(article.date) } : {}),
      ...(article.source ? { categories: [xmlText(article.source)] } : {}),
      // One feed may mix languages: each item says its own (the tag is [a-zA-Z0-9-] only).
      customData: `<dc:language>${article.lang}</dc:language>`,
    };
  });
}

/** The top-level fields JSON Feed 1.1 defines that this site writes. */
export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  language: string;
  items: JsonFeedItem[];
}

export interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  content_html?: string;
  content_text?: string;
  summary: string;
  date_published?: string;
  date_modified?: string;
  /** The item's language (JSON Feed 1.1), which may differ from the feed's. */
  language: string;
  authors?: { name: string }[];
  tags?: string[];
}

/**
 * A feed as JSON Feed 1.1 (https://jsonfeed.org/version/1.1): every item has an `id` (its
 * address, which never changes) and its content, HTML when known, else the summary as text.
 *
 * @param spec - the feed
 * @param urls - the listing page's and the feed's own absolute URLs
 * @param language - the feed's language (`en`)
 * @param context - addresses and bodies
 */
export function jsonFeed(
  spec: FeedSpec,
  urls: { home: string; feed: string },
  language: string,
  context: FeedContext,
): JsonFeed {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: spec.title,
    home_page_url: urls.home,
    feed_url: urls.feed,
    description: spec.description,
    language,
    items: spec.articles.map((article) => {
      const url = context.articleUrl(article.slug);
      const html = context.bodyHtml(article.slug);
      return {
        id: url,
        url,
        title: article.title,
        ...(html === undefined ? { content_text: article.description } : { content_html: html }),
        summary: article.description,
        ...(article.date ? { date_published: publishedDate(article.date).toISOString() } : {}),
        ...(article.updated ? { date_modified: publishedDate(article.updated).toISOString() } : {}),
        language: article.lang,
        ...(article.authors.length > 0 ? { authors: article.authors.map((name) => ({ name })) } : {}),
        ...(article.source || article.section
          ? { tags: [article.section, article.source].filter((tag): tag is string => Boolean(tag)) }
          : {}),
      };
    }),
  };
}

/** One feed in the OPML list. */
export interface OpmlEntry {
  title: string;
  /** Absolute URL of the RSS feed. */
  rss: string;
  /** Absolute URL of the page the feed belongs to. */
  page: string;
}

/**
 * An OPML 2.0 document listing feeds, for a feed reader's "import".
 *
 * @param title - the list's title
 * @param entries - the feeds
 */
export function opmlDocument(title: string, entries: readonly OpmlEntry[]): string {
  const outlines = entries.map(
    (entry) =>
      `    <outline type="rss" text="${xmlAttribute(entry.title)}" title="${xmlAttribute(entry.title)}" xmlUrl="${xmlAttribute(entry.rss)}" htmlUrl="${xmlAttribute(entry.page)}"/>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    `  <head><title>${xmlAttribute(title)}</title></head>`,
    '  <body>',
    ...outlines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}

/** A calendar day as midnight UTC of that day: the day the source wrote, never shifted. */
function publishedDate(isoDate: string): Date {
  return new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
}

/**
 * The parser already cleaned this text; this is the last guard, because one control character
 * or noncharacter makes the whole feed ill-formed XML, and feed readers then drop every item.
 */
function xmlText(text: string): string {
  return removeUnsafeCharacters(text);
}

/** Text for an XML attribute value or element: markup characters escaped, unsafe ones gone. */
function xmlAttribute(text: string): string {
  return xmlText(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}
