/**
 * What a reader downloads to search a built site: opens `search/` in Chromium, types a first
 * query, then later ones, and adds up every response. Bytes are counted as a host with
 * compression would send them: gzip size, unless the file is already compressed (Pagefind's
 * index chunks are), whichever is smaller.
 *
 * `node bench/search-transfer.ts [built-site-dir] [first query] [later query…]`
 * (`npm run bench` uses {@link measureSearchTransfer} for its first-search column.)
 */
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchChromium } from '../tests/support/browser.ts';
import { serveSite } from '../tests/support/static-server.ts';

export interface TransferStep {
  step: string;
  kb: number;
  requests: number;
}

/**
 * Measures opening the search page, a first search and later searches of a built site.
 *
 * @param dir - the built site (served at `/`)
 * @param first - the first query; it must have results
 * @param later - later queries, each with results
 */
export async function measureSearchTransfer(
  dir: string,
  first: string,
  later: readonly string[],
): Promise<TransferStep[]> {
  const server = await serveSite(dir, '/');
  const browser = await launchChromium();
  try {
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
    const measure = async (step: () => Promise<void>): Promise<{ kb: number; requests: number }> => {
      bytes = 0;
      requests = 0;
      await step();
      await page.waitForLoadState('networkidle');
      // Responses still being read when the network goes idle.
      await page.waitForTimeout(300);
      return { kb: Math.round(bytes / 102.4) / 10, requests };
    };

    const steps: TransferStep[] = [];
    const open = await measure(() =>
      page.goto(`${server.url}search/`, { waitUntil: 'networkidle' }).then(() => undefined),
    );
    steps.push({ step: 'open search page (HTML, CSS)', ...open });
    const firstSearch = await measure(() => search(page, first));
    steps.push({ step: `first search "${first}" (UI, engine, index, results)`, ...firstSearch });
    steps.push({
      step: 'page + first search',
      kb: Math.round((open.kb + firstSearch.kb) * 10) / 10,
      requests: open.requests + firstSearch.requests,
    });
    for (const query of later) {
      steps.push({ step: `later search "${query}"`, ...(await measure(() => search(page, query))) });
    }
    return steps;
  } finally {
    await browser.close();
    await server.close();
  }
}

async function search(target: Page, query: string): Promise<void> {
  // The search page opens with a plain box; using it loads Pagefind's UI, which takes over.
  if (await target.locator('#search-q').isVisible()) await target.locator('#search-q').click();
  await target.locator('pagefind-input input').fill(query);
  await target.waitForFunction(
    (q) => document.querySelector('pagefind-summary')?.textContent?.toLowerCase().includes(q),
    query.toLowerCase(),
  );
  await target.waitForSelector('.search-result');
}

if (import.meta.main) {
  const [dir = 'dist', first = 'election', ...later] = process.argv.slice(2);
  const laterQueries = later.length > 0 ? later : ['minister', 'football', 'oil prices'];
  console.table(await measureSearchTransfer(dir, first, laterQueries));
}
