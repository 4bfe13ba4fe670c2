/**
 * The pipeline in its own thread, and reading on two cores: the result is the pipeline's own,
 * progress arrives stage by stage in order, a failing run rejects and the next run works, and
 * the read-ahead fills the parse cache with exactly what reading each file gives.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  MIN_ARTICLES_TO_SHARE,
  MIN_FILES_TO_SHARE,
  readAhead,
  sharedTopicScanner,
} from '../../../src/astro/loaders/helper-thread.ts';
import { runPipelineThread } from '../../../src/astro/loaders/pipeline-thread.ts';
import { DEFAULT_MAX_FILE_BYTES, runPipeline } from '../../../src/core/pipeline.ts';
import type { StageProgress } from '../../../src/core/progress.ts';
import {
  parseCacheKey,
  readArticleFile,
  type InputFile,
  type ReadResult,
} from '../../../src/core/read-file.ts';

const encoder = new TextEncoder();
const PLACES = ['Harbour', 'Valley', 'Market', 'Station', 'Bridge', 'Library'];

const WORDS =
  'river budget school rail harvest court storm vote clinic museum port festival tariff bridge drought'.split(
    ' ',
  );

/**
 * `count` small articles, each with words of its own (so they are not taken for copies of each
 * other), the same people and places throughout, every tenth one a copy of the one before, and
 * the last one empty.
 */
function articleFiles(count: number): InputFile[] {
  const text = (index: number): string => {
    const place = PLACES[index % PLACES.length] ?? 'Harbour';
    const words = Array.from(
      { length: 40 },
      (_, at) => `${WORDS[(index * 7 + at * 3) % WORDS.length] ?? ''}${(index * 31 + at) % 97}`,
    );
    return (
      `${place} plan ${index} approved\n\n` +
      `The council of Northbridge approved plan ${index} for the ${place.toLowerCase()}: ${words.slice(0, 20).join(' ')}.\n\n` +
      `Mayor Ada Brennan thanked the crews; Ada Brennan had promised ${words.slice(20).join(' ')} to Northbridge.\n`
    );
  };
  return Array.from({ length: count }, (_, index) => ({
    path: `desk/${String(index).padStart(4, '0')}.txt`,
    bytes: encoder.encode(index === count - 1 ? '' : text(index % 10 === 9 ? index - 1 : index)),
  }));
}

/** Copies share one cache entry. */
const distinctKeys = (files: InputFile[]): number =>
  new Set(files.map((file) => parseCacheKey(file, DEFAULT_MAX_FILE_BYTES))).size;

const OPTIONS = { basePath: '/', maxFileBytes: DEFAULT_MAX_FILE_BYTES, siteLang: 'en' };

describe('runPipelineThread', () => {
  test('gives what the pipeline gives in this thread, reporting each stage in order', async () => {
    const files = articleFiles(40);
    const progress: StageProgress[] = [];
    const cacheDir = mkdtempSync(join(tmpdir(), 'dispatch-thread-'));
    const result = await runPipelineThread({ files, ignored: [], options: OPTIONS, cacheDir }, (event) =>
      progress.push(event),
    );
    expect(result).toEqual(runPipeline(files, [], OPTIONS));
    expect(result.report.inputs.filter((input) => input.outcome === 'rejected')).toHaveLength(1);
    const ends = progress.filter((event) => event.done === event.total).map((event) => event.stage);
    expect(ends).toEqual(['parsing', 'duplicates', 'stories', 'topics']);
  });

  test('shares reading and topics with its helper thread and still gives the pipeline’s own result', async () => {
    // Enough articles for both to be shared (see helper-thread.ts).
    const files = articleFiles(Math.max(MIN_FILES_TO_SHARE, MIN_ARTICLES_TO_SHARE) * 2);
    const cacheDir = mkdtempSync(join(tmpdir(), 'dispatch-thread-'));
    const result = await runPipelineThread(
      { files, ignored: [], options: OPTIONS, cacheDir },
      () => undefined,
    );
    const expected = runPipeline(files, [], OPTIONS);
    expect(expected.articles.length).toBeGreaterThanOrEqual(MIN_ARTICLES_TO_SHARE);
    expect(result.articles.some((article) => article.topics.length > 0)).toBe(true);
    expect(result).toEqual(expected);
  }, 60_000);

  test('a build’s run ends its thread, and a later run starts another', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'dispatch-thread-'));
    const files = articleFiles(4);
    const job = { files, ignored: [], options: OPTIONS, cacheDir };
    const once = await runPipelineThread(job, () => undefined, { keepThread: false });
    const again = await runPipelineThread(job, () => undefined, { keepThread: false });
    expect(again).toEqual(once);
    expect(once.articles).toHaveLength(3);
  });

  test('a run that fails rejects, and the thread runs the next one', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'dispatch-thread-'));
    // Not files at all: the pipeline throws on them.
    const broken = runPipelineThread(
      { files: [{ path: 'x.txt' }] as unknown as InputFile[], ignored: [], options: OPTIONS, cacheDir },
      () => undefined,
    );
    await expect(broken).rejects.toThrow();
    const files = articleFiles(3);
    const result = await runPipelineThread(
      { files, ignored: [], options: OPTIONS, cacheDir },
      () => undefined,
    );
    expect(result.articles).toHaveLength(2);
  });
});

describe('readAhead', () => {
  test('fills the parse cache with what reading each file gives, on two threads', async () => {
    const files = articleFiles(MIN_FILES_TO_SHARE + 11);
    const cache = new Map<string, ReadResult>();
    const progress: number[] = [];
    await readAhead(files, DEFAULT_MAX_FILE_BYTES, cache, (event) => progress.push(event.done));
    expect(cache.size).toBe(distinctKeys(files));
    for (const file of files)
      expect(cache.get(parseCacheKey(file, DEFAULT_MAX_FILE_BYTES))).toEqual(
        readArticleFile(file, DEFAULT_MAX_FILE_BYTES),
      );
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(files.length);
  });

  test('reads nothing when too few files are new to the cache', async () => {
    const files = articleFiles(MIN_FILES_TO_SHARE + 11);
    const cache = new Map<string, ReadResult>();
    for (const file of files.slice(20))
      cache.set(parseCacheKey(file, DEFAULT_MAX_FILE_BYTES), { rejected: 'known' });
    await readAhead(files, DEFAULT_MAX_FILE_BYTES, cache);
    expect(cache.size).toBe(distinctKeys(files.slice(20)));
  });
});

describe('sharedTopicScanner', () => {
  test('without a helper thread (this one has none), scans everything here', () => {
    const articles = articleFiles(MIN_ARTICLES_TO_SHARE + 5)
      .slice(0, -1)
      .map((file, index) => {
        const [title = '', ...paragraphs] = new TextDecoder().decode(file.bytes).split('\n\n');
        return { slug: `a-${index}`, title, paragraphs };
      });
    const scanned = sharedTopicScanner()(articles, new Map());
    expect(scanned.map((article) => article.slug)).toEqual(articles.map((article) => article.slug));
    expect([...(scanned[0]?.names.keys() ?? [])]).toContain('ada brennan');
  });
});
