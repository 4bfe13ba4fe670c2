/**
 * Offline reading in a real browser, on the fixture sites at the root and under /news/, served
 * with their security headers: the service worker takes control, and once the browser is
 * offline the pages read before, the home page and search still work, a page never opened
 * shows the offline page, and the Content-Security-Policy reports nothing. Then a new build:
 * online readers see it at once, and its worker replaces the saved copies.
 */
import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { OUTPUT_ROOT } from '../support/fixture-site.ts';
import { siteHeaders } from '../support/headers-file.ts';
import { serveSite, type RunningServer } from '../support/static-server.ts';

const SCREENSHOTS = join(OUTPUT_ROOT, 'screenshots');
const RECOGNITION = 'articles/russia-becomes-the-first-country-in-the-world-to-recognize-taliban-government/';
const HISTORIC =
  'articles/russias-historic-recognition-of-taliban-government-a-shift-in-geopolitical-dynamics/';
/** An article of both fixture sites that the tests never open online. */
const NEVER_OPENED = 'articles/harbour-ferry-returns-after-refit/';

let browser: Browser;
const servers: RunningServer[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  await mkdir(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((server) => server.close()));
});

async function serve(site: string, basePath: string): Promise<RunningServer> {
  const server = await serveSite(site, basePath, siteHeaders(site));
  servers.push(server);
  return server;
}

/** A browser context that records every CSP violation of every page before any script runs. */
async function newContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    const found: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = found;
    document.addEventListener('securitypolicyviolation', (event) => {
      found.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return context;
}

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

/** Waits until the page is controlled by an active service worker; returns its scope and script. */
async function waitForControl(page: Page): Promise<{ scope: string; script: string }> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 30_000,
  });
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return { scope: registration.scope, script: registration.active?.scriptURL ?? '' };
  });
}

/** The text a reader sees: the page's headline and its main content. */
async function shown(page: Page): Promise<{ title: string; main: string }> {
  return page.evaluate(() => ({
    title: document.querySelector('h1')?.textContent?.trim() ?? '',
    main: document.querySelector('main')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
  }));
}

/** Runs a search on the search page and returns the headlines of the results shown. */
async function searchFor(page: Page, query: string): Promise<string[]> {
  await page.waitForSelector('.search-result a', { timeout: 20_000 });
  await expect
    .poll(() => page.locator('pagefind-summary').textContent(), { timeout: 20_000 })
    .toContain(query);
  return page.$$eval('.search-result__title a', (links) =>
    links.map((link) => link.textContent?.trim() ?? ''),
  );
}

describe.each([
  ['root', '/'],
  ['news', '/news/'],
])('offline reading on the %s fixture site', (name, basePath) => {
  test('reads pages read before, the home page and search offline, and says when a page was not saved', async () => {
    const site = inject('siteDirs')[name];
    if (!site) throw new Error(`the ${name} fixture site was not built`);
    const server = await serve(site, basePath);
    const context = await newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    // Online: the home page registers the worker, which takes control once it has saved the shell.
    await page.goto(server.url, { waitUntil: 'load' });
    const home = await shown(page);
    expect(await waitForControl(page)).toEqual({ scope: server.url, script: `${server.url}sw.js` });
    // Chromium reads the manifest without error and would offer to install the site: nothing
    // stands in the way but the test's private (incognito) browser context.
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    expect([manifest.url, manifest.errors]).toEqual([`${server.url}manifest.webmanifest`, []]);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors.map((error) => error.errorId)).toEqual(['in-incognito']);
    await cdp.detach();

    // Two articles, read online; an article page loads no script file, only the inline ones.
    const read = new Map<string, { title: string; main: string }>();
    for (const path of [RECOGNITION, HISTORIC]) {
      const scripts: string[] = [];
      const onRequest = (request: { resourceType: () => string; url: () => string }) => {
        if (request.resourceType() === 'script') scripts.push(request.url());
      };
      page.on('request', onRequest);
      const response = await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
      page.off('request', onRequest);
      expect([path, response?.status()]).toEqual([path, 200]);
      expect([path, scripts]).toEqual([path, []]);
      read.set(path, await shown(page));
      expect(await violations(page)).toEqual([]);
    }
    // A search made online: the search page and the index chunks it used are saved.
    await page.goto(`${server.url}search/?q=taliban`, { waitUntil: 'load' });
    const onlineResults = await searchFor(page, 'taliban');
    expect(onlineResults.length).toBeGreaterThanOrEqual(2);
    expect(await violations(page)).toEqual([]);

    await context.setOffline(true);
    // The browser really is offline: a file never fetched cannot be had.
    expect(
      await page.evaluate(async (url) => {
        try {
          await fetch(url);
          return 'fetched';
        } catch {
          return 'failed';
        }
      }, `${server.url}robots.txt`),
    ).toBe('failed');

    // The articles read before, reloaded offline, as they were.
    for (const path of [RECOGNITION, HISTORIC]) {
      await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
      expect([path, await shown(page)]).toEqual([path, read.get(path)]);
      expect(await violations(page)).toEqual([]);
    }
    await page.reload({ waitUntil: 'load' });
    expect(await shown(page)).toEqual(read.get(HISTORIC));
    // The home page: its copy from the precache (it was opened before the worker ran).
    await page.goto(server.url, { waitUntil: 'load' });
    expect(await shown(page)).toEqual(home);
    expect(await violations(page)).toEqual([]);

    // Search, offline: Pagefind's engine from the precache, the chunks from the search cache.
    await page.goto(`${server.url}search/?q=taliban`, { waitUntil: 'load' });
    expect(await searchFor(page, 'taliban')).toEqual(onlineResults);
    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, `offline-search-${name}.png`), fullPage: true });

    // A page never opened: the offline page, at the address asked for.
    const response = await page.goto(`${server.url}${NEVER_OPENED}`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(page.url()).toBe(`${server.url}${NEVER_OPENED}`);
    expect((await shown(page)).title).toBe('You are offline');
    expect(await page.locator(`main a[href="${basePath}"]`).count()).toBe(1);
    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, `offline-fallback-${name}.png`), fullPage: true });

    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});

describe('a new build', () => {
  test('is what online readers see at once, and its worker replaces the saved copies', async () => {
    const built = inject('siteDirs')['news'];
    if (!built) throw new Error('the news fixture site was not built');
    // A copy of the /news/ site, served and then rebuilt in place (its home page and an article changed).
    const site = join(OUTPUT_ROOT, 'offline-new-build/dist');
    await rm(site, { recursive: true, force: true });
    await cp(built, site, { recursive: true });
    const server = await serve(site, '/news/');
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(server.url, { waitUntil: 'load' });
    await waitForControl(page);
    await page.goto(`${server.url}${RECOGNITION}`, { waitUntil: 'load' });
    const before = await shown(page);

    // The new build: what the next `astro build` would write, page text and worker alike.
    const homeFile = join(site, 'index.html');
    const articleFile = join(site, RECOGNITION, 'index.html');
    const newHome = (await readFile(homeFile, 'utf8')).replace('</h1>', ' — new edition</h1>');
    await writeFile(homeFile, newHome);
    await writeFile(articleFile, (await readFile(articleFile, 'utf8')).replace('</h1>', ' (updated)</h1>'));
    const oldWorker = await readFile(join(site, 'sw.js'), 'utf8');
    const oldRevision = /\{url:"index\.html",revision:"([0-9a-f]+)"\}/.exec(oldWorker)?.[1] ?? '';
    const newRevision = createHash('md5').update(newHome).digest('hex');
    expect(oldRevision).toMatch(/^[0-9a-f]{32}$/);
    await writeFile(join(site, 'sw.js'), oldWorker.replace(oldRevision, newRevision));

    // Online, a page read before comes from the network: the new build at once.
    await page.goto(`${server.url}${RECOGNITION}`, { waitUntil: 'load' });
    expect((await shown(page)).title).toBe(`${before.title} (updated)`);
    // So does the search index: Pagefind's entry file (precached by the old worker) is the new one.
    const entryFile = join(site, 'pagefind/pagefind-entry.json');
    const newEntry = `${(await readFile(entryFile, 'utf8')).trim()}\n\n`;
    await writeFile(entryFile, newEntry);
    const fetchEntry = () =>
      page.evaluate(
        async (url) => (await fetch(`${url}?ts=${Date.now()}`)).text(),
        `${server.url}pagefind/pagefind-entry.json`,
      );
    expect(await fetchEntry()).toBe(newEntry);

    // The browser finds the new worker (as on any navigation); it takes over at once.
    const replaced = await page.evaluate(async () => {
      const changed = new Promise<void>((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }),
      );
      const registration = await navigator.serviceWorker.ready;
      await registration.update();
      await changed;
      return true;
    });
    expect(replaced).toBe(true);

    // Its precache holds the new home page, and only that revision of it (the old one is
    // removed while the new worker activates).
    const savedHomePages = () =>
      page.evaluate(async () => {
        const urls: string[] = [];
        for (const name of await caches.keys()) {
          if (!name.includes('precache')) continue;
          const cache = await caches.open(name);
          urls.push(...(await cache.keys()).map((request) => request.url));
        }
        return urls.filter((url) => /\/news\/index\.html/.test(url));
      });
    await expect
      .poll(savedHomePages, { timeout: 10_000 })
      .toEqual([`${server.url}index.html?__WB_REVISION__=${newRevision}`]);

    // Offline, the home page (never saved as read) is the new build's.
    await context.setOffline(true);
    await page.goto(server.url, { waitUntil: 'load' });
    expect((await shown(page)).title).toMatch(/— new edition$/);
    // And the article, read again online after the change, is its new copy.
    await page.goto(`${server.url}${RECOGNITION}`, { waitUntil: 'load' });
    expect((await shown(page)).title).toBe(`${before.title} (updated)`);
    // And the search index is the one last fetched.
    expect(await fetchEntry()).toBe(newEntry);
    expect(await violations(page)).toEqual([]);
    await context.close();
  }, 120_000);
});
