/**
 * The service worker's plugin for its network-first routes is copied into `sw.js` as source
 * text: each callback is run here from its text alone, in a context holding only what a service
 * worker has, so a callback that leaned on anything of its module would fail here as it would
 * in the worker.
 */
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { OFFLINE_COPIES_PLUGIN } from '../../src/browser/offline-copies.ts';

type CacheKeyCallback = (options: { request: { url: string } }) => Promise<string>;
type ErrorCallback = (options: { request: { url: string } }) => Promise<unknown>;

/** A callback rebuilt from its text, with `caches` answering from `stored` (URL → response). */
function fromSource<T>(callback: unknown, stored: Record<string, string> = {}) {
  const lookups: { url: string; options: unknown }[] = [];
  const caches = {
    match: (url: string, options: { ignoreSearch?: boolean }) => {
      lookups.push({ url, options });
      const key = Object.keys(stored).find((candidate) =>
        options.ignoreSearch ? candidate.split('?')[0] === url : candidate === url,
      );
      return Promise.resolve(key === undefined ? undefined : stored[key]);
    },
  };
  const rebuilt = runInNewContext(`(${String(callback)})`, { URL, caches }) as T;
  return { rebuilt, lookups };
}

describe('OFFLINE_COPIES_PLUGIN.cacheKeyWillBeUsed', () => {
  test('keeps one copy per address: the query (?q=, ?highlight=, ?ts=) and fragment are not part of the key', async () => {
    const { rebuilt } = fromSource<CacheKeyCallback>(OFFLINE_COPIES_PLUGIN.cacheKeyWillBeUsed);
    expect(await rebuilt({ request: { url: 'https://example.org/news/search/?q=taliban&year=2025' } })).toBe(
      'https://example.org/news/search/',
    );
    expect(
      await rebuilt({ request: { url: 'https://example.org/news/articles/a/?highlight=kabul#top' } }),
    ).toBe('https://example.org/news/articles/a/');
    expect(
      await rebuilt({
        request: { url: 'https://example.org/news/pagefind/pagefind-entry.json?ts=1767225600000' },
      }),
    ).toBe('https://example.org/news/pagefind/pagefind-entry.json');
    expect(await rebuilt({ request: { url: 'https://example.org/' } })).toBe('https://example.org/');
  });
});

describe('OFFLINE_COPIES_PLUGIN.handlerDidError', () => {
  const precache = {
    'https://example.org/news/index.html?__WB_REVISION__=abc': 'home page',
    'https://example.org/news/search/index.html?__WB_REVISION__=def': 'search page',
    'https://example.org/news/pagefind/pagefind-entry.json?__WB_REVISION__=012': 'entry file',
  };

  test('offline, answers an address never fetched with its precached copy, whatever its revision and query', async () => {
    const { rebuilt, lookups } = fromSource<ErrorCallback>(OFFLINE_COPIES_PLUGIN.handlerDidError, precache);
    expect(await rebuilt({ request: { url: 'https://example.org/news/' } })).toBe('home page');
    expect(await rebuilt({ request: { url: 'https://example.org/news/search/?q=kabul' } })).toBe(
      'search page',
    );
    expect(
      await rebuilt({
        request: { url: 'https://example.org/news/pagefind/pagefind-entry.json?ts=1767225600000' },
      }),
    ).toBe('entry file');
    expect(lookups).toEqual([
      { url: 'https://example.org/news/index.html', options: { ignoreSearch: true } },
      { url: 'https://example.org/news/search/index.html', options: { ignoreSearch: true } },
      { url: 'https://example.org/news/pagefind/pagefind-entry.json', options: { ignoreSearch: true } },
    ]);
  });

  test('gives nothing for a page that was not precached, so the offline page answers', async () => {
    const { rebuilt } = fromSource<ErrorCallback>(OFFLINE_COPIES_PLUGIN.handlerDidError, precache);
    expect(
      await rebuilt({ request: { url: 'https://example.org/news/articles/never-read/' } }),
    ).toBeUndefined();
    // Without its trailing slash, an address is not its folder's page (`search` is not home).
    expect(await rebuilt({ request: { url: 'https://example.org/news/search' } })).toBeUndefined();
  });
});
