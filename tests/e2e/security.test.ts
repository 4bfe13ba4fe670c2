/**
 * The security headers the build writes (`_headers`) enforced by a real browser: every page,
 * search (WebAssembly, worker, filters), the theme toggle and highlighting work with zero
 * Content-Security-Policy violations.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { builtPageAddresses, isRedirectPage, readPage } from '../support/html.ts';
import { serveSite, type RunningServer } from '../support/static-server.ts';

let browser: Browser;
let server: RunningServer;
let context: BrowserContext;
let headers: Record<string, string>;
let pages: string[];
/** Pages that are redirects (meta refresh) to a canonical article. */
const redirects = new Set<string>();

/** Reads the `/*` block of a `_headers` file. */
function parseHeadersFile(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split('\n')
      .filter((line) => /^\s+\S/.test(line))
      .map((line) => {
        const colon = line.indexOf(':');
        return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
      }),
  );
}

beforeAll(async () => {
  const site = inject('siteDirs')['root'];
  if (!site) throw new Error('the root fixture site was not built');
  headers = parseHeadersFile(readFileSync(join(site, '_headers'), 'utf8'));
  pages = builtPageAddresses(site);
  for (const path of pages) if (isRedirectPage(readPage(site, path))) redirects.add(path);
  server = await serveSite(site, '/', headers);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 2000 } });
  // Every violation, whatever its source, is recorded before any page script runs.
  await context.addInitScript(() => {
    const found: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = found;
    document.addEventListener('securitypolicyviolation', (event) => {
      found.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

describe('security headers', () => {
  test('are strict: no unsafe-inline scripts, Pagefind allowed, no framing', () => {
    const csp = headers['Content-Security-Policy'] ?? '';
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    });
    expect(headers['Permissions-Policy']).toContain('camera=()');
  });

  test('every page loads with zero CSP violations', async () => {
    const page = await context.newPage();
    for (const path of pages) {
      const response = await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
      expect(response?.headers()['content-security-policy']).toBe(headers['Content-Security-Policy']);
      // A merged duplicate's address refreshes to its canonical page: check where it lands.
      if (redirects.has(path)) {
        await page.waitForURL((url) => !url.pathname.endsWith(`/${path}`));
        await page.waitForLoadState('load');
      }
      expect([path, await violations(page)]).toEqual([path, []]);
    }
    await page.close();
  });

  test('search, filters, order, highlight and the theme toggle work under the policy', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}search/?q=taliban`, { waitUntil: 'networkidle' });
    await page.waitForSelector('.search-result a');
    await page.locator('[data-search-order] input[value="date"]').check();
    await page.locator('pagefind-filter-pane summary', { hasText: 'Year' }).click();
    expect(await violations(page)).toEqual([]);
    await page.locator('.search-result a').first().click();
    await page.waitForURL(/highlight=taliban/);
    await expect.poll(() => page.locator('mark.pagefind-highlight').count()).toBeGreaterThan(0);
    await page.locator('[data-theme-toggle]').click();
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toMatch(/^(dark|light)$/);
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
