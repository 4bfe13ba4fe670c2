/** Stage progress: reported at the start, every N units and at the end, and nothing without a listener. */
import { describe, expect, test } from 'vitest';
import { stageProgress, type StageProgress } from '../../src/core/progress.ts';

describe('stageProgress', () => {
  test('reports the start, every `every` units before the end, and the end', () => {
    const seen: StageProgress[] = [];
    const progress = stageProgress((event) => seen.push(event), 'parsing', 7, 3);
    for (let unit = 0; unit < 7; unit += 1) progress.step();
    progress.end();
    expect(seen.map((event) => event.done)).toEqual([0, 3, 6, 7]);
    expect(seen.every((event) => event.stage === 'parsing' && event.total === 7)).toBe(true);
  });

  test('the end is reported once even when the last step lands on `every`', () => {
    const seen: number[] = [];
    const progress = stageProgress((event) => seen.push(event.done), 'topics', 4, 2);
    for (let unit = 0; unit < 4; unit += 1) progress.step();
    progress.end();
    expect(seen).toEqual([0, 2, 4]);
  });

  test('does nothing without a listener', () => {
    const progress = stageProgress(undefined, 'stories', 10);
    expect(() => {
      progress.step();
      progress.end();
    }).not.toThrow();
  });
});
