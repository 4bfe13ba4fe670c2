/** `rss.xml`: one item per published article, newest first, with absolute links. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { feedItems } from '../lib/feed.ts';
import { withBase } from '../lib/urls.ts';
import { SITE } from '../site.ts';

export const GET: APIRoute = async ({ site }) => {
  const articles = await getCollection('articles');
  const home = new URL(withBase(import.meta.env.BASE_URL), site).href;
  const self = new URL('rss.xml', home).href;
  return rss({
    title: SITE.name,
    description: SITE.description,
    site: home,
    items: feedItems(
      articles.map((entry) => entry.data),
      home,
    ),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    // Feed validators expect a feed to name its own address.
    customData: `<language>${SITE.lang}</language><atom:link href="${self}" rel="self" type="application/rss+xml"/>`,
    trailingSlash: true,
  });
};
