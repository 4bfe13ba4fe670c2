/**
 * Topic extraction on a folder of articles: time, topics found, the most common ones.
 * `CONTENT_DIR=../shared/corpora/bbc node bench/corpus-topics.ts`
 */
import { resolve } from 'node:path';
import { assignTopics } from '../src/core/corpus/topics.ts';
import { DEFAULT_MAX_FILE_BYTES, parseFiles } from '../src/core/pipeline.ts';
import { readContentFiles } from '../src/astro/loaders/content-files.ts';

const dir = resolve(process.env['CONTENT_DIR'] ?? 'content');
const { files } = await readContentFiles(dir, DEFAULT_MAX_FILE_BYTES);
const { articles } = parseFiles(files, { maxFileBytes: DEFAULT_MAX_FILE_BYTES });
const started = performance.now();
const { byArticle, topics } = assignTopics(articles);
const ms = performance.now() - started;
const counts = new Map<string, number>();
for (const list of byArticle.values())
  for (const topic of list) counts.set(topic.name, (counts.get(topic.name) ?? 0) + 1);
const perArticle =
  [...byArticle.values()].reduce((sum, list) => sum + list.length, 0) / Math.max(1, byArticle.size);
console.table([
  {
    folder: dir,
    articles: articles.length,
    'topics ms': Math.round(ms),
    topics: topics.length,
    'people/places/orgs': ['person', 'place', 'organisation']
      .map((kind) => topics.filter((t) => t.kind === kind).length)
      .join('/'),
    'per article': perArticle.toFixed(1),
  },
]);
const top = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25);
console.log(top.map(([name, count]) => `${name} (${count})`).join(', '));
