/** Structured data (schema.org JSON-LD) for article pages, safe to embed in a `<script>`. */
import type { Article } from '../schema.ts';

export interface NewsArticleContext {
  /** Absolute URL of the article page. */
  url: string;
  /** The site's name, used as publisher when the source names none. */
  siteName: string;
}

/**
 * The schema.org `NewsArticle` for an article. `datePublished` is only given when the source
 * gives a date: a made-up date would be worse than none.
 *
 * @param article - the published article
 * @param context - its absolute URL and the site name
 */
export function newsArticleJsonLd(article: Article, context: NewsArticleContext): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.description,
    url: context.url,
    mainEntityOfPage: context.url,
    ...(article.date ? { datePublished: article.date } : {}),
    ...(article.byline ? { author: { '@type': 'Organization', name: article.byline } } : {}),
    publisher: { '@type': 'Organization', name: context.siteName },
    wordCount: article.wordCount,
  };
}

/**
 * Serialises JSON for an inline `<script type="application/ld+json">`: `<`, `>`, `&` and the
 * JavaScript line separators are written as \u escapes, so article text containing
 * `</script>` cannot close the element.
 *
 * @param value - any JSON-serialisable value
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
