/**
 * The integration that writes the listings' feeds as files: what the feed route offers is
 * written into the output folder, an unchanged feed (same key, file still there, same code) is
 * left alone on the next build, and the files written are handed on to be kept. Hooks run as
 * `astro build` runs them, on real folders.
 */
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { offerFeedFiles, takeFeedFiles, type FeedFile } from '../../../src/astro/feed-files.ts';
import { listingFeeds } from '../../../src/astro/integrations/listing-feeds.ts';

const folders: string[] = [];
afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

async function folder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dispatch-feeds-'));
  folders.push(dir);
  return dir;
}

/** A project root with a `src/` whose content the record's code digest covers. */
async function project(source = 'export const version = 1;\n'): Promise<string> {
  const root = await folder();
  await mkdir(join(root, 'src'), { recursive: true });
  await writeFile(join(root, 'src/feed.ts'), source);
  return root;
}

/** A feed whose body says its key, and counts how often it was made. */
function feed(file: string, key: string, made: string[]): FeedFile {
  return {
    file,
    key,
    body: () => {
      made.push(file);
      return Promise.resolve(`<rss>${file} ${key}</rss>`);
    },
  };
}

/** One build: the route offers `feeds`, then the pages are done. */
async function build(
  root: string,
  outDir: string,
  feeds: readonly FeedFile[],
): Promise<{ written: string[]; logged: string[] }> {
  const written: string[] = [];
  const logged: string[] = [];
  const integration = listingFeeds({ written: (files) => written.push(...files) });
  const hooks = integration.hooks as Record<string, (options: unknown) => Promise<void> | void>;
  await hooks['astro:config:setup']?.({
    config: { cacheDir: pathToFileURL(join(root, 'cache/')), root: pathToFileURL(`${root}/`) },
    command: 'build',
  });
  offerFeedFiles(feeds);
  await hooks['astro:build:done']?.({
    dir: pathToFileURL(`${outDir}/`),
    logger: { info: (line: string) => logged.push(line) },
  });
  return { written, logged };
}

describe('listingFeeds', () => {
  test('writes every feed offered into the output folder and hands the files on', async () => {
    const root = await project();
    const outDir = await folder();
    const made: string[] = [];
    const { written, logged } = await build(root, outDir, [
      feed('topics/iran/rss.xml', 'k1', made),
      feed('topics/iran/feed.json', 'k2', made),
    ]);
    expect(await readFile(join(outDir, 'topics/iran/rss.xml'), 'utf8')).toBe(
      '<rss>topics/iran/rss.xml k1</rss>',
    );
    expect(await readFile(join(outDir, 'topics/iran/feed.json'), 'utf8')).toBe(
      '<rss>topics/iran/feed.json k2</rss>',
    );
    expect(written).toEqual(['topics/iran/rss.xml', 'topics/iran/feed.json']);
    expect(logged).toEqual(['2 listing feeds written as files']);
    // Taken once: a later build offers its own.
    expect(takeFeedFiles()).toEqual([]);
  });

  test('the next build writes only the feeds whose key changed or whose file is gone', async () => {
    const root = await project();
    const outDir = await folder();
    await build(root, outDir, [
      feed('a/rss.xml', 'a1', []),
      feed('b/rss.xml', 'b1', []),
      feed('c/rss.xml', 'c1', []),
    ]);
    await rm(join(outDir, 'c/rss.xml'));
    const before = await stat(join(outDir, 'a/rss.xml'));

    const made: string[] = [];
    const { written, logged } = await build(root, outDir, [
      feed('a/rss.xml', 'a1', made),
      feed('b/rss.xml', 'b2', made),
      feed('c/rss.xml', 'c1', made),
    ]);
    expect(made.sort()).toEqual(['b/rss.xml', 'c/rss.xml']);
    expect((await stat(join(outDir, 'a/rss.xml'))).mtimeMs).toBe(before.mtimeMs);
    expect(await readFile(join(outDir, 'b/rss.xml'), 'utf8')).toBe('<rss>b/rss.xml b2</rss>');
    // Kept feeds are handed on too: they belong to this build's output.
    expect(written).toEqual(['a/rss.xml', 'b/rss.xml', 'c/rss.xml']);
    expect(logged).toEqual(['3 listing feeds written as files (1 unchanged since the last build)']);
  });

  test('a change of code, another output folder or a missing record writes every feed again', async () => {
    const root = await project();
    const outDir = await folder();
    const feeds = (made: string[]) => [feed('a/rss.xml', 'a1', made), feed('b/rss.xml', 'b1', made)];
    await build(root, outDir, feeds([]));

    await writeFile(join(root, 'src/feed.ts'), 'export const version = 2;\n');
    const afterEdit: string[] = [];
    await build(root, outDir, feeds(afterEdit));
    expect(afterEdit.sort()).toEqual(['a/rss.xml', 'b/rss.xml']);

    const elsewhere: string[] = [];
    await build(root, await folder(), feeds(elsewhere));
    expect(elsewhere.sort()).toEqual(['a/rss.xml', 'b/rss.xml']);

    await rm(join(root, 'cache'), { recursive: true });
    const noRecord: string[] = [];
    await build(root, outDir, feeds(noRecord));
    expect(noRecord.sort()).toEqual(['a/rss.xml', 'b/rss.xml']);
  });

  test('a build that fails while writing leaves no record: the next writes every feed', async () => {
    const root = await project();
    const outDir = await folder();
    await build(root, outDir, [feed('a/rss.xml', 'a1', []), feed('b/rss.xml', 'b1', [])]);
    const failing: FeedFile = { file: 'b/rss.xml', key: 'b2', body: () => Promise.reject(new Error('no')) };
    await expect(build(root, outDir, [feed('a/rss.xml', 'a2', []), failing])).rejects.toThrow('no');

    const made: string[] = [];
    await build(root, outDir, [feed('a/rss.xml', 'a2', made), feed('b/rss.xml', 'b1', made)]);
    expect(made.sort()).toEqual(['a/rss.xml', 'b/rss.xml']);
  });

  test('nothing offered, nothing written or logged', async () => {
    const info = vi.fn();
    const integration = listingFeeds({ written: () => undefined });
    const root = await project();
    const hooks = integration.hooks as Record<string, (options: unknown) => Promise<void> | void>;
    await hooks['astro:config:setup']?.({
      config: { cacheDir: pathToFileURL(join(root, 'cache/')), root: pathToFileURL(`${root}/`) },
      command: 'build',
    });
    await hooks['astro:build:done']?.({ dir: pathToFileURL(`${await folder()}/`), logger: { info } });
    expect(info).not.toHaveBeenCalled();
  });
});
