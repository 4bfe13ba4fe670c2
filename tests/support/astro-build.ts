/**
 * Runs the real `astro build` for a test, with a cache folder of its own. Astro keeps its data
 * store and the project's build cache (src/astro/loaders/build-cache.ts) in `cacheDir`, by default
 * the shared `node_modules/.astro`: two builds running side by side there (the test files run
 * in parallel) would read and overwrite each other's cache. astro.config.mjs takes the folder
 * from ASTRO_CACHE_DIR; each build here gets a fresh, empty one, removed afterwards.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const PROJECT_ROOT = join(import.meta.dirname, '../..');

export interface AstroBuildOptions {
  /** Variables for this build (CONTENT_DIR, SITE_URL, STRICT…), over the test process's own. */
  env?: Record<string, string>;
  timeout?: number;
  /**
   * A cache folder to build with and keep (a rebuild on top of an earlier build's cache);
   * by default a fresh one, removed after the build.
   */
  cacheDir?: string;
}

/**
 * Builds the project into `outDir`. Resolves with the output of a successful build; rejects
 * with `execFile`'s error (its `code`, `stdout` and `stderr`) when the build fails.
 *
 * @param outDir - absolute path of the output folder
 * @param options - environment and time limit of the build
 */
export async function astroBuild(
  outDir: string,
  options: AstroBuildOptions = {},
): Promise<{ stdout: string; stderr: string }> {
  const cacheDir = options.cacheDir ?? (await mkdtemp(join(tmpdir(), 'dispatch-astro-cache-')));
  // Astro's entry run with this very Node (the project's Node 24), whatever `node` is on PATH.
  const astro = join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');
  try {
    const output = await run(process.execPath, [astro, 'build', '--outDir', outDir], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        ...options.env,
        ASTRO_CACHE_DIR: cacheDir,
      },
      maxBuffer: 64 * 1024 * 1024,
      ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
    });
    // A build that succeeded has written its content store into the folder it was given: if it
    // did not, it wrote to the shared folder instead (astro.config.mjs ignored ASTRO_CACHE_DIR).
    if (!(await readdir(cacheDir)).includes('data-store.json')) {
      throw new Error(`astro build did not use its own cache folder ${cacheDir} (ASTRO_CACHE_DIR)`);
    }
    return output;
  } finally {
    if (options.cacheDir === undefined) await rm(cacheDir, { recursive: true, force: true });
  }
}
