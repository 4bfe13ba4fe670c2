/** Reading built pages in tests: file access and a few precise HTML queries. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Reads a built file, given its site-relative path (`articles/x/` means its index.html). */
export function readPage(siteDir: string, path: string): string {
  const file = path.endsWith('/') || path === '' ? join(path, 'index.html') : path;
  return readFileSync(join(siteDir, file), 'utf8');
}

/** All matches of a regular expression's first group. */
export function allMatches(html: string, pattern: RegExp): string[] {
  return [
    ...html.matchAll(
      new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`),
    ),
  ].map((match) => match[1] ?? '');
}

/** The parsed JSON-LD objects of a page. */
export function jsonLd(html: string): Record<string, unknown>[] {
  return allMatches(html, /<script type="application\/ld\+json">([\s\S]*?)<\/script>/).map(
    (text) => JSON.parse(text) as Record<string, unknown>,
  );
}

/** Decodes the few entities Astro emits in text, for comparing text content. */
export function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Every built HTML page of a site, as paths relative to it (`index.html`, `articles/x/index.html`), sorted. */
export function builtPageFiles(siteDir: string): string[] {
  return readdirSync(siteDir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/'))
    .sort();
}

/** The same pages as addresses a browser opens (`''`, `articles/x/`, `404.html`). */
export function builtPageAddresses(siteDir: string): string[] {
  return builtPageFiles(siteDir).map((file) => file.replace(/index\.html$/, ''));
}

/** Whether a page is the redirect left at a merged duplicate's address (a meta refresh). */
export function isRedirectPage(html: string): boolean {
  return html.includes('http-equiv="refresh"');
}

/**
 * Pages the root fixture site (content/ plus tests/fixtures/site/) always has, and how many
 * pages it has at least (35 when this was written). A check looping over the built pages first
 * asserts them: an empty or truncated list would pass any loop.
 */
export const ROOT_FIXTURE_PAGES: readonly string[] = [
  'index.html',
  '404.html',
  'search/index.html',
  'archive/index.html',
  'sources/index.html',
  'topics/index.html',
  'topics/taliban/index.html',
  'articles/russia-becomes-the-first-country-in-the-world-to-recognize-taliban-government/index.html',
  'articles/russias-historic-recognition-of-taliban-government-a-shift-in-geopolitical-dynamics/index.html',
  'stories/russia-becomes-the-first-country-in-the-world-to-recognize-taliban-government/index.html',
  // A merged duplicate's address: a redirect page.
  'articles/moscow-recognises-taliban-rule-in-a-first-for-any-country/index.html',
];
export const MIN_ROOT_FIXTURE_PAGES = 30;
