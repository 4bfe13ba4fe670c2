/**
 * Searching articles in several languages, in a real browser (issue 16, part 2). Pagefind keeps
 * one index per language, with that language's stemming; the search page searches the reader's
 * language (the browser's), the URL's `?lang=` or what the reader picks in its control, and
 * keeps its own words marked in the interface's language.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { resultTitles } from '../support/search-results.ts';
import { serveSite, type RunningServer } from '../support/static-server.ts';

const FRENCH_TRAM = 'La métropole de Lyon inaugure une nouvelle ligne de tramway';
const FRENCH_TRAM_OTHER = 'Lyon : le nouveau tramway de l’aéroport accueille ses premiers voyageurs';
const ARABIC_TITLES = ['افتتاح محطة جديدة لتحلية المياه في العقبة', 'محطة العقبة لتحلية المياه تبدأ العمل'];
const GERMAN_STRIKE = 'Bahnstreik legt den Fernverkehr in Deutschland lahm';

let browser: Browser;
let server: RunningServer;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  const site = inject('siteDirs')['root'];
  if (!site) throw new Error('the root fixture site was not built');
  server = await serveSite(site, '/');
  browser = await launchChromium();
});

afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  await browser?.close();
  await server?.close();
});

/** A page in a browser whose reader prefers `locale`. */
async function readerPage(locale: string): Promise<Page> {
  const context = await browser.newContext({ locale });
  contexts.push(context);
  return context.newPage();
}

/** Result headlines once the search named in the URL has run; none when nothing matched. */
async function results(page: Page): Promise<string[]> {
  await page.waitForFunction(
    () => /result/i.test(document.querySelector('pagefind-summary')?.textContent ?? ''),
    undefined,
    { timeout: 15_000 },
  );
  if (/no results/i.test((await page.locator('pagefind-summary').textContent()) ?? '')) return [];
  return resultTitles(page);
}

describe('the search page with articles in several languages', () => {
  test('searches the reader’s language: an Arabic reader finds Arabic articles, right to left', async () => {
    const page = await readerPage('ar-EG');
    await page.goto(`${server.url}search/?q=${encodeURIComponent('المياه')}`);
    expect((await results(page)).sort()).toEqual([...ARABIC_TITLES].sort());
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    expect(await page.inputValue('#search-lang')).toBe('ar');
    // The page's own words stay English; the results are Arabic, right to left.
    expect(await page.getAttribute('body', 'lang')).toBe('en');
    expect(await page.getAttribute('pagefind-results', 'lang')).toBe('ar');
    expect(await page.getAttribute('pagefind-results', 'dir')).toBe('rtl');
  });

  test('searches the site’s language for a reader whose language it has no articles in', async () => {
    const page = await readerPage('ja-JP');
    await page.goto(`${server.url}search/?q=Taliban`);
    expect((await results(page)).length).toBeGreaterThan(0);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.inputValue('#search-lang')).toBe('en');
  });

  test('stems words in the language searched: “inaugurée” finds “inaugure” and “inauguration”', async () => {
    const page = await readerPage('en-GB');
    await page.goto(`${server.url}search/?lang=fr&q=${encodeURIComponent('inaugurée')}`);
    // Neither report has the word itself, only "inaugure", "inauguré" or "inauguration".
    expect((await results(page)).sort()).toEqual([FRENCH_TRAM, FRENCH_TRAM_OTHER].sort());
    // A French word searched in English finds nothing: French articles are not in that index.
    await page.goto(`${server.url}search/?lang=en&q=voyageurs`);
    expect(await results(page)).toEqual([]);
    await page.goto(`${server.url}search/?lang=fr&q=voyageurs`);
    expect((await results(page)).sort()).toEqual([FRENCH_TRAM, FRENCH_TRAM_OTHER].sort());
  });

  test('switches language from its control, keeping the query, and says so in the address', async () => {
    const page = await readerPage('en-GB');
    await page.goto(`${server.url}search/?q=Streik`);
    expect(await results(page)).toEqual([]);
    await page.selectOption('#search-lang', 'de');
    await page.waitForURL(/[?&]lang=de/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('Streik');
    expect(await results(page)).toEqual([GERMAN_STRIKE]);
    expect(await page.getAttribute('html', 'lang')).toBe('de');
  });
});
