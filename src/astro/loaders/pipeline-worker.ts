/**
 * The pipeline's own thread (started by pipeline-thread.ts). Node loads this file and the
 * library directly — not through Vite's module runner, which the content config runs in: there
 * every module the NLP libraries import went through Vite's resolution hooks (about a second of
 * each build's start-up), every imported binding became a property access, and the pipeline
 * shared its heap with Astro's content store. Here it runs on a core of its own, keeping its
 * parse cache in memory between the runs `astro dev` asks for.
 */
import { parentPort } from 'node:worker_threads';
import { rememberingScanner } from '../../core/corpus/topics.ts';
import { runPipeline } from '../../core/pipeline.ts';
import { openBuildCache, type BuildCache } from './build-cache.ts';
import { prepareReadHelper, readAhead, sharedTopicScanner } from './helper-thread.ts';
import type { PipelineJob, PipelineThreadMessage } from './pipeline-thread.ts';
import type { StageProgress } from '../../core/progress.ts';

const port = parentPort;
if (!port) throw new Error('pipeline-worker.ts runs as a worker thread (see pipeline-thread.ts)');
// Loading the library on the other core while this thread loads it too.
prepareReadHelper();

/** The build cache of the last job's folder: opened once, then kept in memory. */
let cache: { dir: string; opened: Promise<BuildCache> } | undefined;

port.on('message', (job: PipelineJob) => {
  run(job).then(
    (message) => port.postMessage(message),
    (error: unknown) =>
      port.postMessage({ type: 'failed', id: job.id, error } satisfies PipelineThreadMessage),
  );
});

async function run(job: PipelineJob): Promise<PipelineThreadMessage> {
  if (cache?.dir !== job.cacheDir) cache = { dir: job.cacheDir, opened: openBuildCache(job.cacheDir) };
  const opened = await cache.opened;
  const progress = (stage: StageProgress): void =>
    port?.postMessage({ type: 'progress', id: job.id, progress: stage } satisfies PipelineThreadMessage);
  await readAhead(job.files, job.options.maxFileBytes, opened.parse, progress);
  const result = runPipeline(job.files, job.ignored, {
    ...job.options,
    parseCache: opened.parse,
    nameKinds: opened.nameKinds,
    progress,
    // Only articles whose text changed are scanned again (shared with the helper thread).
    scanTopicNames: rememberingScanner(sharedTopicScanner(), opened.topicScans),
    duplicateSketches: opened.duplicateSketches,
  });
  await opened.save();
  return { type: 'result', id: job.id, result };
}
