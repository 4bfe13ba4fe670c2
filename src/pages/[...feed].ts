/**
 * Every feed: `rss.xml` and `feed.json` for the whole site and beside each section's, topic's
 * and source's first page (`topics/iran/rss.xml`, `topics/iran/feed.json`), the newest articles
 * with their full text (src/site/feed.ts).
 *
 * In a build only the site's own feeds are routes: the listings' are offered to
 * src/astro/integrations/listing-feeds.ts, which writes them as files (src/astro/feed-files.ts
 * says why). `astro dev` serves them all from here.
 */
import { getRssString } from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { articleBodyHtml } from '../astro/article-bodies.ts';
import { offerFeedFiles } from '../astro/feed-files.ts';
import { loadSiteModel, loadPageKeys } from '../astro/site-model.ts';
import { withCacheKeys } from '../astro/page-cache.ts';
import { routes, siteLinks, withBase } from '../core/model/routes.ts';
import { feedItems, jsonFeed, type FeedContext, type FeedSpec } from '../site/feed.ts';
import { siteLang } from '../astro/ui.ts';

interface Props {
  spec: FeedSpec;
  format: 'rss' | 'json';
}

export const getStaticPaths = (async () => {
  const keys = await loadPageKeys();
  const paths = withCacheKeys(
    (await loadSiteModel()).feeds.flatMap((spec) => [
      { params: { feed: routes.rssFeed(spec.listing) }, props: { spec, format: 'rss' as const } },
      { params: { feed: routes.jsonFeed(spec.listing) }, props: { spec, format: 'json' as const } },
    ]),
    keys,
    // Full-text feeds: each item's text.
    ({ props: { spec } }) => spec.articles.map((article) => keys.textOf(article.slug)),
  );
  if (import.meta.env.DEV) return paths;
  const site = new URL(import.meta.env.SITE);
  offerFeedFiles(
    paths
      .filter(({ props }) => props.spec.listing !== routes.home)
      .map(({ params, props, cacheKey }) => ({
        file: params.feed,
        key: cacheKey,
        body: async () => (await feedText(props, site)).body,
      })),
  );
  return paths.filter(({ props }) => props.spec.listing === routes.home);
}) satisfies GetStaticPaths;

export const GET: APIRoute<Props> = async ({ props, site }) => {
  if (!site) throw new Error('Feeds need the site’s address (SITE_URL).');
  const { body, contentType } = await feedText(props, site);
  return new Response(body, { headers: { 'Content-Type': contentType } });
};

/**
 * A feed's text, for the response of its route and for its file (as a string: a listing feed
 * written through a Response was encoded and decoded once more, 0.5 s of 6,000 feeds).
 */
async function feedText({ spec, format }: Props, site: URL): Promise<{ body: string; contentType: string }> {
  const base = import.meta.env.BASE_URL;
  const absolute = (path: string): string => new URL(withBase(base, path), site).href;
  const links = siteLinks(base);
  const context: FeedContext = {
    articleUrl: (slug) => new URL(links.article(slug), site).href,
    bodyHtml: articleBodyHtml,
  };
  const home = absolute(spec.listing);
  if (format === 'json') {
    const feed = jsonFeed(spec, { home, feed: absolute(routes.jsonFeed(spec.listing)) }, siteLang, context);
    return { body: JSON.stringify(feed), contentType: 'application/feed+json; charset=utf-8' };
  }
  const self = absolute(routes.rssFeed(spec.listing));
  const body = await getRssString({
    title: spec.title,
    description: spec.description,
    site: home,
    items: feedItems(spec.articles, context),
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
    // Feed validators expect a feed to name its own address.
    customData: `<language>${siteLang}</language><atom:link href="${self}" rel="self" type="application/rss+xml"/>`,
    trailingSlash: true,
  });
  return { body, contentType: 'application/xml' };
}
