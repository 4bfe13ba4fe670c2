/**
 * The articles' text, for the pages that show it (the article page, the full-text feeds), kept
 * beside Astro's content store instead of in it. The store is serialized (into the build's
 * bundle, and to disk): with every body's HTML in it, it was 31 MB at 10,000 articles, at
 * 100,000 longer than a JavaScript string may be, and Astro's chunked storage spent minutes
 * measuring it character by character. The entries keep their metadata; a body's text still
 * counts in its entry's digest, so a changed body is a changed entry.
 *
 * The loader (loaders/articles.ts) and the pages run in one process — `astro build` and
 * `astro dev` alike — but from separately bundled copies of this module, so they meet on a
 * `globalThis` key (as src/astro/rendered-pages.ts does).
 */
import { articleToHtml } from '../site/article-html.ts';

interface Bodies {
  paragraphs: Map<string, readonly string[]>;
  /**
   * HTML rendered so far: an article is on its page and in several feeds (its topics', its
   * section's, its source's), and rendering it again for each cost 15 s of a 10,000-article build.
   */
  html: Map<string, string>;
}

const KEY = Symbol.for('dispatch.article-bodies');

function shared(): { [KEY]?: Bodies } {
  return globalThis as { [KEY]?: Bodies };
}

/**
 * Keeps the published articles' paragraphs for the pages (replacing those of an earlier load).
 *
 * @param articles - every published article
 */
export function keepArticleBodies(
  articles: readonly { slug: string; paragraphs: readonly string[] }[],
): void {
  shared()[KEY] = {
    paragraphs: new Map(articles.map((article) => [article.slug, article.paragraphs])),
    html: new Map(),
  };
}

/**
 * An article's paragraphs, which its body's HTML is made of: what a page's key for the
 * incremental build hashes (src/astro/page-cache.ts) instead of rendering the HTML.
 *
 * @param slug - a published article's slug
 * @throws when the articles were not loaded in this process or have no such article
 */
export function articleParagraphs(slug: string): readonly string[] {
  const paragraphs = shared()[KEY]?.paragraphs.get(slug);
  if (!paragraphs) throw notLoaded(slug);
  return paragraphs;
}

/**
 * An article's body as HTML (src/site/article-html.ts).
 *
 * @param slug - a published article's slug
 * @throws when the articles were not loaded in this process or have no such article
 */
export function articleBodyHtml(slug: string): string {
  const bodies = shared()[KEY];
  const paragraphs = bodies?.paragraphs.get(slug);
  if (!bodies || !paragraphs) throw notLoaded(slug);
  let html = bodies.html.get(slug);
  if (html === undefined) {
    html = articleToHtml(paragraphs);
    bodies.html.set(slug, html);
  }
  return html;
}

function notLoaded(slug: string): Error {
  return new Error(
    `The text of article "${slug}" was not loaded: the articles' loader has not run in this process.`,
  );
}
