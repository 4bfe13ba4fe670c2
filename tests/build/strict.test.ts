import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { astroBuild } from '../support/astro-build.ts';
import { OUTPUT_ROOT } from '../support/fixture-site.ts';

describe('STRICT=1', () => {
  let contentDir: string;
  beforeAll(() => {
    const site = inject('siteDirs')['root'];
    if (!site) throw new Error('the root fixture site was not built');
    // The fixture content (with an empty and a binary file) assembled for the root site.
    contentDir = join(site, '../content');
  });

  test('fails the build, listing every rejected file with its reason', async () => {
    const build = astroBuild(join(OUTPUT_ROOT, 'strict/dist'), {
      env: { CONTENT_DIR: contentDir, STRICT: '1' },
    });
    const failure = (await build.then(
      () => undefined,
      (error: unknown) => error,
    )) as { code?: number; stdout?: string; stderr?: string } | undefined;
    expect(failure?.code).toBeGreaterThan(0);
    const output = `${failure?.stdout ?? ''}\n${failure?.stderr ?? ''}`;
    expect(output).toContain('STRICT=1: 2 files were rejected');
    expect(output).toContain('empty.txt: The file is empty.');
    expect(output).toMatch(/binary-image\.txt: The file is binary/);
  });

  test('lists links and pipes too, every name escaped for the terminal', async () => {
    // The fixture content plus what a hostile publisher adds: a name that clears the terminal,
    // a link out of the folder, a named pipe (which would stall a reading that opened it).
    const hostile = join(OUTPUT_ROOT, 'strict-hostile/content');
    rmSync(hostile, { recursive: true, force: true });
    mkdirSync(hostile, { recursive: true });
    cpSync(contentDir, hostile, { recursive: true });
    writeFileSync(join(hostile, 'clear\u001b[2J\u001b[H.txt'), '');
    symlinkSync('/etc/passwd', join(hostile, 'passwd.txt'));
    execFileSync('mkfifo', [join(hostile, 'pipe.txt')]);
    const build = astroBuild(join(OUTPUT_ROOT, 'strict-hostile/dist'), {
      env: { CONTENT_DIR: hostile, STRICT: '1' },
      timeout: 120_000,
    });
    const failure = (await build.then(
      () => undefined,
      (error: unknown) => error,
    )) as { code?: number; stdout?: string; stderr?: string } | undefined;
    expect(failure?.code).toBeGreaterThan(0);
    const output = `${failure?.stdout ?? ''}\n${failure?.stderr ?? ''}`;
    expect(output).toMatch(/STRICT=1: \d+ files were rejected/);
    expect(output).toContain('clear\\x1b[2J\\x1b[H.txt: The file is empty.');
    expect(output).toMatch(/passwd\.txt: A symbolic link to a file: links are not followed/);
    expect(output).toMatch(/pipe\.txt: A named pipe \(FIFO\), not a regular file/);
    expect(output).not.toContain('\u001b[2J');
    expect(output).not.toContain('root:x:0:0');
  }, 150_000);
});
