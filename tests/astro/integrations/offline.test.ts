/**
 * The offline integration, its hooks run as `astro build` runs them on a small built site: it
 * adds the offline page, then writes the icons, the manifest and Workbox's service worker — or,
 * with OFFLINE=0, nothing at all.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { afterAll, describe, expect, test } from 'vitest';
import { appIdentity, offlineReading } from '../../../src/astro/integrations/offline.ts';
import { pipelineStarted } from '../../../src/astro/pipeline-running.ts';
import { generateSW } from 'workbox-build';
import {
  appShellFiles,
  pagefindEngineFiles,
  serviceWorkerOptions,
  webAppManifest,
} from '../../../src/site/offline.ts';

const ROOT = join(import.meta.dirname, '../../..');
const folders: string[] = [];
afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

/** The Vite plugin the integration adds, as far as the tests call it. */
interface VitePlugin {
  name: string;
  resolveId: (id: string) => string | undefined;
  load: (id: string) => string | undefined;
}
type ConfigSetup = (options: {
  config: { base: string };
  command: 'build' | 'dev';
  injectRoute: (route: { pattern: string; entrypoint: string | URL; prerender?: boolean }) => void;
  updateConfig: (config: { vite: { plugins: VitePlugin[] } }) => void;
}) => void;
type BundlerSetup = (options: { config: { base: string; outDir: URL }; command: 'build' | 'dev' }) => void;
type BuildDone = (options: {
  dir: URL;
  logger: Record<'info' | 'warn', (line: string) => void>;
}) => Promise<void>;

/** What a build leaves before the offline integration runs: pages, assets, Pagefind's bundle. */
const BUILT: Record<string, string> = {
  'index.html': '<!doctype html><title>Home</title>',
  'search/index.html': '<!doctype html><title>Search</title>',
  'offline/index.html': '<!doctype html><title>You are offline</title>',
  'articles/a/index.html': '<!doctype html><title>A</title>',
  'articles/b/index.html': '<!doctype html><title>B</title>',
  '404.html': '<!doctype html><title>Not found</title>',
  '_astro/Base.abc123.css': 'body{}',
  '_astro/search.def456.js': 'export{}',
  'pagefind/pagefind.js': '// engine',
  'pagefind/pagefind-component-ui.js': '// ui',
  'pagefind/pagefind-highlight.js': '// highlight',
  'pagefind/pagefind-entry.json':
    '{"version":"1.6.0","languages":{"en":{"hash":"en_abc","wasm":"en","page_count":2}}}',
  'pagefind/pagefind.en_abc.pf_meta': 'meta',
  'pagefind/wasm.en.pagefind': 'wasm',
  'pagefind/index/en_1.pf_index': 'index',
  'pagefind/fragment/en_2.pf_fragment': 'fragment',
};

/** The built files but one. */
const without = (files: Record<string, string>, missing: string): Record<string, string> =>
  Object.fromEntries(Object.entries(files).filter(([path]) => path !== missing));

async function builtSite(files: Record<string, string> = BUILT): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dispatch-offline-'));
  folders.push(dir);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  await copyFile(join(ROOT, 'public/favicon.svg'), join(dir, 'favicon.svg'));
  return dir;
}

/** Runs the hooks as `astro build` does; returns the routes injected and the lines logged. */
/** Runs the config hook; returns the routes injected and the settings module pages import. */
function setUp(options: { enabled: boolean; base?: string; command?: 'build' | 'dev' }) {
  const { integration, bundler } = offlineReading({ enabled: options.enabled, siteLang: 'en' });
  const injected: { pattern: string; entrypoint: string | URL; prerender?: boolean }[] = [];
  const plugins: VitePlugin[] = [];
  (integration.hooks['astro:config:setup'] as unknown as ConfigSetup)({
    config: { base: options.base ?? '/' },
    command: options.command ?? 'build',
    injectRoute: (route) => injected.push(route),
    updateConfig: (config) => plugins.push(...config.vite.plugins),
  });
  const plugin = plugins[0];
  const resolved = plugin?.resolveId('virtual:dispatch/offline');
  const settings = resolved === undefined ? undefined : plugin?.load(resolved);
  return { integration, bundler, injected, settings };
}

/**
 * Runs the hooks as `astro build` does: the config hook, the bundler's config and build-done
 * hooks (the worker bundled early, as the site's config does) unless `early` is false, then the
 * main one's build-done hook.
 */
async function runHooks(dir: string, options: { enabled: boolean; base?: string; early?: boolean }) {
  const { integration, bundler, injected } = setUp(options);
  const logged: string[] = [];
  const logger = { info: (line: string) => logged.push(line), warn: (line: string) => logged.push(line) };
  if (options.early !== false) {
    // As a build starts: the worker is bundled once the content pipeline runs in its threads.
    pipelineStarted();
    (bundler.hooks['astro:config:setup'] as unknown as BundlerSetup)({
      config: { base: options.base ?? '/', outDir: pathToFileURL(`${dir}/`) },
      command: 'build',
    });
    void (bundler.hooks['astro:build:done'] as unknown as BuildDone)({
      dir: pathToFileURL(`${dir}/`),
      logger,
    });
  }
  await (integration.hooks['astro:build:done'] as unknown as BuildDone)({
    dir: pathToFileURL(`${dir}/`),
    logger,
  });
  return { injected, logged };
}

/** The URLs the generated worker precaches. */
const precached = (sw: string): string[] =>
  [...sw.matchAll(/\{url:"([^"]+)",revision:/g)].map((match) => match[1] ?? '');

/** Width and height from a PNG's header. */
function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('the offline integration with offline reading on', () => {
  test('adds the offline page, prerendered, from a file that exists', async () => {
    const dir = await builtSite();
    const { injected } = await runHooks(dir, { enabled: true, base: '/news' });
    expect(injected).toHaveLength(1);
    expect(injected[0]?.pattern).toBe('/offline/');
    expect(injected[0]?.prerender).toBe(true);
    expect(existsSync(fileURLToPath(injected[0]?.entrypoint ?? ''))).toBe(true);
  }, 60_000);

  test('writes the manifest for the base path, the PNG icons and a worker that precaches the shell', async () => {
    const dir = await builtSite();
    const { logged } = await runHooks(dir, { enabled: true, base: '/news' });
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.webmanifest'), 'utf8')) as unknown;
    expect(manifest).toEqual(webAppManifest('/news/', appIdentity('en')));
    expect(manifest).toMatchObject({
      lang: 'en',
      name: 'Dispatch',
      description: expect.stringMatching(/\w/),
    });
    expect(pngSize(await readFile(join(dir, 'icons/icon-192.png')))).toEqual([192, 192]);
    expect(pngSize(await readFile(join(dir, 'icons/icon-512.png')))).toEqual([512, 512]);
    expect(pngSize(await readFile(join(dir, 'icons/maskable-512.png')))).toEqual([512, 512]);
    const sw = await readFile(join(dir, 'sw.js'), 'utf8');
    // One classic script, runnable as a service worker: no module syntax, no second file.
    expect(() => new Script(sw)).not.toThrow();
    expect(sw).not.toMatch(/importScripts|sourceMappingURL/);
    expect((await readdir(dir)).filter((file) => file.endsWith('.js') || file.endsWith('.map'))).toEqual([
      'sw.js',
    ]);
    expect(precached(sw)).toEqual([
      '_astro/Base.abc123.css',
      '_astro/search.def456.js',
      'favicon.svg',
      'icons/icon-192.png',
      'icons/icon-512.png',
      'icons/maskable-512.png',
      'index.html',
      'manifest.webmanifest',
      'offline/index.html',
      'pagefind/pagefind-component-ui.js',
      'pagefind/pagefind-entry.json',
      'pagefind/pagefind-highlight.js',
      'pagefind/pagefind.en_abc.pf_meta',
      'pagefind/pagefind.js',
      'pagefind/wasm.en.pagefind',
      'search/index.html',
    ]);
    expect(sw).toContain('"/news/offline/index.html"');
    expect(sw).toContain('dispatch-pages-/news/');
    expect(logged).toEqual([
      expect.stringMatching(
        /^service worker written: 16 files \(\d+ KB\) saved for offline reading, in \d+ ms$/,
      ),
    ]);
  }, 60_000);

  test('writes the same bytes from the same site, and a new worker when a shell file changes', async () => {
    const first = await builtSite();
    const second = await builtSite();
    await runHooks(first, { enabled: true });
    await runHooks(second, { enabled: true });
    const files = ['sw.js', 'manifest.webmanifest', 'icons/icon-192.png', 'icons/maskable-512.png'];
    for (const file of files) {
      expect([file, await readFile(join(second, file))]).toEqual([file, await readFile(join(first, file))]);
    }
    const changed = await builtSite({ ...BUILT, 'index.html': '<!doctype html><title>Home, later</title>' });
    await runHooks(changed, { enabled: true });
    const revision = (sw: string) => /\{url:"index\.html",revision:"([0-9a-f]+)"\}/.exec(sw)?.[1];
    const before = revision(await readFile(join(first, 'sw.js'), 'utf8'));
    const after = revision(await readFile(join(changed, 'sw.js'), 'utf8'));
    expect(before).toMatch(/^[0-9a-f]{32}$/);
    expect(after).toMatch(/^[0-9a-f]{32}$/);
    expect(after).not.toBe(before);
  }, 90_000);

  test('the worker bundled early or at the end is the same, and saves what Workbox’s own would', async () => {
    const early = await builtSite();
    const late = await builtSite();
    await runHooks(early, { enabled: true, base: '/news' });
    await runHooks(late, { enabled: true, base: '/news', early: false });
    const oneStep = await builtSite();
    await runHooks(oneStep, { enabled: true, base: '/news' });
    const shell = appShellFiles(pagefindEngineFiles(BUILT['pagefind/pagefind-entry.json'] ?? ''));
    await generateSW(serviceWorkerOptions(oneStep, '/news/', shell));
    // Terser names things by how often characters occur, so the two builds differ in names only:
    // the list of files to save, with their revisions, is the same.
    const list = (sw: string) => /precache\(t\)\}\((\[\{url:.*?\}\])\)/.exec(sw)?.[1];
    const workbox = list(await readFile(join(oneStep, 'sw.js'), 'utf8'));
    expect(precached(workbox ?? '')).toHaveLength(16);
    const worker = await readFile(join(early, 'sw.js'), 'utf8');
    expect(list(worker)).toBe(workbox);
    expect(await readFile(join(late, 'sw.js'), 'utf8')).toBe(worker);
  }, 90_000);

  test('fails the build when the search index is missing (the integration ran before Pagefind)', async () => {
    const dir = await builtSite(without(BUILT, 'pagefind/pagefind-entry.json'));
    await expect(runHooks(dir, { enabled: true })).rejects.toThrow(/pagefind-entry\.json is missing/);
    expect(existsSync(join(dir, 'sw.js'))).toBe(false);
  }, 60_000);

  test('fails the build, naming the file, when a shell file was not written', async () => {
    const dir = await builtSite(without(BUILT, 'pagefind/wasm.en.pagefind'));
    await expect(runHooks(dir, { enabled: true })).rejects.toThrow(
      'The service worker would save files the build did not write: pagefind/wasm.en.pagefind.',
    );
  }, 60_000);
});

describe('the settings module pages import (virtual:dispatch/offline)', () => {
  test('has pages link the manifest and register the worker in a build with offline reading on only', () => {
    expect(setUp({ enabled: true }).settings).toBe('export const offlineReading = true;\n');
    // `astro dev` writes no manifest and no worker.
    expect(setUp({ enabled: true, command: 'dev' }).settings).toBe('export const offlineReading = false;\n');
    expect(setUp({ enabled: false }).settings).toBe('export const offlineReading = false;\n');
  });

  test('answers for its own module only', () => {
    const plugins: VitePlugin[] = [];
    (
      offlineReading({ enabled: true, siteLang: 'en' }).integration.hooks[
        'astro:config:setup'
      ] as unknown as ConfigSetup
    )({
      config: { base: '/' },
      command: 'build',
      injectRoute: () => undefined,
      updateConfig: (config) => plugins.push(...config.vite.plugins),
    });
    expect(plugins[0]?.resolveId('astro:content')).toBeUndefined();
    expect(plugins[0]?.load('/src/pages/index.astro')).toBeUndefined();
  });
});

describe('appIdentity', () => {
  test('gives the manifest the site’s name, and its description in the site’s language', () => {
    const english = appIdentity('en');
    const french = appIdentity('fr-CA');
    expect(french).toMatchObject({ name: english.name, lang: 'fr-CA' });
    expect(french.description).not.toBe(english.description);
  });
});

describe('the offline integration with OFFLINE=0', () => {
  test('adds no page and writes nothing', async () => {
    const dir = await builtSite();
    const before = (await readdir(dir, { recursive: true })).sort();
    const { injected, logged } = await runHooks(dir, { enabled: false });
    expect(injected).toEqual([]);
    expect(logged).toEqual([]);
    expect((await readdir(dir, { recursive: true })).sort()).toEqual(before);
  });
});
