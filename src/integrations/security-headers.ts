/**
 * Writes `_headers` (Netlify, Cloudflare Pages) and `security-headers.conf` (nginx) into the
 * build output, with a Content-Security-Policy that allows exactly the inline scripts the
 * built pages contain (by hash). Runs after the pages exist, at `astro:build:done`.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  contentSecurityPolicy,
  headersFile,
  nginxHeaders,
  securityHeaders,
  siteScriptHashes,
} from '../lib/security-headers.ts';

export function securityHeaderFiles(): AstroIntegration {
  let base = '/';
  return {
    name: 'dispatch-security-headers',
    hooks: {
      'astro:config:setup': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const siteDir = fileURLToPath(dir);
        const pages = (await readdir(siteDir, { recursive: true })).filter((file) => file.endsWith('.html'));
        const html = await Promise.all(pages.map((page) => readFile(join(siteDir, page), 'utf8')));
        const hashes = siteScriptHashes(html);
        const headers = securityHeaders(contentSecurityPolicy([...hashes]));
        await writeFile(join(siteDir, '_headers'), headersFile(base, headers));
        await writeFile(join(siteDir, 'security-headers.conf'), nginxHeaders(headers));
        logger.info(
          `security headers written (${hashes.size} inline script hash${hashes.size === 1 ? '' : 'es'})`,
        );
      },
    },
  };
}
