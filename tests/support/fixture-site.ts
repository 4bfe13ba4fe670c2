/**
 * Fixture sites for the build and end-to-end suites: a content folder assembled from the
 * founding articles in `content/`, the hand-made files in `tests/fixtures/site/` and the articles
 * in other languages in `tests/fixtures/languages/` (as the "international" section), built
 * with the real `astro build` into `tests/.output/<name>/dist`.
 */
import { copyFile, cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { syntheticCorpus } from '../../bench/synthetic.ts';
import { astroBuild } from './astro-build.ts';

export const PROJECT_ROOT = join(import.meta.dirname, '../..');
export const OUTPUT_ROOT = join(PROJECT_ROOT, 'tests/.output');

export interface FixtureSite {
  name: string;
  env: Record<string, string>;
  /** Generated articles added to the content folder, enough to fill several listing pages. */
  synthetic: number;
  /** Write the content files in reverse order (so directory order differs). */
  reverse?: boolean;
}

export const FIXTURE_SITES: FixtureSite[] = [
  { name: 'root', env: { SITE_URL: 'https://news.example.org', BASE_PATH: '/' }, synthetic: 0 },
  { name: 'news', env: { SITE_URL: 'https://example.org', BASE_PATH: '/news/' }, synthetic: 80 },
  // The root site again, from a content folder at another path with its files written in the
  // opposite order: the reproducibility test compares the two outputs byte for byte.
  {
    name: 'root-again',
    env: { SITE_URL: 'https://news.example.org', BASE_PATH: '/' },
    synthetic: 0,
    reverse: true,
  },
  // The root site with its interface in French (SITE_LANG): the build and end-to-end suites
  // check that every interface string, the search page's too, follows the setting.
  {
    name: 'fr',
    env: { SITE_URL: 'https://news.example.org', BASE_PATH: '/', SITE_LANG: 'fr' },
    synthetic: 0,
  },
];

/** The folder (so the section) the fixture articles in other languages are filed under. */
export const INTERNATIONAL_SECTION = 'international';

/** Builds one fixture site and returns the absolute path of its output folder. */
export async function buildFixtureSite(site: FixtureSite): Promise<string> {
  const workDir = join(OUTPUT_ROOT, site.name);
  const contentDir = join(workDir, 'content');
  const outDir = join(workDir, 'dist');
  await rm(workDir, { recursive: true, force: true });
  await mkdir(contentDir, { recursive: true });
  // The articles in other languages (tests/fixtures/languages) are the "International" desk.
  const international = join(contentDir, INTERNATIONAL_SECTION);
  if (site.reverse) {
    await copyReversed(join(PROJECT_ROOT, 'tests/fixtures/languages'), international);
    await copyReversed(join(PROJECT_ROOT, 'tests/fixtures/site'), contentDir);
    await copyReversed(join(PROJECT_ROOT, 'content'), contentDir);
  } else {
    await cp(join(PROJECT_ROOT, 'content'), contentDir, { recursive: true });
    await cp(join(PROJECT_ROOT, 'tests/fixtures/site'), contentDir, { recursive: true });
    await cp(join(PROJECT_ROOT, 'tests/fixtures/languages'), international, { recursive: true });
  }
  if (site.synthetic > 0) {
    await mkdir(join(contentDir, 'generated'));
    for (const file of syntheticCorpus(site.synthetic, 7)) {
      await writeFile(join(contentDir, 'generated', file.path.replaceAll('/', '-')), file.text);
    }
  }
  // Each build with a cache folder of its own (see astro-build.ts).
  try {
    await astroBuild(outDir, { env: { ...site.env, CONTENT_DIR: contentDir } });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`astro build of the "${site.name}" fixture site failed:\n${stdout}\n${stderr}`, {
      cause: error,
    });
  }
  return outDir;
}

/** Copies a folder file by file, last file first. */
async function copyReversed(from: string, to: string): Promise<void> {
  const files = (await readdir(from, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => relative(from, join(entry.parentPath, entry.name)))
    .sort()
    .reverse();
  for (const file of files) {
    await mkdir(dirname(join(to, file)), { recursive: true });
    await copyFile(join(from, file), join(to, file));
  }
}
