/**
 * A minimal static file server for end-to-end tests, serving a built site under its base path
 * the way a static host does: `/x/` serves `x/index.html`, unknown paths get `404.html` with
 * status 404. Bound to 127.0.0.1 on a free port.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export interface RunningServer {
  /** Origin plus base path, e.g. `http://127.0.0.1:40123/news/`. */
  url: string;
  close: () => Promise<void>;
}

/**
 * Serves `siteDir` under `basePath`.
 *
 * @param siteDir - the built site
 * @param basePath - `/` or `/news/`
 * @param headers - sent with every response (e.g. the security headers from `_headers`)
 */
export async function serveSite(
  siteDir: string,
  basePath = '/',
  headers: Record<string, string> = {},
): Promise<RunningServer> {
  const server: Server = createServer((request, response) => {
    void (async () => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      const file = path.startsWith(basePath)
        ? await resolveFile(siteDir, path.slice(basePath.length))
        : undefined;
      if (!file) {
        response.writeHead(404, { ...headers, 'Content-Type': TYPES['.html'] });
        createReadStream(join(siteDir, '404.html')).pipe(response);
        return;
      }
      response.writeHead(200, {
        ...headers,
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      });
      createReadStream(file).pipe(response);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function resolveFile(siteDir: string, relativePath: string): Promise<string | undefined> {
  const candidate = normalize(join(siteDir, relativePath));
  if (candidate !== siteDir && !candidate.startsWith(siteDir + sep)) return undefined;
  const info = await stat(candidate).catch(() => undefined);
  if (info?.isFile()) return candidate;
  if (info?.isDirectory()) {
    const index = join(candidate, 'index.html');
    if ((await stat(index).catch(() => undefined))?.isFile()) return index;
  }
  return undefined;
}
