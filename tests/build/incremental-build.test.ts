/**
 * Republishing: a build on top of the previous build's cache and output renders only the pages
 * whose data changed (src/astro/page-cache.ts), keeps the others in place
 * (src/astro/integrations/kept-output.ts), indexes search again, and gives exactly the site a
 * clean build of the same content gives — byte for byte, files that went away included.
 */
import {
  appendFileSync,
  cpSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { astroBuild } from '../support/astro-build.ts';
import { siteFingerprint } from '../../bench/site-fingerprint.ts';

const PROJECT = join(import.meta.dirname, '../..');
const FIXTURES = join(PROJECT, 'tests/fixtures/corpus');

let work: string;
let content: string;
let cacheDir: string;
let site: string;

/** Builds `content` on top of the last build's cache and output. */
async function rebuild(): Promise<string> {
  const { stdout, stderr } = await astroBuild(site, { env: { CONTENT_DIR: content }, cacheDir });
  return stdout + stderr;
}

/** Builds `content` from nothing into a folder of its own. */
async function cleanBuild(name: string): Promise<string> {
  const dir = join(work, name);
  await astroBuild(dir, { env: { CONTENT_DIR: content } });
  return dir;
}

/** The modification time of every file of the built site, by path (`/articles/x/index.html`). */
function modificationTimes(): Map<string, number> {
  return new Map(
    readdirSync(site, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        return [path.slice(site.length), statSync(path).mtimeMs] as const;
      }),
  );
}

/**
 * Rebuilds, and tells which pages were written again and which were kept (their files left
 * untouched: the same modification time). Astro's log lists pages only on a terminal, not in CI.
 */
async function rebuildAndCompare(): Promise<{ log: string; written: string[]; kept: string[] }> {
  const before = modificationTimes();
  const log = await rebuild();
  const after = modificationTimes();
  const pages = [...after.keys()].filter((path) => path.endsWith('.html') && !path.startsWith('/pagefind/'));
  return {
    log,
    written: pages.filter((path) => before.get(path) !== after.get(path)),
    kept: pages.filter((path) => before.get(path) === after.get(path)),
  };
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'dispatch-incremental-'));
  content = join(work, 'content');
  cacheDir = join(work, 'cache');
  site = join(work, 'site');
  // The founding articles, a developing story of ten reports, two reports of one event and a
  // near copy: stories, topics, sources, sections and a redirect.
  cpSync(join(PROJECT, 'content'), content, { recursive: true });
  cpSync(join(FIXTURES, 'developing-story'), join(content, 'ferry'), { recursive: true });
  cpSync(join(FIXTURES, 'same-event'), join(content, 'wire'), { recursive: true });
  cpSync(join(FIXTURES, 'near-copy'), join(content, 'culture'), { recursive: true });
  await rebuild();
}, 240_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('a rebuild after changes', () => {
  test('one article’s text edited: its pages render, the rest are kept, the site equals a clean build', async () => {
    appendFileSync(
      join(content, 'ferry/04-debris.txt'),
      '\n\nDivers returned to the debris field on Thursday, the coastguard said.\n',
    );
    const { log, written, kept } = await rebuildAndCompare();
    expect(written).toContain('/articles/life-jackets-and-debris-found-in-nordlys-search-area/index.html');
    expect(kept.length).toBeGreaterThan(20);
    // Pages kept and one edited: indexed ahead of the build, the edited page replaced in place.
    // (Whether it is written before the last page depends on timing in so small a site:
    // tests/astro/integrations/pagefind.test.ts covers it.)
    expect(log).toMatch(/indexed \d+ pages \(\d+ kept from the last build and indexed ahead\)/);
    expect(siteFingerprint(site)).toEqual(siteFingerprint(await cleanBuild('clean-after-edit')));
  }, 240_000);

  test('a title changed, an article removed and one added: the site equals a clean build', async () => {
    const survivors = join(content, 'ferry/07-survivors.txt');
    writeFileSync(
      survivors,
      readFileSync(survivors, 'utf8').replace(
        'Nordlys survivors describe water flooding the car deck',
        'Survivors of the Nordlys tell of the flooded car deck',
      ),
    );
    rmSync(join(content, 'ferry/09-memorial.txt'));
    writeFileSync(
      join(content, 'wire/harbour-bridge.txt'),
      'Published: 3 March 2025\nBy Ana Ruiz, Example Wire\n\nHarbour bridge reopens after repairs\n\n' +
        'The harbour bridge reopened to traffic on Monday after six months of repairs to its deck.\n\n' +
        'The city said the work cost less than planned and finished two weeks early.\n',
    );
    const { log, kept } = await rebuildAndCompare();
    expect(kept.length).toBeGreaterThan(0);
    // Searchable pages came and went: their order changed, so the index is made again, from the
    // pages rendered and the kept pages' files.
    expect(log).toMatch(/indexed \d+ pages \(\d+ kept from the last build and read back\)/);
    expect(siteFingerprint(site)).toEqual(siteFingerprint(await cleanBuild('clean-after-changes')));
  }, 240_000);

  test('nothing changed: every keyed page is kept and the site is unchanged', async () => {
    const before = siteFingerprint(site);
    const { log, written, kept } = await rebuildAndCompare();
    // Only the pages without data of their own (home, search, the indexes) render every time.
    expect(
      written.filter((file) => /^\/(?:articles|stories|topics|sources|sections|archive)\/[^/]+\//.test(file)),
    ).toEqual([]);
    expect(kept.length).toBeGreaterThan(20);
    expect(log).toMatch(/indexed \d+ pages \(\d+ kept from the last build and indexed ahead\)/);
    expect(siteFingerprint(site)).toEqual(before);
  }, 240_000);
});
