import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { lastBuildIndex } from '../../src/integrations/dev-index.ts';

let server: Server;
let origin: string;
const root = mkdtempSync(join(tmpdir(), 'dev-index-'));
const indexDir = join(root, 'dist', 'pagefind');

beforeAll(async () => {
  mkdirSync(indexDir, { recursive: true });
  writeFileSync(join(indexDir, 'pagefind.js'), 'export const ok = 1;');
  writeFileSync(join(indexDir, 'wasm.en.pagefind'), 'binary');
  writeFileSync(join(root, 'dist', 'secret.txt'), 'not part of the index');
  const { middleware } = lastBuildIndex(indexDir, '/news/');
  server = createServer((request, response) =>
    middleware(request, response, () => {
      response.statusCode = 404;
      response.end('passed on');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

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
});
