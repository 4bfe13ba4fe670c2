/** The signal that the content pipeline runs (the main thread is then free). */
import { expect, test } from 'vitest';
import { pipelineStarted, whenPipelineRuns } from '../../src/astro/pipeline-running.ts';

const settledSoon = (promise: Promise<void>): Promise<boolean> =>
  Promise.race([
    promise.then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 50)),
  ]);

test('waits until the loader says the pipeline started, then settles for everyone, later askers too', async () => {
  const early = whenPipelineRuns();
  expect(await settledSoon(early)).toBe(false);
  pipelineStarted();
  expect(await settledSoon(early)).toBe(true);
  expect(await settledSoon(whenPipelineRuns())).toBe(true);
  // A second start changes nothing.
  pipelineStarted();
  expect(await settledSoon(whenPipelineRuns())).toBe(true);
});
