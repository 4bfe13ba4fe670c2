/**
 * Leaves the files of the pages an incremental build keeps where they are, instead of letting
 * Astro empty the output folder and copy each of them back from its cache (7.7 s for the 4,895
 * pages of the BBC corpus). Everything else in the folder is made fresh, as in a clean build:
 *
 * - when the build starts, every file is deleted except the pages and feeds the last build
 *   wrote (its record, in Astro's cache folder); Astro then renders the pages whose keys
 *   changed over their old files and leaves the others (src/astro/page-cache.ts);
 * - when the pages are written, the last build's pages that this build no longer has (an
 *   article removed, merged into another) are deleted, and the record is written again.
 *
 * Without a record (a first build, a cleaned cache, another output folder) the folder is emptied
 * as Astro would. A page missing from the folder is copied back by Astro from its cache.
 */
import { readFile, readdir, rm, rmdir, writeFile, mkdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { z } from 'zod';
import { counted } from '../../site/format.ts';

/** The files of one build's pages and feeds, relative to its output folder. */
const RecordSchema = z.object({ outDir: z.string(), files: z.array(z.string()) });
type Record = z.infer<typeof RecordSchema>;

const RECORD_FILE = 'dispatch-route-files.json';

/**
 * The integration, and `alsoWritten`: how an integration that writes files of its own beside
 * Astro's pages (src/astro/integrations/listing-feeds.ts) has them kept and deleted like pages.
 * Such an integration must finish writing before this one's `astro:build:done`: register it
 * first.
 */
export function keptOutput(): {
  integration: AstroIntegration;
  alsoWritten: (files: readonly string[]) => void;
} {
  let outDir = '';
  let recordFile = '';
  let previous: ReadonlySet<string> = new Set();
  let others: string[] = [];
  const integration: AstroIntegration = {
    name: 'dispatch-kept-output',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        outDir = fileURLToPath(config.outDir);
        recordFile = join(fileURLToPath(config.cacheDir), RECORD_FILE);
        // This integration empties the folder itself, sparing the kept pages.
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:build:start': async () => {
        others = [];
        const record = await readRecord(recordFile);
        previous = new Set(record?.outDir === outDir ? record.files : []);
        await removeAllBut(outDir, previous);
      },
      'astro:build:done': async ({ assets, dir, logger }) => {
        const siteDir = fileURLToPath(dir);
        const files = [
          ...[...assets.values()].flat().map((url) => toRecorded(relative(siteDir, fileURLToPath(url)))),
          ...others,
        ];
        const current = new Set(files);
        const gone = [...previous].filter((file) => !current.has(file));
        await Promise.all(gone.map((file) => rm(join(siteDir, file), { force: true })));
        await removeEmptyFoldersOf(siteDir, gone);
        await mkdir(join(recordFile, '..'), { recursive: true });
        await writeFile(
          recordFile,
          JSON.stringify({ outDir: siteDir, files: files.sort() } satisfies Record),
        );
        if (gone.length > 0)
          logger.info(`deleted ${counted(gone.length, 'file')} of pages the site no longer has`);
      },
    },
  };
  return {
    integration,
    alsoWritten: (files) => {
      others.push(...files);
    },
  };
}

async function readRecord(file: string): Promise<Record | undefined> {
  try {
    return RecordSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  } catch {
    // Missing or unreadable: nothing is kept, as after a clean.
    return undefined;
  }
}

/** Deletes every file under `dir` but those listed (relative, with `/`), and emptied folders. */
async function removeAllBut(dir: string, keep: ReadonlySet<string>): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(dir, { recursive: true });
  } catch {
    return; // No output folder yet.
  }
  const names = new Set(entries.map(toRecorded));
  const kept = [...keep].filter((file) => names.has(file));
  // Folders holding a kept file stay; so do the folders above them.
  const keptFolders = new Set<string>();
  for (const file of kept)
    for (let slash = file.lastIndexOf('/'); slash > 0; slash = file.lastIndexOf('/', slash - 1))
      keptFolders.add(file.slice(0, slash));
  const doomed = [...names].filter((name) => !keep.has(name) && !keptFolders.has(name));
  // Top-most first: removing a folder removes what is inside it.
  doomed.sort((a, b) => a.length - b.length);
  const removed = new Set<string>();
  const insideRemoved = (name: string): boolean => {
    for (let slash = name.lastIndexOf('/'); slash > 0; slash = name.lastIndexOf('/', slash - 1))
      if (removed.has(name.slice(0, slash))) return true;
    return false;
  };
  for (const name of doomed) {
    if (insideRemoved(name)) continue;
    await rm(join(dir, name), { recursive: true, force: true });
    removed.add(name);
  }
}

/** Removes the folders of deleted files (`articles/x/` of `articles/x/index.html`) left empty. */
async function removeEmptyFoldersOf(dir: string, deleted: readonly string[]): Promise<void> {
  for (const file of deleted)
    for (let slash = file.lastIndexOf('/'); slash > 0; slash = file.lastIndexOf('/', slash - 1)) {
      // Fails, and stops going up, at the first folder that still holds something.
      const emptied = await rmdir(join(dir, file.slice(0, slash))).then(
        () => true,
        () => false,
      );
      if (!emptied) break;
    }
}

function toRecorded(path: string): string {
  return path.split(sep).join('/');
}
