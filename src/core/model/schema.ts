/**
 * The published article record: what the loader stores in the content collection and what
 * pages render. Every field is validated at build time.
 */
import { z } from 'zod';

/** A URL slug: lowercase ASCII letters and digits in words joined by single hyphens. */
export const SlugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

export const EditSchema = z.object({
  /**
   * What was changed: a repeated headline, block of paragraphs or dek removed; characters no
   * reader should get removed or replaced; HTML character references decoded.
   */
  kind: z.enum([
    'repeated-title',
    'repeated-paragraphs',
    'repeated-dek',
    'removed-characters',
    'replaced-characters',
    'decoded-entities',
  ]),
  /** 1-based line in the source file where the removed text started. */
  line: z.number().int().nonnegative(),
  /** The removed text, one entry per line or paragraph. */
  removed: z.array(z.string()),
});

export const TopicSchema = z.object({
  /** A person, place or organisation as the articles name it ("Taliban", "Kabul"). */
  name: z.string().min(1),
  /** URL slug, unique among topics: `topics/{slug}/`. */
  slug: SlugSchema,
  kind: z.enum(['person', 'place', 'organisation']),
});

export const ArticleSchema = z.object({
  /** Headline as shown to readers (typographic quotes, title case for ALL-CAPS sources). */
  title: z.string().min(1).max(200),
  /** One-sentence standfirst under the headline, when the source has one. */
  dek: z.string().min(1).optional(),
  /** Publication date, `YYYY-MM-DD` or an ISO timestamp; absent when the source gives none. */
  date: z.union([z.iso.date(), z.iso.datetime({ offset: true, local: true })]).optional(),
  /** Date of the last update, when the source gives one. */
  updated: z.union([z.iso.date(), z.iso.datetime({ offset: true, local: true })]).optional(),
  /** Authors joined for display ("Jane Doe and Sam Roe"); absent when the source names none. */
  byline: z.string().min(1).optional(),
  /** Credited people or organisations, in order. */
  authors: z.array(z.string().min(1)),
  /** The outlet that published the report, when the source names one; never made up. */
  source: z.string().min(1).optional(),
  /** URL slug of the source's page, `sources/{slug}/`, unique among sources; set with `source`. */
  sourceSlug: SlugSchema.optional(),
  /**
   * The newsroom desk the article is filed under: front matter `section:`, else the top-level
   * folder of the content folder it lies in (`business/…` → "Business"); none at the top level.
   */
  section: z.string().min(1).optional(),
  /** URL slug of the section's page, `sections/{slug}/`, unique among sections; set with `section`. */
  sectionSlug: SlugSchema.optional(),
  /**
   * The language the article is written in, a BCP 47 tag (`en`, `fr`, `pt-BR`): front matter
   * `lang:`, else detected from its text, else the site's language (SITE_LANG).
   */
  lang: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/),
  /** Tags given by front matter. */
  tags: z.array(z.string().min(1)),
  /** Closing sign-off line, e.g. "CIC PRESS TEAM". */
  signoff: z.string().min(1).optional(),
  /** Body paragraphs in reading order, without the dek and sign-off. */
  paragraphs: z.array(z.string().min(1)).min(1),
  /** Summary for listings and meta tags: the dek or the lead, at most 160 characters. */
  description: z.string().min(1).max(160),
  /** URL slug: lowercase ASCII letters, digits and hyphens. */
  slug: SlugSchema,
  /** Words in the dek and body. */
  wordCount: z.number().int().nonnegative(),
  /** Estimated reading time in whole minutes (at least 1). */
  readingMinutes: z.number().int().positive(),
  /** Source file path relative to the content folder, with `/` separators. */
  sourceFile: z.string().min(1),
  /** Text the pipeline removed from the source, for transparency. */
  edits: z.array(EditSchema),
  /** Problems found while parsing that did not prevent publication. */
  warnings: z.array(z.string()),
  /** Headlines of duplicates merged into this article ("Also published as …"). */
  alsoPublishedAs: z.array(z.object({ title: z.string().min(1), sourceFile: z.string().min(1) })),
  /** Id of the story this article belongs to (its own slug when it stands alone). */
  story: z.string().min(1),
  /** Slugs of up to five articles of other stories most like it, most similar first. */
  related: z.array(SlugSchema),
  /** People, places and organisations the article is about, most mentioned first. */
  topics: z.array(TopicSchema),
});

/**
 * What parsing one file gives (src/core/ingest/parse.ts), before the corpus adds slugs, topics
 * and stories and the record is validated (src/core/article.ts): the parser's fields, with the
 * slug only when front matter asks for one.
 */
export const ParsedArticleSchema = ArticleSchema.pick({
  title: true,
  dek: true,
  date: true,
  updated: true,
  byline: true,
  authors: true,
  source: true,
  tags: true,
  signoff: true,
  section: true,
  paragraphs: true,
  edits: true,
  warnings: true,
}).extend({
  /** Slug requested by front matter. */
  slug: z.string().min(1).optional(),
  /** Front matter's language, else the detected one; absent when the text does not tell. */
  lang: ArticleSchema.shape.lang.optional(),
});

/**
 * An article as the site's collection stores it: the body lives only as rendered HTML (the
 * entry's `rendered.html`), not also as paragraphs. Storing both made the content store half
 * as large again (47 MB instead of 31 MB on 10,000 articles), and Astro serializes it, bundles
 * it into the build and reads it back.
 */
export const StoredArticleSchema = ArticleSchema.omit({ paragraphs: true });

export const StorySchema = z.object({
  /** Stable id and URL slug: the slug of the story's first report. */
  id: SlugSchema,
  /** Headline of the first report. */
  title: z.string().min(1),
  /** Slugs of its articles, newest first, undated last. */
  articles: z.array(z.string().min(1)).min(1),
  /** Outlets that reported it, when known. */
  sources: z.array(z.string()),
});

/** The address of a merged duplicate, which becomes a redirect page to its canonical article. */
export const RedirectSchema = z.object({
  /** Slug the duplicate would have had. */
  from: z.string().min(1),
  /** Slug of the canonical article. */
  to: z.string().min(1),
  /** The duplicate's own headline. */
  title: z.string(),
});

/**
 * The one entry of the site-data collection: what the pipeline says about the whole build.
 * The report stays the JSON text `build-report.json` serves byte for byte (100,000 inputs are
 * not worth validating field by field on every load).
 */
export const SiteDataSchema = z.object({
  /** Changes whenever any content file (or loader option) changes: read models are keyed on it. */
  version: z.string().min(1),
  redirects: z.array(RedirectSchema),
  /** `build-report.json`, serialized. */
  reportJson: z.string().min(1),
});

export type Story = z.output<typeof StorySchema>;
export type Redirect = z.output<typeof RedirectSchema>;
export type SiteDataEntry = z.output<typeof SiteDataSchema>;

export type Article = z.output<typeof ArticleSchema>;
export type StoredArticle = z.output<typeof StoredArticleSchema>;
export type Topic = z.output<typeof TopicSchema>;
export type ArticleEdit = z.output<typeof EditSchema>;
export type ParsedArticle = z.output<typeof ParsedArticleSchema>;
