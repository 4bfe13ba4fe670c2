/**
 * Characters no reader should get, cleaned out of decoded text before the parser reads it.
 * Files come from scrapers, wire feeds and CMS exports, and carry control characters (one in a
 * title makes `rss.xml` ill-formed, and feed readers then reject the whole feed),
 * noncharacters, controls that reorder how text is displayed (the "Trojan Source" spoofing
 * trick, CVE-2021-42574), C1 controls left by a Windows-1252 mix-up, and HTML character
 * references (`&#163;`, `&amp;`) that the scraper never decoded. Every change is recorded as
 * an edit, so nothing disappears silently. Pure, and linear in the length of the text.
 */
import { decodeHTMLStrict } from 'entities';
import { NEVER_SHOWN, unsafePattern } from './unsafe-characters.ts';
import type { ArticleEdit as Edit } from '../model/schema.ts';

export interface CleanedText {
  /** The text with every change applied; it has exactly the lines of the input. */
  text: string;
  /** What was removed, replaced or decoded: at most one edit of each kind. */
  edits: Edit[];
}

/** Characters that must never reach a page, feed, sitemap or search record (see NEVER_SHOWN). */
const UNSAFE_CHARACTER = new RegExp(NEVER_SHOWN, 'u');
const UNSAFE_CHARACTERS = unsafePattern();

/**
 * One pass over the text finds, in this order of preference:
 * 1. an emoji tag sequence (a subdivision flag such as Scotland's: a country's two letters and
 *    one to four letters or digits, in tag characters), kept whole: its tag characters are
 *    legitimate there and nowhere else, and a longer run could smuggle hidden text;
 * 2. an HTML character reference: numeric (`&#163;`, `&#xA3;`, the `;` optional as in HTML),
 *    named with its `;` (`&pound;`), or one of the few names scrapes leave without one (`&amp`,
 *    `&nbsp` …) when no letter, digit, `=` or `;` follows — so `AT&T`, `R&D`, `Q&As`, `&c` and
 *    `&copy=1` in a URL stay as written. Overlong numbers are left alone rather than cut;
 * 3. a run of vertical tabs and form feeds (with the spaces and tabs between them), each one a
 *    line break: one match per run, not per character, for files made of little else;
 * 4. a character to clean: the unsafe ones above, the line and paragraph separators, the
 *    deprecated format controls U+206A–U+206F, interlinear annotation marks U+FFF9–U+FFFB, and
 *    tag characters U+E0000–U+E007F (invisible, and used to smuggle hidden text).
 */
const TO_CLEAN = new RegExp(
  [
    /(\u{1F3F4}[\u{E0061}-\u{E007A}]{2}[\u{E0030}-\u{E0039}\u{E0061}-\u{E007A}]{1,4}\u{E007F})/u.source,
    /(&(?:#[0-9]{1,7}(?![0-9]);?|#[xX][0-9a-fA-F]{1,6}(?![0-9a-fA-F]);?|[A-Za-z][A-Za-z0-9]{1,31};|(?:amp|AMP|lt|LT|gt|GT|quot|QUOT|nbsp)(?![A-Za-z0-9=;])))/
      .source,
    /([\v\f][\v\f\t ]*)/.source,
    String.raw`(${NEVER_SHOWN}|[\u2028\u2029\u206A-\u206F\uFFF9-\uFFFB\u{E0000}-\u{E007F}])`,
  ].join('|'),
  'gu',
);

/**
 * Unicode's line and paragraph separators are line endings like CRLF: converted without an
 * edit. (Vertical tab and form feed, the controls that end a line in practice, are matched in
 * runs: see replaceLineBreakControls.)
 */
const SILENT_BREAKS = new Set(['\u2028', '\u2029']);

/**
 * C1 controls (U+0080–U+009F) in decoded text are almost always Windows-1252 bytes that were
 * read as Latin-1 somewhere upstream (U+0092 was meant as ’): as browsers and ftfy do, they
 * become the Windows-1252 character. The five bytes Windows-1252 leaves undefined (0x81 0x8D
 * 0x8F 0x90 0x9D) stay C1 controls here and are removed.
 */
const WINDOWS_1252 = new Map(
  Array.from({ length: 32 }, (_, index) => 0x80 + index)
    .map((byte) => [String.fromCharCode(byte), new TextDecoder('windows-1252').decode(Uint8Array.of(byte))])
    .filter(([control, meant]) => control !== meant) as [string, string][],
);
/** Evidence of that mix-up: any C1 control with a Windows-1252 meaning other than U+0085. */
const MOJIBAKE = /[\u0080\u0082-\u0084\u0086-\u008C\u008E\u0091-\u009C\u009E\u009F]/;
const NEXT_LINE = '\u0085';

/**
 * Cleans decoded article text: removes the characters no reader should get, turns line-break
 * controls into line breaks, repairs C1 controls from a Windows-1252 mix-up, and decodes HTML
 * character references one level (`&amp;pound;` becomes `&pound;`, shown as written). A
 * reference to a character that would be removed is removed; one to a whitespace control is a
 * space. Tags stay literal text: nothing here is markup, and every page escapes it.
 *
 * @param text - the decoded text of one file (any line endings)
 * @returns the clean text, with its lines unchanged, and the edits made
 */
export function cleanCharacters(text: string): CleanedText {
  // U+0085 is NEL, a line break, unless the text shows the Windows-1252 mix-up: then it is "…".
  const mojibake = MOJIBAKE.test(text);
  const lines = new LineCounter(text, mojibake);
  const removed = new Tally();
  const replaced = new Tally();
  const decoded = new Tally();
  // Descriptions by character, built once per kind: a file of a million form feeds must not
  // build a million equal strings (the garbage alone made 1 MB cost 15× what 100 KB does).
  const descriptions = new Map<string, string>();
  const describe = (char: string, result: string): string => {
    let description = descriptions.get(char);
    if (description === undefined) {
      description =
        result === ''
          ? codePointName(char)
          : `${codePointName(char)} → ${result === '\n' ? 'line break' : result}`;
      descriptions.set(char, description);
    }
    return description;
  };

  const clean = text.replace(
    TO_CLEAN,
    (
      match: string,
      flag: string | undefined,
      reference: string | undefined,
      breaks: string | undefined,
      _char: string | undefined,
      offset: number,
    ): string => {
      if (flag !== undefined) return match;
      const line = lines.at(offset);
      if (reference !== undefined) return decodeReference(reference, line, decoded);
      if (breaks !== undefined)
        return replaceLineBreakControls(breaks, line, (char, at) => replaced.add(describe(char, '\n'), at));
      const result = cleanCharacter(match, mojibake);
      if (result === '') removed.add(describe(match, result), line);
      else if (!SILENT_BREAKS.has(match)) replaced.add(describe(match, result), line);
      return result;
    },
  );

  const edits = [
    removed.toEdit('removed-characters'),
    replaced.toEdit('replaced-characters'),
    decoded.toEdit('decoded-entities'),
  ].filter((edit): edit is Edit => edit !== undefined);
  return { text: clean, edits };
}

/**
 * Tells whether text holds a character that must never be shown (see {@link cleanCharacters}).
 *
 * @param text - any text
 */
export function hasUnsafeCharacter(text: string): boolean {
  return UNSAFE_CHARACTER.test(text);
}

/**
 * Removes the characters that must never be shown, for text that did not pass through
 * {@link cleanCharacters} (front matter values decoded from YAML escapes) and as a last guard
 * where text leaves the site in XML.
 *
 * @param text - any text
 */
export function removeUnsafeCharacters(text: string): string {
  return hasUnsafeCharacter(text) ? text.replace(UNSAFE_CHARACTERS, '') : text;
}

/**
 * The U+ names of the unsafe characters in a text, each once, in order ("U+0007, U+FFFE").
 *
 * @param text - any text
 */
export function unsafeCharacterNames(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(UNSAFE_CHARACTERS), (match) => codePointName(match[0])))];
}

/** Decodes the UTF-16 code units built by {@link replaceLineBreakControls}. */
const UTF16 = new TextDecoder('utf-16le');

/**
 * A run of vertical tabs and form feeds, each turned into a line break and reported with its
 * line (the first on `line`, each later one on the next line).
 */
function replaceLineBreakControls(
  run: string,
  line: number,
  report: (char: string, line: number) => void,
): string {
  // One loop over character codes into one buffer: a regular-expression replace of a 1 MB run
  // costs 8× as much, most of it garbage. The run holds only VT, FF, tab and space.
  const units = new Uint16Array(run.length);
  let at = line;
  for (let index = 0; index < run.length; index += 1) {
    const code = run.charCodeAt(index);
    if (code === 0x0b || code === 0x0c) {
      report(code === 0x0b ? '\v' : '\f', at);
      at += 1;
      units[index] = 0x0a;
    } else units[index] = code;
  }
  return UTF16.decode(units);
}

/** What one character to clean becomes: `''` (removed), a line break, or the character meant. */
function cleanCharacter(char: string, mojibake: boolean): string {
  if (SILENT_BREAKS.has(char)) return '\n';
  if (char === NEXT_LINE) return mojibake ? '…' : '\n';
  return WINDOWS_1252.get(char) ?? '';
}

/** Decodes one character reference, recording it; a name that is no entity stays as written. */
function decodeReference(reference: string, line: number, decoded: Tally): string {
  const numeric = reference.startsWith('&#');
  const codePoint = numeric ? parseNumericReference(reference) : undefined;
  const value = numeric && !isScalarValue(codePoint) ? '' : decodeHTMLStrict(withSemicolon(reference));
  if (!numeric && value === withSemicolon(reference)) return reference;
  const result = Array.from(value, (char) => cleanDecodedCharacter(char)).join('');
  decoded.add(`${reference} → ${describeDecoded(value, result)}`, line);
  return result;
}

/** Whitespace controls a reference can name: HTML renders them as a space. */
const WHITESPACE_CONTROL = /[\t\n\r\v\f\u0085\u2028\u2029]/;
/** Invisible format characters removed with the unsafe ones (see {@link TO_CLEAN}). */
const INVISIBLE_FORMAT = /[\u206A-\u206F\uFFF9-\uFFFB\u{E0000}-\u{E007F}]/u;

/** A decoded character: whitespace controls are spaces (as HTML renders them), unsafe ones go. */
function cleanDecodedCharacter(char: string): string {
  if (WHITESPACE_CONTROL.test(char)) return ' ';
  if (UNSAFE_CHARACTER.test(char) || INVISIBLE_FORMAT.test(char)) return '';
  return char;
}

function parseNumericReference(reference: string): number {
  const digits = reference.replace(/^&#|;$/g, '');
  return /^[xX]/.test(digits) ? Number.parseInt(digits.slice(1), 16) : Number.parseInt(digits, 10);
}

/** A code point HTML can reference: not NUL, not a surrogate, within Unicode's range. */
function isScalarValue(codePoint: number | undefined): boolean {
  if (codePoint === undefined) return false;
  return codePoint > 0 && codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff);
}

function withSemicolon(reference: string): string {
  return reference.endsWith(';') ? reference : `${reference};`;
}

/** "£", or code points for what cannot be seen ("U+00A0"), or "nothing (U+0007)". */
function describeDecoded(value: string, result: string): string {
  if (result === '') return value === '' ? 'nothing' : `nothing (${codePointNames(value)})`;
  if (/^[\p{L}\p{M}\p{N}\p{P}\p{S}]+$/u.test(result)) return result;
  return result === ' ' && value !== ' ' ? `space (${codePointNames(value)})` : codePointNames(result);
}

function codePointNames(text: string): string {
  return Array.from(text, codePointName).join(' ');
}

/** "U+0007": the standard way to name a character that cannot be shown. */
function codePointName(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Line numbers of offsets in the original text, counted as the parser will count them once
 * line endings are normalised (CRLF, CR, LF, and the breaks {@link cleanCharacter} makes).
 * Offsets are asked in increasing order, so one forward walk serves them all.
 */
class LineCounter {
  private readonly text: string;
  private readonly mojibake: boolean;
  private position = 0;
  private line = 1;

  /**
   * Counts lines lazily, from the last offset asked about: a clean file (the usual case) costs
   * nothing, and a file of a million short lines builds no array of line starts.
   */
  constructor(text: string, mojibake: boolean) {
    this.text = text;
    this.mojibake = mojibake;
  }

  /** The 1-based line of an offset; offsets must not decrease between calls. */
  at(offset: number): number {
    const { text } = this;
    let index = this.position;
    while (index < offset) {
      const code = text.charCodeAt(index);
      index += 1;
      if (code === 0x0d) {
        // CRLF is one line ending.
        if (text.charCodeAt(index) === 0x0a && index < offset) index += 1;
        this.line += 1;
      } else if (isLineBreakCode(code, this.mojibake)) this.line += 1;
    }
    this.position = index;
    return this.line;
  }
}

/** LF, VT, FF, U+2028, U+2029, and NEL unless it stands for "…" (see {@link cleanCharacter}). */
function isLineBreakCode(code: number, mojibake: boolean): boolean {
  return (
    code === 0x0a ||
    code === 0x0b ||
    code === 0x0c ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code === 0x85 && !mojibake)
  );
}

/** The most distinct entries one edit lists; the rest are summed up in a last entry. */
const MAX_ENTRIES = 12;
/** The most line numbers one entry lists before saying how many more. */
const MAX_LINES = 5;

interface Entry {
  count: number;
  /** Distinct lines, in order: the first {@link MAX_LINES} listed, the others counted. */
  lines: number[];
  otherLines: number;
  lastLine: number;
}

/** Counts what was changed, by description, with the lines where it happened — bounded in size. */
class Tally {
  private readonly entries = new Map<string, Entry>();
  private readonly overflow = { kinds: new Set<string>(), entry: newEntry() };
  private firstLine: number | undefined;

  add(description: string, line: number): void {
    this.firstLine ??= line;
    let entry = this.entries.get(description);
    if (!entry && this.entries.size < MAX_ENTRIES) {
      entry = newEntry();
      this.entries.set(description, entry);
    }
    if (!entry) {
      this.overflow.kinds.add(description);
      entry = this.overflow.entry;
    }
    entry.count += 1;
    if (line === entry.lastLine) return;
    entry.lastLine = line;
    if (entry.lines.length < MAX_LINES) entry.lines.push(line);
    else entry.otherLines += 1;
  }

  toEdit(kind: Edit['kind']): Edit | undefined {
    if (this.firstLine === undefined) return undefined;
    const removed = [...this.entries].map(([description, entry]) => describeEntry(description, entry));
    const { kinds, entry } = this.overflow;
    if (kinds.size > 0) removed.push(describeEntry(`${kinds.size} other kinds`, entry));
    return { kind, line: this.firstLine, removed };
  }
}

function newEntry(): Entry {
  return { count: 0, lines: [], otherLines: 0, lastLine: 0 };
}

/** "U+0007 ×3 (lines 4, 9, 12)", "&#163; → £ (line 1)", "… (lines 1, 2, 3, 4, 5 and 40 more)". */
function describeEntry(description: string, entry: Entry): string {
  const times = entry.count > 1 ? ` ×${entry.count}` : '';
  const more = entry.otherLines > 0 ? ` and ${entry.otherLines} more` : '';
  const lines = entry.lines.length + entry.otherLines > 1 ? 'lines' : 'line';
  return `${description}${times} (${lines} ${entry.lines.join(', ')}${more})`;
}
