/**
 * The sentences of an article's editing note: what the pipeline removed from or changed in the
 * source file. Pure, so the page component only renders what this returns.
 */
import type { ArticleEdit } from '../core/model/schema.ts';
import { counted } from './format.ts';

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
 */
export function describeEdits(edits: readonly ArticleEdit[]): EditNote {
  const repeats = edits.filter((edit) => edit.kind === 'repeated-paragraphs');
  const listed = repeats.length > MAX_LISTED_REPEATS ? [] : repeats;
  const removals: string[] = [];
  const rewrites: string[] = [];
  for (const edit of edits) {
    if (edit.kind === 'repeated-paragraphs' && !listed.includes(edit)) continue;
    (CHANGES.has(edit.kind) ? rewrites : removals).push(describeEdit(edit));
  }
  if (listed.length < repeats.length) removals.push(describeRepeats(repeats));
  return { removals, rewrites };
}

function describeEdit(edit: ArticleEdit): string {
  const count = edit.removed.length;
  // Character edits list each character or reference with its lines ("U+0007 ×3 (lines 4, 9)").
  const entries = edit.removed.join(', ');
  switch (edit.kind) {
    case 'repeated-title':
      return `a repeated copy of the headline (line ${edit.line})`;
    case 'repeated-dek':
      return `a repeated copy of the standfirst (line ${edit.line})`;
    case 'repeated-paragraphs':
      return `a repeated block of ${counted(count, 'paragraph')} (from line ${edit.line})`;
    case 'removed-characters':
      return `control or invisible characters that cannot be shown: ${entries}`;
    case 'replaced-characters':
      return `control characters replaced by what they stand for: ${entries}`;
    case 'decoded-entities':
      return `HTML character references decoded: ${entries}`;
  }
}

function describeRepeats(repeats: readonly ArticleEdit[]): string {
  const paragraphs = repeats.reduce((sum, edit) => sum + edit.removed.length, 0);
  const first = repeats[0]?.line ?? 1;
  return `${repeats.length} repeated blocks, ${counted(paragraphs, 'paragraph')} in all (the first from line ${first})`;
}
