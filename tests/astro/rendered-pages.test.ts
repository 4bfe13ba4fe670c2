/**
 * The hand-over of rendered pages from the middleware to the build's integrations: listeners
 * get every page in the order rendering started, whatever order it finished in, failed renders
 * included, and without a listener a response passes untouched.
 */
import { describe, expect, test } from 'vitest';
import {
  announcePages,
  announcedPages,
  builtFileOf,
  listenToRenderedPages,
  observeRenderedPage,
  type RenderedPage,
} from '../../src/astro/rendered-pages.ts';

/** A page's HTML as listeners get it: the bytes Astro writes (read in another thread). */
const textOf = (bytes: Uint8Array | undefined): string | undefined =>
  bytes && new TextDecoder().decode(bytes);

const html = (text: string): Response =>
  new Response(`<!DOCTYPE html><p>${text}</p>`, { headers: { 'Content-Type': 'text/html' } });

/** Renders `response` after `ms` milliseconds. */
const after = (ms: number, response: () => Response) => () =>
  new Promise<Response>((settle) => setTimeout(() => settle(response()), ms));

describe('observeRenderedPage', () => {
  test('passes a response on untouched when nobody listens', async () => {
    const response = html('alone');
    expect(await observeRenderedPage('/a/', () => Promise.resolve(response))).toBe(response);
  });

  test('gives listeners the pages in the order they started, with the HTML each page returns', async () => {
    const seen: RenderedPage[] = [];
    const stop = listenToRenderedPages((page) => seen.push(page));
    const responses = await Promise.all([
      observeRenderedPage(
        '/first/',
        after(30, () => html('first')),
      ),
      observeRenderedPage(
        '/feed.xml',
        after(0, () => new Response('<rss/>', { headers: { 'Content-Type': 'application/xml' } })),
      ),
      observeRenderedPage(
        '/third/',
        after(10, () => html('third')),
      ),
    ]);
    stop();
    expect(seen.map(({ pathname, bytes }) => ({ pathname, html: textOf(bytes) }))).toEqual([
      { pathname: '/first/', html: '<!DOCTYPE html><p>first</p>' },
      { pathname: '/feed.xml', html: undefined },
      { pathname: '/third/', html: '<!DOCTYPE html><p>third</p>' },
    ]);
    // What Astro writes is what the page returned.
    expect(await responses[0]?.text()).toBe('<!DOCTYPE html><p>first</p>');
    expect(responses[0]?.headers.get('content-type')).toBe('text/html');
    expect(await responses[1]?.text()).toBe('<rss/>');
  });

  test('a page whose rendering fails does not hold back the pages after it', async () => {
    const seen: RenderedPage[] = [];
    const stop = listenToRenderedPages((page) => seen.push(page));
    const failing = observeRenderedPage(
      '/broken/',
      () => new Promise<Response>((_, fail) => setTimeout(() => fail(new Error('render failed')), 5)),
    );
    const next = observeRenderedPage(
      '/next/',
      after(0, () => html('next')),
    );
    await expect(failing).rejects.toThrow('render failed');
    await next;
    stop();
    expect(seen.map((page) => [page.pathname, page.bytes !== undefined])).toEqual([
      ['/broken/', false],
      ['/next/', true],
    ]);
  });

  test('numbering starts again with the first listener of a new build', async () => {
    const first: string[] = [];
    const stopFirst = listenToRenderedPages((page) => first.push(page.pathname));
    // A page started but never finished, as when a build stops half-way.
    void observeRenderedPage('/never/', () => new Promise<Response>(() => undefined));
    await observeRenderedPage('/after-never/', () => Promise.resolve(html('x')));
    stopFirst();
    expect(first).toEqual([]);

    const second: string[] = [];
    const stopSecond = listenToRenderedPages((page) => second.push(page.pathname));
    await observeRenderedPage('/new-build/', () => Promise.resolve(html('y')));
    stopSecond();
    expect(second).toEqual(['/new-build/']);
  });
});

describe('announcePages', () => {
  test('keeps what the article route announced for this build; a new build’s first listener forgets it', () => {
    const stopFirst = listenToRenderedPages(() => undefined);
    announcePages(['/articles/a/', '/articles/b/']);
    // Without a forecast, every page is expected to render (a clean build).
    expect(announcedPages()).toEqual({
      pages: new Set(['/articles/a/', '/articles/b/']),
      toRender: new Set(['/articles/a/', '/articles/b/']),
    });
    announcePages(['/articles/a/', '/articles/b/'], ['/articles/b/']);
    expect(announcedPages()?.toRender).toEqual(new Set(['/articles/b/']));
    stopFirst();
    const stopSecond = listenToRenderedPages(() => undefined);
    expect(announcedPages()).toBeUndefined();
    stopSecond();
  });
});

describe('builtFileOf', () => {
  test('gives the file a page is written to inside the output folder, under the base path', () => {
    expect(builtFileOf('/news/', '/news/')).toBe('index.html');
    expect(builtFileOf('/news/topics/caf%C3%A9/', '/news/')).toBe('topics/café/index.html');
    expect(builtFileOf('/news/rss.xml', '/news/')).toBe('rss.xml');
    expect(builtFileOf('/elsewhere/', '/news/')).toBeUndefined();
  });
});
