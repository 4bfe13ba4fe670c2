/**
 * What readers see first: the top of the home page for a folder (default: the BBC corpus and
 * story-chains), each story under its representative headline with its counts, and the time
 * the story read models take (src/site/story-views.ts) — they are built by several pages.
 *
 *   npx node bench/story-views.ts [folder …] [--top 15]
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { organiseCorpus } from '../src/core/corpus/corpus.ts';
import { DEFAULT_MAX_FILE_BYTES, parseFiles } from '../src/core/pipeline.ts';
import { StoredArticleSchema } from '../src/core/model/schema.ts';
import { en } from '../src/site/i18n/en.ts';
import { storyViews } from '../src/site/story-views.ts';
import { readContentFiles } from '../src/astro/loaders/content-files.ts';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const topIndex = args.indexOf('--top');
const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 15;
const folders = args.filter((arg, index) => !arg.startsWith('--') && index !== topIndex + 1);
const defaults = ['../shared/corpora/bbc', '../shared/corpora/story-chains/articles'].map((folder) =>
  resolve(ROOT, folder),
);

for (const folder of folders.length > 0 ? folders.map((folder) => resolve(folder)) : defaults) {
  if (!existsSync(folder)) continue;
  const { files } = await readContentFiles(folder, DEFAULT_MAX_FILE_BYTES);
  const { articles } = parseFiles(files, { maxFileBytes: DEFAULT_MAX_FILE_BYTES });
  const corpus = organiseCorpus(articles);
  const stored = corpus.published.map((article) => StoredArticleSchema.parse(article));
  const start = performance.now();
  const views = storyViews(corpus.stories, stored);
  const ms = performance.now() - start;
  console.log(
    `\n${folder}: ${stored.length} articles, ${views.length} stories, story views in ${ms.toFixed(0)} ms`,
  );
  for (const [index, view] of views.slice(0, top).entries()) {
    const when = view.latest.date?.slice(0, 10) ?? 'undated';
    const renamed = view.lead.title === view.story.title ? '' : `  (first report: ${view.story.title})`;
    console.log(
      `${String(index + 1).padStart(3)}. ${when}  ${en.story.reportsFrom(view.articles.length, view.outlets.length).padEnd(24)} ${view.lead.title}${renamed}`,
    );
  }
}
