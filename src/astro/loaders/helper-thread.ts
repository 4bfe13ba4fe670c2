/**
 * The pipeline's work on two cores, where its units are independent of each other: reading the
 * files (before the pipeline runs, the files its parse cache does not know are split between
 * the pipeline's thread and a helper thread, helper-worker.ts, and the results put in the cache,
 * where the pipeline then finds them), and finding each article's names for topics (a scanner
 * the pipeline calls, which hands half of the articles to the helper). The corpus stages in
 * between compare every article with the others and run on the pipeline's thread.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { scanTopicNames, type TopicNameScanner } from '../../core/corpus/topics.ts';
import { stageProgress, type ProgressListener } from '../../core/progress.ts';
import { parseCacheKey, readArticleFile, type InputFile, type ReadResult } from '../../core/read-file.ts';
import type { ParseAnswer, ParseRequest, ScanAnswer, ScanChannel, ScanRequest } from './helper-worker.ts';

/** Below this many files to read, a helper's hand-over costs more than it saves. */
export const MIN_FILES_TO_SHARE = 200;
/** Below this many articles to scan for names, likewise. */
export const MIN_ARTICLES_TO_SHARE = 200;

const HELPER = new URL('./helper-worker.ts', import.meta.url);

interface Helper {
  worker: Worker;
  answers: Map<number, (answer: ParseAnswer) => void>;
  scans: MessagePort;
  /** Set by the helper when it has answered a scan. */
  signal: Int32Array;
  /** False once a scan went unanswered: its answer may still come, and must not be taken for another's. */
  scanning: boolean;
}

let helper: Helper | undefined;
let lastId = 0;

/**
 * Starts the helper thread, if this machine has a core for it, so it has loaded the library
 * (1.4 s) by the time there are files to read.
 */
export function prepareReadHelper(): void {
  if (helper || availableParallelism() < 2) return;
  const worker = new Worker(HELPER);
  const answers = new Map<number, (answer: ParseAnswer) => void>();
  const { port1: scans, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  worker.postMessage({ type: 'connect', port: port2, signal } satisfies ScanChannel, [port2]);
  scans.unref();
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
  helper = { worker, answers, scans, signal, scanning: true };
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
  current.worker.postMessage({
    type: 'parse',
    id,
    files: unread.slice(half),
    maxFileBytes,
  } satisfies ParseRequest);
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

/**
 * The topic-name scanner the pipeline thread gives the pipeline: half of the articles are
 * scanned by the helper while this thread scans the other half, then this thread waits for the
 * helper's half — blocking, as the pipeline runs in one go. A helper that does not answer in
 * twice the time this thread took (at least 10 s) is given up on, and its half scanned here.
 */
export function sharedTopicScanner(): TopicNameScanner {
  return (articles, kinds) => {
    const current = helper;
    if (!current?.scanning || articles.length < MIN_ARTICLES_TO_SHARE) return scanTopicNames(articles, kinds);
    const half = Math.ceil(articles.length / 2);
    const id = ++lastId;
    Atomics.store(current.signal, 0, 0);
    current.scans.postMessage({
      id,
      articles: articles.slice(half),
      kinds: [...kinds],
    } satisfies ScanRequest);
    const started = performance.now();
    const own = scanTopicNames(articles.slice(0, half), kinds);
    const answer = awaitScan(current, id, Math.max(10_000, 2 * (performance.now() - started)));
    if (!answer) {
      current.scanning = false;
      return [...own, ...scanTopicNames(articles.slice(half), kinds)];
    }
    for (const [key, kind] of answer.kinds) kinds.set(key, kind);
    return [...own, ...answer.scanned];
  };
}

function awaitScan(current: Helper, id: number, patienceMs: number): ScanAnswer | undefined {
  const deadline = performance.now() + patienceMs;
  for (let left = patienceMs; left > 0; left = deadline - performance.now()) {
    const received = receiveMessageOnPort(current.scans) as { message: ScanAnswer } | undefined;
    if (received?.message.id === id) return received.message;
    if (!received) Atomics.wait(current.signal, 0, 0, Math.min(100, left));
    Atomics.store(current.signal, 0, 0);
  }
  return undefined;
}
