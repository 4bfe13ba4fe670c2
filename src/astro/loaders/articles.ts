/**
 * The Astro content-layer loaders: thin glue between the content folder and the collections.
 * Each stores one view of the pipeline's result for the folder (a CorpusSession shared by the
 * three): every published article (with HTML from our own unified pipeline), every story, and
 * the site data (version, redirects, build report).
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import type { PipelineResult } from '../../core/pipeline.ts';
import { serializeReport } from '../../core/model/report.ts';
import { escapeForLog, escapeLinesForLog } from '../../core/text/log-text.ts';
import { keepArticleBodies } from '../article-bodies.ts';
import type { CorpusSession } from './corpus-session.ts';

/** Id of the site-data collection's one entry (see SiteDataSchema). */
export const SITE_DATA_ENTRY_ID = 'site';

/**
 * Loads every published article, keyed by slug. Its body is kept beside the store, for the pages
 * (src/astro/article-bodies.ts), and counts in the entry's digest.
 */
export function articleLoader(session: CorpusSession): Loader {
  return corpusLoader('dispatch-articles', session, (result) => {
    keepArticleBodies(result.articles);
    return result.articles.map(({ paragraphs, ...stored }) => ({
      id: stored.slug,
      data: stored,
      body: paragraphs,
    }));
  });
}

/** Loads every story (single-article ones too), keyed by story id. */
export function storyLoader(session: CorpusSession): Loader {
  return corpusLoader('dispatch-stories', session, (result) =>
    result.stories.map((story) => ({ id: story.id, data: story })),
  );
}

/**
 * Loads what the pipeline says about the whole build as one entry: the content's version, the
 * addresses of merged duplicates (here rather than in a collection of their own, which would be
 * empty — and warned about — in every build without duplicates) and the build report.
 */
export function siteDataLoader(session: CorpusSession): Loader {
  return corpusLoader('dispatch-site-data', session, (result, version) => [
    {
      id: SITE_DATA_ENTRY_ID,
      data: { version, redirects: result.redirects, reportJson: serializeReport(result.report) },
    },
  ]);
}

interface Entry {
  id: string;
  data: object;
  /** Text kept outside `data` (an article's body): not stored, but it counts as a change. */
  body?: readonly string[];
}

/**
 * A loader over one view of the shared pipeline result. Entries whose data is unchanged keep
 * their stored form; entries no longer produced are deleted.
 */
function corpusLoader(
  name: string,
  session: CorpusSession,
  select: (result: PipelineResult, version: string) => Entry[],
): Loader {
  return {
    name,
    load: async (context) => {
      // In dev, changes can come faster than loads finish; only the newest load may write, or
      // an older, slower one could put back what a newer one replaced.
      let newest = 0;
      const sync = async (): Promise<void> => {
        const load = ++newest;
        const { store, parseData, generateDigest } = context;
        const seen = new Set<string>();
        const { result, version } = await session.load(context);
        if (load !== newest) return;
        for (const entry of select(result, version)) {
          const data = entry.data as Record<string, unknown>;
          const digest = generateDigest(entry.body ? { data, body: entry.body } : data);
          seen.add(entry.id);
          if (store.get(entry.id)?.digest === digest) continue;
          const parsed = await parseData({ id: entry.id, data });
          if (load !== newest) return;
          store.set({ id: entry.id, data: parsed, digest });
        }
        for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      };
      await sync();
      watchContent(session, context, sync);
    },
  };
}

/**
 * In `astro dev`, re-runs a loader when a file in the content folder is added, changed or
 * removed. Duplicates and slugs depend on every file, so the whole corpus is reloaded.
 */
function watchContent(session: CorpusSession, context: LoaderContext, sync: () => Promise<void>): void {
  const { options } = session;
  const { watcher, logger } = context;
  if (!watcher) return;
  watcher.add(options.contentDir);
  const onChange = (path: string): void => {
    if (!path.startsWith(options.contentDir)) return;
    session.forgetReading();
    sync().catch((error: unknown) =>
      logger.error(`reloading ${escapeForLog(path)} failed: ${escapeLinesForLog(String(error))}`),
    );
  };
  watcher.on('add', onChange);
  watcher.on('change', onChange);
  watcher.on('unlink', onChange);
}
