/**
 * Optional YAML front matter at the top of a file (`---` … `---`). What it says wins over
 * every heuristic: an editor who wrote `title:` meant it.
 */
import { parse as parseYaml } from 'yaml';
import { truncateAtWord } from '../text.ts';
import { removeUnsafeCharacters, unsafeCharacterNames } from './characters.ts';
import { findDateAtStart } from './dates.ts';
import { MAX_TITLE_LENGTH } from './title.ts';

export interface FrontMatter {
  title?: string;
  date?: string;
  updated?: string;
  authors?: string[];
  source?: string;
  tags?: string[];
  slug?: string;
}

export interface SplitFrontMatter {
  frontMatter: FrontMatter;
  /** The text after the front matter, with the front matter's lines left blank so line numbers stay true. */
  body: string;
  warnings: string[];
}

const FENCE = /^---[ \t]*$/;
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
  const lines = text.split('\n');
  const end = FENCE.test(lines[0] ?? '')
    ? lines.findIndex((line, index) => index > 0 && FENCE.test(line))
    : -1;
  if (end < 0) return { frontMatter: {}, body: text, warnings: [] };

  const body = [...lines.slice(0, end + 1).map(() => ''), ...lines.slice(end + 1)].join('\n');
  const yaml = lines.slice(1, end).join('\n');
  if (yaml.length > MAX_FRONT_MATTER_LENGTH) {
    return {
      frontMatter: {},
      body,
      warnings: [`The front matter is longer than ${MAX_FRONT_MATTER_LENGTH / 1024} KB and was ignored.`],
    };
  }
  let data: unknown;
  try {
    data = parseYaml(yaml);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return {
      frontMatter: {},
      body,
      warnings: [`The front matter is not valid YAML and was ignored (${detail}).`],
    };
  }
  if (data === null || data === undefined) return { frontMatter: {}, body, warnings: [] };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return {
      frontMatter: {},
      body,
      warnings: ['The front matter is not a list of `key: value` fields and was ignored.'],
    };
  }
  return { body, ...readFields(data as Record<string, unknown>) };
}

function readFields(data: Record<string, unknown>): { frontMatter: FrontMatter; warnings: string[] } {
  const warnings: string[] = [];
  const ignore = (key: string): undefined => {
    warnings.push(`The front matter field “${key}” has an unexpected type and was ignored.`);
    return undefined;
  };
  // YAML escapes ("\a", "\uFFFE") make characters the text's clean-up never saw.
  const clean = (key: string, value: string): string => {
    const names = unsafeCharacterNames(value);
    if (names.length === 0) return value;
    warnings.push(
      `The front matter field “${key}” held characters that cannot be shown (${names.join(', ')}); they were removed.`,
    );
    return removeUnsafeCharacters(value);
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
    const kept = items?.map((item) => clean(key, item).trim()).filter((item) => item.length > 0);
    return kept && kept.length > 0 ? kept : undefined;
  };

  const frontMatter: FrontMatter = {};
  const title = text('title');
  if (title && title.length > MAX_TITLE_LENGTH) {
    frontMatter.title = truncateAtWord(title, MAX_TITLE_LENGTH);
    warnings.push(`The front matter title is longer than ${MAX_TITLE_LENGTH} characters and was shortened.`);
  } else if (title) frontMatter.title = title;
  for (const key of ['date', 'updated'] as const) {
    const raw = text(key);
    if (!raw) continue;
    const found = findDateAtStart(raw);
    if (found?.value && found.end === raw.length) frontMatter[key] = found.value;
    else warnings.push(`The front matter ${key} “${raw}” is not a real date and was ignored.`);
  }
  const authors = list('authors') ?? list('author');
  if (authors) frontMatter.authors = authors;
  const source = text('source');
  if (source) frontMatter.source = source;
  const tags = list('tags');
  if (tags) frontMatter.tags = tags;
  const slug = text('slug');
  if (slug) frontMatter.slug = slug;
  return { frontMatter, warnings };
}
