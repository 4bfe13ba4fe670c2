/**
 * Tells when the content pipeline is running in its threads (src/astro/loaders/pipeline-thread.ts):
 * the main thread then waits for it, idle (15 s of a 10,000-article build), and work that does
 * not depend on the content — bundling the service worker — can run there instead of holding up
 * the start of the build (2.3 s before the content sync when it ran at config setup).
 *
 * The loader and the integrations are bundled apart: they meet on a `globalThis` key.
 */

interface Signal {
  running: Promise<void>;
  start: () => void;
}

const KEY = Symbol.for('dispatch.pipeline-running');

function signal(): Signal {
  const holder = globalThis as { [KEY]?: Signal };
  if (!holder[KEY]) {
    let start = (): void => undefined;
    const running = new Promise<void>((resolve) => {
      start = resolve;
    });
    holder[KEY] = { running, start };
  }
  return holder[KEY];
}

/** Called by the loader when it has handed the content to the pipeline's thread. */
export function pipelineStarted(): void {
  signal().start();
}

/** Settles once the pipeline has started (at once if it already has, in this process). */
export function whenPipelineRuns(): Promise<void> {
  return signal().running;
}
