/**
 * Serves the last build's Pagefind index (`dist/pagefind/`) under `{base}pagefind/` in
 * `astro dev`, so search works while writing (with the content of that build).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

export interface DevIndex {
  exists: boolean;
  middleware: (request: IncomingMessage, response: ServerResponse, next: () => void) => void;
}

/**
 * @param indexDir - absolute path of the last build's `pagefind` folder
 * @param base - the site's base path (`/`, `/news/`)
 */
export function lastBuildIndex(indexDir: string, base: string): DevIndex {
  const prefix = `${base.endsWith('/') ? base : `${base}/`}pagefind/`;
  return {
    exists: existsSync(join(indexDir, 'pagefind.js')),
    middleware: (request, response, next) => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://dev').pathname);
      if (!path.startsWith(prefix)) return next();
      const file = normalize(join(indexDir, path.slice(prefix.length)));
      // Only files inside the index folder: `..` in the URL cannot reach anything else.
      if (!file.startsWith(indexDir + sep) || !existsSync(file) || !statSync(file).isFile()) return next();
      response.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
      response.setHeader('Cache-Control', 'no-store');
      createReadStream(file).pipe(response);
    },
  };
}
