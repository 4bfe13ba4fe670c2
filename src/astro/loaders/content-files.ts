/**
 * Reads the content folder: every entry below it, recursively, split into article candidates
 * (with their bytes) and entries that are not read, each with its outcome and reason. The only
 * file-system access of the ingestion path lives here.
 *
 * Nothing a hostile folder holds can abort or stall the reading: links are not followed (the
 * walk cannot loop or leave the folder), named pipes, sockets and devices are never opened, a
 * file is opened without following links and without blocking and must then be a regular
 * file, its read stops at the size limit whatever `stat` said, and every error of one entry
 * becomes that entry's outcome. Only a content folder that is missing or cannot be listed fails.
 */
import type { Dirent, Stats } from 'node:fs';
import { SAFE_OPEN_FLAGS } from '../open-flags.ts';
import { open, readdir, readlink, realpath, stat, type FileHandle } from 'node:fs/promises';
import { sep } from 'node:path';
import { getSystemErrorMessage } from 'node:util';
import pLimit, { type LimitFunction } from 'p-limit';
import {
  classifyPath,
  classifySpecialEntry,
  INVALID_NAME_REASON,
  OUTSIDE_FOLDER_REASON,
  replacedFileReason,
  unlistableFolderReason,
  unreadableFileReason,
  type FileError,
  type LinkTarget,
  type SpecialEntry,
} from '../../core/ingest/files.ts';
import type { IgnoredFile } from '../../core/pipeline.ts';
import type { InputFile } from '../../core/read-file.ts';
import { compareStrings } from '../../core/text/text.ts';

export interface ContentFiles {
  files: InputFile[];
  /** Entries not read as articles, or read without success: each with its outcome and reason. */
  ignored: IgnoredFile[];
}

/**
 * The two file-system calls whose failures and races matter. Tests replace them to stage what
 * cannot be arranged for real (the tests run as root, whom no permission stops) or only by luck
 * (a file swapped for a named pipe between the listing and the opening).
 */
export interface ContentFileSystem {
  open: (path: Buffer, flags: number) => Promise<FileHandle>;
  readdir: (path: Buffer) => Promise<Dirent<Buffer>[]>;
}

const nodeFileSystem: ContentFileSystem = {
  open: (path, flags) => open(path, flags),
  readdir: (path) => readdir(path, { withFileTypes: true, encoding: 'buffer' }),
};

/**
 * Files read at once. One at a time, each read waits for four round trips to libuv's thread
 * pool (open, stat, read, close): 10,000 files took 2.5–2.9 s that way, mostly idle; 32 at a
 * time, 0.5–0.8 s.
 */
const PARALLEL_READS = 32;

/**
 * Lists and reads the content folder.
 *
 * @param contentDir - absolute path of the content folder
 * @param maxFileBytes - files over this size are not read (the pipeline rejects them by size)
 * @param fileSystem - the calls that open files and list folders (replaced only by tests)
 * @throws Error when the folder does not exist, is not a folder or cannot be listed
 */
export async function readContentFiles(
  contentDir: string,
  maxFileBytes: number,
  fileSystem: ContentFileSystem = nodeFileSystem,
): Promise<ContentFiles> {
  const info = await stat(contentDir).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new Error(
      `CONTENT_DIR "${contentDir}" is not a folder: create it or point CONTENT_DIR at your articles.`,
    );
  }
  const walk: Walk = {
    fileSystem,
    maxFileBytes,
    limit: pLimit(PARALLEL_READS),
    results: [],
    root: await realpath(contentDir),
  };
  try {
    await visitFolder(walk, { absolute: Buffer.from(contentDir), segments: [] });
  } catch (error) {
    // The content folder itself could not be listed: the reads still queued are not started.
    walk.limit.clearQueue();
    throw error;
  }
  const results = await Promise.all(walk.results);
  const files = results.filter((result): result is InputFile => 'bytes' in result);
  const ignored = results.filter((result): result is IgnoredFile => !('bytes' in result));
  return { files: files.sort(byPath), ignored: ignored.sort(byPath) };
}

interface Walk {
  fileSystem: ContentFileSystem;
  maxFileBytes: number;
  /** Shared by listings, link look-ups and reads; held only while the call runs. */
  limit: LimitFunction;
  /** One per entry, in the order they were found. */
  results: Promise<InputFile | IgnoredFile>[];
  /** The content folder's real path: every file read must lie below it. */
  root: string;
}

interface Place {
  /** Absolute path, as bytes: a name that is not valid UTF-8 must still be reachable. */
  absolute: Buffer;
  /** The names from the content folder down, as bytes. */
  segments: Buffer[];
}

/**
 * Lists one folder and deals with each entry: sub-folders are visited (a link to a folder is
 * not a folder here, so the walk never loops), files read, anything else reported.
 */
async function visitFolder(walk: Walk, folder: Place): Promise<void> {
  let entries: Dirent<Buffer>[];
  try {
    entries = await walk.limit(() => walk.fileSystem.readdir(folder.absolute));
  } catch (error) {
    if (folder.segments.length === 0) throw contentFolderError(folder, error);
    walk.results.push(
      Promise.resolve({
        path: displayPath(folder.segments),
        outcome: 'rejected',
        reason: unlistableFolderReason(fileError(error)),
      }),
    );
    return;
  }
  const subfolders: Promise<void>[] = [];
  for (const entry of entries) {
    const place = {
      absolute: Buffer.concat([folder.absolute, SLASH, entry.name]),
      segments: [...folder.segments, entry.name],
    };
    if (entry.isDirectory()) subfolders.push(visitFolder(walk, place));
    else walk.results.push(settleEntry(walk, place, entry));
  }
  await Promise.all(subfolders);
}

const SLASH = Buffer.from('/');

/** What becomes of one entry that is not a folder. Never rejects. */
async function settleEntry(
  walk: Walk,
  place: Place,
  entry: Dirent<Buffer>,
): Promise<InputFile | IgnoredFile> {
  const path = displayPath(place.segments);
  if (entry.isSymbolicLink()) {
    const target = await walk.limit(() => linkTarget(place.absolute));
    return { path, ...classifySpecialEntry(path, { kind: 'link', target }) };
  }
  if (!entry.isFile()) return { path, ...classifySpecialEntry(path, { kind: specialKind(entry) }) };
  const decision = classifyPath(path);
  if (decision.kind === 'ignored') return { path, outcome: 'ignored', reason: decision.reason };
  if (!place.segments.every(isUtf8)) return { path, outcome: 'rejected', reason: INVALID_NAME_REASON };
  return walk.limit(() => readCandidate(walk, place.absolute, path));
}

/** Opens, checks and reads one article file; every failure becomes the file's rejection. */
async function readCandidate(walk: Walk, absolute: Buffer, path: string): Promise<InputFile | IgnoredFile> {
  let handle: FileHandle;
  try {
    handle = await walk.fileSystem.open(absolute, SAFE_OPEN_FLAGS);
  } catch (error) {
    return { path, outcome: 'rejected', reason: unreadableFileReason(fileError(error)) };
  }
  try {
    const info = await handle.stat();
    // Listed as a file, but something else by the time it was opened.
    if (!info.isFile()) return { path, outcome: 'rejected', reason: replacedFileReason(statsKind(info)) };
    if (!(await liesBelow(handle, walk.root)))
      return { path, outcome: 'rejected', reason: OUTSIDE_FOLDER_REASON };
    // An oversized file is represented by its size alone; reading 1 GB to reject it is waste.
    if (info.size > walk.maxFileBytes) return { path, bytes: new Uint8Array(0), size: info.size };
    const bytes = await readAtMost(handle, info.size, walk.maxFileBytes);
    if (bytes) return { path, bytes };
    // It grew past the limit after `stat`: say how large it is now, at least one byte over.
    const now = await handle.stat();
    return { path, bytes: new Uint8Array(0), size: Math.max(now.size, walk.maxFileBytes + 1) };
  } catch (error) {
    return { path, outcome: 'rejected', reason: unreadableFileReason(fileError(error)) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * Whether an opened file lies below the content folder. `O_NOFOLLOW` guards only the last
 * name of a path: a folder on the way swapped for a link after it was listed would lead
 * outside. On Linux the descriptor's real path says where the file opened really is; where
 * that cannot be read (another system), the links the walk never follows are the guard.
 */
async function liesBelow(handle: FileHandle, root: string): Promise<boolean> {
  const real = await readlink(`/proc/self/fd/${handle.fd}`).catch(() => undefined);
  return real === undefined || real.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * Reads the whole file unless it holds more than `limit` bytes (then undefined). The size from
 * `stat` only sizes the first buffer: a file can grow while it is read, and some report 0.
 */
async function readAtMost(
  handle: FileHandle,
  statSize: number,
  limit: number,
): Promise<Uint8Array | undefined> {
  let buffer = Buffer.allocUnsafe(Math.min(statSize, limit) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > limit) return undefined;
      const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit + 1));
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
    }
    const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
    if (bytesRead === 0) return buffer.subarray(0, length);
    length += bytesRead;
  }
}

/** What a link points at, found by `stat` (which opens nothing, so cannot block). */
async function linkTarget(absolute: Buffer): Promise<LinkTarget> {
  try {
    const info = await stat(absolute);
    return { kind: info.isFile() ? 'file' : info.isDirectory() ? 'folder' : 'other' };
  } catch (error) {
    const { code } = fileError(error);
    if (code === 'ELOOP') return { kind: 'loop' };
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'nothing' };
    return { kind: 'unreachable', code: code ?? 'unknown error' };
  }
}

type Kinded = Pick<Stats, 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>;

function specialKind(entry: Kinded): Exclude<SpecialEntry['kind'], 'link'> {
  if (entry.isFIFO()) return 'fifo';
  if (entry.isSocket()) return 'socket';
  if (entry.isCharacterDevice()) return 'character-device';
  if (entry.isBlockDevice()) return 'block-device';
  return 'unknown';
}

function statsKind(info: Stats): Parameters<typeof replacedFileReason>[0] {
  return info.isDirectory() ? 'folder' : specialKind(info);
}

function contentFolderError(folder: Place, error: unknown): Error {
  const { code, description } = fileError(error);
  return new Error(
    `CONTENT_DIR "${folder.absolute.toString()}" cannot be listed (${code ?? 'error'}: ${description}): give the user running the build permission to read it.`,
  );
}

/** The error code and the system's description of it, without the absolute path. */
function fileError(error: unknown): FileError {
  const fields = (error ?? {}) as { code?: unknown; errno?: unknown; message?: unknown };
  if (typeof fields.code === 'string') {
    const description = typeof fields.errno === 'number' ? getSystemErrorMessage(fields.errno) : fields.code;
    return { code: fields.code, description };
  }
  return {
    code: undefined,
    description: typeof fields.message === 'string' ? fields.message : String(error),
  };
}

function isUtf8(name: Buffer): boolean {
  return Buffer.from(name.toString('utf8'), 'utf8').equals(name);
}

/**
 * The path for the report, `/`-separated. A name that is not valid UTF-8 shows each byte that
 * is not part of a valid sequence as `\xNN`, so two such names never read the same.
 */
function displayPath(segments: Buffer[]): string {
  return segments.map(displayName).join('/');
}

function displayName(name: Buffer): string {
  if (isUtf8(name)) return name.toString('utf8');
  let text = '';
  let index = 0;
  while (index < name.length) {
    const length = sequenceLength(name[index] ?? 0);
    const sequence = name.subarray(index, index + length);
    if (length > 0 && sequence.length === length && isUtf8(sequence)) {
      text += sequence.toString('utf8');
      index += length;
    } else {
      text += `\\x${(name[index] ?? 0).toString(16).padStart(2, '0')}`;
      index += 1;
    }
  }
  return text;
}

/** The length of the UTF-8 sequence a lead byte starts, or 0 for a byte that cannot lead. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

function byPath(a: { path: string }, b: { path: string }): number {
  return compareStrings(a.path, b.path);
}
