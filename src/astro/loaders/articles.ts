/**
 * The Astro content-layer loaders: thin glue between the content folder and the collections.
 * They read the files, run the pure library pipeline once per content state, and store each
 * published article (with HTML from our own unified pipeline) and the build report.
 */
import { createHash } from 'node:crypto';
import type { Loader, LoaderContext } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import { runPipeline, type PipelineResult } from '../../core/pipeline.ts';
import { parseCacheKey } from '../../core/read-file.ts';
import { articleToHtml } from '../../site/article-html.ts';
import { escapeForLog, escapeLinesForLog } from '../../core/text/log-text.ts';
import { serializeReport, strictModeFailure } from '../../core/model/report.ts';
import { openBuildCache } from './build-cache.ts';
import { readContentFiles } from './content-files.ts';

export interface DispatchLoaderOptions {
  /** Absolute path of the content folder. */
  contentDir: string;
  /** Base path of the site (`/`, `/news/`), for URLs in the report. */
  basePath: string;
  /** Files over this many bytes are rejected. */
  maxFileBytes: number;
  /** Fail the build when any file is rejected. */
  strict: boolean;
}

/** Id of the site-data collection's one entry (see SiteDataSchema). */
export const SITE_DATA_ENTRY_ID = 'site';

/** Loads every published article, keyed by slug, with its body rendered to HTML. */
export function articleLoader(options: DispatchLoaderOptions): Loader {
  return corpusLoader('dispatch-articles', options, (result) =>
    result.articles.map(({ paragraphs, ...stored }) => ({
      id: stored.slug,
      data: stored,
      body: paragraphs,
      render: () => articleToHtml(paragraphs),
    })),
  );
}

/** Loads every story (single-article ones too), keyed by story id. */
export function storyLoader(options: DispatchLoaderOptions): Loader {
  return corpusLoader('dispatch-stories', options, (result) =>
    result.stories.map((story) => ({ id: story.id, data: story })),
  );
}

/**
 * Loads what the pipeline says about the whole build as one entry: the content's version, the
 * addresses of merged duplicates (here rather than in a collection of their own, which would be
 * empty — and warned about — in every build without duplicates) and the build report.
 */
export function siteDataLoader(options: DispatchLoaderOptions): Loader {
  return corpusLoader('dispatch-site-data', options, (result, version) => [
    {
      id: SITE_DATA_ENTRY_ID,
      data: { version, redirects: result.redirects, reportJson: serializeReport(result.report) },
    },
  ]);
}

interface Entry {
  id: string;
  data: object;
  /** Text the rendered HTML comes from, when it is not part of `data`: it counts as a change. */
  body?: readonly string[];
  /** Renders the entry's HTML; only called when the entry changed. */
  render?: () => string;
}

/**
 * A loader over one view of the shared pipeline result. Entries whose data is unchanged keep
 * their stored form (and rendered HTML); entries no longer produced are deleted.
 */
function corpusLoader(
  name: string,
  options: DispatchLoaderOptions,
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
        const { result, version } = await loadCorpus(options, context);
        if (load !== newest) return;
        for (const entry of select(result, version)) {
          const data = entry.data as Record<string, unknown>;
          const digest = generateDigest(entry.body ? { data, body: entry.body } : data);
          seen.add(entry.id);
          if (store.get(entry.id)?.digest === digest) continue;
          const parsed = await parseData({ id: entry.id, data });
          if (load !== newest) return;
          store.set({
            id: entry.id,
            data: parsed,
            digest,
            ...(entry.render ? { rendered: { html: entry.render() } } : {}),
          });
        }
        for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      };
      await sync();
      watchContent(options, context, sync);
    },
  };
}

let lastRun: { key: string; result: Promise<PipelineResult> } | undefined;

/**
 * Runs the pipeline once per content state: both collections share one run, and a reload in
 * dev after an unrelated change reuses it. The key covers every byte of every file.
 */
async function loadCorpus(
  options: DispatchLoaderOptions,
  { logger, config }: Pick<LoaderContext, 'logger' | 'config'>,
): Promise<{ result: PipelineResult; version: string }> {
  const { files, ignored, key } = await readShared(options);
  // Kept locally: another loader may replace `lastRun` (newer content) while this one waits.
  let run = lastRun;
  if (run?.key !== key) {
    const started = performance.now();
    run = { key, result: runCached(files, ignored, options, fileURLToPath(config.cacheDir)) };
    lastRun = run;
    logSummary(await run.result, logger, performance.now() - started);
  }
  const done = await run.result;
  const failure = options.strict ? strictModeFailure(done.report, done.warnings) : undefined;
  if (failure) throw new Error(failure);
  return { result: done, version: key };
}

type ContentState = Awaited<ReturnType<typeof readContentFiles>> & { key: string };

let reading: { options: DispatchLoaderOptions; state: Promise<ContentState> } | undefined;

/**
 * Reads the content folder, sharing one read among the loaders that ask while it is under way:
 * Astro runs the three loaders at once (and, in dev, all three on every change), and each
 * would otherwise read and hash every file (three readings of 10,000 files at once: 4.8 s).
 */
function readShared(options: DispatchLoaderOptions): Promise<ContentState> {
  if (reading?.options !== options) {
    const state = readContentState(options);
    reading = { options, state };
    const forget = (): void => {
      if (reading?.state === state) reading = undefined;
    };
    state.then(forget, forget);
  }
  return reading.state;
}

let forgetting = false;

/**
 * Called on every change in the content folder: a reading under way may already have read the
 * changed file, so later loads must not join it. One change reaches the three loaders' listeners
 * in the same tick; only the first drops the reading, so the other two share the new one.
 */
function forgetReading(): void {
  if (forgetting) return;
  forgetting = true;
  reading = undefined;
  queueMicrotask(() => {
    forgetting = false;
  });
}

/** The files, and a key covering every byte of every file and the options. */
async function readContentState(options: DispatchLoaderOptions): Promise<ContentState> {
  const { files, ignored } = await readContentFiles(options.contentDir, options.maxFileBytes);
  const hash = createHash('sha256').update(JSON.stringify(options));
  for (const file of files)
    hash
      .update(file.path)
      .update('\0')
      .update(file.bytes)
      .update(String(file.size ?? 0));
  // An entry's outcome can change without its path: a file that becomes unreadable.
  for (const file of ignored) hash.update(JSON.stringify([file.path, file.outcome, file.reason]));
  return { files, ignored, key: hash.digest('hex') };
}

/** Runs the pipeline with the cache of earlier builds, and keeps what it learnt. */
async function runCached(
  files: Parameters<typeof runPipeline>[0],
  ignored: Parameters<typeof runPipeline>[1],
  options: DispatchLoaderOptions,
  cacheDir: string,
): Promise<PipelineResult> {
  const cache = await openBuildCache(cacheDir);
  const result = runPipeline(files, ignored, {
    ...options,
    parseCache: cache.parse,
    nameKinds: cache.nameKinds,
  });
  // Forget files that are gone, so the cache does not grow without bound.
  const current = new Set(files.map((file) => parseCacheKey(file, options.maxFileBytes)));
  for (const key of cache.parse.keys()) if (!current.has(key)) cache.parse.delete(key);
  await cache.save();
  return result;
}

function logSummary(result: PipelineResult, logger: LoaderContext['logger'], elapsedMs: number): void {
  const count = (outcome: string): number =>
    result.report.inputs.filter((input) => input.outcome === outcome).length;
  // The benchmark reads the time from this line (bench/site-build.ts).
  logger.info(
    `${count('published')} published, ${count('duplicate')} duplicates, ${count('rejected')} rejected, ${count('ignored')} ignored (pipeline ${Math.round(elapsedMs)} ms)`,
  );
  for (const input of result.report.inputs) {
    // Names and reasons come from the content folder: a name could hold terminal escapes.
    if (input.outcome === 'rejected')
      logger.warn(escapeForLog(`${input.file}: ${input.reason ?? 'rejected'}`));
  }
  for (const warning of result.warnings) logger.warn(escapeForLog(warning));
}

/**
 * In `astro dev`, re-runs a loader when a file in the content folder is added, changed or
 * removed. Duplicates and slugs depend on every file, so the whole corpus is reloaded.
 */
function watchContent(
  options: DispatchLoaderOptions,
  context: LoaderContext,
  sync: () => Promise<void>,
): void {
  const { watcher, logger } = context;
  if (!watcher) return;
  watcher.add(options.contentDir);
  const onChange = (path: string): void => {
    if (!path.startsWith(options.contentDir)) return;
    forgetReading();
    sync().catch((error: unknown) =>
      logger.error(`reloading ${escapeForLog(path)} failed: ${escapeLinesForLog(String(error))}`),
    );
  };
  watcher.on('add', onChange);
  watcher.on('change', onChange);
  watcher.on('unlink', onChange);
}
