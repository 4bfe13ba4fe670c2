/**
 * One content folder as the three loaders (articles, stories, site data) see it: the folder is
 * read once however many loaders ask at the same time, and the pipeline runs once per content
 * state. Astro runs the three loaders at once (and, in dev, all three on every change); each
 * would otherwise read and hash every file (three readings of 10,000 files at once: 4.8 s).
 * The state lives in the session that content.config.ts creates, not in this module.
 */
import { createHash } from 'node:crypto';
import type { LoaderContext } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import type { PipelineResult } from '../../core/pipeline.ts';
import { contentDigest } from '../../core/digest.ts';
import { escapeForLog } from '../../core/text/log-text.ts';
import { strictModeFailure } from '../../core/model/report.ts';
import { readContentFiles } from './content-files.ts';
import { pipelineStarted } from '../pipeline-running.ts';
import { preparePipelineThread, runPipelineThread } from './pipeline-thread.ts';
import { progressLog } from './progress-log.ts';
import { pipelineSummary } from './summary.ts';

export interface DispatchLoaderOptions {
  /** Absolute path of the content folder. */
  contentDir: string;
  /** Base path of the site (`/`, `/news/`), for URLs in the report. */
  basePath: string;
  /** Files over this many bytes are rejected. */
  maxFileBytes: number;
  /** Fail the build when any file is rejected. */
  strict: boolean;
  /** The language of an article whose text does not tell (SITE_LANG). */
  siteLang: string;
}

/** The pipeline's result for the content as it is now, and a key that changes with it. */
export interface CorpusRun {
  result: PipelineResult;
  /** Covers every byte of every file and the options: read models are keyed on it. */
  version: string;
}

export interface CorpusSession {
  options: DispatchLoaderOptions;
  /** The pipeline's result for the folder as it is now (read and run only when it changed). */
  load: (
    context: Pick<LoaderContext, 'logger' | 'config'> & Partial<Pick<LoaderContext, 'watcher'>>,
  ) => Promise<CorpusRun>;
  /**
   * Called on every change in the content folder: a reading under way may already have read the
   * changed file, so later loads must not join it.
   */
  forgetReading: () => void;
}

type ContentState = Awaited<ReturnType<typeof readContentFiles>> & { key: string };

/** A session over one content folder; content.config.ts creates one for its three loaders. */
export function createCorpusSession(options: DispatchLoaderOptions): CorpusSession {
  let reading: Promise<ContentState> | undefined;
  let lastRun: { key: string; result: Promise<PipelineResult> } | undefined;
  // One change reaches the three loaders' listeners in the same tick; only the first drops the
  // reading, so the other two share the new one.
  let forgetting = false;

  const readShared = (): Promise<ContentState> => {
    if (!reading) {
      const state = readContentState(options);
      reading = state;
      const forget = (): void => {
        if (reading === state) reading = undefined;
      };
      state.then(forget, forget);
    }
    return reading;
  };

  return {
    options,
    forgetReading: () => {
      if (forgetting) return;
      forgetting = true;
      reading = undefined;
      queueMicrotask(() => {
        forgetting = false;
      });
    },
    load: async ({ logger, config, watcher }) => {
      preparePipelineThread();
      const { files, ignored, key } = await readShared();
      // Kept locally: a newer load may replace `lastRun` (newer content) while this one waits.
      let run = lastRun;
      if (run?.key !== key) {
        const started = performance.now();
        const progress = progressLog((line) => logger.info(line));
        const result = runPipelineThread(
          {
            files,
            ignored,
            options: {
              basePath: options.basePath,
              maxFileBytes: options.maxFileBytes,
              siteLang: options.siteLang,
            },
            cacheDir: fileURLToPath(config.cacheDir),
          },
          progress.update,
          // `astro dev` (which watches the folder) runs the pipeline again on every change: its
          // thread stays, with the parse cache in memory. A build frees the memory for rendering.
          { keepThread: watcher !== undefined },
        ).finally(progress.stop);
        pipelineStarted();
        run = { key, result };
        lastRun = run;
        logSummary(await run.result, logger, performance.now() - started);
      }
      const result = await run.result;
      const failure = options.strict ? strictModeFailure(result.report, result.warnings) : undefined;
      if (failure) throw new Error(failure);
      return { result, version: key };
    },
  };
}

/**
 * The files, each with the digest of its bytes (the only time they are hashed: the parse
 * cache keys by it too), and a key over every file's path, digest and size and the options.
 */
async function readContentState(options: DispatchLoaderOptions): Promise<ContentState> {
  const { files, ignored } = await readContentFiles(options.contentDir, options.maxFileBytes);
  const hash = createHash('sha256').update(JSON.stringify(options));
  const digested = files.map((file) => ({ ...file, digest: contentDigest(file.bytes) }));
  for (const file of digested) hash.update(`${file.path}\0${file.digest}\0${file.size ?? 0}\0`);
  // An entry's outcome can change without its path: a file that becomes unreadable.
  for (const file of ignored) hash.update(JSON.stringify([file.path, file.outcome, file.reason]));
  return { files: digested, ignored, key: hash.digest('hex') };
}

function logSummary(result: PipelineResult, logger: LoaderContext['logger'], elapsedMs: number): void {
  const count = (outcome: string): number =>
    result.report.inputs.filter((input) => input.outcome === outcome).length;
  logger.info(
    pipelineSummary({
      published: count('published'),
      duplicates: count('duplicate'),
      rejected: count('rejected'),
      ignored: count('ignored'),
      ms: Math.round(elapsedMs),
    }),
  );
  for (const input of result.report.inputs) {
    // Names and reasons come from the content folder: a name could hold terminal escapes.
    if (input.outcome === 'rejected')
      logger.warn(escapeForLog(`${input.file}: ${input.reason ?? 'rejected'}`));
  }
  for (const warning of result.warnings) logger.warn(escapeForLog(warning));
}
