/**
 * How far a long pipeline stage has got, for the build log: at 100,000 articles the pipeline
 * runs for minutes. Stages report as they go; the caller decides what to show and how often.
 */

/** The pipeline's stages, in the order they run. */
export type PipelineStage = 'parsing' | 'duplicates' | 'stories' | 'topics';

export interface StageProgress {
  stage: PipelineStage;
  /** Units done so far (files, articles): `0` when the stage starts, `total` when it ends. */
  done: number;
  total: number;
}

export type ProgressListener = (progress: StageProgress) => void;

/**
 * A reporter for one stage of `total` units that calls `listener` at the start, about every
 * `every` units and at the end — cheap enough to call once per unit in a tight loop.
 *
 * @param listener - where progress goes; none, and the reporter does nothing
 * @param every - units between reports (reports are throttled again by time by the caller)
 */
export function stageProgress(
  listener: ProgressListener | undefined,
  stage: PipelineStage,
  total: number,
  every = 500,
): { step: () => void; end: () => void } {
  if (!listener) return { step: () => undefined, end: () => undefined };
  let done = 0;
  listener({ stage, done, total });
  return {
    step: () => {
      done += 1;
      if (done % every === 0 && done < total) listener({ stage, done, total });
    },
    end: () => {
      listener({ stage, done: total, total });
    },
  };
}
