/**
 * The security headers the build writes (`_headers`) enforced by a real browser: every page,
 * search (WebAssembly, worker, filters), the theme toggle and highlighting work with zero
 * Content-Security-Policy violations.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import {
  builtPageAddresses,
  isRedirectPage,
  MIN_ROOT_FIXTURE_PAGES,
  readPage,
  ROOT_FIXTURE_PAGES,
} from '../support/html.ts';
import { siteHeaders } from '../support/headers-file.ts';
import { serveSite, type RunningServer } from '../support/static-server.ts';

let browser: Browser;
let server: RunningServer;
let context: BrowserContext;
let site: string;
/** The headers of `_headers`, which the test server sends with every response. */
let headers: Record<string, string>;
/** The headers of the nginx file, `security-headers.conf`, read on their own. */
let nginx: Record<string, string>;
let pages: string[];
/** The hash sources each page's inline scripts need, by page address (see inlineScriptHashes). */
let scriptHashes: Map<string, string[]>;
/** Pages that are redirects (meta refresh) to a canonical article. */
const redirects = new Set<string>();

/** Reads the `add_header Name "value" always;` lines of an nginx include. */
function parseNginxHeaders(text: string): Record<string, string> {
  return Object.fromEntries(
    [...text.matchAll(/^add_header ([A-Za-z-]+) "([^"]*)" always;$/gm)].map((match) => [
      match[1] ?? '',
      match[2] ?? '',
    ]),
  );
}

/** The directives of a Content-Security-Policy, each with its list of sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

/** JavaScript types of `<script type>` (the HTML standard's list); any other type is a data block, never run. */
const SCRIPT_TYPES = new Set([
  '',
  'module',
  'application/ecmascript',
  'application/javascript',
  'application/x-ecmascript',
  'application/x-javascript',
  'text/ecmascript',
  'text/javascript',
  'text/javascript1.0',
  'text/javascript1.1',
  'text/javascript1.2',
  'text/javascript1.3',
  'text/javascript1.4',
  'text/javascript1.5',
  'text/jscript',
  'text/livescript',
  'text/x-ecmascript',
  'text/x-javascript',
]);

/**
 * The CSP hash sources (`'sha256-…'`) each page's inline scripts need to run, worked out here
 * and not with the build's own code: Chromium's HTML parser (DOMParser, in a blank page) reads
 * each built page as served, and each runnable inline script's text — what a browser hashes —
 * is hashed with SHA-256, base64.
 *
 * @returns hash sources by page address
 */
async function inlineScriptHashes(
  browser: Browser,
  addresses: readonly string[],
): Promise<Map<string, string[]>> {
  const parser = await browser.newPage();
  const hashes = new Map<string, string[]>();
  for (const address of addresses) {
    const texts = await parser.evaluate(
      ([html, types]) =>
        [...new DOMParser().parseFromString(html, 'text/html').querySelectorAll('script:not([src])')]
          .filter((script) => types.includes((script.getAttribute('type') ?? '').trim().toLowerCase()))
          .map((script) => (script as HTMLScriptElement).text),
      [readPage(site, address), [...SCRIPT_TYPES]] as const,
    );
    hashes.set(
      address,
      texts.map((text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`),
    );
  }
  await parser.close();
  return hashes;
}

beforeAll(async () => {
  const dir = inject('siteDirs')['root'];
  if (!dir) throw new Error('the root fixture site was not built');
  site = dir;
  headers = siteHeaders(site);
  nginx = parseNginxHeaders(readFileSync(join(site, 'security-headers.conf'), 'utf8'));
  pages = builtPageAddresses(site);
  for (const path of pages) if (isRedirectPage(readPage(site, path))) redirects.add(path);
  server = await serveSite(site, '/', headers);
  browser = await launchChromium();
  scriptHashes = await inlineScriptHashes(browser, pages);
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
    // The inline scripts' hashes: the theme script's and the service worker registration's.
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+'){2}(;|$)/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("manifest-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    });
    expect(headers['Permissions-Policy']).toContain('camera=()');
  });

  test('are the same for nginx as in _headers', () => {
    expect(Object.keys(nginx).length).toBeGreaterThanOrEqual(6);
    expect(nginx).toEqual(headers);
  });

  test('allow exactly the inline scripts the pages hold, by their hash', () => {
    expect(scriptHashes.size).toBeGreaterThanOrEqual(MIN_ROOT_FIXTURE_PAGES);
    const scriptSources = directives(nginx['Content-Security-Policy'] ?? '').get('script-src') ?? [];
    expect(scriptSources).not.toContain("'unsafe-inline'");
    const needed = new Set([...scriptHashes.values()].flat());
    // The theme script is inline in every page but the redirects.
    expect(needed.size).toBeGreaterThan(0);
    expect(scriptSources.filter((source) => source.startsWith("'sha256-")).sort()).toEqual(
      [...needed].sort(),
    );
  });

  test('every page loads with zero CSP violations', async () => {
    // The loop below checks nothing if the list is empty or short.
    expect(pages.length).toBeGreaterThanOrEqual(MIN_ROOT_FIXTURE_PAGES);
    expect(pages).toEqual(
      expect.arrayContaining(ROOT_FIXTURE_PAGES.map((file) => file.replace(/index\.html$/, ''))),
    );
    expect(redirects.size).toBeGreaterThan(0);
    const page = await context.newPage();
    for (const path of pages) {
      const response = await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
      // Every address is a built file (404.html too): a 404 here would be the not-found page.
      expect([path, response?.status()]).toEqual([path, 200]);
      // The policy served is the one written for nginx (read from its own file), and it lets
      // each inline script of this very page run: its hash, computed here, is in script-src.
      const policy = response?.headers()['content-security-policy'] ?? '';
      expect(policy).toBe(nginx['Content-Security-Policy']);
      const scriptSources = directives(policy).get('script-src') ?? [];
      expect(scriptSources).not.toContain("'unsafe-inline'");
      const hashes = scriptHashes.get(path) ?? [];
      if (!redirects.has(path)) expect([path, hashes.length]).not.toEqual([path, 0]);
      for (const hash of hashes) {
        expect([path, scriptSources]).toEqual([path, expect.arrayContaining([hash])]);
      }
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
