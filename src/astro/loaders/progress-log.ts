/**
 * The build log of a long pipeline run: while a stage has been running for more than a few
 * seconds, a plain line every few seconds with what it does, how far it is and, when it counts
 * its way through, about how long is left; and how long it took once done. Quick stages (every
 * stage of a small site) log nothing.
 */
import type { PipelineStage, StageProgress } from '../../core/progress.ts';

/** Stages shorter than this say nothing; longer ones report this often. */
export const PROGRESS_INTERVAL_MS = 5000;

const NUMBER = new Intl.NumberFormat('en');

const STAGE_TEXT: Record<PipelineStage, { doing: string; unit: string }> = {
  parsing: { doing: 'reading articles', unit: 'files' },
  duplicates: { doing: 'finding duplicates', unit: 'articles' },
  stories: { doing: 'grouping stories', unit: 'articles' },
  topics: { doing: 'finding topics', unit: 'articles' },
};

export interface ProgressLog {
  /** Takes a stage's progress (from the pipeline). */
  update: (progress: StageProgress) => void;
  /** Stops reporting (the run ended). */
  stop: () => void;
}

/**
 * @param log - writes one line (the loader's `logger.info`)
 * @param now - the clock, in ms (tests pass their own)
 * @param interval - ms between lines
 */
export function progressLog(
  log: (line: string) => void,
  now = () => performance.now(),
  interval = PROGRESS_INTERVAL_MS,
): ProgressLog {
  let current: { progress: StageProgress; started: number } | undefined;
  const report = (): void => {
    if (current && now() - current.started >= interval)
      log(runningLine(current.progress, now() - current.started));
  };
  const timer = setInterval(report, interval);
  timer.unref();
  return {
    update: (progress) => {
      if (current?.progress.stage !== progress.stage) current = { progress, started: now() };
      else current.progress = progress;
      if (progress.done >= progress.total) {
        const took = now() - current.started;
        if (took >= interval) log(doneLine(progress, took));
        current = undefined;
      }
    },
    stop: () => {
      clearInterval(timer);
      current = undefined;
    },
  };
}

/** `reading articles: 41,500 of 100,000 files (42 %), about 1 min 10 s left` */
export function runningLine({ stage, done, total }: StageProgress, elapsedMs: number): string {
  const { doing, unit } = STAGE_TEXT[stage];
  if (done === 0) return `${doing} (${NUMBER.format(total)} ${unit}): ${duration(elapsedMs)} so far`;
  const left = (elapsedMs / done) * (total - done);
  return `${doing}: ${NUMBER.format(done)} of ${NUMBER.format(total)} ${unit} (${Math.floor((done / total) * 100)} %), about ${duration(left)} left`;
}

/** `reading articles: 100,000 files in 52 s` */
export function doneLine({ stage, total }: StageProgress, elapsedMs: number): string {
  const { doing, unit } = STAGE_TEXT[stage];
  return `${doing}: ${NUMBER.format(total)} ${unit} in ${duration(elapsedMs)}`;
}

/** `45 s`, `1 min 10 s`, `12 min` (rounded up to whole seconds). */
export function duration(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return minutes >= 10 || rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}
