/**
 * Reads articles on two cores: before the pipeline runs, the files its parse cache does not
 * know are split between the pipeline's thread and a helper thread (parse-worker.ts), and the
 * results go into the cache, where the pipeline then finds them. Reading is the one stage whose
 * files are independent of each other; the corpus stages after it compare every article.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { stageProgress, type ProgressListener } from '../../core/progress.ts';
import { parseCacheKey, readArticleFile, type InputFile, type ReadResult } from '../../core/read-file.ts';
import type { ParseAnswer, ParseRequest } from './parse-worker.ts';

/** Below this many files to read, a helper's hand-over costs more than it saves. */
export const MIN_FILES_TO_SHARE = 200;

const HELPER = new URL('./parse-worker.ts', import.meta.url);

let helper: { worker: Worker; answers: Map<number, (answer: ParseAnswer) => void> } | undefined;
let lastId = 0;

/**
 * Starts the helper thread, if this machine has a core for it, so it has loaded the library
 * (1.4 s) by the time there are files to read.
 */
export function prepareReadHelper(): void {
  if (helper || availableParallelism() < 2) return;
  const worker = new Worker(HELPER);
  const answers = new Map<number, (answer: ParseAnswer) => void>();
  worker.unref();
  worker.on('message', (answer: ParseAnswer) => {
    answers.get(answer.id)?.(answer);
    answers.delete(answer.id);
  });
  // A helper that fails leaves its files unread: the pipeline reads them itself.
  const gone = (): void => {
    if (helper?.worker === worker) helper = undefined;
    for (const answer of answers.values()) answer({ id: -1, results: [] });
    answers.clear();
  };
  worker.on('error', gone);
  worker.on('exit', gone);
  helper = { worker, answers };
}

/**
 * Reads every file `cache` does not know, half of them on the helper thread, and puts the
 * results in `cache`. Files whose reading threw are left out (the pipeline reads them again and
 * reports them). With too few files, or no helper, it does nothing.
 */
export async function readAhead(
  files: readonly InputFile[],
  maxFileBytes: number,
  cache: Map<string, ReadResult>,
  listener?: ProgressListener,
): Promise<void> {
  const unread = files.filter((file) => !cache.has(parseCacheKey(file, maxFileBytes)));
  prepareReadHelper();
  const current = helper;
  if (unread.length < MIN_FILES_TO_SHARE || !current) return;
  const half = Math.ceil(unread.length / 2);
  const id = ++lastId;
  const answered = new Promise<ParseAnswer>((resolve) => current.answers.set(id, resolve));
  current.worker.ref();
  current.worker.postMessage({ id, files: unread.slice(half), maxFileBytes } satisfies ParseRequest);
  // Both threads read at about the same pace: this one's count, doubled, is the progress.
  const progress = stageProgress(listener, 'parsing', unread.length, 250);
  for (const file of unread.slice(0, half)) {
    progress.step();
    progress.step();
    try {
      cache.set(parseCacheKey(file, maxFileBytes), readArticleFile(file, maxFileBytes));
    } catch {
      // Read again, and reported, by the pipeline.
    }
  }
  const { results } = await answered;
  current.worker.unref();
  for (const [key, result] of results) cache.set(key, result);
  progress.end();
}
