/**
 * Reads the content folder: every file below it, recursively, split into article candidates
 * (with their bytes) and files passed over by name. The only file-system access of the
 * ingestion path lives here.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
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
  const files: InputFile[] = [];
  const ignored: IgnoredFile[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const absolute = join(entry.parentPath, entry.name);
    const path = relative(contentDir, absolute).split(sep).join('/');
    const decision = classifyPath(path);
    if (decision.kind === 'ignored') {
      ignored.push({ path, reason: decision.reason });
      continue;
    }
    const size = (await stat(absolute)).size;
    // An oversized file is represented by its size alone; reading 1 GB to reject it is waste.
    if (size > maxFileBytes) files.push({ path, bytes: new Uint8Array(0), size });
    else files.push({ path, bytes: await readFile(absolute) });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, ignored };
}
