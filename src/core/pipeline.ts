/**
 * The whole library pipeline for one build: file bytes in, published articles and the build
 * report out. Pure — the caller reads the files — so it is tested without Astro.
 */
import { toArticle } from './article.ts';
import { parseCacheKey, readArticleFile, type InputFile, type ReadResult } from './read-file.ts';
import { orderReport, type BuildReport, type ReportInput } from './model/report.ts';
import { organiseCorpus, type Corpus } from './corpus/corpus.ts';
import type { BodySketch } from './corpus/duplicates.ts';
import { assignTopics, type NameKinds, type TopicNameScanner } from './corpus/topics.ts';
import { withSectionSlugs, withSourceSlugs } from './corpus/sources.ts';
import {
  ArticleSchema,
  type Article,
  type ParsedArticle,
  type Redirect,
  type Story,
} from './model/schema.ts';
import type { z } from 'zod';
import { escapeForLog } from './text/log-text.ts';
import { assignSlugs } from './text/slug.ts';
import { siteLinks } from './model/routes.ts';
import { compareStrings } from './text/text.ts';
import { stageProgress, type ProgressListener } from './progress.ts';

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
   * whose bytes changed. The caller keeps it between builds (and drops it when the code changes);
   * after a run it holds the readings of this run's files only.
   */
  parseCache?: Map<string, ReadResult> | undefined;
  /** Names classified by earlier builds (see NameKinds); filled in with this build's new names. */
  nameKinds?: NameKinds | undefined;
  /** The language of an article whose text does not tell (SITE_LANG); `en` when not given. */
  siteLang?: string | undefined;
  /** Told how far each stage has got (for the build log of a large corpus). */
  progress?: ProgressListener | undefined;
  /** Finds each article's names for topics (the caller may share the work between threads). */
  scanTopicNames?: TopicNameScanner | undefined;
  /** Duplicate finding's per-text work of earlier runs, by text hash: kept up to date in place. */
  duplicateSketches?: Map<string, BodySketch> | undefined;
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

export { DEFAULT_MAX_FILE_BYTES } from './limits.ts';

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
    () => organiseCorpus(articles, options.progress, options.duplicateSketches),
    () => standalone(articles),
    'Duplicates and stories were skipped: every article stands alone in this build',
    warnings,
  );
  const withTopicsOrNone = withFallback(
    () => withTopics(organised.published, options),
    () => organised.published,
    'Topics were skipped in this build',
    warnings,
  );
  const corpus = { ...organised, published: withSectionSlugs(withSourceSlugs(withTopicsOrNone)) };
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
    .sort((a, b) => compareStrings(a.slug, b.slug))
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
 * @param options - size limit, parse cache and the site's language
 * @returns the valid articles, and a report entry for each rejected file
 */
export function parseFiles(
  files: InputFile[],
  options: Pick<PipelineOptions, 'maxFileBytes' | 'parseCache' | 'siteLang' | 'progress'>,
): { articles: Article[]; inputs: ReportInput[] } {
  const inputs: ReportInput[] = [];
  const parsed: { path: string; article: ParsedArticle }[] = [];

  const readKeys = new Set<string>();
  const progress = stageProgress(options.progress, 'parsing', files.length);
  for (const file of files) {
    progress.step();
    const result = guardedRead(file, options, readKeys);
    if ('rejected' in result) {
      inputs.push({ file: file.path, outcome: 'rejected', reason: result.rejected, warnings: [] });
    } else {
      parsed.push({ path: file.path, article: result });
    }
  }
  // Files that are gone are forgotten, so the cache does not grow without bound.
  const cache = options.parseCache;
  if (cache) for (const key of cache.keys()) if (!readKeys.has(key)) cache.delete(key);
  progress.end();

  const slugs = assignSlugs(
    parsed.map(({ path, article }) => ({ key: path, title: article.title, slug: article.slug })),
  );
  const articles: Article[] = [];
  for (const { path, article } of parsed) {
    const identity = { sourceFile: path, slug: slugs.get(path) ?? 'article' };
    const checked = validRecord(article, identity, options.siteLang ?? 'en');
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
  siteLang: string,
): Article | { rejected: string } {
  try {
    const checked = ArticleSchema.safeParse(toArticle(article, identity, siteLang));
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
  readKeys: Set<string>,
): ReadResult {
  try {
    return cachedRead(file, options, readKeys);
  } catch (error) {
    return { rejected: internalErrorReason(error) };
  }
}

function cachedRead(
  file: InputFile,
  options: Pick<PipelineOptions, 'maxFileBytes' | 'parseCache'>,
  readKeys: Set<string>,
): ReadResult {
  const cache = options.parseCache;
  if (!cache) return readArticleFile(file, options.maxFileBytes);
  const key = parseCacheKey(file, options.maxFileBytes);
  readKeys.add(key);
  const known = cache.get(key);
  if (known) return known;
  const result = readArticleFile(file, options.maxFileBytes);
  cache.set(key, result);
  return result;
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
function withTopics(
  published: Article[],
  { nameKinds, progress: listener, scanTopicNames }: PipelineOptions,
): Article[] {
  const progress = stageProgress(listener, 'topics', published.length);
  const { byArticle } = assignTopics(published, nameKinds, scanTopicNames);
  progress.end();
  return published.map((article) => ({ ...article, topics: byArticle.get(article.slug) ?? [] }));
}
