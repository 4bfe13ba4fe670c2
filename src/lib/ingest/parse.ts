/**
 * Text → parsed article: header lines, title, dek, body paragraphs and sign-off, with repeated
 * text removed and recorded. Pure: no file system, no clock.
 */
import { countWords, endsSentence, countSentences, isAllCaps, truncateAtWord } from '../text.ts';
import { parseHeaderLine } from './header.ts';
import { comparisonKey, normalizeText, smartenQuotes } from './normalize.ts';
import { blockParagraphs, splitBlocks, type Block } from './paragraphs.ts';
import { removeRepeatedParagraphs } from './repeats.ts';
import { displayTitle, isTitleLike, repeatsTitle } from './title.ts';

/** Something the parser removed from the text, recorded so nothing disappears silently. */
export interface Edit {
  kind: 'repeated-title' | 'repeated-paragraphs' | 'repeated-dek';
  /** 1-based line in the file where the removed text starts. */
  line: number;
  /** The removed text, one entry per line or paragraph. */
  removed: string[];
}

export interface ParsedArticle {
  title: string;
  dek?: string;
  date?: string;
  byline?: string;
  signoff?: string;
  paragraphs: string[];
  edits: Edit[];
  warnings: string[];
}

interface Line {
  text: string;
  line: number;
  block: number;
}

/** How far into the file a headline may stand (after header lines and a lead paragraph). */
const TITLE_WINDOW = 3;
const DEK_MAX_WORDS = 30;
const DEK_MAX_CHARS = 220;
const DERIVED_TITLE_MAX = 120;

/**
 * Parses the decoded text of one article file.
 *
 * @param decoded - the file's text, as decoded (any line endings)
 * @returns the article, or a rejection reason when the file holds no article text
 */
export function parseArticle(decoded: string): ParsedArticle | { rejected: string } {
  const lines = toLines(splitBlocks(normalizeText(decoded)));
  if (lines.length === 0) return { rejected: 'The file has no text (it is empty or only whitespace).' };
  if (!lines.some((line) => /[\p{L}\p{N}]/u.test(line.text))) {
    return { rejected: 'The file has no words, only punctuation or symbols.' };
  }

  const warnings: string[] = [];
  const edits: Edit[] = [];
  const header: { date?: string; byline?: string } = {};
  let cursor = takeHeaderLines(lines, 0, header, warnings);

  const titleAt = findTitleIndex(lines, cursor);
  const lead = titleAt === undefined ? [] : lines.slice(cursor, titleAt);
  let rawTitle: string | undefined;
  if (titleAt !== undefined) {
    rawTitle = lines[titleAt]?.text;
    cursor = titleAt + 1;
    const repeats: Line[] = [];
    while (cursor < lines.length && repeatsTitle(lines[cursor]?.text ?? '', rawTitle ?? '')) {
      repeats.push(lines[cursor] as Line);
      cursor += 1;
    }
    if (repeats.length > 0) {
      edits.push({
        kind: 'repeated-title',
        line: repeats[0]?.line ?? 0,
        removed: repeats.map((l) => l.text),
      });
    }
    cursor = takeHeaderLines(lines, cursor, header, warnings);
  }

  const headlineBlock = titleAt === undefined ? undefined : lines[cursor - 1]?.block;
  const dekCandidate = lines[cursor];
  const afterTitle = toParagraphs(lines.slice(cursor));
  // A standfirst is set directly under the headline: same block, no blank line between.
  const attached = dekCandidate !== undefined && dekCandidate.block === headlineBlock;
  const dek = attached && isDek(afterTitle, dekCandidate.text) ? afterTitle.shift() : undefined;
  const signoff =
    afterTitle.length > 1 && isSignoff(afterTitle.at(-1)?.text ?? '') ? afterTitle.pop() : undefined;

  const bodyWithRepeats = [...toParagraphs(lead), ...afterTitle];
  const { kept, removals } = removeRepeatedParagraphs(bodyWithRepeats.map((p) => p.text));
  for (const removal of removals) {
    edits.push({
      kind: 'repeated-paragraphs',
      line: bodyWithRepeats[removal.start]?.line ?? 0,
      removed: removal.removed,
    });
  }
  let paragraphs = kept;
  if (dek) {
    const dekKey = comparisonKey(dek.text);
    const withoutDek = paragraphs.filter((text) => comparisonKey(text) !== dekKey);
    if (withoutDek.length < paragraphs.length) {
      edits.push({ kind: 'repeated-dek', line: dek.line, removed: [dek.text] });
      paragraphs = withoutDek;
    }
  }
  if (paragraphs.length === 0 && rawTitle === undefined) {
    return { rejected: 'The file has no paragraph of article text.' };
  }

  const bodyText = [dek?.text, ...paragraphs].filter(Boolean).join('\n');
  let title: string;
  if (rawTitle !== undefined) {
    title = displayTitle(rawTitle, bodyText);
  } else {
    title = deriveTitle(paragraphs[0] ?? '');
    warnings.push('No headline was found; the title was taken from the first sentence.');
  }
  if (paragraphs.length === 0) {
    return { rejected: 'The file has a headline but no article text under it.' };
  }

  return {
    title: smartenQuotes(title),
    ...(dek ? { dek: smartenQuotes(dek.text) } : {}),
    ...header,
    ...(signoff ? { signoff: smartenQuotes(signoff.text) } : {}),
    paragraphs: paragraphs.map(smartenQuotes),
    edits,
    warnings,
  };
}

function toLines(blocks: Block[]): Line[] {
  return blocks.flatMap((block, blockIndex) =>
    block.lines.map((text, offset) => ({ text, line: block.firstLine + offset, block: blockIndex })),
  );
}

/** Consumes consecutive header lines from `start`, merging their fields into `header`. */
function takeHeaderLines(
  lines: Line[],
  start: number,
  header: { date?: string; byline?: string },
  warnings: string[],
): number {
  let cursor = start;
  while (cursor < lines.length) {
    const fields = parseHeaderLine(lines[cursor]?.text ?? '');
    if (!fields) break;
    if (fields.date && !header.date) header.date = fields.date;
    if (fields.byline && !header.byline) header.byline = fields.byline;
    warnings.push(...fields.warnings);
    cursor += 1;
  }
  return cursor;
}

/**
 * The headline is the first title-like line near the top. Lines above it are a lead paragraph
 * that was pasted above the headline — kept as body text — but only when they read as prose.
 */
function findTitleIndex(lines: Line[], start: number): number | undefined {
  for (let index = start; index < Math.min(lines.length, start + TITLE_WINDOW); index += 1) {
    const text = lines[index]?.text ?? '';
    if (isTitleLike(text)) return index;
    if (countWords(text) < 15) return undefined;
  }
  return undefined;
}

/** Groups lines back into their blocks and turns each block into paragraphs. */
function toParagraphs(lines: Line[]): { text: string; line: number }[] {
  const groups: Line[][] = [];
  for (const line of lines) {
    const last = groups.at(-1);
    if (last && last[0]?.block === line.block) last.push(line);
    else groups.push([line]);
  }
  return groups.flatMap((group) => {
    const texts = blockParagraphs(group.map((line) => line.text));
    if (texts.length === 1 && group.length > 1) return [{ text: texts[0] ?? '', line: group[0]?.line ?? 0 }];
    return group.map((line) => ({ text: line.text, line: line.line }));
  });
}

/**
 * A dek is one short sentence on the line directly under the headline, with the article
 * following it. A first paragraph after a blank line is the lead, not a dek.
 */
function isDek(paragraphs: { text: string }[], firstLine: string): boolean {
  const first = paragraphs[0]?.text;
  if (first !== firstLine || paragraphs.length < 3) return false;
  return (
    countWords(first) <= DEK_MAX_WORDS &&
    first.length <= DEK_MAX_CHARS &&
    countSentences(first) === 1 &&
    !/[:;,]$/.test(first)
  );
}

/** A sign-off is a short closing line that is not a sentence: "CIC PRESS TEAM", "— Reuters". */
function isSignoff(text: string): boolean {
  if (text.length > 60 || countWords(text) > 6 || countWords(text) === 0) return false;
  if (/^[-–—]{1,2}\s*\S/u.test(text)) return true;
  if (/^(reporting|writing|editing|additional reporting) by\b/i.test(text)) return true;
  if (endsSentence(text)) return false;
  return isAllCaps(text);
}

/** A title for a file without a headline: its first sentence, cut at a word boundary. */
function deriveTitle(paragraph: string): string {
  const sentence = /^.+?[.!?](?=\s|$)/u.exec(paragraph)?.[0] ?? paragraph;
  const title = truncateAtWord(sentence.replace(/[.]$/, ''), DERIVED_TITLE_MAX);
  return /[\p{L}\p{N}]/u.test(title) ? title : truncateAtWord(paragraph, DERIVED_TITLE_MAX);
}
