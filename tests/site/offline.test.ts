import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { OFFLINE_COPIES_PLUGIN } from '../../src/browser/offline-copies.ts';
import {
  appShellFiles,
  ASSET_PATTERNS,
  cacheNames,
  ICON_BACKGROUND,
  maskableIconSvg,
  pagefindEngineFiles,
  PNG_ICONS,
  serviceWorkerOptions,
  THEME_COLORS,
  webAppManifest,
} from '../../src/site/offline.ts';

/** The site's identity as the offline integration passes it (name, description and language). */
const IDENTITY = { name: 'Dispatch', description: 'News reports.', lang: 'fr' };

const ROOT = join(import.meta.dirname, '../..');
const FAVICON = readFileSync(join(ROOT, 'public/favicon.svg'), 'utf8');

/** `pagefind-entry.json` as Pagefind 1.6 writes it for an English index. */
const ENTRY = JSON.stringify({
  version: '1.6.0',
  languages: { en: { hash: 'en_8b7ad81fc3', wasm: 'en', page_count: 2 } },
  include_characters: ['_'],
});

describe('THEME_COLORS', () => {
  test('are the page background of the light and dark themes in the site stylesheet', () => {
    const css = readFileSync(join(ROOT, 'src/styles/global.css'), 'utf8');
    expect(css).toContain(`--bg: light-dark(${THEME_COLORS.light}, ${THEME_COLORS.dark});`);
  });

  test('the maskable icon’s background is the favicon’s own colour', () => {
    expect(FAVICON).toContain(`fill="${ICON_BACKGROUND}"`);
  });
});

describe('webAppManifest', () => {
  test('starts, scopes and identifies the app at the base path, every address under it', () => {
    const manifest = webAppManifest('/news/', IDENTITY);
    expect(manifest).toMatchObject({
      id: '/news/',
      start_url: '/news/',
      scope: '/news/',
      name: IDENTITY.name,
      short_name: IDENTITY.name,
      description: IDENTITY.description,
      lang: IDENTITY.lang,
      display: 'standalone',
      background_color: THEME_COLORS.light,
      theme_color: THEME_COLORS.light,
    });
    expect(manifest.icons).toEqual([
      { src: '/news/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      { src: '/news/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/news/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/news/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ]);
    expect(manifest.shortcuts).toEqual([{ name: 'Search', url: '/news/search/' }]);
  });

  test('at the root, is the root', () => {
    const manifest = webAppManifest('/', IDENTITY);
    expect([manifest.id, manifest.start_url, manifest.scope, manifest.icons[0]?.src]).toEqual([
      '/',
      '/',
      '/',
      '/favicon.svg',
    ]);
  });

  test('offers a 192 and a 512 pixel PNG icon, and a maskable one', () => {
    const sizes = PNG_ICONS.filter((icon) => icon.purpose === 'any').map((icon) => icon.size);
    expect(sizes).toEqual([192, 512]);
    expect(PNG_ICONS.some((icon) => icon.purpose === 'maskable' && icon.size >= 512)).toBe(true);
  });
});

describe('maskableIconSvg', () => {
  test('puts the icon at 80 % on a full square of the background colour', () => {
    const svg = maskableIconSvg(FAVICON, '#9b1c1c');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 32 32">/);
    expect(svg).toContain('<rect x="0" y="0" width="32" height="32" fill="#9b1c1c"/>');
    expect(svg).toContain('<g transform="translate(3.2 3.2) scale(0.8)">');
    // The favicon itself, whole, sized to the square it is scaled down from.
    expect(svg).toContain('<svg x="0" y="0" width="32" height="32" xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain('fill="#fff"/></svg></g></svg>');
  });

  test('keeps an offset viewBox and drops an XML prolog', () => {
    const svg = maskableIconSvg(
      '<?xml version="1.0"?>\n<svg viewBox="10 10 100 50"><path d="M0 0"/></svg>',
      '#000',
    );
    expect(svg).toContain('viewBox="10 10 100 50"');
    expect(svg).toContain('<rect x="10" y="10" width="100" height="50" fill="#000"/>');
    expect(svg).toContain('translate(20 15) scale(0.8)');
    expect(svg).not.toContain('<?xml');
  });

  test('refuses an icon without a usable viewBox', () => {
    expect(() => maskableIconSvg('<svg width="32" height="32"></svg>', '#000')).toThrow('viewBox');
    expect(() => maskableIconSvg('<svg viewBox="0 0 0 0"></svg>', '#000')).toThrow('viewBox');
  });
});

describe('pagefindEngineFiles', () => {
  test('names the engine, the UI, the highlighter, and each language’s metadata and WebAssembly', () => {
    expect(pagefindEngineFiles(ENTRY)).toEqual([
      'pagefind-component-ui.js',
      'pagefind-entry.json',
      'pagefind-highlight.js',
      'pagefind.en_8b7ad81fc3.pf_meta',
      'pagefind.js',
      'wasm.en.pagefind',
    ]);
  });

  test('lists a WebAssembly build shared by two languages once, `unknown` for a language without one', () => {
    // As Pagefind 1.6 writes it for a site with English, Chinese and Thai articles.
    const entry = JSON.stringify({
      languages: {
        zh: { hash: 'zh_1a', wasm: null },
        th: { hash: 'th_2b', wasm: 'unknown' },
        en: { hash: 'en_3c', wasm: 'en' },
      },
    });
    const files = pagefindEngineFiles(entry);
    expect(files.filter((file) => file.startsWith('wasm.'))).toEqual([
      'wasm.en.pagefind',
      'wasm.unknown.pagefind',
    ]);
    expect(files.filter((file) => file.endsWith('.pf_meta'))).toEqual([
      'pagefind.en_3c.pf_meta',
      'pagefind.th_2b.pf_meta',
      'pagefind.zh_1a.pf_meta',
    ]);
  });

  test.each([
    ['not JSON', '{'],
    ['no languages', '{"version":"1.6.0","languages":{}}'],
    ['another shape', '{"version":"2.0.0","indexes":[]}'],
    ['a path in a hash', '{"languages":{"en":{"hash":"../../etc","wasm":"en"}}}'],
  ])('fails on an entry file with %s, naming the Pagefind version as the thing to check', (_, text) => {
    expect(() => pagefindEngineFiles(text)).toThrow(/pagefind-entry\.json .*Pagefind version/);
  });
});

describe('appShellFiles', () => {
  test('are the home, search and offline pages, the icons, the manifest and the search engine — no article', () => {
    const shell = appShellFiles(pagefindEngineFiles(ENTRY));
    expect(shell).toEqual([
      'index.html',
      'search/index.html',
      'offline/index.html',
      'favicon.svg',
      'manifest.webmanifest',
      'icons/icon-192.png',
      'icons/icon-512.png',
      'icons/maskable-512.png',
      'pagefind/pagefind-component-ui.js',
      'pagefind/pagefind-entry.json',
      'pagefind/pagefind-highlight.js',
      'pagefind/pagefind.en_8b7ad81fc3.pf_meta',
      'pagefind/pagefind.js',
      'pagefind/wasm.en.pagefind',
    ]);
    expect(shell.some((file) => file.startsWith('articles/'))).toBe(false);
  });
});

describe('serviceWorkerOptions', () => {
  const shell = appShellFiles(pagefindEngineFiles(ENTRY));
  const options = serviceWorkerOptions('/srv/site/dist', '/news/', shell);
  const [pages, entry, chunks] = options.runtimeCaching ?? [];

  test('writes sw.js at the base path of the site, precaching the shell and the pages’ assets only', () => {
    expect(options.swDest).toBe('/srv/site/dist/sw.js');
    expect(options.globDirectory).toBe('/srv/site/dist');
    expect(options.globPatterns).toEqual([...shell, ...ASSET_PATTERNS]);
    expect(options.globPatterns?.some((pattern) => /articles|\*\*/.test(pattern))).toBe(false);
  });

  test('replaces a build’s copies with the next one’s: revisions, old caches removed, new worker at once', () => {
    expect(options).toMatchObject({
      skipWaiting: true,
      clientsClaim: true,
      cleanupOutdatedCaches: true,
      directoryIndex: null,
      inlineWorkboxRuntime: true,
      mode: 'production',
      sourcemap: false,
    });
    expect(options.dontCacheBustURLsMatching?.test('_astro/Base.Bz3fd5bP.css')).toBe(true);
    expect(options.dontCacheBustURLsMatching?.test('index.html')).toBe(false);
  });

  test('sorts the precache list, whatever order the files were found in', async () => {
    const entries = [
      { url: 'search/index.html', revision: 'b', size: 2 },
      { url: '_astro/a.css', revision: null, size: 1 },
      { url: 'index.html', revision: 'a', size: 3 },
    ];
    const [transform] = options.manifestTransforms ?? [];
    const result = await transform?.(entries);
    expect(result?.manifest.map((entry) => entry.url)).toEqual([
      '_astro/a.css',
      'index.html',
      'search/index.html',
    ]);
  });

  test('answers navigations from the network first, keeping copies, and falls back to the offline page', () => {
    expect(pages?.handler).toBe('NetworkFirst');
    expect(pages?.options).toEqual({
      cacheName: cacheNames('/news/').pages,
      networkTimeoutSeconds: 3,
      plugins: [OFFLINE_COPIES_PLUGIN],
      expiration: { maxEntries: 200, purgeOnQuotaError: true },
      precacheFallback: { fallbackURL: '/news/offline/index.html' },
    });
    const matches = pages?.urlPattern as (options: { request: { mode: string } }) => boolean;
    expect(matches({ request: { mode: 'navigate' } })).toBe(true);
    expect(matches({ request: { mode: 'cors' } })).toBe(false);
    // Copied into the worker as text: it must not use anything from this module.
    expect(String(matches)).not.toMatch(/import|require|__vite|__name/);
  });

  test('fetches Pagefind’s entry file from the network first, so an online search uses the newest index', () => {
    expect(entry?.handler).toBe('NetworkFirst');
    expect(entry?.options).toEqual({
      cacheName: cacheNames('/news/').search,
      networkTimeoutSeconds: 3,
      plugins: [OFFLINE_COPIES_PLUGIN],
    });
    const pattern = entry?.urlPattern as RegExp;
    expect(pattern.test('https://example.org/news/pagefind/pagefind-entry.json?ts=1767225600000')).toBe(true);
    expect(pattern.test('https://example.org/news/pagefind/pagefind-entry.json')).toBe(true);
    expect(pattern.test('https://example.org/sport/pagefind/pagefind-entry.json?ts=1')).toBe(false);
    expect(pattern.test('https://example.org/news/pagefind/pagefind-entry.jsonp')).toBe(false);
  });

  test('keeps the index files the entry names, content-hashed, cache first, capped', () => {
    expect(chunks?.handler).toBe('CacheFirst');
    expect(chunks?.options).toMatchObject({
      cacheName: cacheNames('/news/').search,
      expiration: { maxEntries: 500, maxAgeSeconds: 2592000, purgeOnQuotaError: true },
    });
    const pattern = chunks?.urlPattern as RegExp;
    for (const chunk of [
      'pagefind.en_8b7ad81fc3.pf_meta',
      'index/en_ea65c72.pf_index',
      'fragment/en_59d5556.pf_fragment',
      'filter/en_46d911d.pf_filter',
    ]) {
      expect(pattern.test(`https://example.org/news/pagefind/${chunk}`)).toBe(true);
    }
    // Not the precached engine, not the entry, not another site's bundle on the same host.
    expect(pattern.test('https://example.org/news/pagefind/pagefind.js')).toBe(false);
    expect(pattern.test('https://example.org/news/pagefind/wasm.en.pagefind')).toBe(false);
    expect(pattern.test('https://example.org/news/pagefind/pagefind-entry.json')).toBe(false);
    expect(pattern.test('https://example.org/sport/pagefind/index/en_ea65c72.pf_index')).toBe(false);
  });

  test('names its caches after the base path, so two sites on one host keep theirs apart', () => {
    expect(cacheNames('/news/')).not.toEqual(cacheNames('/sport/'));
    expect(Object.values(cacheNames('/')).every((name) => name.startsWith('dispatch-'))).toBe(true);
  });
});
