/** `feeds.opml`: every RSS feed of the site, for a feed reader's import. */
import type { APIRoute } from 'astro';
import { loadSiteModel } from '../astro/site-model.ts';
import { routes, withBase } from '../core/model/routes.ts';
import { opmlDocument } from '../site/feed.ts';
import { SITE } from '../site/settings.ts';
import { ui } from '../astro/ui.ts';

export const GET: APIRoute = async ({ site }) => {
  const absolute = (path: string): string => new URL(withBase(import.meta.env.BASE_URL, path), site).href;
  const { feeds } = await loadSiteModel();
  const entries = feeds.map((spec) => ({
    title: spec.title,
    rss: absolute(routes.rssFeed(spec.listing)),
    page: absolute(spec.listing),
  }));
  return new Response(opmlDocument(`${SITE.name} — ${ui.site.everyFeed}`, entries), {
    headers: { 'Content-Type': 'text/x-opml; charset=utf-8' },
  });
};
