import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { OUTPUT_ROOT, PROJECT_ROOT } from '../support/fixture-site.ts';

const run = promisify(execFile);

describe('STRICT=1', () => {
  let contentDir: string;
  beforeAll(() => {
    const site = inject('siteDirs')['root'];
    if (!site) throw new Error('the root fixture site was not built');
    // The fixture content (with an empty and a binary file) assembled for the root site.
    contentDir = join(site, '../content');
  });

  test('fails the build, listing every rejected file with its reason', async () => {
    const astro = join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');
    const build = run(process.execPath, [astro, 'build', '--outDir', join(OUTPUT_ROOT, 'strict/dist')], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, CONTENT_DIR: contentDir, STRICT: '1', ASTRO_TELEMETRY_DISABLED: '1' },
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
});
