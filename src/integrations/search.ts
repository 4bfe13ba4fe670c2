/**
 * Builds the Pagefind search index at the end of `astro build`, into the output folder Astro
 * reports — so `astro build --outDir X` gives a complete searchable site in X. Any error
 * Pagefind reports fails the build: a site whose search silently broke must not ship.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

export function pagefindSearch(): AstroIntegration {
  return {
    name: 'dispatch-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const siteDir = fileURLToPath(dir);
        const started = performance.now();
        try {
          const { index, errors: createErrors } = await pagefind.createIndex({});
          if (!index) throw new Error(`Pagefind could not create an index: ${createErrors.join('; ')}`);
          const { errors: addErrors, page_count: pageCount } = await index.addDirectory({ path: siteDir });
          failOn('indexing the site', addErrors);
          const { errors: writeErrors } = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
          failOn('writing the index', writeErrors);
          logger.info(`indexed ${pageCount} pages in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}

function failOn(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind failed while ${step}:\n${errors.join('\n')}`);
}
