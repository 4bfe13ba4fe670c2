/**
 * The sitemap integrations: a collector that reads the redirect addresses from the build report
 * at the end of the build, and @astrojs/sitemap with a filter that leaves those addresses and
 * the search page out. Run under a sub-path base, as `astro build` runs their hooks.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as SitemapModule from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { afterAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { siteSitemap } from '../../../src/astro/integrations/sitemap.ts';

/** The options each @astrojs/sitemap integration was created with; the real integration is kept. */
const sitemapOptions = vi.hoisted(() => [] as { filter?: (page: string) => boolean }[]);

vi.mock('@astrojs/sitemap', async (importOriginal) => {
  const actual = await importOriginal<typeof SitemapModule>();
  return {
    ...actual,
    default: (options: { filter?: (page: string) => boolean }) => {
      sitemapOptions.push(options);
      return actual.default(options);
    },
  };
});

const SITE = 'https://example.org';
const BASE = '/news/';

/** A build report as the pipeline writes it: one published article and two merged duplicates. */
const REPORT = {
  inputs: [
    { file: 'bridge.txt', outcome: 'published', url: '/news/articles/bridge-reopens/', warnings: [] },
    {
      file: 'bridge-copy.txt',
      outcome: 'duplicate',
      duplicateOf: '/news/articles/bridge-reopens/',
      redirectFrom: '/news/articles/bridge-reopens-2/',
      warnings: [],
    },
    {
      file: 'ferry.txt',
      outcome: 'published',
      url: '/news/articles/ferry-resumes/',
      warnings: [],
    },
    {
      file: 'ferry-copy.txt',
      outcome: 'duplicate',
      duplicateOf: '/news/articles/ferry-resumes/',
      redirectFrom: '/news/articles/ferry-service-resumes/',
      warnings: [],
    },
    { file: 'empty.txt', outcome: 'rejected', reason: 'The file is empty.', warnings: [] },
  ],
  stories: [],
};

/** The pages Astro reports as built, paths inside the site (without the base path). */
const BUILT_PAGES = [
  '',
  'articles/bridge-reopens/',
  'articles/bridge-reopens-2/',
  'articles/ferry-resumes/',
  'articles/ferry-service-resumes/',
  'search/',
  'topics/',
  '404/',
];

const folders: string[] = [];
afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

/** An output folder holding the build report. */
async function builtSite(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dispatch-sitemap-'));
  folders.push(dir);
  await writeFile(join(dir, 'build-report.json'), `${JSON.stringify(REPORT, null, 2)}\n`);
  return dir;
}

type Hook = (options: unknown) => Promise<void> | void;
const hook = (integration: AstroIntegration | undefined, name: keyof AstroIntegration['hooks']): Hook => {
  const found = integration?.hooks[name];
  if (!found) throw new Error(`${integration?.name} has no ${name} hook`);
  return found as unknown as Hook;
};

const quietLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

beforeEach(() => {
  sitemapOptions.length = 0;
});

describe('siteSitemap', () => {
  test('gives the exclusions collector first, then @astrojs/sitemap', () => {
    const integrations = siteSitemap(BASE);
    expect(integrations.map((integration) => integration.name)).toEqual([
      'dispatch-sitemap-exclusions',
      '@astrojs/sitemap',
    ]);
    expect(Object.keys(integrations[0]?.hooks ?? {})).toEqual(['astro:build:done']);
    expect(sitemapOptions).toHaveLength(1);
  });

  test('once the collector has read the report, the filter drops redirects and the search page', async () => {
    const [collector] = siteSitemap(BASE);
    const filter = sitemapOptions[0]?.filter;
    if (!filter) throw new Error('@astrojs/sitemap was given no filter');

    // Before the build is done nothing is known to be a redirect.
    expect(filter(`${SITE}/news/articles/bridge-reopens-2/`)).toBe(true);

    await hook(collector, 'astro:build:done')({ dir: pathToFileURL(`${await builtSite()}/`) });
    const kept = BUILT_PAGES.map((page) => `${SITE}${BASE}${page}`).filter(filter);
    expect(kept).toEqual([
      'https://example.org/news/',
      'https://example.org/news/articles/bridge-reopens/',
      'https://example.org/news/articles/ferry-resumes/',
      'https://example.org/news/topics/',
      'https://example.org/news/404/',
    ]);
    // The search page is left out only at its address under the base path.
    expect(filter(`${SITE}/search/`)).toBe(true);
    expect(filter(`${SITE}/news/search/`)).toBe(false);
  });

  test('a build writes a sitemap of the real pages only, under the base path', async () => {
    const [collector, sitemap] = siteSitemap(BASE);
    const dir = await builtSite();
    hook(sitemap, 'astro:routes:resolved')({ routes: [] });
    await hook(
      sitemap,
      'astro:config:done',
    )({
      config: { site: SITE, base: BASE, trailingSlash: 'always', build: { format: 'directory' } },
    });
    // Astro runs the build-done hooks in the order of the integrations.
    const done = {
      dir: pathToFileURL(`${dir}/`),
      pages: BUILT_PAGES.map((pathname) => ({ pathname })),
      logger: quietLogger,
    };
    await hook(collector, 'astro:build:done')(done);
    await hook(sitemap, 'astro:build:done')(done);

    const index = await readFile(join(dir, 'sitemap-index.xml'), 'utf8');
    expect([...index.matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1])).toEqual([
      'https://example.org/news/sitemap-0.xml',
    ]);
    const pages = await readFile(join(dir, 'sitemap-0.xml'), 'utf8');
    // The 404 page is left out by @astrojs/sitemap itself.
    expect([...pages.matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1])).toEqual([
      'https://example.org/news/',
      'https://example.org/news/articles/bridge-reopens/',
      'https://example.org/news/articles/ferry-resumes/',
      'https://example.org/news/topics/',
    ]);
  });

  test('fails the build when the report is missing', async () => {
    const [collector] = siteSitemap(BASE);
    const dir = await mkdtemp(join(tmpdir(), 'dispatch-sitemap-'));
    folders.push(dir);
    await expect(
      hook(collector, 'astro:build:done')({ dir: pathToFileURL(`${dir}/`) }),
    ).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});
