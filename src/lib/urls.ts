/** Site-relative URLs that honour the base path. */

/**
 * Joins the base path and a path inside the site.
 *
 * @param basePath - `/` or `/news/` (leading and trailing slash)
 * @param path - a path inside the site, with or without a leading slash (`articles/x/`)
 */
export function withBase(basePath: string, path = ''): string {
  const base = basePath.endsWith('/') ? basePath : `${basePath}/`;
  return `${base}${path.replace(/^\/+/, '')}`;
}

/** The URL of an article page. */
export function articlePath(basePath: string, slug: string): string {
  return withBase(basePath, `articles/${slug}/`);
}
