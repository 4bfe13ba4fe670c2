/**
 * Runs the pipeline in a worker thread (pipeline-worker.ts) and answers with its result. One
 * thread per process, started on first use and kept for later runs (`astro dev` runs the
 * pipeline on every change); it does not keep the process alive while idle.
 */
import { Worker } from 'node:worker_threads';
import type { IgnoredFile, PipelineOptions, PipelineResult } from '../../core/pipeline.ts';
import type { StageProgress } from '../../core/progress.ts';
import type { InputFile } from '../../core/read-file.ts';

/** One run of the pipeline, as sent to the thread. */
export interface PipelineJob {
  id: number;
  files: InputFile[];
  ignored: IgnoredFile[];
  options: Pick<PipelineOptions, 'basePath' | 'maxFileBytes' | 'siteLang'>;
  /** Where the build cache (parse results, name classifications) is kept between builds. */
  cacheDir: string;
}

/** What the thread sends back: progress while a job runs, then its result or its failure. */
export type PipelineThreadMessage =
  | { type: 'progress'; id: number; progress: StageProgress }
  | { type: 'result'; id: number; result: PipelineResult }
  | { type: 'failed'; id: number; error: unknown };

interface Pending {
  resolve: (result: PipelineResult) => void;
  reject: (error: unknown) => void;
  onProgress: (progress: StageProgress) => void;
}

const WORKER = new URL('./pipeline-worker.ts', import.meta.url);

let thread: { worker: Worker; pending: Map<number, Pending> } | undefined;
let lastId = 0;

/**
 * Starts the pipeline thread if it is not running, so it loads the library (1.4 s, most of it
 * the language detector's and the NLP library's data) while this thread reads the content.
 */
export function preparePipelineThread(): void {
  thread ??= startThread();
}

/**
 * Runs the pipeline over `job` in the pipeline thread.
 *
 * @param onProgress - called with each stage's progress, on this thread
 */
export function runPipelineThread(
  job: Omit<PipelineJob, 'id'>,
  onProgress: (progress: StageProgress) => void,
  { keepThread = true } = {},
): Promise<PipelineResult> {
  const current = (thread ??= startThread());
  const { worker, pending } = current;
  const id = ++lastId;
  return new Promise<PipelineResult>((resolve, reject) => {
    pending.set(id, { resolve, reject, onProgress });
    // A job under way keeps the process alive; an idle thread does not.
    worker.ref();
    worker.postMessage({ ...job, id } satisfies PipelineJob);
  }).finally(() => {
    if (pending.size > 0) return;
    worker.unref();
    if (keepThread) return;
    // Its helper thread ends with it.
    if (thread === current) thread = undefined;
    void worker.terminate();
  });
}

function startThread(): { worker: Worker; pending: Map<number, Pending> } {
  const worker = new Worker(WORKER);
  const pending = new Map<number, Pending>();
  worker.unref();
  worker.on('message', (message: PipelineThreadMessage) => {
    const job = pending.get(message.id);
    if (!job) return;
    if (message.type === 'progress') {
      job.onProgress(message.progress);
      return;
    }
    pending.delete(message.id);
    if (message.type === 'result') job.resolve(message.result);
    else job.reject(message.error);
  });
  // The thread itself failed (it could not load, or ran out of memory): every job under way
  // fails with it, and the next run starts a new thread.
  const fail = (error: unknown): void => {
    if (thread?.worker === worker) thread = undefined;
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) =>
    fail(new Error(`The pipeline thread stopped (exit code ${code}) before it answered.`)),
  );
  return { worker, pending };
}
