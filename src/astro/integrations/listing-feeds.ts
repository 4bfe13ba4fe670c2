/**
 * Writes the listings' feeds (sections, topics, sources) as files once the pages are written:
 * the feed route offers them instead of rendering each as an Astro route (src/astro/feed-files.ts
 * says why).
 *
 * A republish writes only the feeds that changed. The record of the last build (in Astro's
 * cache folder) holds each feed's page key, the output folder, and a digest of the code that
 * wrote them (the project's `src/`, config and lock file, and the Node version: any change
 * writes every feed again). A feed whose key is recorded and whose file is still there is left
 * as it is. The record is deleted before any feed is written and written again after the last:
 * a build stopped half-way leaves none, and the next writes every feed.
 *
 * The files written go to `written`, so that src/astro/integrations/kept-output.ts keeps them for
 * the next build and deletes those the site no longer has: register this integration before it.
 */
import { access, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import pLimit from 'p-limit';
import { z } from 'zod';
import { counted } from '../../site/format.ts';
import { codeDigest } from '../code-digest.ts';
import { takeFeedFiles } from '../feed-files.ts';

const RECORD_FILE = 'dispatch-feed-files.json';

const RecordSchema = z.object({
  siteDir: z.string(),
  code: z.string(),
  feeds: z.record(z.string(), z.string()),
});
type Record = z.infer<typeof RecordSchema>;

/** Feeds made and written at once: enough to keep the disk busy while the next are made. */
const AT_ONCE = 8;

export interface ListingFeedsOptions {
  /** Told the files written this build (relative to the output folder, with `/`). */
  written: (files: readonly string[]) => void;
}

export function listingFeeds({ written }: ListingFeedsOptions): AstroIntegration {
  let recordFile: string | undefined;
  let code: Promise<string> = Promise.resolve('');
  return {
    name: 'dispatch-listing-feeds',
    hooks: {
      'astro:config:setup': ({ config, command }) => {
        recordFile = join(fileURLToPath(config.cacheDir), RECORD_FILE);
        if (command === 'build') code = codeDigest(fileURLToPath(config.root));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const siteDir = fileURLToPath(dir);
        const feeds = takeFeedFiles();
        const digest = await code;
        const previous = await readRecord(recordFile, siteDir, digest);
        if (recordFile !== undefined) await rm(recordFile, { force: true });
        const limit = pLimit(AT_ONCE);
        const rewritten = await Promise.all(
          feeds.map(({ file, key, body }) =>
            limit(async () => {
              const path = join(siteDir, file);
              if (previous.get(file) === key && (await exists(path))) return false;
              await mkdir(dirname(path), { recursive: true });
              await writeFile(path, await body());
              return true;
            }),
          ),
        );
        written(feeds.map(({ file }) => file));
        if (recordFile !== undefined) {
          await mkdir(dirname(recordFile), { recursive: true });
          const record: Record = {
            siteDir,
            code: digest,
            feeds: Object.fromEntries(feeds.map(({ file, key }) => [file, key])),
          };
          await writeFile(recordFile, JSON.stringify(record));
        }
        const count = rewritten.filter(Boolean).length;
        if (feeds.length > 0)
          logger.info(
            `${counted(feeds.length, 'listing feed')} written as files` +
              (count < feeds.length ? ` (${feeds.length - count} unchanged since the last build)` : ''),
          );
      },
    },
  };
}

/** The feeds the last build of `siteDir` wrote with this code, with their keys. */
async function readRecord(
  file: string | undefined,
  siteDir: string,
  code: string,
): Promise<ReadonlyMap<string, string>> {
  if (file === undefined) return new Map();
  try {
    const record = RecordSchema.parse(JSON.parse(await readFile(file, 'utf8')));
    return new Map(record.siteDir === siteDir && record.code === code ? Object.entries(record.feeds) : []);
  } catch {
    return new Map(); // None, or unreadable: every feed is written.
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
