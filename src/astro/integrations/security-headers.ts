/**
 * Writes `_headers` (Netlify, Cloudflare Pages) and `security-headers.conf` (nginx) into the
 * build output, with a Content-Security-Policy that allows exactly the inline scripts the
 * project writes (by the hash of their source). First it checks every page: a page holding any
 * other script (an inline one, an `onclick=`, a `javascript:` URL) fails the build, naming the
 * page.
 *
 * Pages are checked as Astro renders them (src/astro/rendered-pages.ts), in a thread of their own
 * (src/astro/page-analysis.ts), not read back once
 * written (3 s on the BBC corpus); at `astro:build:done` any HTML file in the output that did not
 * pass through rendering (one copied from `public/`) is read and checked too — except a page an
 * incremental build kept (src/astro/integrations/kept-output.ts) that passed in an earlier build
 * and has not changed since: its size and modification time are those recorded then.
 */
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { z } from 'zod';
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
import { analyzeRenderedPage } from '../page-analysis.ts';
import { builtFileOf, listenToRenderedPages } from '../rendered-pages.ts';

export function securityHeaderFiles(): AstroIntegration {
  let base = '/';
  /** Where the pages checked are recorded (in Astro's cache folder); none, nothing recorded. */
  let recordFile: string | undefined;
  const hashes = ownScriptHashes(OWN_INLINE_SCRIPTS);
  let checked = new Set<string>();
  let found: PageProblem[] = [];
  let stopListening = (): void => undefined;
  /** The checks of the pages rendered, under way. */
  let checking: Promise<void>[] = [];
  return {
    name: 'dispatch-security-headers',
    hooks: {
      'astro:config:setup': ({ config }) => {
        base = normalizeBase(config.base);
        recordFile = config.cacheDir && join(fileURLToPath(config.cacheDir), 'dispatch-checked-pages.json');
      },
      'astro:build:start': () => {
        checked = new Set();
        found = [];
        checking = [];
        stopListening = listenToRenderedPages((rendered) => {
          const page = builtFileOf(rendered.pathname, base);
          if (rendered.bytes === undefined || page === undefined) return;
          checked.add(page);
          // Checked in the page-analysis thread; a failure there fails the build.
          const check = analyzeRenderedPage(rendered, page).then(({ foreignScripts }) => {
            found.push(...foreignScripts);
          });
          // Awaited at `astro:build:done`; this keeps an early failure from counting as unhandled.
          check.catch(() => undefined);
          checking.push(check);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        stopListening();
        await Promise.all(checking);
        const siteDir = fileURLToPath(dir);
        const pages = (await readdir(siteDir, { recursive: true }))
          .filter((file) => file.endsWith('.html'))
          .map((file) => file.split(sep).join('/'));
        const stamps = new Map(
          await Promise.all(
            pages.map(async (page) => [page, stampOf(await stat(join(siteDir, page)))] as const),
          ),
        );
        const passedBefore = await readCheckedPages(recordFile, siteDir);
        const unseen = pages.filter(
          (page) => !checked.has(page) && passedBefore.get(page) !== stamps.get(page),
        );
        const html = await Promise.all(unseen.map((page) => readFile(join(siteDir, page), 'utf8')));
        found.push(
          ...findForeignScripts(
            unseen.map((page, index) => ({ page, html: html[index] ?? '' })),
            hashes,
          ),
        );
        if (found.length > 0) throw new Error(foreignScriptsMessage(found));
        if (recordFile !== undefined) {
          await mkdir(join(recordFile, '..'), { recursive: true });
          await writeFile(recordFile, JSON.stringify({ siteDir, pages: Object.fromEntries(stamps) }));
        }
        const headers = securityHeaders(contentSecurityPolicy(hashes));
        await writeFile(join(siteDir, '_headers'), headersFile(base, headers));
        await writeFile(join(siteDir, 'security-headers.conf'), nginxHeaders(headers));
        const unchanged = pages.length - checked.size - unseen.length;
        logger.info(
          `security headers written (${counted(hashes.length, 'inline script hash', 'inline script hashes')}, ${counted(pages.length, 'page', 'pages')} checked` +
            `${unchanged > 0 ? `, ${unchanged} of them unchanged since an earlier build checked them` : ''})`,
        );
      },
    },
  };
}

/** A page file's size and modification time: a kept page's are those it had when checked. */
function stampOf(file: { size: number; mtimeMs: number }): string {
  return `${file.size}:${file.mtimeMs}`;
}

/** The pages an earlier successful build of `siteDir` checked, with their stamps. */
async function readCheckedPages(
  file: string | undefined,
  siteDir: string,
): Promise<ReadonlyMap<string, string>> {
  if (file === undefined) return new Map();
  try {
    const record = CheckedPagesSchema.parse(JSON.parse(await readFile(file, 'utf8')));
    return new Map(record.siteDir === siteDir ? Object.entries(record.pages) : []);
  } catch {
    return new Map(); // None yet, or unreadable: every page unseen while rendering is read.
  }
}

const CheckedPagesSchema = z.object({ siteDir: z.string(), pages: z.record(z.string(), z.string()) });
