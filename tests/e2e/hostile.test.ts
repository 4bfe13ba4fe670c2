/**
 * Article text is untrusted: the fixture site holds files full of script, event-handler and
 * javascript: payloads (tests/fixtures/site/hostile/). Every page is opened in Chromium and
 * must run no injected script and carry no injected element or handler.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { builtPageAddresses, isRedirectPage, readPage } from '../support/html.ts';
import { serveSite, type RunningServer } from '../support/static-server.ts';

let browser: Browser;
let server: RunningServer;
let pages: string[];
/** The site's inline scripts (theme, service worker registration), read from a page that holds no article text. */
let themeScript: string;
let registerScript: string;
/** Pages that are redirects (meta refresh) to a canonical article. */
const redirects = new Set<string>();
/** The article whose text held `&lt;script&gt;alert(1)&lt;/script&gt;`, decoded to literal text. */
const CONTROLS = 'articles/1-8m-fine-for-northwind-radio-over-late-night-phone-in/';

beforeAll(async () => {
  const site = inject('siteDirs')['root'];
  if (!site) throw new Error('the root fixture site was not built');
  pages = builtPageAddresses(site);
  for (const path of pages) if (isRedirectPage(readPage(site, path))) redirects.add(path);
  const notFound = readFileSync(join(site, '404.html'), 'utf8');
  themeScript = /<script>([\s\S]*?)<\/script>/.exec(notFound)?.[1] ?? '';
  registerScript = /<script data-sw="[^"]+">([\s\S]*?)<\/script>/.exec(notFound)?.[1] ?? '';
  server = await serveSite(site, '/');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('hostile article text in a real browser', () => {
  test('covers the hostile articles among the pages visited', () => {
    expect(themeScript).toContain('data-theme-toggle');
    expect(registerScript).toContain('serviceWorker.register');
    expect(pages).toEqual(
      expect.arrayContaining([
        'articles/etc-passwd/',
        'articles/breaking-title-script-alert-title-script-news/',
        CONTROLS,
      ]),
    );
  });

  test('runs no injected script and leaves no handler, javascript: link or foreign script on any page', async () => {
    const context = await browser.newContext();
    for (const path of pages) {
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
      // A merged duplicate's address refreshes to its canonical page: check where it lands.
      if (redirects.has(path)) await page.waitForURL((url) => !url.pathname.endsWith(`/${path}`));
      // Hover everything once, so mouse-over payloads would fire if they had become handlers.
      await page.mouse.move(10, 10);
      const findings = await page.evaluate(
        (allowedInline) => {
          const handlers = [...document.querySelectorAll('*')].flatMap((element) =>
            [...element.attributes]
              .filter((attr) => attr.name.startsWith('on'))
              .map((attr) => `${element.tagName} ${attr.name}`),
          );
          const javascriptLinks = [...document.querySelectorAll('a[href^="javascript:" i]')].length;
          const scripts = [...document.querySelectorAll('script')]
            // Only scripts a browser runs: JSON-LD and Pagefind's result template are data.
            .filter((script) => ['', 'module', 'text/javascript'].includes(script.type))
            .map((script) => script.getAttribute('src') ?? script.textContent)
            .filter((src) => !allowedInline.includes(src) && !/^\/(_astro|pagefind)\//.test(src));
          return { handlers, javascriptLinks, scripts };
        },
        [themeScript, registerScript],
      );
      expect({ path, dialogs, ...findings }).toEqual({
        path,
        dialogs: [],
        handlers: [],
        javascriptLinks: 0,
        scripts: [],
      });
      await page.close();
    }
    await context.close();
  }, 120_000); // one visit per built page: tens of seconds on a busy two-core machine
});

describe('HTML character references in article text', () => {
  test('a decoded &lt;script&gt; shows as text a reader sees, and runs nothing', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${server.url}${CONTROLS}`, { waitUntil: 'load' });
    const shown = await page.evaluate(() => ({
      title: document.querySelector('h1')?.textContent,
      body: document.querySelector('.article__body')?.textContent ?? '',
      scripts: [...document.querySelectorAll('.article__body script')].length,
    }));
    expect(shown.title).toBe('£1.8m fine for Northwind Radio over late-night phone-in');
    expect(shown.body).toContain('said <script>alert(1)</script> on air');
    expect(shown.scripts).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
