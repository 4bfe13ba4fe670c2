/**
 * Page keys for the incremental build: equal for equal data, different as soon as anything a
 * page shows differs — sets and maps included, which JSON would write as `{}`.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { keyOf, siteWideKey, withCacheKeys } from '../../src/astro/page-cache.ts';

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

describe('withCacheKeys', () => {
  const paths = [
    { params: { slug: 'a' }, props: { title: 'A' } },
    { params: { slug: 'b' }, props: { title: 'B' } },
  ];

  test('keys each path on its props, the site-wide key and what it looks up', () => {
    const [a, b] = withCacheKeys(paths, 'site-1');
    expect(a?.params).toEqual({ slug: 'a' });
    expect(a?.cacheKey).not.toBe(b?.cacheKey);
    expect(withCacheKeys(paths, 'site-1')[0]?.cacheKey).toBe(a?.cacheKey);
    expect(withCacheKeys(paths, 'site-2')[0]?.cacheKey).not.toBe(a?.cacheKey);
    const withText = withCacheKeys(paths, 'site-1', (path) => `text of ${path.params.slug}`);
    expect(withText[0]?.cacheKey).not.toBe(a?.cacheKey);
  });
});

describe('siteWideKey', () => {
  test('changes with the settings that change how pages read, not with the content folder', () => {
    const defaults = { SITE_LANG: 'en', BASE_PATH: '/', CONTENT_DIR: 'content' };
    const stubDefaults = (): void => {
      vi.unstubAllEnvs();
      for (const [name, value] of Object.entries(defaults)) vi.stubEnv(name, value);
    };
    stubDefaults();
    const base = siteWideKey([{ name: 'World', slug: 'world' }]);
    vi.stubEnv('CONTENT_DIR', '/elsewhere');
    expect(siteWideKey([{ name: 'World', slug: 'world' }])).toBe(base);
    vi.stubEnv('SITE_LANG', 'fr');
    expect(siteWideKey([{ name: 'World', slug: 'world' }])).not.toBe(base);
    stubDefaults();
    vi.stubEnv('BASE_PATH', '/news/');
    expect(siteWideKey([{ name: 'World', slug: 'world' }])).not.toBe(base);
    stubDefaults();
    expect(siteWideKey([{ name: 'Sport', slug: 'sport' }])).not.toBe(base);
  });
});
