/**
 * The page keys the last build gave the article route, as Astro's incremental build recorded
 * them in its cache folder (`incremental-build.json`). With them the route knows, before any
 * page renders, which of its pages this build renders again (their key changed) and which it
 * keeps: the search index can then be written as soon as the last page that changed is rendered,
 * while the rest of the site renders (src/astro/integrations/pagefind.ts).
 *
 * This is a forecast, not Astro's decision: Astro also renders every page again when its config,
 * lock file or the route's code changed. So the keys are only given when the last build ran the
 * same code (src/astro/code-digest.ts, recorded by `recordBuildCode`); otherwise every page is
 * expected to render. The index still checks the forecast against the pages that really render,
 * and falls back to indexing the written pages when it was wrong.
 *
 * The integration reads the record (src/astro/integrations/pagefind.ts), the route asks for it
 * (src/pages/articles/[slug].astro); they are bundled apart and meet on a `globalThis` key.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/** The article route, as Astro's record names it. */
export const ARTICLE_ROUTE_COMPONENT = 'src/pages/articles/[slug].astro';

/**
 * Astro's record: by route, each page's key and file. Only the article route is read (and
 * checked): the record holds every page of the site.
 */
const RecordSchema = z.object({
  routes: z
    .object({
      [ARTICLE_ROUTE_COMPONENT]: z.object({
        paths: z.record(z.string(), z.object({ cacheKey: z.string(), outputFile: z.string() })),
      }),
    })
    .partial(),
});

const RECORD_FILE = 'incremental-build.json';

/** The code of the last build that completed (`recordBuildCode`). */
const CODE_FILE = 'dispatch-build-code.json';
const CodeSchema = z.object({ code: z.string() });

/** Each page's key by its file in the output folder (`articles/x/index.html`). */
export type KeysByFile = ReadonlyMap<string, string>;

const KEY = Symbol.for('dispatch.last-build-keys');

function holder(): { [KEY]?: Promise<KeysByFile> } {
  return globalThis as { [KEY]?: Promise<KeysByFile> };
}

/**
 * Starts reading the article route's keys of the last build, for `lastBuildKeys`. Nothing read
 * (no record, another version of it, another code, any error) gives no keys: every page is then
 * expected to render, as in a clean build. The record of the last build's code is deleted: a
 * build that does not complete leaves none.
 *
 * @param cacheDir - Astro's cache folder
 * @param code - this build's code digest
 */
export function readLastBuildKeys(cacheDir: string, code: Promise<string>): void {
  holder()[KEY] = (async () => {
    const codeFile = join(cacheDir, CODE_FILE);
    const lastCode = await readFile(codeFile, 'utf8')
      .then((text) => CodeSchema.parse(JSON.parse(text)).code)
      .catch(() => undefined);
    await rm(codeFile, { force: true });
    if (lastCode === undefined || lastCode !== (await code)) return new Map<string, string>();
    const text = await readFile(join(cacheDir, RECORD_FILE), 'utf8');
    return articleRouteKeys(RecordSchema.parse(JSON.parse(text)));
  })().catch(() => new Map<string, string>());
}

/**
 * Records the code of a build that completed, for the next build's `readLastBuildKeys`.
 *
 * @param cacheDir - Astro's cache folder
 * @param code - the build's code digest
 */
export async function recordBuildCode(cacheDir: string, code: string): Promise<void> {
  await writeFile(join(cacheDir, CODE_FILE), JSON.stringify({ code }));
}

/** The keys `readLastBuildKeys` read; none when it was not called (`astro dev`, tests). */
export async function lastBuildKeys(): Promise<KeysByFile> {
  return (await holder()[KEY]) ?? new Map();
}

function articleRouteKeys(record: z.infer<typeof RecordSchema>): KeysByFile {
  const paths = Object.values(record.routes[ARTICLE_ROUTE_COMPONENT]?.paths ?? {});
  // Astro records the file as a URL path: percent-encoded outside ASCII.
  return new Map(paths.map(({ cacheKey, outputFile }) => [decodedPath(outputFile), cacheKey]));
}

function decodedPath(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

/**
 * The route's paths in the order to render them, and those expected to render (their key is not
 * the last build's). A clean build (no keys) keeps the order given — the file order, in which
 * the search index takes pages as they render. A republish puts the pages expected to render
 * first: the index (which then replaces them in place, in any order) can be written as soon as
 * they are rendered, while Astro checks the kept ones and renders the other routes.
 *
 * @param paths - the route's paths with their keys, in file order
 * @param lastKeys - the last build's keys (`lastBuildKeys`)
 * @param fileOf - a path's file in the output folder (`articles/x/index.html`)
 */
export function renderingOrder<Path extends { cacheKey: string }>(
  paths: readonly Path[],
  lastKeys: KeysByFile,
  fileOf: (path: Path) => string,
): { paths: Path[]; toRender: Path[] } {
  const toRender = paths.filter((path) => lastKeys.get(fileOf(path)) !== path.cacheKey);
  if (lastKeys.size === 0) return { paths: [...paths], toRender };
  const rendering = new Set(toRender);
  return { paths: [...toRender, ...paths.filter((path) => !rendering.has(path))], toRender };
}
