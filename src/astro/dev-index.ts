/**
 * Serves the last build's Pagefind index (`dist/pagefind/`) under `{base}pagefind/` in
 * `astro dev`, so search works while writing (with the content of that build).
 *
 * No request can take the dev server down or out of the index folder: a malformed address
 * answers 400, a file that cannot be read answers 500 (the server keeps serving), links are not
 * followed out of the folder, and a named pipe is never waited on.
 */
import { existsSync } from 'node:fs';
import { SAFE_OPEN_FLAGS } from './open-flags.ts';
import { open, realpath, type FileHandle } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { siteLinks } from '../core/model/routes.ts';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Errors that mean "no such file here": the request is passed on, as for any other address. */
const NOT_HERE = new Set(['ENOENT', 'ENOTDIR', 'ELOOP', 'ENAMETOOLONG']);

export interface DevIndex {
  exists: boolean;
  middleware: (request: IncomingMessage, response: ServerResponse, next: () => void) => void;
}

/** How the index files are opened; tests replace it to stage a file that changes under the server. */
export interface IndexFileSystem {
  open: (path: string, flags: number) => Promise<FileHandle>;
}

/**
 * @param indexDir - absolute path of the last build's `pagefind` folder
 * @param base - the site's base path (`/`, `/news/`)
 * @param fileSystem - how files are opened (replaced only by tests)
 */
export function lastBuildIndex(
  indexDir: string,
  base: string,
  fileSystem: IndexFileSystem = { open: (path, flags) => open(path, flags) },
): DevIndex {
  const prefix = siteLinks(base).pagefind;
  // The prefix as it appears, percent-encoded, in a request's path.
  const encodedPrefix = new URL(prefix, 'http://dev').pathname;
  return {
    exists: existsSync(join(indexDir, 'pagefind.js')),
    middleware: (request, response, next) => {
      const rawPath = requestPath(request);
      if (rawPath === undefined) return next();
      const path = decodePath(rawPath);
      if (path === undefined || path.includes('\0')) {
        return rawPath.startsWith(encodedPrefix)
          ? answer(response, 400, 'Bad request: malformed path.')
          : next();
      }
      if (!path.startsWith(prefix)) return next();
      serveIndexFile(indexDir, path.slice(prefix.length), fileSystem, response, next).catch(() =>
        failed(response),
      );
    },
  };
}

/** The path of a request's address, still percent-encoded; undefined when it is no address. */
function requestPath(request: IncomingMessage): string | undefined {
  try {
    return new URL(request.url ?? '/', 'http://dev').pathname;
  } catch {
    return undefined;
  }
}

function decodePath(rawPath: string): string | undefined {
  try {
    return decodeURIComponent(rawPath);
  } catch {
    return undefined; // a `%` not followed by two hex digits, or bytes that are not UTF-8
  }
}

/** Streams one file of the index, or passes the request on when there is no such file. */
async function serveIndexFile(
  indexDir: string,
  relativePath: string,
  fileSystem: IndexFileSystem,
  response: ServerResponse,
  next: () => void,
): Promise<void> {
  const file = normalize(join(indexDir, relativePath));
  // Only files inside the index folder: `..` in the URL cannot reach anything else, and
  // neither can a linked folder inside it.
  if (!file.startsWith(indexDir + sep) || !(await resolvesInside(file, indexDir))) return next();
  let handle: FileHandle;
  try {
    handle = await fileSystem.open(file, SAFE_OPEN_FLAGS);
  } catch (error) {
    if (NOT_HERE.has((error as { code?: string }).code ?? '')) return next();
    return failed(response);
  }
  // A folder, a named pipe, a device: not part of an index.
  const isFile = await handle.stat().then(
    (info) => info.isFile(),
    () => undefined,
  );
  if (!isFile) {
    await handle.close().catch(() => undefined);
    return isFile === false ? next() : failed(response);
  }
  response.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
  response.setHeader('Cache-Control', 'no-store');
  const stream = handle.createReadStream();
  // A read that fails (the file changed under the server) ends this response, not the server.
  stream.on('error', () => failed(response));
  response.on('close', () => stream.destroy());
  stream.pipe(response);
}

async function resolvesInside(file: string, folder: string): Promise<boolean> {
  try {
    const [realFile, realFolder] = await Promise.all([realpath(file), realpath(folder)]);
    return realFile.startsWith(realFolder + sep);
  } catch {
    return false; // missing: passed on like any other unknown address
  }
}

/** 500 if nothing was sent yet; otherwise the response is cut short, so it cannot pass as whole. */
function failed(response: ServerResponse): void {
  if (response.headersSent) response.destroy();
  else answer(response, 500, 'The search index file could not be read; run `npm run build` again.');
}

function answer(response: ServerResponse, status: number, message: string): void {
  response.statusCode = status;
  response.setHeader('Content-Type', 'text/plain; charset=utf-8');
  response.end(message);
}
