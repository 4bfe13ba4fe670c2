/**
 * The content folder as a hostile publisher leaves it: links of every kind, named pipes,
 * sockets, names that are not UTF-8, and files that change under the reading. Every entry must
 * be reported once, with an outcome and a reason, and nothing may abort or stall the reading.
 * Races and permission errors (the tests run as root, whom no permission stops) are staged by
 * replacing the reading's `open` and `readdir`.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runPipeline } from '../../../src/core/pipeline.ts';
import { readContentFiles, type ContentFileSystem } from '../../../src/astro/loaders/content-files.ts';

const ARTICLE = 'Harbour bridge reopens after repairs\n\nThe harbour bridge reopened to traffic on Monday.\n';

function folder(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'dispatch-hostile-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const servers: Server[] = [];
afterAll(() => {
  for (const server of servers) server.close();
});

async function listenOn(path: string): Promise<void> {
  const server = createServer();
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(path, resolve));
}

const realFileSystem: ContentFileSystem = {
  open: (path, flags) => open(path, flags),
  readdir: (path) => readdir(path, { withFileTypes: true, encoding: 'buffer' }),
};

/** A file system whose `open` first does `before` to the file it is asked for. */
function openingAfter(before: (path: string) => void): ContentFileSystem {
  return {
    ...realFileSystem,
    open: (path, flags) => {
      before(path.toString());
      return open(path, flags);
    },
  };
}

function systemError(code: string, errno: number, syscall: string, path: string): Error {
  return Object.assign(new Error(`${code}: permission denied, ${syscall} '${path}'`), {
    code,
    errno,
    syscall,
    path,
  });
}

/** The report's view of a reading: every entry once, with its outcome and reason. */
async function report(dir: string, maxFileBytes = 10_000, fileSystem?: ContentFileSystem) {
  const { files, ignored } = await readContentFiles(dir, maxFileBytes, fileSystem);
  return runPipeline(files, ignored, { basePath: '/', maxFileBytes }).report.inputs.map(
    ({ file, outcome, reason }) => ({ file, outcome, reason }),
  );
}

describe('readContentFiles on entries that are not regular files', () => {
  test('reports every link, pipe and socket once, never following or opening it', async () => {
    const outside = folder({ 'secret.txt': 'Secret headline\n\nNot part of the content folder.\n' });
    const dir = folder({ 'story.txt': ARTICLE, 'desk/inner.txt': ARTICLE.replace('Monday', 'Tuesday') });
    symlinkSync(join(outside, 'secret.txt'), join(dir, 'linked.txt'));
    symlinkSync(outside, join(dir, 'linked-folder'));
    symlinkSync('..', join(dir, 'desk', 'up'));
    symlinkSync('missing.txt', join(dir, 'dangling.txt'));
    symlinkSync('loop.txt', join(dir, 'loop.txt'));
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    await listenOn(join(dir, 'socket.txt'));

    const inputs = await report(dir);

    expect(inputs.map(({ file, outcome }) => [file, outcome])).toEqual([
      ['dangling.txt', 'rejected'],
      ['desk/inner.txt', 'published'],
      ['desk/up', 'ignored'],
      ['linked-folder', 'ignored'],
      ['linked.txt', 'rejected'],
      ['loop.txt', 'rejected'],
      ['pipe', 'ignored'],
      ['pipe.txt', 'rejected'],
      ['socket.txt', 'rejected'],
      ['story.txt', 'published'],
    ]);
    const reason = (file: string) => inputs.find((input) => input.file === file)?.reason;
    expect(reason('linked.txt')).toMatch(
      /^A symbolic link to a file: links are not followed.*copy the file itself/,
    );
    expect(reason('linked-folder')).toMatch(/^A symbolic link to a folder: links are not followed/);
    expect(reason('desk/up')).toMatch(/^A symbolic link to a folder/);
    expect(reason('dangling.txt')).toMatch(/^A symbolic link to nothing \(its target does not exist\)/);
    expect(reason('loop.txt')).toMatch(/^A symbolic link that loops back on itself/);
    expect(reason('pipe.txt')).toMatch(/^A named pipe \(FIFO\), not a regular file/);
    expect(reason('pipe')).toMatch(/^A named pipe \(FIFO\), not a regular file/);
    expect(reason('socket.txt')).toMatch(/^A socket, not a regular file/);
    // Nothing from outside the folder came in through a link.
    expect(JSON.stringify(inputs)).not.toContain('Secret headline');
  });

  test('reports a device file without opening it', async (context) => {
    const dir = folder({ 'story.txt': ARTICLE });
    try {
      execFileSync('mknod', [join(dir, 'zero.txt'), 'c', '1', '5'], { stdio: 'ignore' });
    } catch {
      context.skip(); // creating a device needs root
    }
    expect(await report(dir)).toContainEqual({
      file: 'zero.txt',
      outcome: 'rejected',
      reason: expect.stringMatching(/^A character device, not a regular file/) as unknown,
    });
  });

  test('reports a name that is not UTF-8 with its invalid bytes shown, and reads the others', async () => {
    const dir = folder({ 'story.txt': ARTICLE });
    writeFileSync(Buffer.from(`${dir}/caf\xe9.txt`, 'latin1'), ARTICLE);
    writeFileSync(
      Buffer.concat([Buffer.from(`${dir}/`), Buffer.from([0xff, 0xfe]), Buffer.from('é.md')]),
      'x',
    );
    const inputs = await report(dir);
    expect(inputs.map(({ file, outcome }) => [file, outcome])).toEqual([
      ['\\xff\\xfeé.md', 'ignored'],
      ['caf\\xe9.txt', 'rejected'],
      ['story.txt', 'published'],
    ]);
    expect(inputs[1]?.reason).toMatch(/not valid UTF-8.*rename/);
  });
});

describe('readContentFiles when reading fails', () => {
  test('rejects a file it may not read, naming the error code, and reads the others', async () => {
    const dir = folder({
      'a.txt': ARTICLE,
      'locked.txt': ARTICLE,
      'z.txt': ARTICLE.replace('Monday', 'Friday'),
    });
    const fileSystem: ContentFileSystem = {
      ...realFileSystem,
      open: (path, flags) =>
        path.toString().endsWith('locked.txt')
          ? Promise.reject(systemError('EACCES', -13, 'open', path.toString()))
          : open(path, flags),
    };
    const inputs = await report(dir, 10_000, fileSystem);
    expect(inputs.map(({ file, outcome }) => [file, outcome])).toEqual([
      ['a.txt', 'published'],
      ['locked.txt', 'rejected'],
      ['z.txt', 'published'],
    ]);
    expect(inputs[1]?.reason).toBe(
      'The file cannot be read (EACCES: permission denied): give the user running the build permission to read it.',
    );
    // The absolute path in the system's message stays out of the published report.
    expect(inputs[1]?.reason).not.toContain(dir);
  });

  test('reports a folder it cannot list, and reads the rest', async () => {
    const dir = folder({
      'a.txt': ARTICLE,
      'closed/b.txt': ARTICLE,
      'open/c.txt': ARTICLE.replace('Monday', 'Friday'),
    });
    const fileSystem: ContentFileSystem = {
      ...realFileSystem,
      readdir: (path) =>
        path.toString().endsWith('closed')
          ? Promise.reject(systemError('EACCES', -13, 'scandir', path.toString()))
          : realFileSystem.readdir(path),
    };
    const inputs = await report(dir, 10_000, fileSystem);
    expect(inputs.map(({ file, outcome }) => [file, outcome])).toEqual([
      ['a.txt', 'published'],
      ['closed', 'rejected'],
      ['open/c.txt', 'published'],
    ]);
    expect(inputs[1]?.reason).toMatch(/^The folder could not be listed \(EACCES: permission denied\)/);
  });

  test('rejects a file deleted between the listing and the reading', async () => {
    const dir = folder({ 'a.txt': ARTICLE, 'gone.txt': ARTICLE });
    const fileSystem = openingAfter((path) => {
      if (path.endsWith('gone.txt')) unlinkSync(path);
    });
    const inputs = await report(dir, 10_000, fileSystem);
    expect(inputs.find((input) => input.file === 'gone.txt')).toEqual({
      file: 'gone.txt',
      outcome: 'rejected',
      reason:
        'The file disappeared while the build was reading it (ENOENT: no such file or directory): build again once the content folder has settled.',
    });
    expect(inputs.find((input) => input.file === 'a.txt')?.outcome).toBe('published');
  });

  test('does not block on a file swapped for a named pipe before it is opened', async () => {
    const dir = folder({ 'a.txt': ARTICLE, 'swapped.txt': ARTICLE });
    const fileSystem = openingAfter((path) => {
      if (!path.endsWith('swapped.txt')) return;
      unlinkSync(path);
      execFileSync('mkfifo', [path]);
    });
    // Opening a pipe for reading without O_NONBLOCK waits for a writer: forever.
    const inputs = await report(dir, 10_000, fileSystem);
    expect(inputs.find((input) => input.file === 'swapped.txt')).toEqual({
      file: 'swapped.txt',
      outcome: 'rejected',
      reason:
        "The file was replaced by a named pipe (FIFO) while the build was reading it; only regular files are read: put the article's text file back.",
    });
  }, 10_000);

  test('does not read through a folder swapped for a link after it was listed', async () => {
    const outside = folder({ 'desk/secret.txt': 'Secret headline\n\nNot part of the content folder.\n' });
    const dir = folder({ 'a.txt': ARTICLE, 'desk/secret.txt': ARTICLE });
    const fileSystem = openingAfter((path) => {
      if (!path.endsWith('desk/secret.txt')) return;
      // The folder was listed; now it becomes a link to one outside, holding a file of that name.
      execFileSync('rm', ['-r', join(dir, 'desk')]);
      symlinkSync(join(outside, 'desk'), join(dir, 'desk'));
    });
    const inputs = await report(dir, 10_000, fileSystem);
    expect(inputs).toEqual([
      { file: 'a.txt', outcome: 'published', reason: undefined },
      {
        file: 'desk/secret.txt',
        outcome: 'rejected',
        reason:
          'The file opened lies outside the content folder: a folder on its path was replaced by a link while the build was reading it; links are not followed: put the files themselves in the content folder.',
      },
    ]);
  });

  test('does not follow a file swapped for a link before it is opened', async () => {
    const outside = folder({ 'secret.txt': 'Secret headline\n\nNot part of the content folder.\n' });
    const dir = folder({ 'swapped.txt': ARTICLE });
    const fileSystem = openingAfter((path) => {
      unlinkSync(path);
      symlinkSync(join(outside, 'secret.txt'), path);
    });
    const inputs = await report(dir, 10_000, fileSystem);
    expect(inputs).toEqual([
      {
        file: 'swapped.txt',
        outcome: 'rejected',
        reason: expect.stringMatching(
          /^The file became a symbolic link while the build was reading it \(ELOOP: /,
        ) as unknown,
      },
    ]);
  });

  test('stops reading a file that grows past the limit after its size was taken', async () => {
    const dir = folder({ 'growing.txt': ARTICLE });
    const fileSystem: ContentFileSystem = {
      ...realFileSystem,
      open: async (path, flags) => {
        const handle = await open(path, flags);
        const stat = handle.stat.bind(handle);
        let grown = false;
        const statThenGrow = async () => {
          const info = await stat();
          if (!grown) appendFileSync(path, 'x'.repeat(50_000));
          grown = true;
          return info;
        };
        handle.stat = statThenGrow as typeof handle.stat;
        return handle;
      },
    };
    const { files } = await readContentFiles(dir, 1_000, fileSystem);
    expect(
      files.map(({ path, bytes, size }) => ({ path, read: bytes.length, over: (size ?? 0) > 1_000 })),
    ).toEqual([{ path: 'growing.txt', read: 0, over: true }]);
  });

  test('rejects a file whose read fails, naming the error code', async () => {
    const dir = folder({ 'a.txt': ARTICLE, 'bad-sector.txt': ARTICLE });
    const fileSystem: ContentFileSystem = {
      ...realFileSystem,
      open: async (path, flags) => {
        const handle = await open(path, flags);
        if (path.toString().endsWith('bad-sector.txt'))
          handle.read = () => Promise.reject(systemError('EIO', -5, 'read', path.toString()));
        return handle;
      },
    };
    const inputs = await report(dir, 10_000, fileSystem);
    expect(inputs.map(({ file, outcome, reason }) => [file, outcome, reason?.slice(0, 45)])).toEqual([
      ['a.txt', 'published', undefined],
      ['bad-sector.txt', 'rejected', 'The file could not be read (EIO: i/o error): '],
    ]);
  });

  test('fails, naming the setting, only when the content folder itself cannot be listed', async () => {
    const dir = folder({ 'a.txt': ARTICLE });
    const fileSystem: ContentFileSystem = {
      ...realFileSystem,
      readdir: (path) => Promise.reject(systemError('EACCES', -13, 'scandir', path.toString())),
    };
    await expect(readContentFiles(dir, 1_000, fileSystem)).rejects.toThrow(
      /CONTENT_DIR .* cannot be listed \(EACCES/,
    );
  });
});
