/**
 * The pipeline in its own thread, and reading on two cores: the result is the pipeline's own,
 * progress arrives stage by stage in order, a failing run rejects and the next run works, and
 * the read-ahead fills the parse cache with exactly what reading each file gives.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readAhead, MIN_FILES_TO_SHARE } from '../../../src/astro/loaders/parallel-read.ts';
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

/** `count` small articles, two of them copies of each other, one empty. */
function articleFiles(count: number): InputFile[] {
  return Array.from({ length: count }, (_, index) => {
    const place = PLACES[index % PLACES.length] ?? 'Harbour';
    const text =
      index === count - 1
        ? ''
        : `${place} works finish in week ${index % 5 === 4 ? 3 : index}\n\n` +
          `The council of Northbridge said the ${place.toLowerCase()} works were finished in week ${index % 5 === 4 ? 3 : index}. ` +
          `Residents of Northbridge welcomed the news on Tuesday.\n\nMayor Ada Brennan thanked the crews.\n`;
    return { path: `desk/${String(index).padStart(4, '0')}.txt`, bytes: encoder.encode(text) };
  });
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
