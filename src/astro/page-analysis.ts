/**
 * Reads each rendered page once, in a worker thread (page-analysis-worker.ts), for the
 * integrations that need what is in it: the search index (its searchable part,
 * src/astro/search-index.ts) and the security headers (scripts the project did not write,
 * src/astro/integrations/security-headers.ts). Both ask for the same page object as it is
 * delivered to them (src/astro/rendered-pages.ts) and get the same answer.
 *
 * The search index also has it read the last build's pages from disk (`searchableOfWrittenPage`):
 * on the main thread, in a 10,000-article republish, that took 1.4 s while the content synced
 * (`--cpu-prof`: idle time in the first 9 s went from 2.1 s to 3.5 s).
 *
 * Answers come in the order pages were asked for (one thread, first in first out). The thread
 * does not keep the process alive while nothing is asked; if it fails, every question under way
 * fails with it — a build must not pass pages nobody checked.
 */
import { Worker } from 'node:worker_threads';
import type { PageProblem } from '../site/security-policy.ts';
import type { RenderedPage } from './rendered-pages.ts';

export interface PageAnalysis {
  /** What of the page the search index reads (src/site/searchable-html.ts), if anything. */
  searchable: string | undefined;
  /** Scripts in the page the project did not write (src/site/security-policy.ts). */
  foreignScripts: PageProblem[];
}

/**
 * A page as sent to the thread (in batches: an array of them per message): rendered (its bytes,
 * read for both integrations) or written (its path, read for its searchable part only).
 */
export type AnalysisRequest =
  | {
      id: number;
      /** The page's file in the output folder, to name it in problems. */
      file: string;
      bytes: Uint8Array;
    }
  | { id: number; path: string };

/** What the thread answers: a rendered page's analysis, a written page's searchable part. */
type Answer = PageAnalysis | { searchable: string | undefined } | { unreadable: true };

export type AnalysisReply = { id: number; error: string } | ({ id: number } & Answer);

/** A written page that could not be read (gone, say). */
export const UNREADABLE = Symbol('unreadable');

interface Pending {
  resolve: (answer: Answer) => void;
  reject: (error: unknown) => void;
}

const WORKER = new URL('./page-analysis-worker.ts', import.meta.url);
const NOTHING: PageAnalysis = { searchable: undefined, foreignScripts: [] };

let thread: { worker: Worker; pending: Map<number, Pending> } | undefined;
let lastId = 0;
const analyses = new WeakMap<RenderedPage, Promise<PageAnalysis>>();

/**
 * What is in a rendered page; nothing for what is not an HTML page.
 *
 * @param page - the page as a listener got it (the same object gives the same answer)
 * @param file - its file in the output folder (`articles/x/index.html`)
 */
export function analyzeRenderedPage(page: RenderedPage, file: string): Promise<PageAnalysis> {
  let analysis = analyses.get(page);
  if (analysis === undefined) {
    const { bytes } = page;
    analysis =
      bytes === undefined
        ? Promise.resolve(NOTHING)
        : // A copy, handed over rather than cloned by the message serializer.
          (ask((id) => ({ id, file, bytes: bytes.slice() })) as Promise<PageAnalysis>);
    analyses.set(page, analysis);
  }
  return analysis;
}

/**
 * The searchable part of a page written in the output folder (src/site/searchable-html.ts),
 * read from its file in the thread; `UNREADABLE` if the file could not be read.
 *
 * @param path - the file's absolute path
 */
export async function searchableOfWrittenPage(path: string): Promise<string | undefined | typeof UNREADABLE> {
  const answer = await ask((id) => ({ id, path }));
  return 'unreadable' in answer ? UNREADABLE : answer.searchable;
}

/** Pages asked for and not sent yet. */
let batch: AnalysisRequest[] = [];

/** Sends a request; a rendered page's is answered with a `PageAnalysis`, a written page's not. */
function ask(request: (id: number) => AnalysisRequest): Promise<Answer> {
  const { worker, pending } = (thread ??= startThread());
  const id = ++lastId;
  return new Promise((resolve, reject) => {
    if (pending.size === 0) worker.ref();
    pending.set(id, { resolve, reject });
    batch.push(request(id));
    if (batch.length >= BATCH_PAGES) send(worker);
    else flushing ??= setTimeout(() => send(worker), BATCH_WAIT_MS);
  });
}

/**
 * Pages sent per message. In a build, with both cores busy, each message cost the main thread
 * about 0.1 ms whatever its size (1.5 s for the 16,761 pages of a 10,000-article build, one page
 * per message); a batch waits at most `BATCH_WAIT_MS`.
 */
const BATCH_PAGES = 32;
const BATCH_WAIT_MS = 20;
let flushing: ReturnType<typeof setTimeout> | undefined;

function send(worker: Worker): void {
  clearTimeout(flushing);
  flushing = undefined;
  const requests = batch;
  batch = [];
  worker.postMessage(
    requests,
    requests.flatMap((request) => ('bytes' in request ? [request.bytes.buffer as ArrayBuffer] : [])),
  );
}

function startThread(): { worker: Worker; pending: Map<number, Pending> } {
  const worker = new Worker(WORKER);
  const pending = new Map<number, Pending>();
  worker.unref();
  worker.on('message', (replies: AnalysisReply[]) => {
    for (const reply of replies) {
      const question = pending.get(reply.id);
      if (!question) continue;
      pending.delete(reply.id);
      if ('error' in reply) question.reject(new Error(`Reading a page failed: ${reply.error}`));
      else question.resolve(answerOf(reply));
    }
    if (pending.size === 0) worker.unref();
  });
  const fail = (error: unknown): void => {
    if (thread?.worker === worker) thread = undefined;
    for (const question of pending.values()) question.reject(error);
    pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) =>
    fail(new Error(`The thread reading rendered pages stopped (exit code ${code}) before it answered.`)),
  );
  return { worker, pending };
}

/** A reply without its id. */
function answerOf(reply: { id: number } & Answer): Answer {
  if ('unreadable' in reply) return { unreadable: true };
  if ('foreignScripts' in reply)
    return { searchable: reply.searchable, foreignScripts: reply.foreignScripts };
  return { searchable: reply.searchable };
}
