/** Parsed article + identity → the published Article record. */
import type { ParsedArticle } from './model/schema.ts';
import type { Article } from './model/schema.ts';
import { sectionOfPath } from './corpus/sources.ts';
import { countWords, truncateAtWord } from './text/text.ts';

/** Average adult silent reading speed for non-fiction, words per minute. */
const WORDS_PER_MINUTE = 230;
const DESCRIPTION_MAX = 160;

/**
 * Completes a parsed article with its address and derived fields.
 *
 * @param parsed - the parser's output for one file
 * @param identity - the source file (relative path) and the slug assigned to it
 * @param siteLang - the language of an article whose text does not tell (SITE_LANG)
 */
export function toArticle(
  parsed: ParsedArticle,
  identity: { sourceFile: string; slug: string },
  siteLang = 'en',
): Article {
  const wordCount = countWords([parsed.dek ?? '', ...parsed.paragraphs].join(' '));
  const section = parsed.section ?? sectionOfPath(identity.sourceFile);
  return {
    title: parsed.title,
    ...(parsed.dek === undefined ? {} : { dek: parsed.dek }),
    ...(parsed.date === undefined ? {} : { date: parsed.date }),
    ...(parsed.updated === undefined ? {} : { updated: parsed.updated }),
    ...(parsed.byline === undefined ? {} : { byline: parsed.byline }),
    authors: parsed.authors,
    lang: parsed.lang ?? siteLang,
    ...(parsed.source === undefined ? {} : { source: parsed.source }),
    tags: parsed.tags,
    ...(parsed.signoff === undefined ? {} : { signoff: parsed.signoff }),
    ...(section === undefined ? {} : { section }),
    paragraphs: parsed.paragraphs,
    description: truncateAtWord(parsed.dek ?? parsed.paragraphs[0] ?? parsed.title, DESCRIPTION_MAX),
    slug: identity.slug,
    wordCount,
    readingMinutes: Math.max(1, Math.ceil(wordCount / WORDS_PER_MINUTE)),
    sourceFile: identity.sourceFile,
    edits: parsed.edits,
    warnings: parsed.warnings,
    alsoPublishedAs: [],
    story: identity.slug,
    related: [],
    // Topics compare articles across the corpus, so the corpus stage fills them in.
    topics: [],
  };
}
