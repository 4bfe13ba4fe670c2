/**
 * Keys for Astro's incremental build (`experimental.incrementalBuild`): a page whose key and
 * code are those of the previous build is not rendered again, its earlier output is kept.
 *
 * A key must therefore change whenever anything the page shows changes. Each dynamic route
 * keys its pages on:
 * - the page's props (its own data: the article, the listing page, the story);
 * - what every page shows besides (the header's sections) and the settings that change how
 *   pages read (SITE_URL, BASE_PATH, SITE_LANG, OFFLINE) — {@link SiteWideKey};
 * - what the page looks up while rendering instead of taking as a prop (an article's text, the
 *   topics offered as filters): the route passes it as `extra`.
 *
 * Astro adds the route's code (its module graph), the Astro config and the lock file. Pages
 * without `getStaticPaths` (home, search, indexes) have no key and always render.
 * tests/astro/incremental-build.test.ts rebuilds after edits and compares the output byte for
 * byte with a clean build of the same content.
 */
import { createHash } from 'node:crypto';
import { resolveSiteConfig, type SiteConfig } from '../core/config.ts';

/** A hash of everything every page shows beside its own data. */
export type SiteWideKey = string;

/**
 * The site-wide part of every key.
 *
 * @param shownOnEveryPage - data the layout shows on every page (the header's sections)
 */
export function siteWideKey(shownOnEveryPage: unknown): SiteWideKey {
  // The content folder is left out: where the files are is not shown, what they hold is keyed.
  const settings: Partial<SiteConfig> = resolveSiteConfig(process.env, process.cwd());
  delete settings.contentDir;
  return keyOf([settings, shownOnEveryPage]);
}

/**
 * Adds a `cacheKey` to each of a route's paths.
 *
 * @param paths - the route's paths, as `getStaticPaths` returns them
 * @param site - the site-wide key
 * @param extra - what a page looks up while rendering, beside its props
 */
export function withCacheKeys<Path extends { props: unknown }>(
  paths: readonly Path[],
  site: SiteWideKey,
  extra: (path: Path) => unknown = () => null,
): (Path & { cacheKey: string })[] {
  return paths.map((path) => ({ ...path, cacheKey: keyOf([site, path.props, extra(path)]) }));
}

/**
 * A hash of a value's JSON, with sets and maps written out (JSON.stringify would write `{}`
 * for both, and a page keyed on a set of topics would never see it change).
 *
 * @throws on a function or symbol: what it would show cannot be hashed
 */
export function keyOf(value: unknown): string {
  const json = JSON.stringify(value, (_key, item: unknown) => {
    if (item instanceof Set) return { set: [...(item as Set<unknown>)] };
    if (item instanceof Map) return { map: [...(item as Map<unknown, unknown>)] };
    if (typeof item === 'function' || typeof item === 'symbol')
      throw new TypeError('A page key cannot hash a function or a symbol.');
    if (typeof item === 'bigint') return `${item}n`;
    return item;
  });
  return createHash('sha256')
    .update(json ?? 'undefined')
    .digest('base64url');
}
