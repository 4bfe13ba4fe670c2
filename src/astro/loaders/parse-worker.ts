/**
 * A second thread for reading articles (started by parallel-read.ts): reads the files it is
 * sent, independently of each other, and answers with each result — or nothing for a file whose
 * reading threw, which the pipeline then reads again itself (and reports).
 */
import { parentPort } from 'node:worker_threads';
import { parseCacheKey, readArticleFile, type InputFile, type ReadResult } from '../../core/read-file.ts';

export interface ParseRequest {
  id: number;
  files: InputFile[];
  maxFileBytes: number;
}

export interface ParseAnswer {
  id: number;
  /** By parse cache key; a file whose reading threw is missing. */
  results: [string, ReadResult][];
}

const port = parentPort;
if (!port) throw new Error('parse-worker.ts runs as a worker thread (see parallel-read.ts)');

port.on('message', ({ id, files, maxFileBytes }: ParseRequest) => {
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
