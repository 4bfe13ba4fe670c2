/**
 * The whole library pipeline for one build: file bytes in, published articles and the build
 * report out. Pure — the caller reads the files — so it is tested without Astro.
 */
import { createHash } from 'node:crypto';
import { toArticle } from './article.ts';
import { decodeText, looksBinary } from './ingest/decode.ts';
import { parseArticle, type ParsedArticle } from './ingest/parse.ts';
import { orderReport, type BuildReport, type ReportInput } from './report.ts';
import { organiseCorpus, type Corpus } from './corpus/corpus.ts';
import { assignTopics } from './corpus/topics.ts';
import { withSourceSlugs } from './listings/sources.ts';
import { ArticleSchema, type Article, type Redirect, type Story } from './schema.ts';
import type { z } from 'zod';
import { escapeForLog } from './log-text.ts';
import { assignSlugs } from './slug.ts';
import { siteLinks } from './routes.ts';

export interface InputFile {
  /** Path relative to the content folder, `/` separators. */
  path: string;
  bytes: Uint8Array;
  /** The file's size when its bytes were not read because it is over the size limit. */
  size?: number;
}

export interface IgnoredFile {
  path: string;
  reason: string;
  /** `rejected` for an article file that could not be read; `ignored` when absent. */
  outcome?: 'ignored' | 'rejected';
}

export interface PipelineOptions {
  /** The site's base path, e.g. `/` or `/news/`, used for URLs in the report. */
  basePath: string;
  /** Files larger than this are rejected unread. */
  maxFileBytes: number;
  /**
   * Results of reading earlier files, by {@link parseCacheKey}: a rebuild re-reads only files
   * whose bytes changed. The caller keeps it between builds (and drops it when the code changes).
   */
  parseCache?: Map<string, ReadResult> | undefined;
}

/** What reading one file gives: a parsed article, or the reason it is rejected. */
export type ReadResult = ParsedArticle | { rejected: string };

/**
 * The cache key of a file's reading: its bytes, its size and the size limit decide it.
 *
 * @param file - the file as read
 * @param maxFileBytes - the size limit in force
 */
export function parseCacheKey(file: InputFile, maxFileBytes: number): string {
  const digest = createHash('sha256').update(file.bytes).digest('base64url');
  return `${digest}:${file.size ?? file.bytes.length}:${maxFileBytes}`;
}

export interface PipelineResult {
  /** Published (canonical) articles, ordered by slug. */
  articles: Article[];
  /** Every story, single-article ones included, ordered by id. */
  stories: Story[];
  /** The addresses duplicates would have had, each pointing at its canonical article's slug. */
  redirects: Redirect[];
  report: BuildReport;
  /**
   * Problems of the build as a whole that did not stop it (a corpus stage skipped), for the log;
   * problems of one file are in its report entry.
   */
  warnings: string[];
}

/** 8 MiB: far above any real article, low enough that a stray dump cannot stall the build. */
export const DEFAULT_MAX_FILE_BYTES = 8 * 1024 * 1024;

/**
 * Runs decode → parse → slugs → duplicates → stories over every article file.
 *
 * @param files - the article files (already filtered by path) with their bytes
 * @param ignored - files passed over by path, to be listed in the report
 * @param options - base path and size limit
 */
export function runPipeline(
  files: InputFile[],
  ignored: IgnoredFile[],
  options: PipelineOptions,
): PipelineResult {
  const { articles, inputs } = parseFiles(files, options);
  for (const { path, reason, outcome } of ignored)
    inputs.push({ file: path, outcome: outcome ?? 'ignored', reason, warnings: [] });
  const warnings: string[] = [];
  const organised = withFallback(
    () => organiseCorpus(articles),
    () => standalone(articles),
    'Duplicates and stories were skipped: every article stands alone in this build',
    warnings,
  );
  const withTopicsOrNone = withFallback(
    () => withTopics(organised.published),
    () => organised.published,
    'Topics were skipped in this build',
    warnings,
  );
  const corpus = { ...organised, published: withSourceSlugs(withTopicsOrNone) };
  const url = siteLinks(options.basePath).article;
  for (const article of corpus.published) {
    inputs.push({ ...describe(article), outcome: 'published', url: url(article.slug), story: article.story });
  }
  for (const { article, canonical } of corpus.duplicates) {
    inputs.push({
      ...describe(article),
      outcome: 'duplicate',
      duplicateOf: url(canonical),
      redirectFrom: url(article.slug),
    });
  }
  const stories = corpus.stories.map((story) => ({ id: story.id, articles: story.articles.map(url) }));
  return {
    articles: corpus.published,
    stories: corpus.stories,
    redirects: corpus.duplicates.map(({ article, canonical }) => ({
      from: article.slug,
      to: canonical,
      title: article.title,
    })),
    report: orderReport({ inputs, stories }),
    warnings,
  };
}

/**
 * A last resort for the corpus stages, whose inputs are bounded per article (see corpus/): should
 * one still throw, the build goes on without what it adds — duplicates merged, stories, topics
 * are aids to the reader, not the news — and the failure is reported for the log.
 */
function withFallback<T>(stage: () => T, fallback: () => T, consequence: string, warnings: string[]): T {
  try {
    return stage();
  } catch (error) {
    warnings.push(`${consequence} (${internalError(error)}); please report this.`);
    return fallback();
  }
}

/** The corpus with nothing merged or grouped: every article published as its own story. */
function standalone(articles: readonly Article[]): Corpus {
  const published = [...articles]
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
    .map((article) => ({ ...article, story: article.slug, alsoPublishedAs: [] }));
  const stories = published.map((article) => ({
    id: article.slug,
    title: article.title,
    articles: [article.slug],
    sources: article.source ? [article.source] : [],
  }));
  return { published, duplicates: [], stories };
}

/**
 * Decode → parse → slugs → validated records, for every file on its own: the per-file part of
 * the pipeline, before anything is compared across the corpus.
 *
 * @param files - the article files with their bytes
 * @param options - size limit
 * @returns the valid articles, and a report entry for each rejected file
 */
export function parseFiles(
  files: InputFile[],
  options: Pick<PipelineOptions, 'maxFileBytes' | 'parseCache'>,
): { articles: Article[]; inputs: ReportInput[] } {
  const inputs: ReportInput[] = [];
  const parsed: { path: string; article: ParsedArticle }[] = [];

  for (const file of files) {
    const result = guardedRead(file, options);
    if ('rejected' in result) {
      inputs.push({ file: file.path, outcome: 'rejected', reason: result.rejected, warnings: [] });
    } else {
      parsed.push({ path: file.path, article: result });
    }
  }

  const slugs = assignSlugs(
    parsed.map(({ path, article }) => ({ key: path, title: article.title, slug: article.slug })),
  );
  const articles: Article[] = [];
  for (const { path, article } of parsed) {
    const checked = validRecord(article, { sourceFile: path, slug: slugs.get(path) ?? 'article' });
    if ('rejected' in checked)
      inputs.push({ file: path, outcome: 'rejected', reason: checked.rejected, warnings: article.warnings });
    else articles.push(checked);
  }
  return { articles, inputs };
}

/**
 * The published record of one parsed article, or why it cannot be published. A last guard:
 * whatever the parser let through, an invalid record or a failure while completing it rejects
 * this file only.
 */
function validRecord(
  article: ParsedArticle,
  identity: { sourceFile: string; slug: string },
): Article | { rejected: string } {
  try {
    const checked = ArticleSchema.safeParse(toArticle(article, identity));
    return checked.success ? checked.data : { rejected: invalidReason(checked.error) };
  } catch (error) {
    return { rejected: internalErrorReason(error) };
  }
}

/** The report fields every parsed file has, whatever its outcome. */
function describe(article: Article): Omit<ReportInput, 'outcome'> {
  return {
    file: article.sourceFile,
    warnings: article.warnings,
    title: article.title,
    ...(article.date ? { date: article.date } : {}),
    ...(article.byline ? { byline: article.byline } : {}),
    paragraphs: article.paragraphs.length,
  };
}

/**
 * Reads one file through the cache; any exception while hashing, decoding or parsing it makes
 * this file rejected and leaves every other file alone. Such a result is not cached: the next
 * build tries again (a stack overflow, say, may depend on the state of the process).
 */
function guardedRead(
  file: InputFile,
  options: Pick<PipelineOptions, 'maxFileBytes' | 'parseCache'>,
): ReadResult {
  try {
    return cachedRead(file, options);
  } catch (error) {
    return { rejected: internalErrorReason(error) };
  }
}

function cachedRead(
  file: InputFile,
  options: Pick<PipelineOptions, 'maxFileBytes' | 'parseCache'>,
): ReadResult {
  const cache = options.parseCache;
  if (!cache) return readOne(file, options.maxFileBytes);
  const key = parseCacheKey(file, options.maxFileBytes);
  const known = cache.get(key);
  if (known) return known;
  const result = readOne(file, options.maxFileBytes);
  cache.set(key, result);
  return result;
}

function readOne(file: InputFile, maxFileBytes: number): ReadResult {
  const size = file.size ?? file.bytes.length;
  if (size > maxFileBytes) {
    const limit = formatBytes(maxFileBytes);
    return {
      rejected: `The file is ${formatBytes(size)}, over the ${limit} limit; split it or raise MAX_FILE_BYTES.`,
    };
  }
  if (file.bytes.length === 0) return { rejected: 'The file is empty.' };
  if (looksBinary(file.bytes)) {
    return {
      rejected: 'The file is binary (it contains NUL bytes), not text; export the article as plain text.',
    };
  }
  const parsed = parseArticle(decodeText(file.bytes).text);
  if ('paragraphs' in parsed && parsed.paragraphs.length > MAX_PARAGRAPHS) {
    return {
      rejected: `The file has ${parsed.paragraphs.length.toLocaleString('en')} paragraphs, more than the ${MAX_PARAGRAPHS.toLocaleString('en')} one article page can hold; split it into articles.`,
    };
  }
  return parsed;
}

/**
 * Paragraphs one article may have. A long report has a few hundred; a 5 MB transcript 30,000.
 * An 8 MB file of one-letter lines would make millions, and a page that takes a minute to
 * render and weighs 80 MB: that is no article, so it is rejected rather than cut short.
 */
export const MAX_PARAGRAPHS = 50_000;

/** "3.5 MiB", "12.0 KiB", "100 bytes": a size a person reads at a glance. */
function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

/** Longest error message kept in a reason: enough to recognise the failure, never a dump of the file. */
const MAX_ERROR_MESSAGE = 300;

/**
 * The reason for a file whose reading failed unexpectedly: `internal error: <message>`. The
 * message may quote the file's text, so control and format characters are escaped visibly and
 * it is cut to {@link MAX_ERROR_MESSAGE} characters.
 *
 * @param error - whatever was thrown
 */
export function internalErrorReason(error: unknown): string {
  return `${internalError(error)} (please report this file)`;
}

/** `internal error: <message>`, the message escaped and cut (see internalErrorReason). */
function internalError(error: unknown): string {
  const message = errorMessage(error);
  // Code points, so a cut never splits a surrogate pair; two code units each at most.
  const points = [...message.slice(0, 2 * MAX_ERROR_MESSAGE + 2)];
  const shown =
    points.length > MAX_ERROR_MESSAGE ? `${points.slice(0, MAX_ERROR_MESSAGE).join('')}…` : points.join('');
  return `internal error: ${escapeForLog(shown)}`;
}

/** The message of anything thrown, even an object whose conversion to text throws itself. */
function errorMessage(error: unknown): string {
  try {
    const message = error instanceof Error ? error.message : String(error);
    return message.trim() === '' ? 'unknown error' : message;
  } catch {
    return 'unknown error';
  }
}

function invalidReason(error: z.ZodError): string {
  const issues = error.issues.map((issue) => `${issue.path.join('.') || 'article'}: ${issue.message}`);
  return `The article could not be published because a field is invalid (${issues.join('; ')}); please report this file.`;
}

/** Fills in each published article's topics, decided across the whole corpus. */
function withTopics(published: Article[]): Article[] {
  const { byArticle } = assignTopics(published);
  return published.map((article) => ({ ...article, topics: byArticle.get(article.slug) ?? [] }));
}
