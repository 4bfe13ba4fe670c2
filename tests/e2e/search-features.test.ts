/**
 * Search as readers use it, in Chromium against the built root fixture site: filters, order,
 * deep links, highlighting, keyboard, the no-JavaScript form, the no-results state, and that
 * no Pagefind index file is fetched before a search starts.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { serveSite, type RunningServer } from '../support/static-server.ts';

const RECOGNITION = 'Russia Becomes the First Country in the World to Recognize Taliban Government';
const HISTORIC = 'Russia’s Historic Recognition of Taliban Government: A Shift in Geopolitical Dynamics';
const WIRE = 'Wire briefing: markets';

let browser: Browser;
let server: RunningServer;
let context: BrowserContext;

beforeAll(async () => {
  const site = inject('siteDirs')['root'];
  if (!site) throw new Error('the root fixture site was not built');
  server = await serveSite(site, '/');
  browser = await launchChromium();
  // Tall enough that every result of these small searches is in view, so all of them load.
  context = await browser.newContext({ viewport: { width: 1280, height: 3000 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Headline and meta line of each result, once results for the current search have rendered. */
async function results(page: Page): Promise<{ title: string; meta: string }[]> {
  await page.waitForFunction(() => document.querySelector('pagefind-summary')?.textContent?.match(/result/i));
  await page.waitForFunction(() => document.querySelectorAll('.search-result--placeholder').length === 0);
  await page.waitForTimeout(150);
  return page.$$eval('.search-result', (items) =>
    items.map((item) => ({
      title: item.querySelector('.search-result__title')?.textContent?.trim() ?? '',
      meta: item.querySelector('.search-result__meta')?.textContent?.trim() ?? '',
    })),
  );
}

const titles = async (page: Page) => (await results(page)).map((result) => result.title);

async function openSearch(query: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.url}search/${query}`, { waitUntil: 'networkidle' });
  return page;
}

describe('search page', () => {
  test('shows headline, source, date and a highlighted excerpt for each result, with a count', async () => {
    const page = await openSearch('?q=markets');
    expect(await results(page)).toEqual([{ title: WIRE, meta: 'Example Wire4 August 2025' }]);
    expect(await page.locator('.search-result__excerpt mark').first().textContent()).toMatch(/^markets\b/i);
    expect(await page.locator('pagefind-summary').textContent()).toMatch(/1 result/i);
    await page.close();
  });

  test('narrows results with the source filter and records it in the URL', async () => {
    const page = await openSearch('?q=the');
    const all = await titles(page);
    expect(all.length).toBeGreaterThan(3);
    await page.locator('pagefind-filter-pane summary', { hasText: 'Source' }).click();
    await page.locator('pagefind-filter-pane input[name="source"][value="Example Wire"]').check();
    await expect.poll(() => titles(page)).toEqual([WIRE]);
    expect(new URL(page.url()).searchParams.getAll('source')).toEqual(['Example Wire']);
    await page.close();
  });

  test('orders newest first on request, keeping undated articles last instead of dropping them', async () => {
    const page = await openSearch('?q=the');
    const byRelevance = await titles(page);
    await page.locator('[data-search-order] input[value="date"]').check();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('date');
    const byDate = await results(page);
    expect(byDate.map((result) => result.title).sort()).toEqual([...byRelevance].sort());
    const dates = byDate.map((result) => /\d{1,2} \w+ \d{4}/.exec(result.meta)?.[0]);
    const firstUndated = dates.indexOf(undefined);
    expect(firstUndated).toBeGreaterThan(0);
    expect(dates.slice(firstUndated).every((date) => date === undefined)).toBe(true);
    const times = dates.slice(0, firstUndated).map((date) => Date.parse(date ?? ''));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    await page.close();
  });

  test('opens a deep link with query, filter and order, and shows them in the controls', async () => {
    const page = await openSearch('?q=taliban&year=Undated&sort=date');
    expect(await titles(page)).toEqual([HISTORIC]);
    expect(await page.locator('pagefind-input input').inputValue()).toBe('taliban');
    expect(await page.locator('[data-search-order] input[value="date"]').isChecked()).toBe(true);
    await page.close();
  });

  test('keeps the URL in step with what the reader types', async () => {
    const page = await openSearch('');
    await page.locator('#search-q').click();
    await page.locator('pagefind-input input').fill('Zhirnov');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('Zhirnov');
    expect((await titles(page)).sort()).toEqual([RECOGNITION, HISTORIC].sort());
    await page.close();
  });

  test('says what to do when nothing matches', async () => {
    const page = await openSearch('?q=qqzxjvwk');
    await expect.poll(() => page.locator('[data-search-empty]').isVisible()).toBe(true);
    expect(await page.locator('[data-search-empty]').textContent()).toContain('Check the spelling');
    await page.close();
  });

  test('can be used with the keyboard alone: arrow to a result, Enter to open it', async () => {
    const page = await openSearch('?q=Telegram');
    await results(page);
    await page.locator('pagefind-input input').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/articles\/russia-becomes-the-first-country/);
    await page.close();
  });
});

describe('search everywhere', () => {
  test('opening a result highlights the matched terms on the article page', async () => {
    const page = await openSearch('?q=Zhirnov');
    await page.locator('.search-result a', { hasText: RECOGNITION }).click();
    await page.waitForURL(/highlight=zhirnov/i);
    await expect.poll(() => page.locator('mark.pagefind-highlight').count()).toBeGreaterThan(0);
    expect(await page.locator('mark.pagefind-highlight').first().textContent()).toBe('Zhirnov');
    expect(await page.locator('.site-header mark').count()).toBe(0);
    await page.close();
  });

  test.each([
    ['/', { key: '/' }],
    ['Ctrl+K', { key: 'Control+k' }],
  ])(
    '%s focuses the header search box on any page, and the search box on the search page',
    async (_, { key }) => {
      const page = await context.newPage();
      await page.goto(`${server.url}archive/`);
      await page.locator('h1').click();
      await page.keyboard.press(key);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('header-q');
      await page.goto(`${server.url}search/`, { waitUntil: 'networkidle' });
      await page.locator('h1').click();
      await page.keyboard.press(key);
      // The shortcut starts a search: Pagefind's UI loads and its box takes the focus.
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.closest('pagefind-input') !== null))
        .toBe(true);
      await page.close();
    },
  );

  test('the header form works without JavaScript, landing on the search page with advice', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(`${server.url}topics/`);
    await page.fill('#header-q', 'Kabul');
    await page.press('#header-q', 'Enter');
    await page.waitForURL(/\/search\/\?q=Kabul$/);
    expect(await page.locator('noscript').count()).toBe(1);
    expect(await page.content()).toContain('Search runs in your browser and needs JavaScript');
    await noScript.close();
  });

  test('fetches no Pagefind file before a search starts, not even on the search page', async () => {
    const page = await context.newPage();
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    for (const path of ['', 'articles/wire-briefing-markets/', 'topics/', 'search/']) {
      await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
    }
    const pagefind = (files: string[]) => files.filter((file) => file.includes('/pagefind/'));
    expect(pagefind(fetched)).toEqual([]);
    await page.locator('#search-q').fill('markets');
    await page.locator('#search-q').press('Enter');
    expect((await results(page)).map((result) => result.title)).toEqual([WIRE]);
    expect(pagefind(fetched)).toEqual(
      expect.arrayContaining(['/pagefind/pagefind-component-ui.js', '/pagefind/pagefind.js']),
    );
    await page.close();
  });

  test('never runs script from article text shown in results or filters', async () => {
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${server.url}search/?q=alert`, { waitUntil: 'networkidle' });
    expect((await results(page)).length).toBeGreaterThan(0);
    await page.locator('pagefind-filter-pane summary', { hasText: 'Source' }).click();
    expect(dialogs).toEqual([]);
    expect(await page.locator('.search-result script, pagefind-filter-pane script').count()).toBe(0);
    await page.close();
  });
});
