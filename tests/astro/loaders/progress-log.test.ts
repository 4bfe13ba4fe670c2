/**
 * The build log of a long pipeline run: quiet for quick stages; for a long one a line every
 * interval with counts and an estimate (or the time so far, for a stage that cannot count), and
 * how long it took.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { doneLine, duration, progressLog, runningLine } from '../../../src/astro/loaders/progress-log.ts';

describe('lines', () => {
  test('a counting stage says how far it is and about how long is left', () => {
    expect(runningLine({ stage: 'parsing', done: 41_500, total: 100_000 }, 30_000)).toBe(
      'reading articles: 41,500 of 100,000 files (41 %), about 43 s left',
    );
  });

  test('a stage that only knows its start says how long it has run', () => {
    expect(runningLine({ stage: 'duplicates', done: 0, total: 98_000 }, 65_000)).toBe(
      'finding duplicates (98,000 articles): 1 min 5 s so far',
    );
  });

  test('the end of a stage says how long it took', () => {
    expect(doneLine({ stage: 'topics', done: 2066, total: 2066 }, 12_400)).toBe(
      'finding topics: 2,066 articles in 13 s',
    );
  });

  test('durations read as seconds, then minutes and seconds, then minutes', () => {
    expect([0, 999, 59_000, 60_000, 70_500, 599_000, 601_000, 3_600_000].map(duration)).toEqual([
      '1 s',
      '1 s',
      '59 s',
      '1 min',
      '1 min 11 s',
      '9 min 59 s',
      '10 min',
      '60 min',
    ]);
  });
});

describe('progressLog', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  test('a quick stage logs nothing', () => {
    const lines: string[] = [];
    const log = progressLog(
      (line) => lines.push(line),
      () => Date.now(),
      5000,
    );
    log.update({ stage: 'stories', done: 0, total: 10 });
    vi.advanceTimersByTime(4000);
    log.update({ stage: 'stories', done: 10, total: 10 });
    vi.advanceTimersByTime(20_000);
    log.stop();
    expect(lines).toEqual([]);
  });

  test('a long stage logs every interval with the latest count, then how long it took', () => {
    const lines: string[] = [];
    const log = progressLog(
      (line) => lines.push(line),
      () => Date.now(),
      5000,
    );
    log.update({ stage: 'parsing', done: 0, total: 1000 });
    vi.advanceTimersByTime(2500);
    log.update({ stage: 'parsing', done: 250, total: 1000 });
    vi.advanceTimersByTime(2500);
    log.update({ stage: 'parsing', done: 500, total: 1000 });
    vi.advanceTimersByTime(5000);
    log.update({ stage: 'parsing', done: 1000, total: 1000 });
    log.update({ stage: 'duplicates', done: 0, total: 900 });
    vi.advanceTimersByTime(10_000);
    log.stop();
    vi.advanceTimersByTime(10_000);
    expect(lines).toEqual([
      // Each line has the count the stage last reported: 250 after 5 s, 500 after 10 s.
      'reading articles: 250 of 1,000 files (25 %), about 15 s left',
      'reading articles: 500 of 1,000 files (50 %), about 10 s left',
      'reading articles: 1,000 files in 10 s',
      'finding duplicates (900 articles): 5 s so far',
      'finding duplicates (900 articles): 10 s so far',
    ]);
  });
});
