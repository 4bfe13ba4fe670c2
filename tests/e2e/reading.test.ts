/**
 * The reading experience in a real browser: every page type passes axe-core (WCAG 2.2 A/AA)
 * with zero violations in the light and the dark theme, loads nothing from another origin, and
 * is saved as a screenshot (desktop, mobile, dark) under tests/.output/screenshots for people
 * to look at. The theme toggle is checked too.
 */
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { OUTPUT_ROOT } from '../support/fixture-site.ts';
import { serveSite, type RunningServer } from '../support/static-server.ts';

const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;
const SCREENSHOTS = join(OUTPUT_ROOT, 'screenshots');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** One page of each type in the root fixture site. */
const PAGE_TYPES: Record<string, string> = {
  home: '',
  article: 'articles/russia-becomes-the-first-country-in-the-world-to-recognize-taliban-government/',
  story: 'stories/russia-becomes-the-first-country-in-the-world-to-recognize-taliban-government/',
  topics: 'topics/',
  topic: 'topics/taliban/',
  sources: 'sources/',
  source: 'sources/example-wire/',
  archive: 'archive/',
  month: 'archive/2025/07/',
  search: 'search/?q=taliban',
  notFound: 'no-such-page/',
};

let browser: Browser;
let server: RunningServer;

beforeAll(async () => {
  const site = inject('siteDirs')['root'];
  if (!site) throw new Error('the root fixture site was not built');
  server = await serveSite(site, '/');
  browser = await launchChromium();
  await mkdir(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(context: BrowserContext, path: string): Promise<{ page: Page; foreign: string[] }> {
  const page = await context.newPage();
  const foreign: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(server.url) && !request.url().startsWith('data:'))
      foreign.push(request.url());
  });
  await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
  return { page, foreign };
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<AxeResults> } }).axe;
    interface AxeResults {
      violations: { id: string; nodes: { target: string[] }[] }[];
    }
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return results.violations.flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`),
    );
  }, WCAG_TAGS);
}

describe.each(['light', 'dark'] as const)('every page type in the %s theme', (colorScheme) => {
  test.each(Object.entries(PAGE_TYPES))(
    '%s has no axe violations and no foreign request',
    async (type, path) => {
      const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
      const { page, foreign } = await open(context, path);
      expect(await axeViolations(page)).toEqual([]);
      expect(foreign).toEqual([]);
      const name = colorScheme === 'dark' ? `${type}-dark.png` : `${type}-desktop.png`;
      await page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true });
      await context.close();
    },
  );
});

describe('on a phone', () => {
  test.each(Object.entries(PAGE_TYPES))(
    '%s fits a 320 px screen without sideways scrolling',
    async (type, path) => {
      const context = await browser.newContext({ viewport: { width: 320, height: 700 }, isMobile: true });
      const { page } = await open(context, path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: join(SCREENSHOTS, `${type}-mobile.png`), fullPage: true });
      await context.close();
    },
  );
});

describe('theme toggle', () => {
  test('switches to dark, remembers the choice, and applies it before the first paint', async () => {
    const context = await browser.newContext({ colorScheme: 'light' });
    const { page } = await open(context, PAGE_TYPES['article'] ?? '');
    const toggle = page.locator('[data-theme-toggle]');
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
    const lightBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(darkBackground).not.toBe(lightBackground);
    // On the next page the stored choice is set while the head is parsed, before the body can paint.
    await page.goto(`${server.url}`, { waitUntil: 'commit' });
    await page.waitForSelector('body');
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');
    await context.close();
  });

  test('is hidden when JavaScript is off, where it could not work', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const { page } = await open(context, '');
    expect(await page.locator('[data-theme-toggle]').isVisible()).toBe(false);
    await context.close();
  });
});

describe('article typography', () => {
  test('sets body text at about 60–75 characters a line on a desktop screen', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page } = await open(context, PAGE_TYPES['article'] ?? '');
    const perLine = await page.evaluate(() => {
      const paragraphs = [...document.querySelectorAll('.article__body p')];
      const longest = paragraphs.sort(
        (a, b) => (b.textContent?.length ?? 0) - (a.textContent?.length ?? 0),
      )[0];
      if (!longest) return 0;
      const lineHeight = parseFloat(getComputedStyle(longest).lineHeight);
      const lines = Math.round(longest.getBoundingClientRect().height / lineHeight);
      // Full lines only: the last line of a paragraph is usually short.
      return (longest.textContent?.length ?? 0) / Math.max(1, lines - 0.5);
    });
    expect(perLine).toBeGreaterThanOrEqual(55);
    expect(perLine).toBeLessThanOrEqual(80);
    await context.close();
  });

  test('prints without navigation, in black on white', async () => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const { page } = await open(context, PAGE_TYPES['article'] ?? '');
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => ({
      header: getComputedStyle(document.querySelector('.site-header') ?? document.body).display,
      background: getComputedStyle(document.body).backgroundColor,
    }));
    expect(printed).toEqual({ header: 'none', background: 'rgb(255, 255, 255)' });
    await context.close();
  });
});
