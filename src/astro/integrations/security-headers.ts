/**
 * Writes `_headers` (Netlify, Cloudflare Pages) and `security-headers.conf` (nginx) into the
 * build output, with a Content-Security-Policy that allows exactly the inline scripts the
 * project writes (by the hash of their source). Runs after the pages exist, at
 * `astro:build:done`, and first checks them: a page holding any other script (an inline one,
 * an `onclick=`, a `javascript:` URL) fails the build, naming the page.
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
} from '../../site/security-policy.ts';

export function securityHeaderFiles(): AstroIntegration {
  let base = '/';
  return {
    name: 'dispatch-security-headers',
    hooks: {
      'astro:config:setup': ({ config }) => {
        base = normalizeBase(config.base);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const siteDir = fileURLToPath(dir);
        const pages = (await readdir(siteDir, { recursive: true })).filter((file) => file.endsWith('.html'));
        const html = await Promise.all(pages.map((page) => readFile(join(siteDir, page), 'utf8')));
        const hashes = ownScriptHashes(OWN_INLINE_SCRIPTS);
        const found = findForeignScripts(
          pages.map((page, index) => ({ page: page.split(sep).join('/'), html: html[index] ?? '' })),
          hashes,
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
