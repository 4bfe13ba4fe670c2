/**
 * `npm run bench`: the library stages (decode + parse, duplicates + stories) on synthetic
 * corpora of 1,000 and 10,000 articles, and on CONTENT_DIR when it is set. Prints a table.
 * (Astro render and Pagefind timings, page weights and the Hugo comparison are issue #8.)
 *
 *   npm run bench
 *   CONTENT_DIR=../shared/corpora/bbc npm run bench
 *   BENCH_SIZES=1000,10000,100000 npm run bench
 */
import { resolve } from 'node:path';
import { DEFAULT_MAX_FILE_BYTES } from '../src/lib/pipeline.ts';
import { readContentFiles } from '../src/loaders/content-files.ts';
import { syntheticFiles, timeStages, type StageTiming } from './corpus-stage.ts';

const sizes = (process.env['BENCH_SIZES'] ?? '1000,10000')
  .split(',')
  .map(Number)
  .filter((size) => size > 0);
const rows: StageTiming[] = [];
for (const size of sizes) rows.push(timeStages(`synthetic ${size}`, syntheticFiles(size)));
const contentDir = process.env['CONTENT_DIR'];
if (contentDir) {
  const { files } = await readContentFiles(resolve(contentDir), DEFAULT_MAX_FILE_BYTES);
  rows.push(timeStages(contentDir, files));
}
console.table(
  rows.map((row) => ({
    ...row,
    'articles/s (parse)': Math.round(row.articles / (row.parseMs / 1000)),
    'articles/s (corpus)': Math.round(row.articles / (row.corpusMs / 1000)),
  })),
);
