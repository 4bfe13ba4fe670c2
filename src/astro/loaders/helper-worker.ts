/**
 * The helper thread of the pipeline (started by helper-thread.ts), doing the per-article work
 * the pipeline shares with it: reading files, and finding the names topics are made of. Each
 * file and each article is independent of the others, so the results are the pipeline's own.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import {
  scanTopicNames,
  type NameKinds,
  type ScannedArticle,
  type TopicInput,
} from '../../core/corpus/topics.ts';
import { parseCacheKey, readArticleFile, type InputFile, type ReadResult } from '../../core/read-file.ts';

/** Files to read; answered on the parent port with a {@link ParseAnswer}. */
export interface ParseRequest {
  type: 'parse';
  id: number;
  files: InputFile[];
  maxFileBytes: number;
}

export interface ParseAnswer {
  id: number;
  /** By parse cache key; a file whose reading threw is missing. */
  results: [string, ReadResult][];
}

/**
 * The channel for topic scans: the pipeline thread waits for their answers without returning
 * to its event loop (its corpus stages run in one go), so each answer is followed by a signal
 * it can block on.
 */
export interface ScanChannel {
  type: 'connect';
  port: MessagePort;
  /** Set to 1, and notified, when an answer has been posted. */
  signal: Int32Array;
}

/** Articles to scan for names, with the names already classified. */
export interface ScanRequest {
  id: number;
  articles: TopicInput[];
  kinds: [string, NameKinds extends Map<string, infer Kind> ? Kind : never][];
}

export interface ScanAnswer {
  id: number;
  scanned: ScannedArticle[];
  /** Names classified while scanning, not among those sent. */
  kinds: ScanRequest['kinds'];
}

const port = parentPort;
if (!port) throw new Error('helper-worker.ts runs as a worker thread (see helper-thread.ts)');

port.on('message', (message: ParseRequest | ScanChannel) => {
  if (message.type === 'connect') {
    answerScans(message);
    return;
  }
  const { id, files, maxFileBytes } = message;
  const results: [string, ReadResult][] = [];
  for (const file of files) {
    try {
      results.push([parseCacheKey(file, maxFileBytes), readArticleFile(file, maxFileBytes)]);
    } catch {
      // Read again, and reported, by the pipeline.
    }
  }
  port.postMessage({ id, results } satisfies ParseAnswer);
});

function answerScans({ port: scans, signal }: ScanChannel): void {
  scans.on('message', ({ id, articles, kinds: known }: ScanRequest) => {
    const kinds: NameKinds = new Map(known);
    const scanned = scanTopicNames(articles, kinds);
    const learnt = [...kinds].slice(known.length);
    scans.postMessage({ id, scanned, kinds: learnt } satisfies ScanAnswer);
    Atomics.store(signal, 0, 1);
    Atomics.notify(signal, 0);
  });
}
