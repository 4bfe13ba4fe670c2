/** Structured data (schema.org JSON-LD) for article pages, safe to embed in a `<script>`. */
import { isOrganisationName } from '../core/text/organisations.ts';
import type { StoredArticle } from '../core/model/schema.ts';
import { unsafePattern } from '../core/text/unsafe-characters.ts';

export interface NewsArticleContext {
  /** Absolute URL of the article page. */
  url: string;
  /** The site's name: this site publishes the page, whatever outlet wrote the report. */
  siteName: string;
}

/**
 * The schema.org `NewsArticle` for an article. Dates, authors and the publishing outlet are
 * only given when the source names them: a made-up value would be worse than none.
 *
 * @param article - the published article
 * @param context - its absolute URL and the site name
 */
export function newsArticleJsonLd(
  article: StoredArticle,
  context: NewsArticleContext,
): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.description,
    url: context.url,
    mainEntityOfPage: context.url,
    ...(article.date ? { datePublished: article.date } : {}),
    ...(article.updated ? { dateModified: article.updated } : {}),
    ...(article.authors.length > 0 ? { author: article.authors.map(toAuthor) } : {}),
    publisher: { '@type': 'Organization', name: context.siteName },
    ...(article.source ? { sourceOrganization: { '@type': 'Organization', name: article.source } } : {}),
    ...(article.section ? { articleSection: article.section } : {}),
    inLanguage: article.lang,
    ...(article.tags.length > 0 ? { keywords: article.tags } : {}),
    wordCount: article.wordCount,
  };
}

function toAuthor(name: string): Record<string, string> {
  return { '@type': isOrganisationName(name) ? 'Organization' : 'Person', name };
}

/** What {@link jsonForScript} writes as \u escapes: markup characters and what must not be shown raw. */
const SCRIPT_UNSAFE = unsafePattern(String.raw`<>&\u2028\u2029`);

/**
 * Serialises JSON for an inline `<script type="application/ld+json">`: `<`, `>`, `&` and the
 * JavaScript line separators are written as \u escapes, so article text containing
 * `</script>` cannot close the element; so are DEL, C1 controls, noncharacters and bidi
 * overrides (JSON.stringify escapes only C0 controls and lone surrogates), so the page holds
 * none of the characters an HTML parser reports as errors, nor a text-reordering control.
 *
 * @param value - any JSON-serialisable value
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(SCRIPT_UNSAFE, (char) =>
    Array.from({ length: char.length }, (_, index) => unicodeEscape(char.charCodeAt(index))).join(''),
  );
}

function unicodeEscape(codeUnit: number): string {
  return `\\u${codeUnit.toString(16).padStart(4, '0')}`;
}

/**
 * The schema.org `BreadcrumbList` for a page: where it sits in the site, from the home page.
 *
 * @param crumbs - name and absolute URL of each level, outermost first, the page itself last
 */
export function breadcrumbJsonLd(crumbs: readonly { name: string; url: string }[]): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: crumb.url,
    })),
  };
}
