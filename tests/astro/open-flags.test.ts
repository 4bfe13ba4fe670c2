/**
 * SAFE_OPEN_FLAGS against the real file system (Linux): how the build and the dev server open
 * files they did not write. A link is refused, a named pipe never stalls the opening, and a
 * handle can only read.
 */
import { execFileSync } from 'node:child_process';
import { constants, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SAFE_OPEN_FLAGS } from '../../src/astro/open-flags.ts';

const folder = () => mkdtempSync(join(tmpdir(), 'dispatch-open-'));

describe.runIf(process.platform === 'linux')('SAFE_OPEN_FLAGS on Linux', () => {
  test('holds read-only, no-follow, non-blocking and no-controlling-terminal, and nothing else', () => {
    expect(SAFE_OPEN_FLAGS).toBe(
      constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK | constants.O_NOCTTY,
    );
    expect(SAFE_OPEN_FLAGS & (constants.O_WRONLY | constants.O_RDWR | constants.O_CREAT)).toBe(0);
  });

  test('opening a symbolic link fails with ELOOP, even when its target is a readable file', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'target.txt'), 'secret');
    symlinkSync(join(dir, 'target.txt'), join(dir, 'link.txt'));
    await expect(open(join(dir, 'link.txt'), SAFE_OPEN_FLAGS)).rejects.toMatchObject({ code: 'ELOOP' });
    // A dangling link too: it is refused as a link, not reported missing.
    symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'dangling.txt'));
    await expect(open(join(dir, 'dangling.txt'), SAFE_OPEN_FLAGS)).rejects.toMatchObject({ code: 'ELOOP' });
  });

  test('opening a named pipe with no writer returns at once instead of waiting for one', async () => {
    const dir = folder();
    const pipe = join(dir, 'pipe.txt');
    execFileSync('mkfifo', [pipe]);
    const opening = open(pipe, SAFE_OPEN_FLAGS);
    const blocked = Symbol('blocked');
    const outcome = await Promise.race([
      opening,
      new Promise<typeof blocked>((settle) => setTimeout(() => settle(blocked), 2000)),
    ]);
    if (outcome === blocked) {
      // Release the opening stuck in the thread pool: a writer turns up.
      const writer = await open(pipe, constants.O_WRONLY | constants.O_NONBLOCK);
      await writer.close();
      await (await opening).close();
    }
    expect(outcome).not.toBe(blocked);
    if (outcome === blocked) return;
    try {
      expect((await outcome.stat()).isFIFO()).toBe(true);
      // Reading does not wait either: no writer means end of file.
      const { bytesRead } = await outcome.read(Buffer.alloc(16), 0, 16, null);
      expect(bytesRead).toBe(0);
    } finally {
      await outcome.close();
    }
  });

  test('a regular file opens for reading only: writing through the handle fails', async () => {
    const dir = folder();
    const path = join(dir, 'bridge.txt');
    writeFileSync(path, 'Harbour bridge reopens');
    const handle = await open(path, SAFE_OPEN_FLAGS);
    try {
      expect(await handle.readFile('utf8')).toBe('Harbour bridge reopens');
      await expect(handle.write('overwritten', 0)).rejects.toMatchObject({ code: 'EBADF' });
      await expect(handle.truncate(0)).rejects.toMatchObject({ code: 'EINVAL' });
    } finally {
      await handle.close();
    }
    expect(await readFile(path, 'utf8')).toBe('Harbour bridge reopens');
  });

  test('a missing file fails with ENOENT: the flags do not create it', async () => {
    const dir = folder();
    await expect(open(join(dir, 'missing.txt'), SAFE_OPEN_FLAGS)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
