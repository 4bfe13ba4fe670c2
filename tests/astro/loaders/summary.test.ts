/**
 * The line the loader logs after each pipeline run, and reading it back from a build's log as
 * the benchmark does.
 */
import { describe, expect, test } from 'vitest';
import { pipelineSummary, readPipelineSummary } from '../../../src/astro/loaders/summary.ts';

const COUNTS = { published: 2066, duplicates: 159, rejected: 3, ignored: 7, ms: 8085 };

describe('pipelineSummary', () => {
  test('writes the counts and the time in one line', () => {
    expect(pipelineSummary(COUNTS)).toBe(
      '2066 published, 159 duplicates, 3 rejected, 7 ignored (pipeline 8085 ms)',
    );
  });
});

describe('readPipelineSummary', () => {
  test('reads back exactly the counts the line was written from', () => {
    expect(readPipelineSummary(pipelineSummary(COUNTS))).toEqual({
      published: 2066,
      duplicates: 159,
      rejected: 3,
      ignored: 7,
      ms: 8085,
    });
  });

  test('round-trips zero counts', () => {
    const zeros = { published: 0, duplicates: 0, rejected: 0, ignored: 0, ms: 0 };
    expect(readPipelineSummary(pipelineSummary(zeros))).toEqual(zeros);
  });

  test('finds the line in a build log with other lines around it, prefixes and all', () => {
    const log = [
      '10:14:02 [content] Syncing content',
      '10:14:03 [dispatch-articles] 12 published, 1 duplicates, 0 rejected, 2 ignored (pipeline 431 ms)',
      '10:14:03 [dispatch-articles] bad.txt: The file is empty.',
      '10:14:04 [build] 47 page(s) built in 2.31s',
    ].join('\n');
    expect(readPipelineSummary(log)).toEqual({
      published: 12,
      duplicates: 1,
      rejected: 0,
      ignored: 2,
      ms: 431,
    });
  });

  test('takes the first summary when a log holds several (dev reloads)', () => {
    const log = [
      pipelineSummary({ published: 5, duplicates: 0, rejected: 0, ignored: 0, ms: 90 }),
      pipelineSummary({ published: 6, duplicates: 0, rejected: 0, ignored: 0, ms: 12 }),
    ].join('\n');
    expect(readPipelineSummary(log)?.published).toBe(5);
    expect(readPipelineSummary(log)?.ms).toBe(90);
  });

  test('gives undefined for a log without a summary', () => {
    expect(readPipelineSummary('')).toBeUndefined();
    expect(
      readPipelineSummary('10:14:02 [content] Syncing content\n10:14:04 [build] 47 page(s) built in 2.31s'),
    ).toBeUndefined();
    // Close, but not the summary: no time.
    expect(readPipelineSummary('12 published, 1 duplicates, 0 rejected, 2 ignored')).toBeUndefined();
  });
});
