import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createCacheKeys, withCacheKeys } from '../../src/lib/cache-key.ts';

const article = (headline: string, paragraphs: string[]) => ({
  slug: headline.toLowerCase(),
  headline,
  date: new Date('2025-07-01T00:00:00Z'),
  paragraphs,
  topics: new Set(['Kabul']),
});

describe('createCacheKeys', () => {
  test('gives equal data equal keys, whatever the object identities', () => {
    const a = createCacheKeys()({ page: [article('A', ['one', 'two'])] });
    const b = createCacheKeys()({ page: [article('A', ['one', 'two'])] });
    expect(a).toBe(b);
  });

  test('changes with any rendered detail: text, order, dates, set members, map entries, absence', () => {
    const key = (value: unknown) => createCacheKeys()(value);
    const base = key({ page: [article('A', ['one', 'two'])] });
    const variants = [
      { page: [article('A', ['one', 'two!'])] },
      { page: [article('A', ['two', 'one'])] },
      { page: [{ ...article('A', ['one', 'two']), date: new Date('2025-07-02T00:00:00Z') }] },
      { page: [{ ...article('A', ['one', 'two']), topics: new Set(['Kabul', 'Herat']) }] },
      { page: [{ ...article('A', ['one', 'two']), extra: undefined }] },
      { page: [article('A', ['one', 'two'])], map: new Map([['a', 1]]) },
      { page: [article('A', ['one', 'two'])], map: new Map([['a', 2]]) },
      { page: [article('A', ['one']), article('B', ['two'])] },
    ];
    const keys = variants.map(key);
    for (const variant of keys) expect(variant).not.toBe(base);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('does not confuse strings with the structure around them', () => {
    const key = (value: unknown) => createCacheKeys()(value);
    expect(key(['a,b'])).not.toBe(key(['a', 'b']));
    expect(key({ a: '1' })).not.toBe(key({ a: 1 }));
    expect(key([null])).not.toBe(key([undefined]));
  });

  test('refuses values whose rendering it cannot see', () => {
    const key = createCacheKeys();
    expect(() => key({ render: () => 'x' })).toThrow(TypeError);
    expect(() => key({ url: new URL('https://example.org/') })).toThrow(/URL/);
  });

  test('equal JSON-like values always have equal keys, different ones different keys', () => {
    const json = fc.jsonValue({ maxDepth: 3 });
    fc.assert(
      fc.property(json, json, (a, b) => {
        const same = JSON.stringify(a) === JSON.stringify(b);
        expect(createCacheKeys()(a) === createCacheKeys()(b)).toBe(same);
      }),
      { seed: 20261125, numRuns: 500 },
    );
  });
});

describe('withCacheKeys', () => {
  test('keys each path by its params and props, keeping both', () => {
    const shared = article('A', ['one']);
    const paths = withCacheKeys([
      { params: { page: '2' }, props: { items: [shared] } },
      { params: { page: '3' }, props: { items: [shared] } },
    ]);
    expect(paths[0]?.props.items[0]).toBe(shared);
    expect(paths[0]?.cacheKey).not.toBe(paths[1]?.cacheKey);
    expect(paths[0]?.cacheKey).toBe(withCacheKeys([{ params: { page: '2' }, props: { items: [shared] } }])[0]?.cacheKey);
  });
});
