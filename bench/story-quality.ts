/**
 * How well stories match hand labels. Reads a folder the way the site does (readContentFiles →
 * parseFiles → organiseCorpus), takes the stories the current code produces, and scores them,
 * side by side with other groupings of the same published articles (`previous`: the average-link
 * grouping the site used before, bench/story-previous.ts; a plain TF-IDF single-link baseline at
 * 0.15 and 0.20; add a method to METHODS to score it too).
 *
 *   npx node bench/story-quality.ts                      every known labelled set that is present,
 *                                                        then the catch-all check on 10,000 BBC paragraph mixes
 *   npx node bench/story-quality.ts <folder> <labels>    one folder against one labels file
 *   options: --method current,tfidf-0.15   only these methods
 *            --detail                      per labelled event: into how many stories it is split
 *
 * Labels: a pairs file (`file_a  file_b  same_story`, like story-chains' pairs.tsv) or an event
 * map (`file  event`; files not listed are unlabelled and not scored). Names are paths relative
 * to the folder, or just file names when that is unambiguous.
 *
 * Metrics (definitions in bench/story-metrics.ts):
 * - pairwise precision / recall / F1 over the labelled pairs only (a pair is predicted "same"
 *   when both files end up in one story);
 * - BCubed precision / recall / F1 per labelled item, over the labelled items it is paired with,
 *   averaged over the labelled items.
 * Every file gets a story before scoring, as a reader would see it: a published article its
 * story; a duplicate the pipeline merged is not an article of its own, so it takes its canonical
 * article's story; a rejected file (or a labelled name not found in the folder) is a story of
 * its own — their numbers are printed, since they cost recall.
 * Columns: stories = all stories of the folder (single-article ones included), multi = stories
 * of two or more articles, largest = the largest story's article count, ms = time of the
 * grouping step alone (the stories stage for `current`; duplicates are found once, before).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { organiseCorpus } from '../src/core/corpus/corpus.ts';
import { groupStories, type StoryDocument } from '../src/core/corpus/stories.ts';
import { DEFAULT_MAX_FILE_BYTES, parseFiles } from '../src/core/pipeline.ts';
import type { Article } from '../src/core/model/schema.ts';
import { readContentFiles } from '../src/astro/loaders/content-files.ts';
import { seededRandom } from '../tests/support/random.ts';
import { tfidfSingleLink } from './story-baseline.ts';
import { groupStories as previousStories } from './story-previous.ts';
import { eventSplits, parseLabels, scoreGrouping, type Labels, type Scores } from './story-metrics.ts';

const ROOT = resolve(import.meta.dirname, '..');

/** The labelled sets run when no folder is given; a set whose folder is absent is skipped. */
export const KNOWN_SETS = [
  {
    name: 'story-chains',
    folder: resolve(ROOT, '../shared/corpora/story-chains/articles'),
    labels: resolve(ROOT, '../shared/corpora/story-chains/pairs.tsv'),
  },
  {
    name: 'bbc long-running',
    folder: resolve(ROOT, '../shared/corpora/bbc'),
    labels: join(ROOT, 'bench/story-labels/bbc-events.tsv'),
  },
];

/**
 * A grouping method: the published (canonical) articles in, one story key per article out
 * (articles with equal keys are one story). `current` is special: it is organiseCorpus's own
 * result, computed once, so its function only re-runs the stories stage for the timing.
 */
export type GroupingMethod = (articles: readonly Article[]) => readonly (string | number)[];

export const METHODS: Record<string, GroupingMethod> = {
  current: (articles) => clusterKeys(groupStories(articles.map(storyDocument))),
  previous: (articles) => clusterKeys(previousStories(articles.map(storyDocument))),
  'tfidf-0.15': (articles) => tfidfSingleLink(articles.map(baselineDocument), 0.15),
  'tfidf-0.20': (articles) => tfidfSingleLink(articles.map(baselineDocument), 0.2),
};

export interface MethodRow {
  method: string;
  pairP: string;
  pairR: string;
  pairF1: string;
  b3P: string;
  b3R: string;
  b3F1: string;
  stories: number;
  multi: number;
  largest: number;
  ms: number;
}

/** A folder read and organised once, ready for any grouping to be scored on. */
interface PreparedFolder {
  published: Article[];
  /** Source file → story id, from organiseCorpus (the current method's own result). */
  currentStoryOf: Map<string, string>;
  /** Duplicate's source file → its canonical article's source file. */
  canonicalFileOf: Map<string, string>;
  rejected: string[];
  paths: string[];
}

/** Folders read and organised so far: the paragraph-mix check reuses the BBC set's. */
const prepared = new Map<string, Promise<PreparedFolder>>();

function prepare(folder: string): Promise<PreparedFolder> {
  let result = prepared.get(folder);
  if (!result) prepared.set(folder, (result = readAndOrganise(folder)));
  return result;
}

async function readAndOrganise(folder: string): Promise<PreparedFolder> {
  const { files } = await readContentFiles(folder, DEFAULT_MAX_FILE_BYTES);
  const { articles, inputs } = parseFiles(files, { maxFileBytes: DEFAULT_MAX_FILE_BYTES });
  const corpus = organiseCorpus(articles);
  const fileOfSlug = new Map(corpus.published.map((article) => [article.slug, article.sourceFile]));
  const currentStoryOf = new Map(corpus.published.map((article) => [article.sourceFile, article.story]));
  const canonicalFileOf = new Map(
    corpus.duplicates.map(({ article, canonical }) => [article.sourceFile, fileOfSlug.get(canonical) ?? '']),
  );
  return {
    published: corpus.published,
    currentStoryOf,
    canonicalFileOf,
    rejected: inputs.filter((input) => input.outcome === 'rejected').map((input) => input.file),
    paths: files.map((file) => file.path),
  };
}

/**
 * Every file's story under one grouping: published articles by the grouping, duplicates with
 * their canonical article, anything else (rejected) alone.
 */
function storiesOfFiles(
  folder: PreparedFolder,
  storyOfPublished: ReadonlyMap<string, string>,
): Map<string, string> {
  const storyOf = new Map<string, string>();
  for (const path of folder.paths) {
    const canonical = folder.canonicalFileOf.get(path) ?? path;
    storyOf.set(path, storyOfPublished.get(canonical) ?? `alone:${path}`);
  }
  return storyOf;
}

/** Label name → the folder's path for it: exact, else the only path ending in `/name`. */
function resolveNames(labels: Labels, paths: string[]): { pathOf: Map<string, string>; missing: string[] } {
  const exact = new Set(paths);
  const byBase = new Map<string, string[]>();
  for (const path of paths) {
    const base = path.slice(path.lastIndexOf('/') + 1);
    byBase.set(base, [...(byBase.get(base) ?? []), path]);
  }
  const pathOf = new Map<string, string>();
  const missing: string[] = [];
  for (const name of labels.files) {
    const matches = exact.has(name) ? [name] : (byBase.get(name) ?? []);
    if (matches.length === 1) pathOf.set(name, matches[0] as string);
    else missing.push(name);
  }
  return { pathOf, missing };
}

function groupingRow(
  method: string,
  folder: PreparedFolder,
  labels: Labels,
  pathOf: Map<string, string>,
): { row: MethodRow; byLabel: Map<string, string> } {
  const started = performance.now();
  const keys = (METHODS[method] as GroupingMethod)(folder.published);
  const ms = Math.round(performance.now() - started);
  const storyOfPublished =
    method === 'current'
      ? folder.currentStoryOf
      : new Map(folder.published.map((article, index) => [article.sourceFile, `${method}:${keys[index]}`]));
  if (
    method === 'current' &&
    !samePartition(
      keys,
      folder.published.map((a) => storyOfPublished.get(a.sourceFile)),
    )
  )
    console.log(
      '  warning: groupStories alone groups differently from organiseCorpus; scores are organiseCorpus’s',
    );
  const storyOf = storiesOfFiles(folder, storyOfPublished);
  const byLabel = new Map<string, string>();
  for (const [name, path] of pathOf) byLabel.set(name, storyOf.get(path) ?? `alone:${name}`);
  const scores = scoreGrouping(labels, byLabel);
  const sizes = new Map<string, number>();
  for (const article of folder.published) {
    const id = storyOfPublished.get(article.sourceFile) ?? article.sourceFile;
    sizes.set(id, (sizes.get(id) ?? 0) + 1);
  }
  return { row: { method, ...formatScores(scores), ...storyCounts([...sizes.values()]), ms }, byLabel };
}

/** Whether two key lists split the same items into the same groups. */
function samePartition(x: readonly unknown[], y: readonly unknown[]): boolean {
  const forward = new Map<unknown, unknown>();
  const backward = new Map<unknown, unknown>();
  return x.every((key, index) => {
    const other = y[index];
    if ((forward.get(key) ?? other) !== other || (backward.get(other) ?? key) !== key) return false;
    forward.set(key, other);
    backward.set(other, key);
    return true;
  });
}

function formatScores(
  scores: Scores,
): Pick<MethodRow, 'pairP' | 'pairR' | 'pairF1' | 'b3P' | 'b3R' | 'b3F1'> {
  const f = (value: number): string => value.toFixed(3);
  return {
    pairP: f(scores.pairwise.precision),
    pairR: f(scores.pairwise.recall),
    pairF1: f(scores.pairwise.f1),
    b3P: f(scores.bcubed.precision),
    b3R: f(scores.bcubed.recall),
    b3F1: f(scores.bcubed.f1),
  };
}

function storyCounts(sizes: number[]): Pick<MethodRow, 'stories' | 'multi' | 'largest'> {
  return {
    stories: sizes.length,
    multi: sizes.filter((size) => size > 1).length,
    largest: Math.max(0, ...sizes),
  };
}

/**
 * Scores every chosen method on one folder against one labels file and prints the tables.
 *
 * @param name - the set's name, for the heading
 * @param folderPath - the content folder
 * @param labelsPath - the labels file
 * @param methods - names of METHODS to run
 * @param detail - also print, per labelled event, how each method splits it
 */
export async function scoreSet(
  name: string,
  folderPath: string,
  labelsPath: string,
  methods: string[],
  detail: boolean,
): Promise<MethodRow[]> {
  const labels = parseLabels(await readFile(labelsPath, 'utf8'));
  const folder = await prepare(folderPath);
  const { pathOf, missing } = resolveNames(labels, folder.paths);
  const rejected = new Set(folder.rejected);
  const labelledRejected = [...pathOf.values()].filter((path) => rejected.has(path)).length;
  const labelledDuplicates = [...pathOf.values()].filter((path) => folder.canonicalFileOf.has(path)).length;
  console.log(
    `\n${name}: ${folderPath}\n  ${folder.paths.length} files, ${folder.published.length} published, ` +
      `${folder.canonicalFileOf.size} duplicates, ${folder.rejected.length} rejected | labels (${labels.kind}): ` +
      `${labels.files.length} files, ${labels.pairs.length} pairs, ${labels.pairs.filter((p) => p.same).length} same-story; ` +
      `labelled files that are duplicates ${labelledDuplicates}, rejected ${labelledRejected}, not found ${missing.length}`,
  );
  if (missing.length > 0)
    console.log(`  not found (scored as stories of their own): ${missing.slice(0, 10).join(', ')}`);
  const rows: MethodRow[] = [];
  for (const method of methods) {
    const { row, byLabel } = groupingRow(method, folder, labels, pathOf);
    rows.push(row);
    if (detail) {
      console.log(`  ${method}: labelled events of 2+ files, split into stories`);
      console.table(eventSplits(labels, byLabel));
    }
  }
  console.table(rows);
  return rows;
}

/** One key per item from clusters of item indexes. */
function clusterKeys(clusters: readonly (readonly number[])[]): number[] {
  const keys: number[] = [];
  clusters.forEach((cluster, id) => cluster.forEach((index) => (keys[index] = id)));
  return keys;
}

function storyDocument(article: Article): StoryDocument {
  return { title: article.title, body: bodyText(article), date: article.date };
}

/** Articles in the paragraph-mix check (the size of the catch-all test). */
const PARAGRAPH_MIX_SIZE = 10_000;

/**
 * The catch-all check: `count` articles, each 6–14 paragraphs drawn at random (fixed seed) from
 * every paragraph of the folder's articles, titled by the first words of their first. There are
 * no real stories in such a corpus, but every paragraph recurs in several articles, which is
 * what chains single-link groupings into one giant story. Prints the largest story.
 */
async function paragraphMix(folderPath: string, count: number): Promise<void> {
  const { published } = await prepare(folderPath);
  const pool = published.flatMap((article) => article.paragraphs.filter((text) => text.length > 60));
  const random = seededRandom(11);
  const pick = (): string => pool[Math.floor(random() * pool.length)] ?? '';
  const documents: StoryDocument[] = Array.from({ length: count }, () => {
    const paragraphs = Array.from({ length: 6 + Math.floor(random() * 9) }, pick);
    return { title: (paragraphs[0] ?? '').split(' ').slice(0, 8).join(' '), body: paragraphs.join('\n') };
  });
  const started = performance.now();
  const sizes = groupStories(documents).map((cluster) => cluster.length);
  const ms = Math.round(performance.now() - started);
  console.log(
    `\nparagraph mix: ${count.toLocaleString('en')} random mixes of ${pool.length.toLocaleString('en')} paragraphs of ${folderPath}`,
  );
  console.table([
    {
      method: 'current',
      stories: sizes.length,
      multi: sizes.filter((size) => size > 1).length,
      largest: Math.max(0, ...sizes),
      ms,
    },
  ]);
}

function bodyText(article: Article): string {
  return [article.dek ?? '', ...article.paragraphs].join('\n');
}

function baselineDocument(article: Article): { title: string; body: string } {
  return { title: article.title, body: bodyText(article) };
}

function parseArguments(argv: string[]): { positional: string[]; methods: string[]; detail: boolean } {
  const positional: string[] = [];
  let methods = Object.keys(METHODS);
  let detail = false;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] as string;
    if (arg === '--detail') detail = true;
    else if (arg === '--method' || arg.startsWith('--method=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (argv[(index += 1)] ?? '');
      methods = value.split(',').filter(Boolean);
      const unknown = methods.filter((method) => !(method in METHODS));
      if (unknown.length > 0 || methods.length === 0)
        throw new Error(`unknown method ${unknown.join(', ')}; known: ${Object.keys(METHODS).join(', ')}`);
    } else positional.push(arg);
  }
  return { positional, methods, detail };
}

if (import.meta.main) {
  const { positional, methods, detail } = parseArguments(process.argv.slice(2));
  if (positional.length === 2) {
    const [folder = '', labels = ''] = positional.map((path) => resolve(path));
    await scoreSet(folder, folder, labels, methods, detail);
  } else if (positional.length === 0) {
    for (const set of KNOWN_SETS) {
      if (!existsSync(set.folder) || !existsSync(set.labels)) {
        console.log(`\n${set.name}: skipped, ${existsSync(set.folder) ? set.labels : set.folder} is absent`);
        continue;
      }
      await scoreSet(set.name, set.folder, set.labels, methods, detail);
    }
    const bbc = KNOWN_SETS.find((set) => set.name.startsWith('bbc'));
    if (bbc && existsSync(bbc.folder)) await paragraphMix(bbc.folder, PARAGRAPH_MIX_SIZE);
  } else {
    console.error('usage: npx node bench/story-quality.ts [<folder> <labels>] [--method a,b] [--detail]');
    process.exitCode = 2;
  }
}
