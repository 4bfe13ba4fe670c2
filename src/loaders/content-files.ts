/**
 * Reads the content folder: every file below it, recursively, split into article candidates
 * (with their bytes) and files passed over by name. The only file-system access of the
 * ingestion path lives here.
 */
import { open, readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import pLimit from 'p-limit';
import { classifyPath } from '../lib/ingest/files.ts';
import type { IgnoredFile, InputFile } from '../lib/pipeline.ts';

export interface ContentFiles {
  files: InputFile[];
  ignored: IgnoredFile[];
}

/**
 * Lists and reads the content folder.
 *
 * @param contentDir - absolute path of the content folder
 * @param maxFileBytes - files over this size are not read (the pipeline rejects them by size)
 * @throws Error when the folder does not exist or is not a folder
 */
export async function readContentFiles(contentDir: string, maxFileBytes: number): Promise<ContentFiles> {
  const info = await stat(contentDir).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new Error(
      `CONTENT_DIR "${contentDir}" is not a folder: create it or point CONTENT_DIR at your articles.`,
    );
  }
  const entries = await readdir(contentDir, { recursive: true, withFileTypes: true });
  const reads: Promise<InputFile>[] = [];
  const ignored: IgnoredFile[] = [];
  const limit = pLimit(PARALLEL_READS);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const absolute = join(entry.parentPath, entry.name);
    const path = relative(contentDir, absolute).split(sep).join('/');
    const decision = classifyPath(path);
    if (decision.kind === 'ignored') ignored.push({ path, reason: decision.reason });
    else reads.push(limit(() => readCandidate(absolute, path, maxFileBytes)));
  }
  const files = await Promise.all(reads).catch((error: unknown) => {
    // One unreadable file fails the whole reading: the reads still queued are not started.
    limit.clearQueue();
    throw error;
  });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, ignored };
}

/**
 * Files read at once. One at a time, each read waits for four round trips to libuv's thread
 * pool (open, stat, read, close): 10,000 files took 2.5–2.9 s that way, mostly idle; 32 at a
 * time, 0.5–0.8 s.
 */
const PARALLEL_READS = 32;

async function readCandidate(absolute: string, path: string, maxFileBytes: number): Promise<InputFile> {
  const handle = await open(absolute, 'r');
  try {
    const { size } = await handle.stat();
    // An oversized file is represented by its size alone; reading 1 GB to reject it is waste.
    if (size > maxFileBytes) return { path, bytes: new Uint8Array(0), size };
    return { path, bytes: await handle.readFile() };
  } finally {
    await handle.close();
  }
}
