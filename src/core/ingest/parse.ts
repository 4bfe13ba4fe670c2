/**
 * Text → parsed article: front matter, header lines, title, dek, body paragraphs and sign-off,
 * with repeated text removed and recorded. Pure: no file system, no clock.
 */
import type { ArticleEdit as Edit, ParsedArticle } from '../model/schema.ts';
import { countWords } from '../text/text.ts';
import { formatAuthors } from './byline.ts';
import { cleanCharacters } from '../text/characters.ts';
import { splitFrontMatter, type FrontMatter } from './front-matter.ts';
import { parseHeaderLine, type HeaderFields } from './header.ts';
import { comparisonKey, normalizeText, smartenPunctuation } from '../text/normalize.ts';
import { blockParagraphs, MIN_WRAPPED_LINE, splitLines, type Line } from './paragraphs.ts';
import { deriveTitle, isDek, isSignoff } from './parts.ts';
import { removeRepeatedParagraphs } from './repeats.ts';
import { baseLanguage, detectLanguage, DETECTION_CHARS } from '../text/language.ts';
import { displayTitle, isTitleLike, repeatsTitle } from './title.ts';

/** Something the parser removed from the text, recorded so nothing disappears silently. */
type Metadata = Omit<HeaderFields, 'warnings'>;

/** How far into the file a headline may stand (after header lines and a lead paragraph). */
const TITLE_WINDOW = 3;
/**
 * A header holds a date, an update, a byline, an outlet: a dozen lines in a row is already far
 * more. Past that the lines are text — not thousands of lines dropped as "metadata", each sent
 * to the date parser.
 */
const MAX_HEADER_LINES = 12;

/**
 * Parses the decoded text of one article file.
 *
 * @param decoded - the file's text, as decoded (any line endings)
 * @returns the article, or a rejection reason when the file holds no article text
 */
export function parseArticle(decoded: string): ParsedArticle | { rejected: string } {
  const cleaned = cleanCharacters(decoded);
  const {
    frontMatter,
    body,
    warnings,
    edits: frontMatterEdits,
  } = splitFrontMatter(normalizeText(cleaned.text));
  const lines = splitLines(body);
  if (lines.length === 0 && !frontMatter.title) {
    return { rejected: 'The file has no text (it is empty or only whitespace).' };
  }
  if (!lines.some((line) => /[\p{L}\p{N}]/u.test(line.text))) {
    return { rejected: 'The file has no words, only punctuation or symbols.' };
  }

  const edits: Edit[] = [...cleaned.edits, ...frontMatterEdits];
  // The language first: header dates are read in it ("Publié le 2 février 2024").
  const lang = frontMatter.lang ?? detectLanguage(leadingText(lines));
  // Unknown (a text too short to tell): dates in any language are read, English first.
  const dateLanguage = lang === undefined ? undefined : baseLanguage(lang);
  const header: Metadata = {};
  let cursor = takeHeaderLines(lines, 0, header, warnings, dateLanguage);

  const titleAt = findTitleIndex(lines, cursor, frontMatter.title);
  const lead = titleAt === undefined ? [] : lines.slice(cursor, titleAt);
  const rawTitle = titleAt === undefined ? undefined : lines[titleAt]?.text;
  if (titleAt !== undefined) {
    cursor = titleAt + 1;
    const repeats: Line[] = [];
    while (cursor < lines.length && repeatsTitle(lines[cursor]?.text ?? '', rawTitle ?? '')) {
      repeats.push(lines[cursor] as Line);
      cursor += 1;
    }
    if (repeats[0])
      edits.push({ kind: 'repeated-title', line: repeats[0].line, removed: repeats.map((l) => l.text) });
    cursor = takeHeaderLines(lines, cursor, header, warnings, dateLanguage);
  }

  const headlineBlock = titleAt === undefined ? undefined : lines[cursor - 1]?.block;
  const afterTitle = toParagraphs(lines, cursor);
  // A standfirst is set directly under the headline: same block, no blank line between.
  const attached = lines[cursor] !== undefined && lines[cursor]?.block === headlineBlock;
  const dek =
    attached && afterTitle[0]?.text === lines[cursor]?.text && isDek(afterTitle)
      ? afterTitle.shift()
      : undefined;
  const signoff =
    afterTitle.length > 1 && isSignoff(afterTitle.at(-1)?.text ?? '') ? afterTitle.pop() : undefined;

  const paragraphs = removeRepeats(toParagraphs(lead).concat(afterTitle), dek, edits);
  if (paragraphs.length === 0) {
    return rawTitle === undefined && !frontMatter.title
      ? { rejected: 'The file has no paragraph of article text.' }
      : { rejected: 'The file has a headline but no article text under it.' };
  }

  const bodyText = [dek?.text, ...paragraphs].filter(Boolean).join('\n');
  let title = frontMatter.title ?? (rawTitle === undefined ? undefined : displayTitle(rawTitle, bodyText));
  if (title === undefined) {
    title = deriveTitle(paragraphs[0] ?? '');
    warnings.push('No headline was found; the title was taken from the first sentence.');
  }

  return assemble(
    { title, dek: dek?.text, signoff: signoff?.text, paragraphs, edits, warnings, lang },
    header,
    frontMatter,
  );
}

function assemble(
  parts: {
    title: string;
    dek: string | undefined;
    signoff: string | undefined;
    paragraphs: string[];
    edits: Edit[];
    warnings: string[];
    lang: string | undefined;
  },
  header: Metadata,
  frontMatter: FrontMatter,
): ParsedArticle {
  // Front matter wins over what the heuristics found in the text.
  const meta = { ...header, ...frontMatter };
  const authors = (meta.authors ?? []).map(smartenPunctuation);
  return {
    title: smartenPunctuation(parts.title),
    ...(parts.dek ? { dek: smartenPunctuation(parts.dek) } : {}),
    ...(meta.date ? { date: meta.date } : {}),
    ...(meta.updated ? { updated: meta.updated } : {}),
    ...(authors.length > 0 ? { byline: formatAuthors(authors, parts.lang) } : {}),
    authors,
    ...(meta.source ? { source: smartenPunctuation(meta.source) } : {}),
    tags: frontMatter.tags ?? [],
    ...(frontMatter.section ? { section: smartenPunctuation(frontMatter.section) } : {}),
    ...(frontMatter.slug ? { slug: frontMatter.slug } : {}),
    ...(parts.lang ? { lang: parts.lang } : {}),
    ...(parts.signoff ? { signoff: smartenPunctuation(parts.signoff) } : {}),
    paragraphs: parts.paragraphs.map(smartenPunctuation),
    edits: parts.edits,
    warnings: parts.warnings,
  };
}

/**
 * Consumes consecutive header lines from `start` (at most {@link MAX_HEADER_LINES}), merging
 * their fields into `header`.
 */
function takeHeaderLines(
  lines: Line[],
  start: number,
  header: Metadata,
  warnings: string[],
  language: string | undefined,
): number {
  let cursor = start;
  while (cursor < lines.length && cursor - start < MAX_HEADER_LINES) {
    const fields = parseHeaderLine(lines[cursor]?.text ?? '', language);
    if (!fields) break;
    // The first value of each kind wins: a later "Updated:" line does not replace "Published:".
    if (fields.date && !header.date) header.date = fields.date;
    if (fields.updated && !header.updated) header.updated = fields.updated;
    if (fields.authors && !header.authors) header.authors = fields.authors;
    if (fields.source && !header.source) header.source = fields.source;
    warnings.push(...fields.warnings);
    cursor += 1;
  }
  return cursor;
}

/** The text of the first lines, as much as language detection reads. */
function leadingText(lines: readonly Line[]): string {
  const parts: string[] = [];
  let length = 0;
  for (const line of lines) {
    if (length >= DETECTION_CHARS) break;
    parts.push(line.text);
    length += line.text.length + 1;
  }
  return parts.join('\n');
}

/**
 * The headline is the first title-like line near the top. Lines above it are a lead paragraph
 * that was pasted above the headline — kept as body text — but only when they read as prose.
 * With a title from front matter, only a line repeating it counts as the headline line.
 */
function findTitleIndex(lines: Line[], start: number, knownTitle: string | undefined): number | undefined {
  if (knownTitle !== undefined) {
    return repeatsTitle(lines[start]?.text ?? '', knownTitle) ? start : undefined;
  }
  for (let index = start; index < Math.min(lines.length, start + TITLE_WINDOW); index += 1) {
    const text = lines[index]?.text ?? '';
    if (isTitleLike(text)) return index;
    if (countWords(text) < 15) return undefined;
  }
  return undefined;
}

/**
 * Groups lines back into their blocks and turns each block into paragraphs. One loop that
 * pushes: a file of 300,000 one-line paragraphs must not build an array per line. Reads the
 * lines from index `from` on, so the caller need not copy them.
 */
function toParagraphs(lines: Line[], from = 0): { text: string; line: number }[] {
  const paragraphs: { text: string; line: number }[] = [];
  let start = from;
  while (start < lines.length) {
    const first = lines[start] as Line;
    let end = start + 1;
    while (end < lines.length && lines[end]?.block === first.block) end += 1;
    // A first line shorter than any typewriter line settles that the block is not hard-wrapped
    // without copying it: a block of 100,000 short lines is common in hostile files.
    const texts =
      end - start > 1 && first.text.length >= MIN_WRAPPED_LINE
        ? blockParagraphs(lines.slice(start, end).map((line) => line.text))
        : [];
    if (texts.length === 1) paragraphs.push({ text: texts[0] ?? '', line: first.line });
    // The lines themselves, not copies: each has the text and line number a paragraph needs.
    else for (let index = start; index < end; index += 1) paragraphs.push(lines[index] as Line);
    start = end;
  }
  return paragraphs;
}

/** Drops later copies of paragraphs (and body copies of the dek), recording each removal. */
function removeRepeats(
  body: { text: string; line: number }[],
  dek: { text: string; line: number } | undefined,
  edits: Edit[],
): string[] {
  const { kept, removals } = removeRepeatedParagraphs(body.map((p) => p.text));
  for (const removal of removals) {
    edits.push({
      kind: 'repeated-paragraphs',
      line: body[removal.start]?.line ?? 0,
      removed: removal.removed,
    });
  }
  if (!dek) return kept;
  const dekKey = comparisonKey(dek.text);
  const withoutDek = kept.filter((text) => comparisonKey(text) !== dekKey);
  if (withoutDek.length < kept.length)
    edits.push({ kind: 'repeated-dek', line: dek.line, removed: [dek.text] });
  return withoutDek;
}
