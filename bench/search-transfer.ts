/**
 * What a reader downloads to search a built site: opens `search/` in Chromium, types a first
 * query, then later ones, and adds up every response. Bytes are counted as a host with
 * compression would send them: gzip size, unless the file is already compressed (Pagefind's
 * index chunks are), whichever is smaller.
 *
 * `node bench/search-transfer.ts [built-site-dir] [first query] [later query…]`
 */
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchChromium } from '../tests/support/browser.ts';
import { serveSite } from '../tests/support/static-server.ts';

const [dir = 'dist', first = 'election', ...later] = process.argv.slice(2);
const laterQueries = later.length > 0 ? later : ['minister', 'football', 'oil prices'];

const server = await serveSite(dir, '/');
const browser = await launchChromium();
const page = await browser.newPage();
let bytes = 0;
let requests = 0;
page.on('response', (response) => {
  void response
    .body()
    .then((body) => {
      bytes += Math.min(body.length, gzipSync(body).length);
      requests += 1;
    })
    .catch(() => undefined);
});

async function measure(step: () => Promise<void>): Promise<{ kb: number; requests: number }> {
  bytes = 0;
  requests = 0;
  await step();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  return { kb: Math.round(bytes / 102.4) / 10, requests };
}

async function type(target: Page, query: string): Promise<void> {
  // The search page opens with a plain box; using it loads Pagefind's UI, which takes over.
  if (await target.locator('#search-q').isVisible()) await target.locator('#search-q').click();
  await target.locator('pagefind-input input').fill(query);
  await target.waitForFunction(
    (q) => document.querySelector('pagefind-summary')?.textContent?.toLowerCase().includes(q),
    query.toLowerCase(),
  );
  await target.waitForSelector('.search-result');
}

const rows: Record<string, string | number>[] = [];
const open = await measure(() =>
  page.goto(`${server.url}search/`, { waitUntil: 'networkidle' }).then(() => undefined),
);
rows.push({ step: 'open search page (HTML, CSS)', ...open });
const firstSearch = await measure(() => type(page, first));
rows.push({ step: `first search "${first}" (UI, engine, index, results)`, ...firstSearch });
rows.push({
  step: 'page + first search',
  kb: Math.round((open.kb + firstSearch.kb) * 10) / 10,
  requests: open.requests + firstSearch.requests,
});
for (const query of laterQueries) {
  rows.push({ step: `later search "${query}"`, ...(await measure(() => type(page, query))) });
}
console.table(rows);
await browser.close();
await server.close();
