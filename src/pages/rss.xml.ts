/** `rss.xml`: one item per published article, newest first, with absolute links. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { loadSiteModel } from '../astro/site-model.ts';
import { feedItems } from '../site/feed.ts';
import { siteLinks } from '../core/model/routes.ts';
import { SITE } from '../site/settings.ts';

export const GET: APIRoute = async ({ site }) => {
  const { articles } = await loadSiteModel();
  const links = siteLinks(import.meta.env.BASE_URL);
  const home = new URL(links.home, site).href;
  const self = new URL(links.feed, site).href;
  return rss({
    title: SITE.name,
    description: SITE.description,
    site: home,
    items: feedItems(articles, (slug) => new URL(links.article(slug), site).href),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    // Feed validators expect a feed to name its own address.
    customData: `<language>${SITE.lang}</language><atom:link href="${self}" rel="self" type="application/rss+xml"/>`,
    trailingSlash: true,
  });
};
