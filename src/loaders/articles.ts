/**
 * The Astro content-layer loaders: thin glue between the content folder and the collections.
 * They read the files, run the pure library pipeline once per content state, and store each
 * published article (with HTML from our own unified pipeline) and the build report.
 */
import { createHash } from 'node:crypto';
import type { Loader, LoaderContext } from 'astro/loaders';
import { runPipeline, type PipelineResult } from '../lib/pipeline.ts';
import { articleToHtml } from '../lib/render/article-to-html.ts';
import { serializeReport, strictModeFailure } from '../lib/report.ts';
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

/** Id of the single entry of the report collection. */
export const REPORT_ENTRY_ID = 'build-report';

/** Loads every published article, keyed by slug. */
export function articleLoader(options: DispatchLoaderOptions): Loader {
  return {
    name: 'dispatch-articles',
    load: async (context) => {
      const sync = async (): Promise<void> => {
        const { store, parseData, generateDigest } = context;
        const result = await loadCorpus(options, context);
        const seen = new Set<string>();
        for (const article of result.articles) {
          const data = article as unknown as Record<string, unknown>;
          const digest = generateDigest(data);
          seen.add(article.slug);
          // Unchanged article (same data, same slug): keep the stored entry and its rendered HTML.
          if (store.get(article.slug)?.digest === digest) continue;
          const parsed = await parseData({ id: article.slug, data });
          store.set({
            id: article.slug,
            data: parsed,
            digest,
            rendered: { html: articleToHtml(article.paragraphs) },
          });
        }
        for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      };
      await sync();
      watchContent(options, context, sync);
    },
  };
}

/** Loads the build report as one entry holding its JSON text. */
export function reportLoader(options: DispatchLoaderOptions): Loader {
  return {
    name: 'dispatch-build-report',
    load: async (context) => {
      const sync = async (): Promise<void> => {
        const json = serializeReport((await loadCorpus(options, context)).report);
        const data = await context.parseData({ id: REPORT_ENTRY_ID, data: { json } });
        context.store.set({ id: REPORT_ENTRY_ID, data, digest: context.generateDigest(json) });
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
  { logger }: Pick<LoaderContext, 'logger'>,
): Promise<PipelineResult> {
  const { files, ignored } = await readContentFiles(options.contentDir, options.maxFileBytes);
  const hash = createHash('sha256').update(JSON.stringify(options));
  for (const file of files)
    hash
      .update(file.path)
      .update('\0')
      .update(file.bytes)
      .update(String(file.size ?? 0));
  for (const file of ignored) hash.update(file.path);
  const key = hash.digest('hex');
  if (lastRun?.key !== key) {
    const result = Promise.resolve(runPipeline(files, ignored, options));
    lastRun = { key, result };
    logSummary(await result, logger);
  }
  const done = await lastRun.result;
  const failure = options.strict ? strictModeFailure(done.report) : undefined;
  if (failure) throw new Error(failure);
  return done;
}

function logSummary(result: PipelineResult, logger: LoaderContext['logger']): void {
  const count = (outcome: string): number =>
    result.report.inputs.filter((input) => input.outcome === outcome).length;
  logger.info(`${count('published')} published, ${count('rejected')} rejected, ${count('ignored')} ignored`);
  for (const input of result.report.inputs) {
    if (input.outcome === 'rejected') logger.warn(`${input.file}: ${input.reason ?? 'rejected'}`);
  }
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
    sync().catch((error: unknown) => logger.error(`reloading ${path} failed: ${String(error)}`));
  };
  watcher.on('add', onChange);
  watcher.on('change', onChange);
  watcher.on('unlink', onChange);
}
