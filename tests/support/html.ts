/** Reading built pages in tests: file access and a few precise HTML queries. */
import { readFileSync } from 'node:fs';
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
