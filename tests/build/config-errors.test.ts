/** A bad setting stops `astro build` at once, non-zero, with a message that says what to fix. */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { astroBuild } from '../support/astro-build.ts';
import { OUTPUT_ROOT } from '../support/fixture-site.ts';

/** One build with a cache folder of its own (see astro-build.ts). */
async function build(env: Record<string, string>): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await astroBuild(join(OUTPUT_ROOT, 'config-errors'), { env });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const { code, stdout = '', stderr = '' } = error as { code?: number; stdout?: string; stderr?: string };
    return { code: code ?? -1, output: stdout + stderr };
  }
}

describe('a failed build', () => {
  test.each([
    [
      'a missing CONTENT_DIR',
      { CONTENT_DIR: join(OUTPUT_ROOT, 'no-such-folder') },
      'is not a folder: create it or point CONTENT_DIR at your articles',
    ],
    [
      'a SITE_URL that is not an absolute URL',
      { SITE_URL: 'news.example.org' },
      'SITE_URL must be an absolute URL such as https://news.example.org, but it is "news.example.org"',
    ],
    ['a malformed BASE_PATH', { BASE_PATH: '/news papers/' }, 'BASE_PATH must be a URL path such as /news/'],
  ])('stops on %s with an actionable message', async (_, env, message) => {
    const { code, output } = await build(env);
    expect(code).not.toBe(0);
    expect(output).toContain(message);
  });
});
