/**
 * Offline reading and installing in the built fixture sites (at the root and under /news/):
 * the web app manifest, the icons, the service worker and what it saves, the offline page and
 * every page's head — and a build with OFFLINE=0, which has none of it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { REGISTER_SERVICE_WORKER_SCRIPT } from '../../src/browser/register-service-worker.ts';
import { THEME_COLORS } from '../../src/site/offline.ts';
import { astroBuild } from '../support/astro-build.ts';
import { OUTPUT_ROOT, PROJECT_ROOT } from '../support/fixture-site.ts';
import { allMatches, builtPageFiles, isRedirectPage, readPage } from '../support/html.ts';

interface Manifest {
  id: string;
  start_url: string;
  scope: string;
  name: string;
  short_name: string;
  description: string;
  lang: string;
  display: string;
  theme_color: string;
  background_color: string;
  icons: { src: string; sizes: string; type: string; purpose: string }[];
}

/** The precache list of a generated worker: each file with its revision (null: hash in its name). */
function precacheList(sw: string): { url: string; revision: string | null }[] {
  return [...sw.matchAll(/\{url:"([^"]+)",revision:(?:"([0-9a-f]+)"|null)\}/g)].map((match) => ({
    url: match[1] ?? '',
    revision: match[2] ?? null,
  }));
}

const siteDir = (name: string): string => {
  const dir = inject('siteDirs')[name];
  if (!dir) throw new Error(`the ${name} fixture site was not built`);
  return dir;
};

describe.each([
  ['root', '/'],
  ['news', '/news/'],
])('offline reading in the %s fixture site', (name, base) => {
  test('writes a valid web app manifest whose addresses all lie under the base path', () => {
    const site = siteDir(name);
    const manifest = JSON.parse(readFileSync(join(site, 'manifest.webmanifest'), 'utf8')) as Manifest;
    expect(manifest).toMatchObject({
      id: base,
      start_url: base,
      scope: base,
      name: 'Dispatch',
      short_name: 'Dispatch',
      lang: 'en',
      display: 'standalone',
      theme_color: THEME_COLORS.light,
      background_color: THEME_COLORS.light,
    });
    expect(manifest.description.length).toBeGreaterThan(20);
    expect(manifest.icons.map((icon) => `${icon.sizes} ${icon.type} ${icon.purpose}`)).toEqual([
      'any image/svg+xml any',
      '192x192 image/png any',
      '512x512 image/png any',
      '512x512 image/png maskable',
    ]);
    for (const icon of manifest.icons) {
      expect(icon.src.startsWith(base)).toBe(true);
      const file = readFileSync(join(site, icon.src.slice(base.length)));
      if (icon.type === 'image/png') {
        const [width, height] = icon.sizes.split('x').map(Number);
        expect([icon.src, file.readUInt32BE(16), file.readUInt32BE(20)]).toEqual([icon.src, width, height]);
      }
    }
  });

  test('links the manifest, the theme colours and the worker’s registration from every page', () => {
    const site = siteDir(name);
    const pages = builtPageFiles(site).filter((page) => !isRedirectPage(readPage(site, page)));
    expect(pages.length).toBeGreaterThan(20);
    for (const page of pages) {
      const html = readPage(site, page);
      expect([page, allMatches(html, /<link rel="manifest" href="([^"]+)">/)]).toEqual([
        page,
        [`${base}manifest.webmanifest`],
      ]);
      expect([page, allMatches(html, /<meta name="theme-color" media="[^"]+" content="([^"]+)">/)]).toEqual([
        page,
        [THEME_COLORS.light, THEME_COLORS.dark],
      ]);
      expect([page, allMatches(html, /<script data-sw="([^"]+)">/)]).toEqual([page, [`${base}sw.js`]]);
      expect(html).toContain(`<script data-sw="${base}sw.js">${REGISTER_SERVICE_WORKER_SCRIPT}</script>`);
    }
  });

  test('writes sw.js, which saves the app shell with the hash of each file, and no article', () => {
    const site = siteDir(name);
    const sw = readFileSync(join(site, 'sw.js'), 'utf8');
    const list = precacheList(sw);
    const urls = list.map((entry) => entry.url);
    expect(urls).toEqual([...urls].sort());
    expect(urls).toEqual(
      expect.arrayContaining([
        'index.html',
        'search/index.html',
        'offline/index.html',
        'manifest.webmanifest',
        'favicon.svg',
        'icons/icon-192.png',
        'pagefind/pagefind.js',
        'pagefind/pagefind-entry.json',
        'pagefind/pagefind-component-ui.js',
        'pagefind/wasm.en.pagefind',
      ]),
    );
    expect(urls.some((url) => /^_astro\/.+\.css$/.test(url))).toBe(true);
    // Search runs on the page's thread: Pagefind's worker script is never fetched, so not saved.
    expect(urls).not.toContain('pagefind/pagefind-worker.js');
    expect(urls.some((url) => /^pagefind\/pagefind\.en_[0-9a-f]+\.pf_meta$/.test(url))).toBe(true);
    // The shell only: no article, listing or search chunk; a few dozen files for any site.
    expect(
      urls.filter((url) => /^(articles|stories|topics|sources|archive|sections|page)\//.test(url)),
    ).toEqual([]);
    expect(urls.filter((url) => /\/(index|fragment|filter)\//.test(url))).toEqual([]);
    expect(urls.length).toBeLessThan(40);
    expect(builtPageFiles(site).length).toBeGreaterThan(urls.length);
    // Every saved file exists, and its revision is the MD5 of its bytes (none for hashed names).
    for (const { url, revision } of list) {
      const bytes = readFileSync(join(site, url));
      const expected = url.startsWith('_astro/') ? null : createHash('md5').update(bytes).digest('hex');
      expect([url, revision]).toEqual([url, expected]);
    }
    // Pages go to the network first, with the offline page as their fallback, in this site's caches.
    expect(sw).toContain(`fallbackURL:"${base}offline/index.html"`);
    expect(sw).toContain(`cacheName:"dispatch-pages-${base}"`);
    expect(sw).toContain('networkTimeoutSeconds:3');
    expect(sw).toContain('self.skipWaiting()');
    expect(sw).not.toMatch(/sourceMappingURL|importScripts/);
  });

  test('has an offline page that no sitemap or search index lists', () => {
    const site = siteDir(name);
    const html = readPage(site, 'offline/');
    expect(html).toContain('<h1 class="page-title">You are offline</h1>');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).not.toMatch(/<[^>]+\sdata-pagefind-body[\s=>]/);
    expect(readFileSync(join(site, 'sitemap-0.xml'), 'utf8')).not.toContain('/offline/');
  });
});

describe('OFFLINE=0', () => {
  test('builds a site with no manifest, icons, worker, offline page or registration', async () => {
    const outDir = join(OUTPUT_ROOT, 'offline-off/dist');
    await astroBuild(outDir, {
      env: {
        CONTENT_DIR: join(PROJECT_ROOT, 'content'),
        SITE_URL: 'https://example.org',
        BASE_PATH: '/news/',
        OFFLINE: '0',
      },
    });
    expect(existsSync(join(outDir, 'index.html'))).toBe(true);
    expect(existsSync(join(outDir, 'pagefind/pagefind.js'))).toBe(true);
    for (const file of ['manifest.webmanifest', 'sw.js', 'icons', 'offline']) {
      expect([file, existsSync(join(outDir, file))]).toEqual([file, false]);
    }
    const pages = builtPageFiles(outDir);
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) {
      const html = readPage(outDir, page);
      expect([page, html.includes('rel="manifest"'), html.includes('data-sw=')]).toEqual([
        page,
        false,
        false,
      ]);
    }
  }, 180_000);
});
