/**
 * The thread that reads rendered pages for the integrations (started by page-analysis.ts): the
 * searchable part of each for the search index, and any script the project did not write for
 * the security headers. On the main thread this was 3.6 s of a 10,000-article build's 35 s of
 * rendering, while the other core, shared with Pagefind, had time to spare.
 */
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { OWN_INLINE_SCRIPTS } from '../browser/inline-scripts.ts';
import { searchableHtml } from '../site/searchable-html.ts';
import { findForeignScripts, ownScriptHashes } from '../site/security-policy.ts';
import type { AnalysisReply, AnalysisRequest } from './page-analysis.ts';

const port = parentPort;
if (!port) throw new Error('page-analysis-worker.ts runs as a worker thread (see page-analysis.ts)');

const HASHES = ownScriptHashes(OWN_INLINE_SCRIPTS);
const UTF8 = new TextDecoder();

port.on('message', (requests: AnalysisRequest[]) => {
  port.postMessage(requests.map(analyze));
});

function analyze(request: AnalysisRequest): AnalysisReply {
  const { id } = request;
  try {
    if ('path' in request) return readWritten(id, request.path);
    const { file, bytes } = request;
    const html = UTF8.decode(bytes);
    return {
      id,
      searchable: searchableHtml(html),
      foreignScripts: findForeignScripts([{ page: file, html }], HASHES),
    };
  } catch (error) {
    return { id, error: error instanceof Error ? error.message : String(error) };
  }
}

/** A written page: its searchable part only (the search index reads it back). */
function readWritten(id: number, path: string): AnalysisReply {
  let html: string;
  try {
    html = readFileSync(path, 'utf8');
  } catch {
    return { id, unreadable: true };
  }
  return { id, searchable: searchableHtml(html) };
}
