/**
 * One full `astro build` of a content folder, timed per stage from the build's own log lines,
 * with peak memory (GNU time, when installed), output and index sizes, and the gzip weight of
 * article pages (HTML + CSS).
 */
import { readFile, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { gzipSync } from 'node:zlib';
import { readPipelineSummary } from '../src/astro/loaders/summary.ts';
import { chromiumAvailable } from '../tests/support/browser.ts';
import { runWithPeakMemory } from './gnu-time.ts';
import { measureSearchTransfer } from './search-transfer.ts';

const PROJECT_ROOT = join(import.meta.dirname, '..');

export interface SiteBuild {
  label: string;
  articles: number;
  wallS: number;
  peakRssMb: number | undefined;
  /** Decode, parse, duplicates, stories, topics (the loader's pipeline). */
  pipelineS: number | undefined;
  /** Astro: content sync and build info, page rendering. */
  contentS: number | undefined;
  renderS: number | undefined;
  pagefindS: number | undefined;
  pages: number | undefined;
  outputMb: number;
  /** Files in the output: what a host that caps file counts sees (see README). */
  files: number;
  indexMb: number;
  /** Median gzip size of an article page's HTML plus the stylesheet, in KB. */
  articleKb: number;
  /** What a reader downloads to open the search page and see a first result (Chromium). */
  firstSearchKb: number | undefined;
}

/**
 * Builds `contentDir` into `outDir` and measures it: from a clean cache and an empty output
 * folder, or, with `rebuild`, on top of the previous build's cache and output (as an editor's
 * next build after changing a file).
 *
 * @param label - row name
 * @param contentDir - the articles
 * @param outDir - where the site goes (inside the project, as Astro requires)
 */
export async function timeSiteBuild(
  label: string,
  contentDir: string,
  outDir: string,
  { rebuild = false } = {},
): Promise<SiteBuild> {
  if (!rebuild) {
    await rm(join(PROJECT_ROOT, 'node_modules/.astro'), { recursive: true, force: true });
    await rm(outDir, { recursive: true, force: true });
  }
  const astro = join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');
  const started = performance.now();
  const { stdout, stderr, peakRssMb } = await runWithPeakMemory(
    process.execPath,
    [astro, 'build', '--outDir', outDir],
    {
      cwd: PROJECT_ROOT,
      env: { ...process.env, CONTENT_DIR: contentDir, ASTRO_TELEMETRY_DISABLED: '1' },
    },
  );
  const wallS = (performance.now() - started) / 1000;
  const log = stripVTControlCharacters(stdout + stderr);
  const number = (pattern: RegExp): number | undefined => {
    const match = pattern.exec(log);
    return match ? Number(match[1]) : undefined;
  };
  const summary = readPipelineSummary(log);
  const published = summary?.published ?? 0;
  return {
    label,
    articles: published,
    wallS,
    peakRssMb,
    pipelineS: divide(summary?.ms, 1000),
    contentS: seconds(log, /\[build\] ✓ Completed in ([^.]+(?:\.\d+s)?)\./),
    // Page generation ends with the one `✓ Completed in …` line without a `[build]` prefix.
    renderS: seconds(log, /^\d\d:\d\d:\d\d ✓ Completed in ([^.]+(?:\.\d+s)?)\./m),
    // Pagefind indexes while pages render and writes while the last routes do; what is left is
    // the wait for the index after the last page.
    pagefindS: divide(number(/indexed \d+ pages .*, (\d+) ms after the last page/), 1000),
    pages: number(/(\d+) page\(s\) built/),
    outputMb: (await folderBytes(outDir)) / 1024 / 1024,
    files: await fileCount(outDir),
    indexMb: (await folderBytes(join(outDir, 'pagefind'))) / 1024 / 1024,
    articleKb: await medianArticleWeight(outDir),
    // The same index again after a rebuild: measured once, on the clean build.
    firstSearchKb: rebuild ? undefined : await firstSearchWeight(outDir),
  };
}

/**
 * Page + first search transfer, searching for the longest word of the first article's title
 * (a word the index surely has, whatever the corpus). Missing when Chromium is not installed.
 */
async function firstSearchWeight(outDir: string): Promise<number | undefined> {
  if (!chromiumAvailable()) return undefined;
  const articlesDir = join(outDir, 'articles');
  for (const slug of (await readdir(articlesDir)).sort()) {
    const html = await readFile(join(articlesDir, slug, 'index.html'), 'utf8');
    const title = /<h1[^>]*>([^<]+)<\/h1>/.exec(html)?.[1];
    if (!title) continue;
    const query = title
      .toLowerCase()
      .split(/[^a-z]+/)
      .reduce((longest, word) => (word.length > longest.length ? word : longest), '');
    if (query.length < 4) continue;
    const steps = await measureSearchTransfer(outDir, query, []);
    return steps.find((step) => step.step === 'page + first search')?.kb;
  }
  return undefined;
}

/** Astro's durations in a log line: `850ms`, `12.34s`, `2m 5s`. */
function seconds(log: string, pattern: RegExp): number | undefined {
  const text = pattern.exec(log)?.[1];
  if (text === undefined) return undefined;
  const parts = /^(?:(\d+)m\s*)?(?:([\d.]+)s)?(?:(\d+)ms)?$/.exec(text.trim());
  if (!parts) return undefined;
  const [, minutes = '0', secs = '0', ms = '0'] = parts;
  return Number(minutes) * 60 + Number(secs) + Number(ms) / 1000;
}

/** Unit conversion that keeps a missing measurement missing. */
function divide(value: number | undefined, divisor: number): number | undefined {
  return value === undefined ? undefined : value / divisor;
}

async function fileCount(dir: string): Promise<number> {
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile())
    .length;
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/** Median over (up to) 200 article pages, so a few very long articles do not decide it. */
async function medianArticleWeight(outDir: string): Promise<number> {
  const articlesDir = join(outDir, 'articles');
  const slugs = (await readdir(articlesDir)).sort().slice(0, 200);
  const sizes: number[] = [];
  let cssBytes: number | undefined;
  for (const slug of slugs) {
    const html = await readFile(join(articlesDir, slug, 'index.html'));
    if (html.includes('http-equiv="refresh"')) continue;
    if (cssBytes === undefined) {
      const href = /<link rel="stylesheet" href="[^"]*?(_astro\/[^"]+\.css)"/.exec(html.toString())?.[1];
      cssBytes = href ? gzipSync(await readFile(join(outDir, href)), { level: 9 }).length : 0;
    }
    sizes.push(gzipSync(html, { level: 9 }).length);
  }
  sizes.sort((a, b) => a - b);
  return ((sizes[Math.floor(sizes.length / 2)] ?? 0) + (cssBytes ?? 0)) / 1024;
}
