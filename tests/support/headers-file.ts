/**
 * The `_headers` file the build writes for Netlify and Cloudflare Pages, read back as the
 * headers its `/*` block gives every response, for tests that serve a site as such a host would.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Reads the `/*` block of a `_headers` file.
 *
 * @param text - the file's text
 */
export function parseHeadersFile(text: string): Record<string, string> {
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

/** The security headers of a built site (its `_headers` file's `/*` block). */
export function siteHeaders(site: string): Record<string, string> {
  return parseHeadersFile(readFileSync(join(site, '_headers'), 'utf8'));
}
