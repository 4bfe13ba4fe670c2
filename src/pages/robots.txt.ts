/** `robots.txt`, naming the sitemap by its absolute URL (which depends on SITE_URL and BASE_PATH). */
import type { APIRoute } from 'astro';
import { siteLinks } from '../core/model/routes.ts';

export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL(siteLinks(import.meta.env.BASE_URL).sitemapIndex, site).href;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
