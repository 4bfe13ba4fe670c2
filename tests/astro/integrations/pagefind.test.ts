/**
 * The search-index integrations: `indexer` starts Pagefind (its real binary, from
 * node_modules) when the build starts and gives it the article pages as they are rendered,
 * `awaitIndex` waits for the index and fails the build on any error. Their hooks are run as
 * `astro build` and `astro dev` run them, with minimal fakes of what Astro passes (`config`,
 * `dir`, `logger`, `server`); pages are rendered through the middleware's own function.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { pagefindSearch } from '../../../src/astro/integrations/pagefind.ts';
import { announcePages, observeRenderedPage } from '../../../src/astro/rendered-pages.ts';

// The real Pagefind, with `createIndex` replaceable by a test that needs Pagefind to report errors.
vi.mock('pagefind', async (importOriginal) => {
  const actual = await importOriginal<typeof pagefind>();
  return { ...actual, createIndex: vi.fn(actual.createIndex) };
});

const run = promisify(execFile);

type Hook = (options: unknown) => Promise<void> | void;
const hook = (integration: AstroIntegration, name: keyof AstroIntegration['hooks']): Hook => {
  const found = integration.hooks[name];
  if (!found) throw new Error(`${integration.name} has no ${name} hook`);
  return found as unknown as Hook;
};

/** A logger that keeps what it is told. */
function recordingLogger(): {
  logger: Record<'info' | 'warn' | 'error', (line: string) => void>;
  lines: string[];
} {
  const lines: string[] = [];
  const keep = (line: string) => {
    lines.push(line);
  };
  return { logger: { info: keep, warn: keep, error: keep }, lines };
}

/** A page as the layouts write it: the searchable part marked with `data-pagefind-body`. */
const page = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head>` +
  `<body><nav>Home Topics</nav><main data-pagefind-body><h1>${title}</h1><p>${text}</p></main></body></html>`;

const folders: string[] = [];
afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});
afterEach(() => {
  vi.mocked(pagefind.createIndex).mockClear();
});

/**
 * A small site: two article pages, the home listing (marked as searchable too, so only the
 * integration's choice of pages keeps it out of the index), a redirect page where a merged
 * duplicate was, and a feed. Written to a folder, as `astro build` leaves them.
 */
const SITE_PAGES: Record<string, string> = {
  'articles/bridge-reopens/index.html': page('Bridge reopens', 'The harbour bridge reopened on Monday.'),
  'articles/ferry-resumes/index.html': page('Ferry resumes', 'The island ferry resumed its crossings.'),
  'articles/old-bridge-copy/index.html':
    '<!doctype html><html lang="en"><head><meta http-equiv="refresh" content="0; url=/articles/bridge-reopens/"></head><body><script>document.querySelector("[data-pagefind-body]")</script></body></html>',
  'index.html': page('Latest news', 'Bridge reopens. Ferry resumes. Listing of every story.'),
};

async function builtSite(extra: Record<string, string> = {}, pages = SITE_PAGES): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dispatch-pagefind-'));
  folders.push(dir);
  await writeSite(dir, { ...pages, ...extra });
  return dir;
}

async function writeSite(dir: string, pages: Record<string, string>): Promise<void> {
  for (const [path, html] of Object.entries(pages)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), html);
  }
}

/**
 * Renders the site's pages as Astro does in a build — through the middleware, several at once,
 * finishing in another order than they started — with a feed among them.
 */
async function renderSite(base: string, { slowFirst = true } = {}): Promise<void> {
  const rendered = Object.entries(SITE_PAGES).map(([path, html], position) => ({
    pathname: `${base}${path.replace(/index\.html$/, '')}`,
    response: new Response(html, { headers: { 'Content-Type': 'text/html' } }),
    // The first pages take longest (or the last ones).
    delay: (slowFirst ? 4 - position : position) * 5,
  }));
  rendered.push({
    pathname: `${base}rss.xml`,
    response: new Response('<rss><channel><title>data-pagefind-body</title></channel></rss>', {
      headers: { 'Content-Type': 'application/xml' },
    }),
    delay: 0,
  });
  await Promise.all(
    rendered.map(({ pathname, response, delay }) =>
      observeRenderedPage(pathname, () => new Promise((settle) => setTimeout(() => settle(response), delay))),
    ),
  );
}

/** The addresses of the pages in a written index, read from its fragments. */
async function indexedUrls(indexDir: string): Promise<string[]> {
  const fragments = await readdir(join(indexDir, 'fragment'));
  const urls = await Promise.all(
    fragments.map(async (name) => {
      const raw = gunzipSync(await readFile(join(indexDir, 'fragment', name))).toString('utf8');
      return (JSON.parse(raw.replace(/^pagefind_dcd/, '')) as { url: string }).url;
    }),
  );
  return urls.sort();
}

/** Renders only the given pages, one after the other, through the middleware. */
async function renderPages(
  base: string,
  paths: readonly string[],
  pages: Record<string, string> = SITE_PAGES,
): Promise<void> {
  for (const path of paths) {
    const html = pages[path] ?? '';
    await observeRenderedPage(`${base}${path.replace(/index\.html$/, '')}`, () =>
      Promise.resolve(new Response(html, { headers: { 'Content-Type': 'text/html' } })),
    );
  }
}

/**
 * Builds the index of a site (the fixture site by default) with `render` rendering pages: as a
 * clean build, or, with `lastBuild`, as a republish over the folder the last build left. Its
 * files and their bytes.
 */
async function indexFiles(
  render: () => Promise<void>,
  {
    site = SITE_PAGES,
    lastBuild,
    logger = recordingLogger().logger,
  }: {
    site?: Record<string, string>;
    lastBuild?: Record<string, string>;
    logger?: ReturnType<typeof recordingLogger>['logger'];
  } = {},
): Promise<Map<string, string>> {
  const dir = await builtSite({}, lastBuild ?? {});
  const { indexer, awaitIndex } = pagefindSearch();
  hook(indexer, 'astro:config:setup')({ config: { outDir: pathToFileURL(`${dir}/`), base: '/' } });
  hook(indexer, 'astro:build:start')({});
  await render();
  // Astro writes the pages: the folder now holds this build's site, and nothing of the last.
  await rm(dir, { recursive: true, force: true });
  await writeSite(dir, site);
  const pages = Object.keys(site).map((path) => ({ pathname: path.replace(/index\.html$/, '') }));
  hook(indexer, 'astro:build:done')({ dir: pathToFileURL(`${dir}/`), pages, logger });
  await hook(awaitIndex, 'astro:build:done')({});
  return indexContents(dir);
}

/** The files of a written index and their bytes, by path inside the output folder. */
async function indexContents(dir: string): Promise<Map<string, string>> {
  const files = await readdir(join(dir, 'pagefind'), { recursive: true, withFileTypes: true });
  const contents = await Promise.all(
    files
      .filter((file) => file.isFile())
      .map(async (file) => {
        const path = join(file.parentPath, file.name);
        return [path.slice(dir.length), (await readFile(path)).toString('base64')] as const;
      }),
  );
  return new Map(contents);
}

/** Resolves once `file` exists, polling; fails after `ms`. */
async function appears(file: string, ms = 30_000): Promise<void> {
  for (const started = Date.now(); !existsSync(file);) {
    if (Date.now() - started > ms) throw new Error(`${file} did not appear`);
    await new Promise((settle) => setTimeout(settle, 20));
  }
}

/**
 * A clean build in which the article route announces its pages (`announced`, addresses) before
 * they render, as src/pages/articles/[slug].astro does, and Astro writes `site` into the output
 * folder as it renders. `beforeDone` runs once the pages are rendered, before the build is done.
 */
async function announcedBuild(
  announced: readonly string[],
  site: Record<string, string>,
  beforeDone: (dir: string) => Promise<void>,
): Promise<{ files: Map<string, string>; lines: string[] }> {
  const dir = await builtSite({}, {});
  const { indexer, awaitIndex } = pagefindSearch();
  const { logger, lines } = recordingLogger();
  hook(indexer, 'astro:config:setup')({ config: { outDir: pathToFileURL(`${dir}/`), base: '/' } });
  hook(indexer, 'astro:build:start')({});
  announcePages(announced);
  await renderSite('/');
  await writeSite(dir, site);
  await beforeDone(dir);
  const pages = Object.keys(site).map((path) => ({ pathname: path.replace(/index\.html$/, '') }));
  hook(indexer, 'astro:build:done')({ dir: pathToFileURL(`${dir}/`), pages, logger });
  await hook(awaitIndex, 'astro:build:done')({});
  return { files: await indexContents(dir), lines };
}

/**
 * A republish over the folder the last build left (`lastBuild`): the article route announces its
 * pages and those it expects to render (`toRender`, addresses), as src/pages/articles/[slug].astro
 * does; `render` renders pages of `site`; Astro then writes this build's pages over the last
 * build's, leaving the index folder alone. `beforeDone` runs before they are written.
 */
async function announcedRepublish({
  lastBuild,
  site,
  toRender,
  render,
  beforeDone = () => Promise.resolve(),
}: {
  lastBuild: Record<string, string>;
  site: Record<string, string>;
  toRender: readonly string[];
  render: (dir: string) => Promise<void>;
  beforeDone?: (dir: string) => Promise<void>;
}): Promise<{ files: Map<string, string>; lines: string[] }> {
  const dir = await builtSite({}, lastBuild);
  const { indexer, awaitIndex } = pagefindSearch();
  const { logger, lines } = recordingLogger();
  hook(indexer, 'astro:config:setup')({ config: { outDir: pathToFileURL(`${dir}/`), base: '/' } });
  hook(indexer, 'astro:build:start')({});
  const articleRoute = Object.keys(site)
    .filter((path) => path.startsWith('articles/'))
    .map((path) => `/${path.replace(/index\.html$/, '')}`);
  announcePages(articleRoute, toRender);
  await render(dir);
  await beforeDone(dir);
  // Astro writes the pages it rendered (those that changed) and the last build's pages this one
  // no longer has are deleted; the pages kept are not touched.
  const gone = Object.keys(lastBuild).filter((path) => !(path in site));
  await Promise.all(gone.map((path) => rm(join(dir, path), { force: true })));
  await writeSite(
    dir,
    Object.fromEntries(Object.entries(site).filter(([path, html]) => lastBuild[path] !== html)),
  );
  const pages = Object.keys(site).map((path) => ({ pathname: path.replace(/index\.html$/, '') }));
  hook(indexer, 'astro:build:done')({ dir: pathToFileURL(`${dir}/`), pages, logger });
  await hook(awaitIndex, 'astro:build:done')({});
  return { files: await indexContents(dir), lines };
}

/** The fixture site with one article's text edited. */
const EDITED_SITE = {
  ...SITE_PAGES,
  'articles/ferry-resumes/index.html': page('Ferry resumes', 'Crossings resumed at dawn.'),
};

/** A clean build's index of `site`. */
const cleanIndexOf = (site: Record<string, string>): Promise<Map<string, string>> =>
  indexFiles(() => renderPages('/', Object.keys(site).sort(), site), { site });

/** The article route's pages of the fixture site: the two articles and the redirect page. */
const ARTICLE_ROUTE = ['/articles/bridge-reopens/', '/articles/ferry-resumes/', '/articles/old-bridge-copy/'];

describe('pagefindSearch', () => {
  test('gives the indexer, with its config, dev-server and build-done hooks, and the integration that waits', () => {
    const { indexer, awaitIndex } = pagefindSearch();
    expect(indexer.name).toBe('dispatch-pagefind');
    expect(Object.keys(indexer.hooks)).toEqual([
      'astro:config:setup',
      'astro:server:setup',
      'astro:build:start',
      'astro:build:done',
    ]);
    expect(awaitIndex.name).toBe('dispatch-pagefind-done');
    expect(Object.keys(awaitIndex.hooks)).toEqual(['astro:build:done']);
  });

  test('indexes only the article pages as they are rendered, and the build waits for the index', async () => {
    // A clean build: the output folder is empty when the build starts, written when it is done.
    const emptyOutDir = await mkdtemp(join(tmpdir(), 'dispatch-pagefind-empty-'));
    folders.push(emptyOutDir);
    const { indexer, awaitIndex } = pagefindSearch();
    const { logger, lines } = recordingLogger();
    hook(
      indexer,
      'astro:config:setup',
    )({ config: { outDir: pathToFileURL(`${emptyOutDir}/`), base: '/news/' } });
    hook(indexer, 'astro:build:start')({});
    await renderSite('/news/');
    const dir = await builtSite();

    // The indexer's hook only starts the work: the index is not there when it returns.
    expect(
      hook(indexer, 'astro:build:done')({ dir: pathToFileURL(`${dir}/`), pages: [], logger }),
    ).toBeUndefined();
    expect(existsSync(join(dir, 'pagefind', 'pagefind.js'))).toBe(false);
    await hook(awaitIndex, 'astro:build:done')({});

    const indexDir = join(dir, 'pagefind');
    expect(existsSync(join(indexDir, 'pagefind.js'))).toBe(true);
    const entry = JSON.parse(await readFile(join(indexDir, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.keys(entry.languages)).toEqual(['en']);
    expect(entry.languages['en']?.page_count).toBe(2);
    expect(await indexedUrls(indexDir)).toEqual(['/articles/bridge-reopens/', '/articles/ferry-resumes/']);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^indexed 2 pages while rendering, written in \d+ ms \(\d+ ms to index the last pages\), \d+ ms after the last page$/,
    );

    // A second wait has nothing left to wait for.
    await expect(hook(awaitIndex, 'astro:build:done')({})).resolves.toBeUndefined();
  });

  test('writes the same index whatever order the pages finish rendering in', async () => {
    const first = await indexFiles(() => renderSite('/', { slowFirst: true }));
    expect(first.size).toBeGreaterThan(5);
    expect(await indexFiles(() => renderSite('/', { slowFirst: false }))).toEqual(first);
  });

  test('with the article pages announced, the index is written once the last is rendered, before the build is done: the same index', async () => {
    const clean = await indexFiles(() => renderSite('/'));
    const { files, lines } = await announcedBuild(ARTICLE_ROUTE, SITE_PAGES, async (dir) => {
      // Written while the build still renders other routes: no `astro:build:done` yet.
      await appears(join(dir, 'pagefind', 'pagefind-entry.json'));
    });
    expect(files).toEqual(clean);
    expect(lines).toEqual([
      expect.stringMatching(
        /^indexed 2 pages while rendering, written in \d+ ms .*, 0 ms after the last page, begun while pages rendered$/,
      ),
    ]);
  });

  test('a build done before its last article page was read completes the index once, at the end', async () => {
    const clean = await indexFiles(() => renderSite('/'));
    // Astro is done as soon as the pages are rendered: the pages are still being read (in
    // another thread) when `astro:build:done` comes, so no early index may start after it.
    const { files, lines } = await announcedBuild(ARTICLE_ROUTE, SITE_PAGES, () => Promise.resolve());
    expect(files).toEqual(clean);
    expect(lines).toEqual([
      expect.stringMatching(
        /^indexed 2 pages while rendering, written in \d+ ms .*after the last page(, begun while pages rendered)?$/,
      ),
    ]);
  });

  test('an index written early for other article pages than the build has is made again from the written pages', async () => {
    // The build's article route has a third page the announcement did not name.
    const site = {
      ...SITE_PAGES,
      'articles/tunnel-opens/index.html': page('Tunnel opens', 'The new tunnel opened on Friday.'),
    };
    const clean = await indexFiles(() => renderPages('/', Object.keys(site).sort(), site), { site });
    const { files, lines } = await announcedBuild(ARTICLE_ROUTE, site, (dir) =>
      appears(join(dir, 'pagefind', 'pagefind-entry.json')),
    );
    expect(files).toEqual(clean);
    expect(lines).toEqual([expect.stringMatching(/^indexed 3 pages \(read back\), written in \d+ ms/)]);
  });

  test('an announced page never rendered (kept from the last build) leaves the index to the end of the build', async () => {
    const clean = await indexFiles(() => renderSite('/'));
    const { files, lines } = await announcedBuild(
      [...ARTICLE_ROUTE, '/articles/kept-page/'],
      SITE_PAGES,
      async (dir) => {
        await new Promise((settle) => setTimeout(settle, 500));
        expect(existsSync(join(dir, 'pagefind'))).toBe(false);
      },
    );
    expect(files).toEqual(clean);
    expect(lines).toEqual([expect.stringMatching(/^indexed 2 pages while rendering, written in \d+ ms/)]);
  });

  test('a republish writes the index once the pages expected to render are rendered, before the build is done: the same index', async () => {
    const clean = await cleanIndexOf(EDITED_SITE);
    const { files, lines } = await announcedRepublish({
      lastBuild: SITE_PAGES,
      site: EDITED_SITE,
      toRender: ['/articles/ferry-resumes/'],
      render: () => renderPages('/', ['articles/ferry-resumes/index.html'], EDITED_SITE),
      beforeDone: (dir) => appears(join(dir, 'pagefind', 'pagefind-entry.json')),
    });
    expect(files).toEqual(clean);
    expect(lines).toEqual([
      expect.stringMatching(
        /^indexed 2 pages \(1 kept from the last build and indexed ahead\), written in \d+ ms .*, 0 ms after the last page, begun while pages rendered$/,
      ),
    ]);
  });

  test('a republish that added and removed articles makes the index early from the pages rendered and the files kept: the same index', async () => {
    const changed = Object.fromEntries([
      ...Object.entries(SITE_PAGES).filter(([path]) => path !== 'articles/ferry-resumes/index.html'),
      ['articles/tunnel-opens/index.html', page('Tunnel opens', 'The new tunnel opened on Friday.')],
    ]);
    const clean = await cleanIndexOf(changed);
    const { files, lines } = await announcedRepublish({
      lastBuild: SITE_PAGES,
      site: changed,
      toRender: ['/articles/tunnel-opens/'],
      // The early index must take the new page as rendered: its file is not written yet.
      render: () => renderPages('/', ['articles/tunnel-opens/index.html'], changed),
      beforeDone: (dir) => appears(join(dir, 'pagefind', 'pagefind-entry.json')),
    });
    expect(files).toEqual(clean);
    expect(lines).toEqual([
      expect.stringMatching(
        /^indexed 2 pages \(1 kept from the last build and read back\), written in \d+ ms .*, 0 ms after the last page, begun while pages rendered$/,
      ),
    ]);
  });

  test('a page rendered that the route expected kept (its code changed, say) leaves the index to the end: the same index', async () => {
    const clean = await cleanIndexOf(EDITED_SITE);
    const { files, lines } = await announcedRepublish({
      lastBuild: SITE_PAGES,
      site: EDITED_SITE,
      toRender: ['/articles/ferry-resumes/'],
      // Astro renders every article page again; the bridge page comes first.
      render: () =>
        renderPages(
          '/',
          Object.keys(EDITED_SITE).filter((path) => path.startsWith('articles/')),
          EDITED_SITE,
        ),
      beforeDone: async (dir) => {
        await new Promise((settle) => setTimeout(settle, 500));
        expect(existsSync(join(dir, 'pagefind'))).toBe(false);
      },
    });
    expect(files).toEqual(clean);
    expect(lines).toEqual([
      expect.stringMatching(/^indexed 2 pages \(0 kept from the last build and indexed ahead\), written in/),
    ]);
  });

  test('an article page rendered after the early index was made voids it: the index is made again from the written pages', async () => {
    const clean = await cleanIndexOf(EDITED_SITE);
    const { files, lines } = await announcedRepublish({
      lastBuild: SITE_PAGES,
      site: EDITED_SITE,
      toRender: ['/articles/bridge-reopens/'],
      render: async (dir) => {
        await renderPages('/', ['articles/bridge-reopens/index.html'], EDITED_SITE);
        await appears(join(dir, 'pagefind', 'pagefind-entry.json'));
        // The forecast missed this one: the early index holds its last build's text.
        await renderPages('/', ['articles/ferry-resumes/index.html'], EDITED_SITE);
      },
    });
    expect(files).toEqual(clean);
    expect(lines).toEqual([expect.stringMatching(/^indexed 2 pages \(read back\), written in \d+ ms/)]);
  });

  test('a build that kept pages from the last one indexes them from their files: the same index', async () => {
    const clean = await indexFiles(() => renderSite('/'));
    const { logger, lines } = recordingLogger();
    // Only one article page rendered; the other and the redirect page kept (never seen rendering).
    const rebuilt = await indexFiles(() => renderPages('/', ['articles/ferry-resumes/index.html']), {
      logger,
    });
    expect(rebuilt).toEqual(clean);
    expect(lines).toEqual([
      expect.stringMatching(
        /^indexed 2 pages \(1 kept from the last build and read back\), written in \d+ ms/,
      ),
    ]);
  });

  test('a republish adds the last build’s pages ahead and replaces the one rendered again: the same index', async () => {
    const edited = {
      ...SITE_PAGES,
      'articles/ferry-resumes/index.html': page('Ferry resumes', 'Crossings resumed at dawn.'),
    };
    const clean = await indexFiles(() => renderPages('/', Object.keys(edited).sort(), edited), {
      site: edited,
    });
    const { logger, lines } = recordingLogger();
    const republished = await indexFiles(
      () => renderPages('/', ['articles/ferry-resumes/index.html'], edited),
      { site: edited, lastBuild: SITE_PAGES, logger },
    );
    expect(republished).toEqual(clean);
    expect(lines).toEqual([
      expect.stringMatching(
        /^indexed 2 pages \(1 kept from the last build and indexed ahead\), written in \d+ ms/,
      ),
    ]);
  });

  test('a republish whose searchable pages changed (one removed, one added) reads them back: the same index', async () => {
    const changed = Object.fromEntries([
      ...Object.entries(SITE_PAGES).filter(([path]) => path !== 'articles/ferry-resumes/index.html'),
      ['articles/tunnel-opens/index.html', page('Tunnel opens', 'The new tunnel opened on Friday.')],
    ]);
    const clean = await indexFiles(() => renderPages('/', Object.keys(changed).sort(), changed), {
      site: changed,
    });
    const { logger, lines } = recordingLogger();
    const republished = await indexFiles(
      () => renderPages('/', ['articles/tunnel-opens/index.html'], changed),
      { site: changed, lastBuild: SITE_PAGES, logger },
    );
    expect(republished).toEqual(clean);
    expect(lines).toEqual([
      expect.stringMatching(
        /^indexed 2 pages \(1 kept from the last build and read back\), written in \d+ ms/,
      ),
    ]);
  });

  test('pages rendered out of file order are indexed again in file order: the same index', async () => {
    const inOrder = await indexFiles(() => renderSite('/'));
    const reversed = Object.keys(SITE_PAGES).sort().reverse();
    expect(await indexFiles(() => renderPages('/', reversed))).toEqual(inOrder);
  });

  test('awaitIndex has nothing to wait for when no build was indexed', async () => {
    const { awaitIndex } = pagefindSearch();
    await expect(hook(awaitIndex, 'astro:build:done')({})).resolves.toBeUndefined();
    expect(pagefind.createIndex).not.toHaveBeenCalled();
  });

  test('an error Pagefind reports while indexing fails the build, escaped, and nothing is written', async () => {
    const writeFiles = vi.fn(() => Promise.resolve({ errors: [], outputPath: '' }));
    vi.mocked(pagefind.createIndex).mockResolvedValueOnce({
      errors: [],
      index: {
        addHTMLFile: ({ sourcePath }: { sourcePath: string }) =>
          Promise.resolve({
            errors: sourcePath.includes('bridge-reopens')
              ? ['articles/x\u001b[2J/index.html: could not parse']
              : [],
          }),
        writeFiles,
      } as unknown as pagefind.PagefindIndex,
    });
    const dir = await builtSite();
    const { indexer, awaitIndex } = pagefindSearch();
    const { logger, lines } = recordingLogger();
    hook(indexer, 'astro:build:start')({});
    await renderSite('/');
    hook(indexer, 'astro:build:done')({ dir: pathToFileURL(`${dir}/`), pages: [], logger });
    await expect(hook(awaitIndex, 'astro:build:done')({})).rejects.toThrow(
      new Error('Pagefind failed while indexing the site:\narticles/x\\x1b[2J/index.html: could not parse'),
    );
    expect(writeFiles).not.toHaveBeenCalled();
    expect(lines).toEqual([]);
    expect(existsSync(join(dir, 'pagefind'))).toBe(false);
  });

  test('an index Pagefind cannot create fails the build with its reasons', async () => {
    vi.mocked(pagefind.createIndex).mockResolvedValueOnce({ errors: ['bad option', 'no language'] });
    const { indexer, awaitIndex } = pagefindSearch();
    hook(
      indexer,
      'astro:build:done',
    )({ dir: pathToFileURL(`${await builtSite()}/`), pages: [], logger: recordingLogger().logger });
    await expect(hook(awaitIndex, 'astro:build:done')({})).rejects.toThrow(
      new Error('Pagefind could not create an index: bad option; no language'),
    );
  });

  test('a Pagefind process that dies mid-build fails `astro build` instead of ending it with success', async () => {
    // A file where the index folder goes: Pagefind's process crashes writing the index and
    // never answers. Run in a Node process of its own, ended the way the `astro` command ends.
    const dir = await builtSite({ pagefind: 'a file in the way' });
    const module = new URL('../../../src/astro/integrations/pagefind.ts', import.meta.url).href;
    const script = `
      const { pagefindSearch } = await import(${JSON.stringify(module)});
      const { indexer, awaitIndex } = pagefindSearch();
      const logger = { info: (line) => console.log(line) };
      indexer.hooks['astro:build:done']({ dir: new URL(${JSON.stringify(pathToFileURL(`${dir}/`).href)}), pages: [], logger });
      awaitIndex.hooks['astro:build:done']({}).then(
        () => { console.log('build complete'); process.exit(0); },
        (error) => { console.log('build failed: ' + error.message); process.exit(1); },
      );
    `;
    const outcome = await run(process.execPath, ['--input-type=module', '--eval', script], {
      encoding: 'utf8',
      timeout: 60_000,
    }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );
    expect(outcome).toEqual({
      code: 1,
      stdout:
        'build failed: Pagefind stopped before the search index was written: its process ended without an answer (see any output above).\n',
    });
  });
});

describe('the dev server', () => {
  /** A dev server stand-in that keeps the middleware it is given. */
  function fakeServer() {
    const use = vi.fn();
    return { server: { middlewares: { use } }, use };
  }

  test('serves the last build’s index under the base path, and says so', async () => {
    const dir = await builtSite();
    const { indexer, awaitIndex } = pagefindSearch();
    hook(indexer, 'astro:config:setup')({ config: { outDir: pathToFileURL(`${dir}/`), base: '/news/' } });
    hook(
      indexer,
      'astro:build:done',
    )({ dir: pathToFileURL(`${dir}/`), pages: [], logger: recordingLogger().logger });
    await hook(awaitIndex, 'astro:build:done')({});

    const { server, use } = fakeServer();
    const { logger, lines } = recordingLogger();
    hook(indexer, 'astro:server:setup')({ server, logger });
    expect(lines).toEqual(['search uses the index of the last build (run `npm run build` to refresh it)']);
    expect(use).toHaveBeenCalledTimes(1);
    const middleware = use.mock.calls[0]?.[0] as (
      request: unknown,
      response: unknown,
      next: () => void,
    ) => void;

    // Outside `/news/pagefind/`: passed on.
    const next = vi.fn();
    middleware({ url: '/pagefind/pagefind-entry.json' }, {}, next);
    expect(next).toHaveBeenCalledTimes(1);

    // Inside: the file of the index, as written.
    const response = Object.assign(new PassThrough(), { setHeader: vi.fn(), headersSent: false });
    const body: Buffer[] = [];
    response.on('data', (chunk: Buffer) => body.push(chunk));
    const ended = new Promise((settle) => response.on('end', settle));
    middleware({ url: '/news/pagefind/pagefind-entry.json' }, response, next);
    await ended;
    expect(next).toHaveBeenCalledTimes(1);
    expect(response.setHeader).toHaveBeenCalledWith('Content-Type', 'application/json; charset=utf-8');
    expect(Buffer.concat(body).toString('utf8')).toBe(
      await readFile(join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8'),
    );
  });

  test('says to build first when there is no index yet', async () => {
    const dir = await builtSite();
    const { indexer } = pagefindSearch();
    hook(indexer, 'astro:config:setup')({ config: { outDir: pathToFileURL(`${dir}/`), base: '/' } });
    const { server, use } = fakeServer();
    const { logger, lines } = recordingLogger();
    hook(indexer, 'astro:server:setup')({ server, logger });
    expect(lines).toEqual(['search needs an index: run `npm run build` once, then reload the search page']);
    expect(use).toHaveBeenCalledTimes(1);
  });

  test('does nothing before the config hook has run', () => {
    const { indexer } = pagefindSearch();
    const { server, use } = fakeServer();
    const { logger, lines } = recordingLogger();
    hook(indexer, 'astro:server:setup')({ server, logger });
    expect(use).not.toHaveBeenCalled();
    expect(lines).toEqual([]);
  });
});
