/**
 * The sentences of an article's editing note: what the pipeline removed from or changed in the
 * source file. Pure, so the page component only renders what this returns.
 */
import type { ArticleEdit } from '../core/model/schema.ts';
import type { Messages } from './i18n/index.ts';

export interface EditNote {
  /** Descriptions of what was removed ("a repeated copy of the headline (line 3)"). */
  removals: string[];
  /** Descriptions of what was changed in place (decoded references, repaired characters). */
  rewrites: string[];
}

/**
 * Repeated blocks listed one by one up to this many; beyond it they are summed up in one phrase,
 * so a hostile file of thousands of repeats cannot make the note (and the page) huge.
 */
export const MAX_LISTED_REPEATS = 3;

const CHANGES = new Set<ArticleEdit['kind']>(['replaced-characters', 'decoded-entities']);

/**
 * Describes an article's edits for readers, bounded in length whatever the file held.
 *
 * @param edits - the article's edits, in the order the parser made them
 * @param ui - the interface strings
 */
export function describeEdits(edits: readonly ArticleEdit[], ui: Messages): EditNote {
  const repeats = edits.filter((edit) => edit.kind === 'repeated-paragraphs');
  const listed = repeats.length > MAX_LISTED_REPEATS ? [] : repeats;
  const removals: string[] = [];
  const rewrites: string[] = [];
  for (const edit of edits) {
    if (edit.kind === 'repeated-paragraphs' && !listed.includes(edit)) continue;
    (CHANGES.has(edit.kind) ? rewrites : removals).push(describeEdit(edit, ui));
  }
  if (listed.length < repeats.length) removals.push(describeRepeats(repeats, ui));
  return { removals, rewrites };
}

function describeEdit(edit: ArticleEdit, ui: Messages): string {
  const count = edit.removed.length;
  // Character edits list each character or reference with its lines ("U+0007 ×3 (lines 4, 9)").
  const entries = (): string => edit.removed.map((entry) => rewordEntry(entry, ui)).join(', ');
  switch (edit.kind) {
    case 'repeated-title':
      return ui.edits.repeatedTitle(edit.line);
    case 'repeated-dek':
      return ui.edits.repeatedDek(edit.line);
    case 'repeated-paragraphs':
      return ui.edits.repeatedParagraphs(count, edit.line);
    case 'removed-characters':
      return ui.edits.removedCharacters(entries());
    case 'replaced-characters':
      return ui.edits.replacedCharacters(entries());
    case 'decoded-entities':
      return ui.edits.decodedEntities(entries());
  }
}

function describeRepeats(repeats: readonly ArticleEdit[], ui: Messages): string {
  const paragraphs = repeats.reduce((sum, edit) => sum + edit.removed.length, 0);
  const first = repeats[0]?.line ?? 1;
  return ui.edits.repeatedBlocks(repeats.length, paragraphs, first);
}

/**
 * A character edit's entry as the pipeline words it (src/core/text/characters.ts: "U+0007 ×3
 * (lines 4, 9 and 2 more)", "3 other kinds (line 7)"), its words in the interface language;
 * the character and the count stay as they are. An entry of another shape is kept as written.
 */
function rewordEntry(entry: string, ui: Messages): string {
  const match = ENTRY.exec(entry);
  if (!match) return entry;
  const [, described = '', times = '', lines = '', more] = match;
  const kinds = OTHER_KINDS.exec(described);
  const what = kinds ? ui.edits.otherKinds(Number(kinds[1])) : described;
  return `${what}${times} ${ui.edits.atLines(lines.split(', ').map(Number), more ? Number(more) : 0)}`;
}

/** description, " ×count", then "(line 4)" or "(lines 4, 9, 12 and 40 more)". */
const ENTRY = /^(.*?)( ×\d+)? \(lines? (\d+(?:, \d+)*)(?: and (\d+) more)?\)$/su;
const OTHER_KINDS = /^(\d+) other kinds$/u;
