import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_MAX_FILE_BYTES,
  parseCacheKey,
  parseFiles,
  type ReadResult,
} from '../../src/lib/pipeline.ts';
import { openBuildCache } from '../../src/loaders/build-cache.ts';

const file = (path: string, text: string) => ({ path, bytes: Buffer.from(text) });

describe('parseFiles with a parse cache', () => {
  test('reads each new file once and fills the cache by content', () => {
    const cache = new Map<string, ReadResult>();
    const files = [file('a.txt', 'First headline\n\nA body paragraph here.'), file('b.txt', '')];
    parseFiles(files, { maxFileBytes: DEFAULT_MAX_FILE_BYTES, parseCache: cache });
    expect([...cache.keys()].sort()).toEqual(
      files.map((f) => parseCacheKey(f, DEFAULT_MAX_FILE_BYTES)).sort(),
    );
    expect(cache.get(parseCacheKey(files[1] ?? file('', ''), DEFAULT_MAX_FILE_BYTES))).toEqual({
      rejected: 'The file is empty.',
    });
  });

  test('uses a cached reading instead of parsing the same bytes again', () => {
    const input = file('a.txt', 'First headline\n\nA body paragraph here.');
    const cache = new Map<string, ReadResult>();
    parseFiles([input], { maxFileBytes: DEFAULT_MAX_FILE_BYTES, parseCache: cache });
    const key = parseCacheKey(input, DEFAULT_MAX_FILE_BYTES);
    const cached = cache.get(key);
    if (!cached || 'rejected' in cached) throw new Error('expected a parsed article in the cache');
    cache.set(key, { ...cached, title: 'From the cache' });
    const { articles } = parseFiles([input], { maxFileBytes: DEFAULT_MAX_FILE_BYTES, parseCache: cache });
    expect(articles[0]?.title).toBe('From the cache');
  });

  test('keys differ when the bytes or the size limit differ', () => {
    const a = file('a.txt', 'one');
    expect(parseCacheKey(a, 100)).not.toBe(parseCacheKey(file('a.txt', 'two'), 100));
    expect(parseCacheKey(a, 100)).not.toBe(parseCacheKey(a, 200));
    expect(parseCacheKey(a, 100)).toBe(parseCacheKey(file('elsewhere.txt', 'one'), 100));
  });
});

describe('openBuildCache', () => {
  test('keeps readings between builds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'build-cache-'));
    const first = await openBuildCache(dir);
    expect(first.parse.size).toBe(0);
    first.parse.set('key', { rejected: 'The file is empty.' });
    await first.save();
    const second = await openBuildCache(dir);
    expect([...second.parse.entries()]).toEqual([['key', { rejected: 'The file is empty.' }]]);
  });

  test('starts empty when the cache file is unreadable or was written by other code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'build-cache-'));
    writeFileSync(join(dir, 'dispatch-cache.json'), '{not json');
    expect((await openBuildCache(dir)).parse.size).toBe(0);
    writeFileSync(
      join(dir, 'dispatch-cache.json'),
      JSON.stringify({ key: 'older code', parse: [['key', { rejected: 'x' }]], classifications: [] }),
    );
    expect((await openBuildCache(dir)).parse.size).toBe(0);
  });
});
