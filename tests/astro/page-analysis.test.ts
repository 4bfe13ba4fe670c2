/**
 * Rendered pages read in the page-analysis thread: the searchable part for the search index,
 * scripts the project did not write for the security headers, once per page.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { UNREADABLE, analyzeRenderedPage, searchableOfWrittenPage } from '../../src/astro/page-analysis.ts';
import type { RenderedPage } from '../../src/astro/rendered-pages.ts';

const page = (pathname: string, html: string | undefined): RenderedPage => ({
  pathname,
  bytes: html === undefined ? undefined : new TextEncoder().encode(html),
});

describe('analyzeRenderedPage', () => {
  test('gives an article page’s searchable part, and nothing foreign in a clean page', async () => {
    const article = page(
      '/articles/bridge/',
      '<!doctype html><html lang="en"><head><title>Bridge</title></head><body><nav>Home</nav>' +
        '<main data-pagefind-body><h1>Bridge reopens</h1><p>Café «open» — ok</p></main></body></html>',
    );
    expect(await analyzeRenderedPage(article, 'articles/bridge/index.html')).toEqual({
      // The `<html>` tag (for the language) and the marked element, in a document of their own.
      searchable:
        '<!doctype html><html lang="en"><body><main data-pagefind-body><h1>Bridge reopens</h1><p>Café «open» — ok</p></main></body></html>',
      foreignScripts: [],
    });
  });

  test('names the scripts the project did not write, by the page’s file', async () => {
    const listing = page(
      '/topics/x/',
      '<!doctype html><html lang="en"><body><a href="#" onclick="steal()">x</a><script>alert(1)</script></body></html>',
    );
    const { searchable, foreignScripts } = await analyzeRenderedPage(listing, 'topics/x/index.html');
    expect(searchable).toBeUndefined();
    expect(foreignScripts).toHaveLength(1);
    expect(foreignScripts[0]?.page).toBe('topics/x/index.html');
    expect(foreignScripts[0]?.problems).toEqual([
      'event handler attribute onclick on <a>',
      expect.stringMatching(/^inline script sha256-\S+ that the project did not write$/),
    ]);
  });

  test('reads a page once, whoever asks; a page that is not HTML has nothing in it', async () => {
    const article = page('/articles/a/', '<html lang="en"><main data-pagefind-body><p>A</p></main></html>');
    const first = analyzeRenderedPage(article, 'articles/a/index.html');
    expect(analyzeRenderedPage(article, 'articles/a/index.html')).toBe(first);
    expect(await analyzeRenderedPage(page('/rss.xml', undefined), 'rss.xml')).toEqual({
      searchable: undefined,
      foreignScripts: [],
    });
  });

  test('answers many pages, each with its own', async () => {
    const pages = Array.from({ length: 200 }, (_, index) =>
      page(
        `/articles/a${index}/`,
        `<html lang="en"><main data-pagefind-body><p>Page ${index}</p></main></html>`,
      ),
    );
    const answers = await Promise.all(
      pages.map((each, index) => analyzeRenderedPage(each, `articles/a${index}/index.html`)),
    );
    expect(answers.map(({ searchable }) => searchable)).toEqual(
      pages.map(
        (_, index) =>
          `<!doctype html><html lang="en"><body><main data-pagefind-body><p>Page ${index}</p></main></body></html>`,
      ),
    );
  });
});

describe('searchableOfWrittenPage', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dispatch-written-'));
    await writeFile(
      join(dir, 'article.html'),
      '<!doctype html><html lang="fr"><body><nav>Accueil</nav><main data-pagefind-body><p>Pont rouvert</p></main></body></html>',
    );
    await writeFile(
      join(dir, 'redirect.html'),
      '<!doctype html><meta http-equiv="refresh" content="0;url=/a/">',
    );
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test('reads a written page’s searchable part from its file', async () => {
    expect(await searchableOfWrittenPage(join(dir, 'article.html'))).toBe(
      '<!doctype html><html lang="fr"><body><main data-pagefind-body><p>Pont rouvert</p></main></body></html>',
    );
  });

  test('tells a page with nothing to index from one that could not be read', async () => {
    expect(await searchableOfWrittenPage(join(dir, 'redirect.html'))).toBeUndefined();
    expect(await searchableOfWrittenPage(join(dir, 'gone.html'))).toBe(UNREADABLE);
  });

  test('answers pages asked together in their own order, beside rendered ones', async () => {
    const names = ['article.html', 'gone.html', 'redirect.html', 'article.html'];
    const rendered = analyzeRenderedPage(
      page('/articles/b/', '<html lang="en"><main data-pagefind-body><p>B</p></main></html>'),
      'articles/b/index.html',
    );
    const answers = await Promise.all(names.map((name) => searchableOfWrittenPage(join(dir, name))));
    expect(answers.map((answer) => (typeof answer === 'string' ? 'searchable' : answer))).toEqual([
      'searchable',
      UNREADABLE,
      undefined,
      'searchable',
    ]);
    expect((await rendered).searchable).toContain('<p>B</p>');
  });
});
