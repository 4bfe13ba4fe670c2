import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { lastBuildIndex, type IndexFileSystem } from '../../src/astro/dev-index.ts';

let server: Server;
let origin: string;
let staged: Server;
let stagedOrigin: string;
const root = mkdtempSync(join(tmpdir(), 'dev-index-'));
const indexDir = join(root, 'dist', 'pagefind');

beforeAll(async () => {
  mkdirSync(indexDir, { recursive: true });
  writeFileSync(join(indexDir, 'pagefind.js'), 'export const ok = 1;');
  writeFileSync(join(indexDir, 'wasm.en.pagefind'), 'binary');
  writeFileSync(join(root, 'dist', 'secret.txt'), 'not part of the index');
  symlinkSync(join(root, 'dist', 'secret.txt'), join(indexDir, 'linked.js'));
  symlinkSync(join(root, 'dist'), join(indexDir, 'linked-folder'));
  execFileSync('mkfifo', [join(indexDir, 'pipe.js')]);
  [server, origin] = await serve(lastBuildIndex(indexDir, '/news/'));
  [staged, stagedOrigin] = await serve(lastBuildIndex(indexDir, '/news/', replacedByFolder));
});

afterAll(async () => {
  for (const running of [server, staged]) {
    running.closeAllConnections();
    await new Promise<void>((resolve) => running.close(() => resolve()));
  }
});

/** A test server around the middleware; a request it passes on answers 404 "passed on". */
async function serve({ middleware }: ReturnType<typeof lastBuildIndex>): Promise<[Server, string]> {
  const running = createServer((request, response) =>
    middleware(request, response, () => {
      response.statusCode = 404;
      response.end('passed on');
    }),
  );
  await new Promise<void>((resolve) => running.listen(0, '127.0.0.1', resolve));
  return [running, `http://127.0.0.1:${(running.address() as AddressInfo).port}`];
}

/**
 * `pagefind.js` replaced by a folder between the check and the read: the opened descriptor is
 * the folder's, while its `stat` still describes the file.
 */
const replacedByFolder: IndexFileSystem = {
  open: async (path, flags) => {
    if (!path.endsWith('pagefind.js')) return open(path, flags);
    const handle = await open(indexDir, flags);
    const fileInfo = statSync(path);
    const staleStat = () => Promise.resolve(fileInfo);
    handle.stat = staleStat as typeof handle.stat;
    return handle;
  },
};

describe('lastBuildIndex', () => {
  test('reports whether a previous build left an index', () => {
    expect(lastBuildIndex(indexDir, '/').exists).toBe(true);
    expect(lastBuildIndex(join(root, 'missing'), '/').exists).toBe(false);
  });

  test('serves index files under the base path with their content types', async () => {
    const script = await fetch(`${origin}/news/pagefind/pagefind.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('export const ok = 1;');
    const wasm = await fetch(`${origin}/news/pagefind/wasm.en.pagefind`);
    expect(wasm.headers.get('content-type')).toBe('application/octet-stream');
  });

  test('passes on other paths, missing files and attempts to leave the index folder', async () => {
    for (const path of [
      '/pagefind/pagefind.js',
      '/news/pagefind/nope.js',
      '/news/pagefind/%2e%2e/secret.txt',
    ]) {
      const response = await fetch(`${origin}${path}`);
      expect([path, await response.text()]).toEqual([path, 'passed on']);
    }
  });

  test('answers 400 to a malformed percent-encoding, and keeps serving', async () => {
    for (const path of [
      '/news/pagefind/%E0%A4%A',
      '/news/pagefind/%',
      '/news/pagefind/%ff.js',
      '/news/pagefind/a%00.js',
    ]) {
      // Bounded: a server that crashed on the request never answers.
      const response = await fetch(`${origin}${path}`, { signal: AbortSignal.timeout(5_000) });
      expect([path, response.status]).toEqual([path, 400]);
    }
    // Not under the index: someone else's to answer.
    expect((await fetch(`${origin}/elsewhere/%E0%A4%A`)).status).toBe(404);
    expect((await fetch(`${origin}/news/pagefind/pagefind.js`)).status).toBe(200);
  });

  test('does not follow links out of the index folder', async () => {
    for (const path of ['/news/pagefind/linked.js', '/news/pagefind/linked-folder/secret.txt']) {
      const response = await fetch(`${origin}${path}`);
      expect([path, await response.text()]).toEqual([path, 'passed on']);
    }
  });

  test('passes on a named pipe at once instead of waiting for a writer', async () => {
    const response = await fetch(`${origin}/news/pagefind/pipe.js`, { signal: AbortSignal.timeout(5_000) });
    expect(await response.text()).toBe('passed on');
  });

  test('answers 500 when the file cannot be read after it was checked, and keeps serving', async () => {
    const response = await fetch(`${stagedOrigin}/news/pagefind/pagefind.js`);
    expect(response.status).toBe(500);
    expect(await response.text()).toMatch(/could not be read/);
    const next = await fetch(`${stagedOrigin}/news/pagefind/wasm.en.pagefind`);
    expect([next.status, await next.text()]).toEqual([200, 'binary']);
  });
});
