import { describe, expect, it } from 'vitest';
import { describeEdits, MAX_LISTED_REPEATS } from '../../src/site/edit-note.ts';
import type { ArticleEdit } from '../../src/core/model/schema.ts';

const repeat = (line: number, paragraphs: number): ArticleEdit => ({
  kind: 'repeated-paragraphs',
  line,
  removed: Array.from({ length: paragraphs }, (_, index) => `Paragraph ${index + 1}.`),
});

describe('describeEdits', () => {
  it('lists each repeated block, the headline repeat and character edits in their sentences', () => {
    const note = describeEdits([
      { kind: 'repeated-title', line: 3, removed: ['Headline'] },
      repeat(12, 5),
      { kind: 'removed-characters', line: 4, removed: ['U+0007 ×3 (lines 4, 9, 12)'] },
      { kind: 'decoded-entities', line: 1, removed: ['&#163; → £ (line 1)'] },
    ]);
    expect(note.removals).toEqual([
      'a repeated copy of the headline (line 3)',
      'a repeated block of 5 paragraphs (from line 12)',
      'control or invisible characters that cannot be shown: U+0007 ×3 (lines 4, 9, 12)',
    ]);
    expect(note.rewrites).toEqual(['HTML character references decoded: &#163; → £ (line 1)']);
  });

  it('sums up many repeated blocks in one phrase, so a hostile file cannot make the note huge', () => {
    const edits = Array.from({ length: 50_000 }, (_, index) => repeat(10 + index * 7, 2));
    const note = describeEdits(edits);
    expect(note.removals).toEqual([
      '50000 repeated blocks, 100000 paragraphs in all (the first from line 10)',
    ]);
    expect(note.rewrites).toEqual([]);
  });

  it('still lists the blocks one by one up to the limit', () => {
    const edits = Array.from({ length: MAX_LISTED_REPEATS }, (_, index) => repeat(index + 1, 1));
    expect(describeEdits(edits).removals).toEqual([
      'a repeated block of 1 paragraph (from line 1)',
      'a repeated block of 1 paragraph (from line 2)',
      'a repeated block of 1 paragraph (from line 3)',
    ]);
  });

  it('says nothing when nothing was edited', () => {
    expect(describeEdits([])).toEqual({ removals: [], rewrites: [] });
  });
});
