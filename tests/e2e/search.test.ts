import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { resultTitles } from '../support/search-results.ts';
import { serveSite, type RunningServer } from '../support/static-server.ts';

const RECOGNITION_TITLE = 'Russia Becomes the First Country in the World to Recognize Taliban Government';
const HISTORIC_TITLE =
  'Russia’s Historic Recognition of Taliban Government: A Shift in Geopolitical Dynamics';

let browser: Browser;
const servers: RunningServer[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((server) => server.close()));
});

async function serve(name: string, basePath: string): Promise<string> {
  const dir = inject('siteDirs')[name];
  if (!dir) throw new Error(`the ${name} fixture site was not built`);
  const server = await serveSite(dir, basePath);
  servers.push(server);
  return server.url;
}

async function search(page: Page, query: string): Promise<string[]> {
  // The page opens with a plain form; focusing it loads Pagefind's UI, which takes its place.
  if (await page.locator('#search-q').isVisible()) await page.locator('#search-q').click();
  const input = page.locator('pagefind-input input');
  await input.fill('');
  await input.fill(query);
  await page.waitForFunction(
    (q) => document.querySelector('pagefind-summary')?.textContent?.toLowerCase().includes(q.toLowerCase()),
    query,
    { timeout: 15_000 },
  );
  const summary = (await page.locator('pagefind-summary').textContent()) ?? '';
  if (/no results/i.test(summary)) return [];
  return resultTitles(page);
}

describe('search in a real browser', () => {
  test('finds both founding articles for "Taliban" and opens one', async () => {
    const base = await serve('root', '/');
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${base}search/`);
    const titles = await search(page, 'Taliban');
    expect(titles).toEqual(expect.arrayContaining([RECOGNITION_TITLE, HISTORIC_TITLE]));
    await page.locator('pagefind-results a', { hasText: RECOGNITION_TITLE }).first().click();
    await page.waitForURL(/\/articles\/russia-becomes-the-first-country/);
    expect(await page.locator('h1').textContent()).toBe(RECOGNITION_TITLE);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('finds exactly the articles that contain each word', async () => {
    const base = await serve('root', '/');
    const page = await browser.newPage();
    await page.goto(`${base}search/`);
    expect((await search(page, 'Zhirnov')).sort()).toEqual([RECOGNITION_TITLE, HISTORIC_TITLE].sort());
    expect(await search(page, 'Telegram')).toEqual([RECOGNITION_TITLE]);
    expect(await search(page, 'apartheid')).toEqual([HISTORIC_TITLE]);
    await page.close();
  });

  test('runs the query given in ?q= (the no-JavaScript header form submits there)', async () => {
    const base = await serve('root', '/');
    const page = await browser.newPage();
    await page.goto(`${base}`);
    await page.fill('#header-q', 'Telegram');
    await page.press('#header-q', 'Enter');
    await page.waitForURL(/\/search\/\?q=Telegram/);
    expect(await resultTitles(page)).toEqual([RECOGNITION_TITLE]);
    await page.close();
  });

  test('works for a site served under /news/', async () => {
    const base = await serve('news', '/news/');
    const page = await browser.newPage();
    await page.goto(`${base}search/?q=apartheid`);
    expect(await resultTitles(page)).toEqual([HISTORIC_TITLE]);
    const href = await page.locator('pagefind-results a').first().getAttribute('href');
    expect(href).toMatch(/^\/news\/articles\/russias-historic-recognition/);
    await page.close();
  });
});
