/**
 * The /news/ fixture site served under /news/, crawled from its home page: every link, asset,
 * form action, feed item, sitemap entry, redirect target, web app manifest address (start,
 * scope, icons, shortcuts) and file the service worker saves resolves (zero broken), and none
 * leaves /news/.
 */
import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { serveSite, type RunningServer } from '../support/static-server.ts';

const SITE_URL = 'https://example.org';
let server: RunningServer;

beforeAll(async () => {
  const site = inject('siteDirs')['news'];
  if (!site) throw new Error('the /news/ fixture site was not built');
  server = await serveSite(site, '/news/');
});

afterAll(async () => {
  await server?.close();
});

/** URLs an HTML page refers to: links, assets, form actions, meta refresh targets, the service worker. */
function pageReferences(html: string): string[] {
  const found: string[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'element') collect(node);
    if ('children' in node) node.children.forEach(visit);
  };
  const collect = (element: Element): void => {
    for (const name of ['href', 'src', 'action', 'dataSw']) {
      const value = element.properties[name];
      if (typeof value === 'string' && value) found.push(value);
    }
    const refresh = element.tagName === 'meta' && element.properties['httpEquiv'];
    if (refresh) found.push(String(element.properties['content']).replace(/^\d+;\s*url=/i, ''));
  };
  visit(fromHtml(html));
  return found;
}

/** URLs in an XML document (feed items, sitemap entries, OPML outlines). */
const xmlReferences = (xml: string): string[] => [
  ...[...xml.matchAll(/<(?:link|loc|guid[^>]*)>([^<]+)</g)].map((match) => match[1] ?? ''),
  ...[...xml.matchAll(/\b(?:xmlUrl|htmlUrl)="([^"]+)"/g)].map((match) =>
    (match[1] ?? '').replaceAll('&amp;', '&'),
  ),
];

/** URLs in a JSON Feed: its own, its page's and every item's. */
const jsonFeedReferences = (text: string): string[] => {
  const feed = JSON.parse(text) as { home_page_url: string; feed_url: string; items: { url: string }[] };
  return [feed.home_page_url, feed.feed_url, ...feed.items.map((item) => item.url)];
};

/** URLs in a web app manifest: its identity, start, scope, icons and shortcuts. */
const manifestReferences = (text: string): string[] => {
  const manifest = JSON.parse(text) as {
    id: string;
    start_url: string;
    scope: string;
    icons: { src: string }[];
    shortcuts: { url: string }[];
  };
  return [
    manifest.id,
    manifest.start_url,
    manifest.scope,
    ...manifest.icons.map((icon) => icon.src),
    ...manifest.shortcuts.map((shortcut) => shortcut.url),
  ];
};

/** URLs a service worker saves (its precache list, relative to it) and its offline fallback. */
const serviceWorkerReferences = (text: string): string[] => [
  ...[...text.matchAll(/\{url:"([^"]+)",revision:/g)].map((match) => match[1] ?? ''),
  ...[...text.matchAll(/fallbackURL:"([^"]+)"/g)].map((match) => match[1] ?? ''),
];

describe('a site built for and served under /news/', () => {
  test('has no broken link, asset, feed entry, sitemap entry or redirect', async () => {
    const origin = new URL(server.url).origin;
    const toLocal = (url: string): string | undefined => {
      const absolute = new URL(url.startsWith(SITE_URL) ? url.replace(SITE_URL, origin) : url, server.url);
      return absolute.origin === origin ? `${absolute.pathname}` : undefined;
    };
    const queue = [
      '/news/',
      '/news/rss.xml',
      '/news/feeds.opml',
      '/news/sitemap-index.xml',
      '/news/robots.txt',
      '/news/404.html',
    ];
    const seen = new Set<string>(queue);
    const broken: string[] = [];
    const outsideBase: string[] = [];
    while (queue.length > 0) {
      const path = queue.shift() ?? '';
      const response = await fetch(`${origin}${path}`);
      if (response.status !== 200) {
        broken.push(`${response.status} ${path}`);
        continue;
      }
      const type = response.headers.get('content-type') ?? '';
      const isXml = type.includes('xml') || path.endsWith('.opml');
      const isJsonFeed = path.endsWith('/feed.json');
      const isManifest = type.includes('manifest+json');
      const isServiceWorker = path === '/news/sw.js';
      const text =
        type.includes('html') || isXml || isJsonFeed || isManifest || isServiceWorker
          ? await response.text()
          : '';
      const references = type.includes('html')
        ? pageReferences(text)
        : isXml
          ? xmlReferences(text)
          : isJsonFeed
            ? jsonFeedReferences(text)
            : isManifest
              ? manifestReferences(text)
              : isServiceWorker
                ? serviceWorkerReferences(text)
                : [];
      for (const reference of references) {
        if (/^(mailto|tel|data|javascript):/i.test(reference) || reference.startsWith('#')) continue;
        const local = toLocal(reference);
        if (!local) continue;
        if (!local.startsWith('/news/')) outsideBase.push(`${path} → ${reference}`);
        if (!seen.has(local)) {
          seen.add(local);
          queue.push(local);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(outsideBase).toEqual([]);
    // The crawl reached every kind of page.
    for (const kind of [
      '/news/articles/',
      '/news/stories/',
      '/news/topics/',
      '/news/archive/',
      '/news/page/2/',
      '/news/sections/',
      '/news/topics/kabul/rss.xml',
      '/news/sources/example-wire/feed.json',
      '/news/manifest.webmanifest',
      '/news/icons/icon-512.png',
      '/news/sw.js',
      '/news/offline/',
      '/news/pagefind/wasm.',
    ]) {
      expect([...seen].some((path) => path.startsWith(kind))).toBe(true);
    }
    expect(seen.size).toBeGreaterThan(100);
  });
});
