/**
 * Keys for Astro's incremental build (`experimental.incrementalBuild`): a page whose key and
 * code are those of the previous build is not rendered again, its earlier output is kept.
 *
 * A key must therefore change whenever anything the page shows changes. Each dynamic route
 * keys its pages on:
 * - the page's props (its own data: the article, the listing page, the story), each article in
 *   them with its text (which pages look up while rendering: the article page, full-text feeds);
 * - what every page shows besides (the header's sections) and the settings that change how
 *   pages read (SITE_URL, BASE_PATH, SITE_LANG, OFFLINE) — {@link PageKeys};
 * - what else the page looks up while rendering instead of taking as a prop (the topics offered
 *   as filters): the route passes it as `extra`.
 *
 * Astro adds the route's code (its module graph), the Astro config and the lock file. Pages
 * without `getStaticPaths` (home, search, indexes) have no key and always render.
 * tests/astro/incremental-build.test.ts rebuilds after edits and compares the output byte for
 * byte with a clean build of the same content.
 */
import { contentDigest } from '../core/digest.ts';
import { resolveSiteConfig, type SiteConfig } from '../core/config.ts';

/** What every page's key is made with, beside the page's own data. */
export interface PageKeys {
  /** A hash of what every page shows beside its own data, and of the settings. */
  site: string;
  /**
   * Each published article's hash (its record and its text), by the very object the pages'
   * props hold: a page's key hashes an article it lists as this short string instead of
   * writing the article out again (10,000 articles appear some 200,000 times in the props of a
   * 10,000-article site: hashing them whole took 5 s of every build).
   */
  articles: ReadonlyMap<object, string>;
  /**
   * The hash of a published article's text, for pages that show it: keyed by slug, so that a
   * page showing an article's text has it in its key even were its props to hold a copy of the
   * article instead of the model's own object.
   */
  textOf: (slug: string) => string;
}

/**
 * The keys' common parts.
 *
 * @param shownOnEveryPage - data the layout shows on every page (the header's sections)
 * @param articles - every published article, as the model holds them
 * @param textOf - an article's text (its paragraphs), which its record does not hold
 */
export function pageKeys<Article extends { slug: string }>(
  shownOnEveryPage: unknown,
  articles: readonly Article[],
  textOf: (slug: string) => unknown,
): PageKeys {
  // The content folder is left out: where the files are is not shown, what they hold is keyed.
  const settings: Partial<SiteConfig> = resolveSiteConfig(process.env, process.cwd());
  delete settings.contentDir;
  const texts = new Map(articles.map((article) => [article.slug, keyOf(textOf(article.slug))]));
  return {
    site: keyOf([settings, shownOnEveryPage]),
    articles: new Map(articles.map((article) => [article, keyOf([article, texts.get(article.slug)])])),
    textOf: (slug) => texts.get(slug) ?? keyOf(textOf(slug)),
  };
}

/**
 * Adds a `cacheKey` to each of a route's paths.
 *
 * @param paths - the route's paths, as `getStaticPaths` returns them
 * @param keys - the keys' common parts
 * @param extra - what a page looks up while rendering, beside its props
 */
export function withCacheKeys<Path extends { props: unknown }>(
  paths: readonly Path[],
  keys: PageKeys,
  extra: (path: Path) => unknown = () => null,
): (Path & { cacheKey: string })[] {
  return paths.map((path) => ({
    ...path,
    cacheKey: keyOf([keys.site, path.props, extra(path)], keys.articles),
  }));
}

/**
 * A hash of a value's JSON, with sets and maps written out (JSON.stringify would write `{}`
 * for both, and a page keyed on a set of topics would never see it change), and any object
 * found in `known` written as its hash there.
 *
 * @throws on a function or symbol: what it would show cannot be hashed
 */
export function keyOf(value: unknown, known?: ReadonlyMap<object, string>): string {
  const json = JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === 'object' && item !== null) {
      const hash = known?.get(item);
      // Marked so that no string of the data can pass for it.
      if (hash !== undefined) return `\u0000${hash}`;
      if (item instanceof Set) return { set: [...(item as Set<unknown>)] };
      if (item instanceof Map) return { map: [...(item as Map<unknown, unknown>)] };
      return item;
    }
    if (typeof item === 'function' || typeof item === 'symbol')
      throw new TypeError('A page key cannot hash a function or a symbol.');
    if (typeof item === 'bigint') return `${item}n`;
    return item;
  });
  return contentDigest(json ?? 'undefined');
}
