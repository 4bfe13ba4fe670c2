/**
 * Benchmark of the library stages (decode → parse → duplicates → stories → topics) on synthetic
 * corpora of growing size, and on CONTENT_DIR when given. Prints a table; no timing is asserted.
 *
 *   node bench/corpus-stage.ts [sizes…]        e.g. node bench/corpus-stage.ts 1000 10000 100000
 */
import { organiseCorpus } from '../src/core/corpus/corpus.ts';
import { relatedDocuments } from '../src/core/corpus/related.ts';
import { storiesAndLinks } from '../src/core/corpus/stories.ts';
import { assignTopics } from '../src/core/corpus/topics.ts';
import { DEFAULT_MAX_FILE_BYTES, parseFiles } from '../src/core/pipeline.ts';
import { syntheticCorpus } from './synthetic.ts';

export interface StageTiming {
  corpus: string;
  articles: number;
  parseMs: number;
  corpusMs: number;
  /** The stories stage alone (part of corpusMs), timed again on the published articles. */
  storiesMs: number;
  /** Choosing every article's related reading from the stories' links (part of corpusMs). */
  relatedMs: number;
  /** relatedMs per published article, in microseconds. */
  relatedUsPerArticle: number;
  topicsMs: number;
  duplicates: number;
  multiStories: number;
  largestStory: number;
  peakRssMb: number;
}

/**
 * Times decode + parse (per file), the corpus stage (duplicates + stories) and topics
 * separately, and the stories stage on its own once more.
 */
export function timeStages(name: string, files: { path: string; bytes: Uint8Array }[]): StageTiming {
  const options = { basePath: '/', maxFileBytes: DEFAULT_MAX_FILE_BYTES };
  let peak = process.memoryUsage().rss;
  const started = performance.now();
  const { articles } = parseFiles(files, options);
  peak = Math.max(peak, process.memoryUsage().rss);
  const parsed = performance.now();
  const corpus = organiseCorpus(articles);
  const organised = performance.now();
  assignTopics(corpus.published);
  const done = performance.now();
  const { clusters, links } = storiesAndLinks(
    corpus.published.map((article) => ({
      title: article.title,
      body: [article.dek ?? '', ...article.paragraphs].join('\n'),
      date: article.date,
    })),
  );
  const grouped = performance.now();
  const storyOf = new Int32Array(corpus.published.length);
  clusters.forEach((cluster, story) => cluster.forEach((index) => (storyOf[index] = story)));
  relatedDocuments(links, Array.from(storyOf));
  const relatedMs = performance.now() - grouped;
  const storiesMs = Math.round(grouped - done);
  peak = Math.max(peak, process.memoryUsage().rss);
  return {
    corpus: name,
    articles: files.length,
    parseMs: Math.round(parsed - started),
    corpusMs: Math.round(organised - parsed),
    storiesMs,
    relatedMs: Math.round(relatedMs),
    relatedUsPerArticle: Math.round((relatedMs * 1000) / Math.max(1, corpus.published.length)),
    topicsMs: Math.round(done - organised),
    duplicates: corpus.duplicates.length,
    multiStories: corpus.stories.filter((story) => story.articles.length > 1).length,
    largestStory: corpus.stories.reduce((most, story) => Math.max(most, story.articles.length), 0),
    peakRssMb: Math.round(peak / 1024 / 1024),
  };
}

export function syntheticFiles(count: number): { path: string; bytes: Uint8Array }[] {
  const encoder = new TextEncoder();
  return syntheticCorpus(count).map((file) => ({ path: file.path, bytes: encoder.encode(file.text) }));
}

if (import.meta.main) {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((size) => size > 0);
  const rows = (sizes.length > 0 ? sizes : [1000, 10_000]).map((size) =>
    timeStages(`synthetic ${size}`, syntheticFiles(size)),
  );
  console.table(rows);
}
