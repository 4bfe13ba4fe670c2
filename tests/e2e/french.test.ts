/**
 * The site built with SITE_LANG=fr, in Chromium: the search page's live interface (Pagefind's
 * result count, the filter pane, the no-results help) speaks French, so does the share button's
 * status, and the French pages pass axe-core like the English ones.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { axeProblems } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { serveSite, type RunningServer } from '../support/static-server.ts';

const ARTICLE = 'articles/russia-becomes-the-first-country-in-the-world-to-recognize-taliban-government/';

let browser: Browser;
let server: RunningServer;
let context: BrowserContext;

beforeAll(async () => {
  const site = inject('siteDirs')['fr'];
  if (!site) throw new Error('the fr fixture site was not built');
  server = await serveSite(site, '/');
  browser = await launchChromium();
  // Tall enough that every result of these small searches is in view, so all of them load.
  context = await browser.newContext({ viewport: { width: 1280, height: 3000 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openSearch(query: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.url}search/${query}`, { waitUntil: 'networkidle' });
  return page;
}

/** The result count line once a search has run. */
async function summary(page: Page): Promise<string> {
  await page.waitForFunction(() =>
    /résultat/i.test(document.querySelector('pagefind-summary')?.textContent ?? ''),
  );
  return (await page.locator('pagefind-summary').textContent())?.trim() ?? '';
}

describe('the search page in French', () => {
  test('counts results in French', async () => {
    const page = await openSearch('?q=Zhirnov');
    expect(await summary(page)).toBe('2 résultats pour Zhirnov');
    expect(await page.locator('pagefind-input input').getAttribute('placeholder')).toBe(
      'Rechercher des articles, des personnes, des lieux…',
    );
    await page.close();
  });

  test('counts one result in the singular', async () => {
    const page = await openSearch('?q=Telegram');
    expect(await summary(page)).toBe('1 résultat pour Telegram');
    await page.close();
  });

  test('names the filters and the order in French, the undated articles too', async () => {
    const page = await openSearch('?q=the');
    await summary(page);
    const groups = page.locator('pagefind-filter-pane .pf-filter-group-name');
    await expect
      .poll(() => groups.allTextContents())
      .toEqual(expect.arrayContaining(['Année', 'Source', 'Thème']));
    expect(await groups.allTextContents()).not.toEqual(expect.arrayContaining(['Year']));
    expect(await page.locator('pagefind-filter-pane input[name="year"][value="Sans date"]').count()).toBe(1);
    expect(await page.locator('[data-search-order] legend').textContent()).toBe('Ordre');
    expect(
      (await page.locator('[data-search-order] label').allTextContents()).map((text) => text.trim()),
    ).toEqual(['Pertinence', 'Plus récents d’abord']);
    await page.close();
  });

  test('says in French that nothing matched, and what to do', async () => {
    const page = await openSearch('?q=qqzxjvwk');
    await expect.poll(() => page.locator('[data-search-empty]').isVisible()).toBe(true);
    expect(await summary(page)).toBe('Aucun résultat pour qqzxjvwk');
    expect(await page.locator('[data-search-empty]').textContent()).toContain('Vérifiez l’orthographe');
    await page.close();
  });

  test('shows each result’s date in French', async () => {
    const page = await openSearch('?q=markets');
    await summary(page);
    await page.waitForFunction(() => document.querySelectorAll('.search-result--placeholder').length === 0);
    expect(await page.locator('.search-result__meta').first().textContent()).toBe('Example Wire4 août 2025');
    await page.close();
  });
});

describe('sharing in French', () => {
  test('says the link was copied in French', async () => {
    const sharing = await browser.newContext();
    await sharing.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await sharing.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'share', { value: undefined }),
    );
    const page = await sharing.newPage();
    await page.goto(`${server.url}${ARTICLE}`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Partager cet article' }).click();
    await expect.poll(() => page.locator('[data-share-status]').textContent()).toBe('Lien copié');
    await sharing.close();
  });
});

describe('accessibility of the French pages', () => {
  test.each([
    ['home', ''],
    ['article', ARTICLE],
    ['search', 'search/?q=taliban'],
    ['archive', 'archive/'],
    ['not found', 'no-such-page/'],
  ])('%s has no axe violations', async (_type, path) => {
    const page = await context.newPage();
    await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
    // The interface is French: <html lang>, or <body lang> where <html lang> names another
    // language — an English article's, or the language the search page searches.
    const interfaceLang =
      (await page.getAttribute('body', 'lang')) ?? (await page.getAttribute('html', 'lang'));
    expect(interfaceLang).toBe('fr');
    const { violations, incomplete } = await axeProblems(page);
    expect(violations).toEqual([]);
    expect(incomplete).toEqual([]);
    await page.close();
  });
});
