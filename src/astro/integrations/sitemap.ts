/**
 * `sitemap-index.xml` through @astrojs/sitemap, listing only real pages: the addresses of
 * merged duplicates are redirect pages and must not be offered to search engines. Which
 * addresses those are is only known once the build has run, so a small integration placed
 * before the sitemap reads them from the build report in the output folder.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import type { BuildReport } from '../../core/model/report.ts';
import { siteLinks } from '../../core/model/routes.ts';

export function siteSitemap(basePath: string): AstroIntegration[] {
  const redirectPaths = new Set<string>();
  const { search: searchPage, offline: offlinePage } = siteLinks(basePath);
  const collector: AstroIntegration = {
    name: 'dispatch-sitemap-exclusions',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const raw = await readFile(join(fileURLToPath(dir), 'build-report.json'), 'utf8');
        const report = JSON.parse(raw) as BuildReport;
        for (const input of report.inputs) if (input.redirectFrom) redirectPaths.add(input.redirectFrom);
      },
    },
  };
  return [
    collector,
    sitemap({
      // The search page has no content of its own to offer a search engine, nor has the page
      // a reader sees offline.
      filter: (page) => {
        const path = new URL(page).pathname;
        return !redirectPaths.has(path) && path !== searchPage && path !== offlinePage;
      },
    }),
  ];
}
