/**
 * Writes `_headers` (Netlify, Cloudflare Pages) and `security-headers.conf` (nginx) into the
 * build output, with a Content-Security-Policy that allows exactly the inline scripts the
 * project writes (by the hash of their source). First it checks every page: a page holding any
 * other script (an inline one, an `onclick=`, a `javascript:` URL) fails the build, naming the
 * page.
 *
 * Pages are checked as Astro renders them (src/astro/rendered-pages.ts), not read back once
 * written (3 s on the BBC corpus); at `astro:build:done` any HTML file in the output that did not
 * pass through rendering (one copied from `public/`) is read and checked too.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { OWN_INLINE_SCRIPTS } from '../../browser/inline-scripts.ts';
import { normalizeBase } from '../../core/model/routes.ts';
import { counted } from '../../site/format.ts';
import {
  contentSecurityPolicy,
  findForeignScripts,
  foreignScriptsMessage,
  headersFile,
  nginxHeaders,
  ownScriptHashes,
  securityHeaders,
  type PageProblem,
} from '../../site/security-policy.ts';
import { builtFileOf, listenToRenderedPages } from '../rendered-pages.ts';

export function securityHeaderFiles(): AstroIntegration {
  let base = '/';
  const hashes = ownScriptHashes(OWN_INLINE_SCRIPTS);
  let checked = new Set<string>();
  let found: PageProblem[] = [];
  let stopListening = (): void => undefined;
  return {
    name: 'dispatch-security-headers',
    hooks: {
      'astro:config:setup': ({ config }) => {
        base = normalizeBase(config.base);
      },
      'astro:build:start': () => {
        checked = new Set();
        found = [];
        stopListening = listenToRenderedPages(({ pathname, html }) => {
          const page = builtFileOf(pathname, base);
          if (html === undefined || page === undefined) return;
          checked.add(page);
          found.push(...findForeignScripts([{ page, html }], hashes));
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        stopListening();
        const siteDir = fileURLToPath(dir);
        const pages = (await readdir(siteDir, { recursive: true }))
          .filter((file) => file.endsWith('.html'))
          .map((file) => file.split(sep).join('/'));
        const unseen = pages.filter((page) => !checked.has(page));
        const html = await Promise.all(unseen.map((page) => readFile(join(siteDir, page), 'utf8')));
        found.push(
          ...findForeignScripts(
            unseen.map((page, index) => ({ page, html: html[index] ?? '' })),
            hashes,
          ),
        );
        if (found.length > 0) throw new Error(foreignScriptsMessage(found));
        const headers = securityHeaders(contentSecurityPolicy(hashes));
        await writeFile(join(siteDir, '_headers'), headersFile(base, headers));
        await writeFile(join(siteDir, 'security-headers.conf'), nginxHeaders(headers));
        logger.info(
          `security headers written (${counted(hashes.length, 'inline script hash', 'inline script hashes')}, ${pages.length} pages checked)`,
        );
      },
    },
  };
}
