import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readContentFiles } from '../../../src/astro/loaders/content-files.ts';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dispatch-content-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('readContentFiles', () => {
  test('reads every article below the folder, in path order, with its exact bytes', async () => {
    // Written in reverse order, and more files than are read at once.
    const names = Array.from(
      { length: 150 },
      (_, i) => `desk-${i % 3}/story-${String(i).padStart(3, '0')}.txt`,
    );
    const dir = folder(
      Object.fromEntries([...names].reverse().map((name) => [name, `Headline ${name}\n\nBody.`])),
    );
    const { files, ignored } = await readContentFiles(dir, 1_000);
    expect(files.map((file) => file.path)).toEqual([...names].sort());
    for (const file of files)
      expect(Buffer.from(file.bytes).toString('utf8')).toBe(`Headline ${file.path}\n\nBody.`);
    expect(ignored).toEqual([]);
  });

  test('passes over non-articles by name, and keeps only the size of an oversized file', async () => {
    const dir = folder({
      'a.txt': 'Short headline\n\nBody.',
      'huge.txt': 'x'.repeat(2_000),
      'notes.md': '# not an article',
      '.draft.txt': 'hidden',
    });
    const { files, ignored } = await readContentFiles(dir, 1_000);
    expect(files.map(({ path, bytes, size }) => ({ path, length: bytes.length, size }))).toEqual([
      { path: 'a.txt', length: 21, size: undefined },
      { path: 'huge.txt', length: 0, size: 2_000 },
    ]);
    expect(ignored.map((file) => file.path).sort()).toEqual(['.draft.txt', 'notes.md']);
  });

  test('fails with the setting to fix when the folder does not exist', async () => {
    await expect(readContentFiles(join(tmpdir(), 'dispatch-no-such-folder'), 1_000)).rejects.toThrow(
      /CONTENT_DIR .* is not a folder/,
    );
  });
});
