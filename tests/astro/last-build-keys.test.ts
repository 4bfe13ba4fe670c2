/**
 * The article route's page keys of the last build, read from Astro's incremental-build record
 * in its cache folder.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  ARTICLE_ROUTE_COMPONENT,
  lastBuildKeys,
  readLastBuildKeys,
  recordBuildCode,
  renderingOrder,
} from '../../src/astro/last-build-keys.ts';

const folders: string[] = [];
afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

const CODE = Promise.resolve('code-1');

/**
 * A cache folder holding `record` as Astro's `incremental-build.json` (a string as it is), from
 * a build that completed with the code `CODE`.
 */
async function cacheWith(record: unknown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dispatch-last-keys-'));
  folders.push(dir);
  await recordBuildCode(dir, await CODE);
  if (record !== undefined)
    await writeFile(
      join(dir, 'incremental-build.json'),
      typeof record === 'string' ? record : JSON.stringify(record),
    );
  return dir;
}

describe('lastBuildKeys', () => {
  test('gives the article route’s keys by output file, decoding the addresses Astro percent-encodes', async () => {
    readLastBuildKeys(
      await cacheWith({
        version: 1,
        configHash: 'c',
        routes: {
          [ARTICLE_ROUTE_COMPONENT]: {
            dependencyHash: 'd',
            paths: {
              '/articles/bridge/': { cacheKey: 'k1', outputFile: 'articles/bridge/index.html' },
              '/articles/café/': { cacheKey: 'k2', outputFile: 'articles/caf%C3%A9/index.html' },
            },
          },
          // Another route's pages are not the article route's.
          'src/pages/topics/[slug]/[...page].astro': {
            paths: { '/topics/x/': { cacheKey: 'k3', outputFile: 'topics/x/index.html' } },
          },
        },
      }),
      CODE,
    );
    expect(await lastBuildKeys()).toEqual(
      new Map([
        ['articles/bridge/index.html', 'k1'],
        ['articles/café/index.html', 'k2'],
      ]),
    );
  });

  test('keys recorded by a build of other code, or of a build that did not complete, are not given', async () => {
    const record = {
      routes: {
        [ARTICLE_ROUTE_COMPONENT]: {
          paths: { '/articles/x/': { cacheKey: 'k', outputFile: 'articles/x/index.html' } },
        },
      },
    };
    const cache = await cacheWith(record);
    readLastBuildKeys(cache, Promise.resolve('code-2'));
    expect(await lastBuildKeys()).toEqual(new Map());
    // Reading removed the record of the last build's code: until this build completes and
    // records its own, the next one cannot trust the keys either.
    readLastBuildKeys(cache, CODE);
    expect(await lastBuildKeys()).toEqual(new Map());
    await recordBuildCode(cache, await CODE);
    readLastBuildKeys(cache, CODE);
    expect(await lastBuildKeys()).toEqual(new Map([['articles/x/index.html', 'k']]));
  });

  test('a record without the article route gives no keys', async () => {
    readLastBuildKeys(await cacheWith({ routes: {} }), CODE);
    expect(await lastBuildKeys()).toEqual(new Map());
  });

  test('no record, a broken one, or one of another shape gives no keys: every page is expected to render', async () => {
    for (const record of [
      undefined,
      '{"routes": {',
      { routes: { [ARTICLE_ROUTE_COMPONENT]: { paths: { '/articles/x/': { cacheKey: 7 } } } } },
    ]) {
      readLastBuildKeys(await cacheWith(record), CODE);
      expect(await lastBuildKeys()).toEqual(new Map());
    }
  });
});

describe('renderingOrder', () => {
  const paths = [
    { slug: 'a', cacheKey: 'ka' },
    { slug: 'b', cacheKey: 'kb-new' },
    { slug: 'c', cacheKey: 'kc' },
    { slug: 'd', cacheKey: 'kd' },
  ];
  const fileOf = ({ slug }: { slug: string }) => `articles/${slug}/index.html`;

  test('a clean build (no keys of a last build) keeps the file order and expects every page to render', () => {
    const { paths: ordered, toRender } = renderingOrder(paths, new Map(), fileOf);
    expect(ordered.map(({ slug }) => slug)).toEqual(['a', 'b', 'c', 'd']);
    expect(toRender.map(({ slug }) => slug)).toEqual(['a', 'b', 'c', 'd']);
  });

  test('a republish expects the pages whose key changed, and new pages, to render, and puts them first', () => {
    const lastKeys = new Map([
      ['articles/a/index.html', 'ka'],
      ['articles/b/index.html', 'kb-old'],
      ['articles/c/index.html', 'kc'],
      ['articles/gone/index.html', 'kg'],
    ]);
    const { paths: ordered, toRender } = renderingOrder(paths, lastKeys, fileOf);
    expect(toRender.map(({ slug }) => slug)).toEqual(['b', 'd']);
    expect(ordered.map(({ slug }) => slug)).toEqual(['b', 'd', 'a', 'c']);
  });
});
