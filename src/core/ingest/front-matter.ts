/**
 * Optional YAML front matter at the top of a file (`---` … `---`). What it says wins over
 * every heuristic: an editor who wrote `title:` meant it.
 */
import { parseDocument } from 'yaml';
import { truncateAtWord } from '../text/text.ts';
import { removeUnsafeCharacters, unsafeCharacterNames } from '../text/characters.ts';
import { DATE_LANGUAGES, findDateAtStart } from './dates.ts';
import { baseLanguage, canonicalLanguage } from '../text/language.ts';
import type { ArticleEdit as Edit } from '../model/schema.ts';
import { MAX_TITLE_LENGTH } from './title.ts';

export interface FrontMatter {
  title?: string;
  date?: string;
  updated?: string;
  authors?: string[];
  source?: string;
  /** The desk the article is filed under; overrides the folder it lies in. */
  section?: string;
  /** The article's language (a BCP 47 tag); overrides detection. */
  lang?: string;
  tags?: string[];
  slug?: string;
}

export interface SplitFrontMatter {
  frontMatter: FrontMatter;
  /** The text after the front matter, with the front matter's lines left blank so line numbers stay true. */
  body: string;
  warnings: string[];
  /** Characters removed from field values (made by YAML escapes such as `"\a"`). */
  edits: Edit[];
}

const FENCE = /^---[ \t]*$/;
const CLOSING_FENCE = /^---[ \t]*$/gm;
/**
 * Real front matter is a few lines. The YAML parser checks each key against every earlier one
 * (quadratic: 1 MB of keys took 3.6 s), so longer front matter is ignored, not parsed.
 */
const MAX_FRONT_MATTER_LENGTH = 64 * 1024;
/**
 * Splits front matter from the text when the first line is `---` and a closing `---` follows.
 *
 * @param text - normalised text of the file (LF line endings)
 */
export function splitFrontMatter(text: string): SplitFrontMatter {
  const found = findFrontMatter(text);
  if (!found) return { frontMatter: {}, body: text, warnings: [], edits: [] };
  const { lines, body } = found;
  const end = lines.length - 1;
  const yaml = lines.slice(1, end).join('\n');
  if (yaml.length > MAX_FRONT_MATTER_LENGTH) {
    return {
      frontMatter: {},
      body,
      warnings: [`The front matter is longer than ${MAX_FRONT_MATTER_LENGTH / 1024} KB and was ignored.`],
      edits: [],
    };
  }
  let data: unknown;
  const yamlWarnings: string[] = [];
  try {
    // Silent: the YAML library would otherwise print its warnings, quoting the file's text, to
    // the build's log; they go to the report instead (a few, each one line).
    const document = parseDocument(yaml, { logLevel: 'silent' });
    const [error] = document.errors;
    if (error) throw error;
    for (const warning of document.warnings.slice(0, MAX_YAML_WARNINGS))
      yamlWarnings.push(`The front matter has a YAML warning: ${firstLine(warning.message)}.`);
    data = document.toJS();
  } catch (error) {
    return {
      frontMatter: {},
      body,
      warnings: [`The front matter is not valid YAML and was ignored (${firstLine(error)}).`],
      edits: [],
    };
  }
  if (data === null || data === undefined)
    return { frontMatter: {}, body, warnings: yamlWarnings, edits: [] };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return {
      frontMatter: {},
      body,
      warnings: [...yamlWarnings, 'The front matter is not a list of `key: value` fields and was ignored.'],
      edits: [],
    };
  }
  const fields = readFields(data as Record<string, unknown>, lines.slice(0, end));
  return { body, ...fields, warnings: [...yamlWarnings, ...fields.warnings] };
}

/**
 * The lines of the front matter, both fences included, and the text after it with those lines
 * left blank; undefined when the file has none. Only the front matter is split into lines: the
 * rest of a 1 MB file (or all of it, when a fence is never closed) is searched, not split.
 */
function findFrontMatter(text: string): { lines: string[]; body: string } | undefined {
  const firstBreak = text.indexOf('\n');
  if (firstBreak === -1 || !FENCE.test(text.slice(0, firstBreak))) return undefined;
  CLOSING_FENCE.lastIndex = firstBreak + 1;
  const closing = CLOSING_FENCE.exec(text);
  if (!closing) return undefined;
  const closingEnd = closing.index + closing[0].length;
  const lines = text.slice(0, closingEnd).split('\n');
  // Each front matter line becomes an empty line, so line numbers in the body stay true.
  const blank = '\n'.repeat(lines.length - 1);
  const body = closingEnd === text.length ? blank : `${blank}\n${text.slice(closingEnd + 1)}`;
  return { lines, body };
}

/** YAML warnings reported per file: enough to act on, too few to flood the report. */
const MAX_YAML_WARNINGS = 3;
/** A field value longer than this is junk or an attack, not an outlet, author or tag. */
const MAX_FIELD_LENGTH = 200;
/** Authors or tags one file may list. */
const MAX_LIST_ITEMS = 50;

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return truncateAtWord(message.split('\n')[0] ?? '', MAX_FIELD_LENGTH);
}

function readFields(
  data: Record<string, unknown>,
  fenceLines: readonly string[],
): { frontMatter: FrontMatter; warnings: string[]; edits: Edit[] } {
  const warnings: string[] = [];
  const edits: Edit[] = [];
  const ignore = (key: string): undefined => {
    warnings.push(`The front matter field “${key}” has an unexpected type and was ignored.`);
    return undefined;
  };
  // YAML escapes ("\a", "\uFFFE") make characters the text's clean-up never saw.
  const clean = (key: string, value: string): string => {
    const names = unsafeCharacterNames(value);
    const safe = names.length === 0 ? value : removeUnsafeCharacters(value);
    if (names.length > 0) {
      const line = Math.max(1, fenceLines.findIndex((text) => text.startsWith(`${key}:`)) + 1);
      edits.push({
        kind: 'removed-characters',
        line,
        removed: [`${names.join(', ')} (front matter “${key}”)`],
      });
    }
    if (key === 'title' || safe.length <= MAX_FIELD_LENGTH) return safe;
    warnings.push(
      `The front matter field “${key}” is longer than ${MAX_FIELD_LENGTH} characters and was shortened.`,
    );
    return truncateAtWord(safe, MAX_FIELD_LENGTH);
  };
  const text = (key: string): string | undefined => {
    const value = data[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string' || typeof value === 'number')
      return clean(key, String(value)).trim() || undefined;
    return ignore(key);
  };
  // A YAML list, or a comma-separated string, as trimmed non-empty strings.
  const list = (key: string): string[] | undefined => {
    const value = data[key];
    if (value === undefined || value === null) return undefined;
    const isScalar = (item: unknown): item is string | number =>
      typeof item === 'string' || typeof item === 'number';
    const items =
      Array.isArray(value) && value.every(isScalar)
        ? value.map(String)
        : isScalar(value)
          ? String(value).split(',')
          : ignore(key);
    if (items && items.length > MAX_LIST_ITEMS)
      warnings.push(
        `The front matter field “${key}” lists more than ${MAX_LIST_ITEMS} items; the rest were ignored.`,
      );
    const kept = items
      ?.slice(0, MAX_LIST_ITEMS)
      .map((item) => clean(key, item).trim())
      .filter((item) => item.length > 0);
    return kept && kept.length > 0 ? kept : undefined;
  };

  const frontMatter: FrontMatter = {};
  const title = text('title');
  if (title && title.length > MAX_TITLE_LENGTH) {
    frontMatter.title = truncateAtWord(title, MAX_TITLE_LENGTH);
    warnings.push(`The front matter title is longer than ${MAX_TITLE_LENGTH} characters and was shortened.`);
  } else if (title) frontMatter.title = title;
  const lang = text('lang') ?? text('language');
  if (lang) {
    const tag = canonicalLanguage(lang);
    if (tag) frontMatter.lang = tag;
    else
      warnings.push(
        `The front matter language “${lang}” is not a language tag (such as en or pt-BR) and was ignored.`,
      );
  }
  // A date field holds nothing but a date: in the article's language when it gives one, else
  // in any language the date parser reads ("15. Oktober 2024" is a date in German only).
  const dateLanguages = frontMatter.lang ? [baseLanguage(frontMatter.lang)] : DATE_LANGUAGES;
  for (const key of ['date', 'updated'] as const) {
    const raw = text(key);
    if (!raw) continue;
    const value = wholeDate(raw, dateLanguages);
    if (value) frontMatter[key] = value;
    else warnings.push(`The front matter ${key} “${raw}” is not a real date and was ignored.`);
  }
  const authors = list('authors') ?? list('author');
  if (authors) frontMatter.authors = authors;
  const source = text('source');
  if (source) frontMatter.source = source;
  const section = text('section');
  if (section) frontMatter.section = section;
  const tags = list('tags');
  if (tags) frontMatter.tags = tags;
  const slug = text('slug');
  if (slug) frontMatter.slug = slug;
  return { frontMatter, warnings, edits };
}

/** The date `raw` is, all of it, in the first of `languages` that reads it as one. */
function wholeDate(raw: string, languages: readonly string[]): string | undefined {
  for (const language of languages) {
    const found = findDateAtStart(raw, language);
    if (found?.value && found.end === raw.length) return found.value;
  }
  return undefined;
}
