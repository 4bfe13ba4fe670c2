/**
 * Page keys for the incremental build: equal for equal data, different as soon as anything a
 * page shows differs — sets and maps included, which JSON would write as `{}`.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { keyOf, pageKeys, withCacheKeys, type PageKeys } from '../../src/astro/page-cache.ts';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('keyOf', () => {
  test('equal data, equal keys; any difference, another key', () => {
    const page = { title: 'Bridge reopens', items: [1, 2, 3], date: new Date('2025-03-01T00:00:00Z') };
    expect(keyOf(page)).toBe(keyOf(structuredClone(page)));
    expect(keyOf(page)).not.toBe(keyOf({ ...page, items: [1, 2] }));
    expect(keyOf(page)).not.toBe(keyOf({ ...page, date: new Date('2025-03-02T00:00:00Z') }));
    expect(keyOf({ a: undefined })).toBe(keyOf({}));
  });

  test('sets and maps count by their contents', () => {
    expect(keyOf(new Set(['iran']))).not.toBe(keyOf(new Set(['iraq'])));
    expect(keyOf({ topics: new Set(['iran']) })).toBe(keyOf({ topics: new Set(['iran']) }));
    expect(keyOf(new Map([['a', 1]]))).not.toBe(keyOf(new Map([['a', 2]])));
    expect(keyOf(new Set())).not.toBe(keyOf({}));
  });

  test('refuses what it cannot hash', () => {
    expect(() => keyOf({ render: () => 'x' })).toThrow(/cannot hash a function/);
  });
});

const keysFor = (site: string): PageKeys => ({ site, articles: new Map(), textOf: (slug) => slug });

describe('withCacheKeys', () => {
  const paths = [
    { params: { slug: 'a' }, props: { title: 'A' } },
    { params: { slug: 'b' }, props: { title: 'B' } },
  ];

  test('keys each path on its props, the site-wide key and what it looks up', () => {
    const [a, b] = withCacheKeys(paths, keysFor('site-1'));
    expect(a?.params).toEqual({ slug: 'a' });
    expect(a?.cacheKey).not.toBe(b?.cacheKey);
    expect(withCacheKeys(paths, keysFor('site-1'))[0]?.cacheKey).toBe(a?.cacheKey);
    expect(withCacheKeys(paths, keysFor('site-2'))[0]?.cacheKey).not.toBe(a?.cacheKey);
    const withText = withCacheKeys(paths, keysFor('site-1'), (path) => `text of ${path.params.slug}`);
    expect(withText[0]?.cacheKey).not.toBe(a?.cacheKey);
  });

  test('an article in the props counts with its record and its text, whether the model’s or a copy', () => {
    const article = { slug: 'bridge', title: 'Bridge reopens' };
    const listing = (text: string, item: object) => {
      const keys = pageKeys([], [article], () => [text]);
      return withCacheKeys([{ params: {}, props: { items: [item] } }], keys)[0]?.cacheKey;
    };
    expect(listing('It reopened.', article)).toBe(listing('It reopened.', article));
    expect(listing('It reopened.', article)).not.toBe(listing('It reopened on Monday.', article));
    expect(listing('It reopened.', article)).not.toBe(
      listing('It reopened.', { ...article, title: 'Bridge shut' }),
    );
    // A copy is written out whole: another key, but never the key of other data.
    expect(listing('It reopened.', { ...article })).not.toBe(
      listing('It reopened.', { ...article, title: 'x' }),
    );
  });

  test('the text of an article is found by its slug', () => {
    const keys = pageKeys([], [{ slug: 'a' }], (slug) => [`text of ${slug}`]);
    expect(keys.textOf('a')).toBe(keyOf(['text of a']));
  });
});

describe('pageKeys', () => {
  test('changes with the settings that change how pages read, not with the content folder', () => {
    const defaults = { SITE_LANG: 'en', BASE_PATH: '/', CONTENT_DIR: 'content' };
    const stubDefaults = (): void => {
      vi.unstubAllEnvs();
      for (const [name, value] of Object.entries(defaults)) vi.stubEnv(name, value);
    };
    stubDefaults();
    const base = pageKeys([{ name: 'World', slug: 'world' }], [], () => null).site;
    vi.stubEnv('CONTENT_DIR', '/elsewhere');
    expect(pageKeys([{ name: 'World', slug: 'world' }], [], () => null).site).toBe(base);
    vi.stubEnv('SITE_LANG', 'fr');
    expect(pageKeys([{ name: 'World', slug: 'world' }], [], () => null).site).not.toBe(base);
    stubDefaults();
    vi.stubEnv('BASE_PATH', '/news/');
    expect(pageKeys([{ name: 'World', slug: 'world' }], [], () => null).site).not.toBe(base);
    stubDefaults();
    expect(pageKeys([{ name: 'Sport', slug: 'sport' }], [], () => null).site).not.toBe(base);
  });
});
