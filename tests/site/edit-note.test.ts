import { describe, expect, it } from 'vitest';
import { describeEdits, MAX_LISTED_REPEATS } from '../../src/site/edit-note.ts';
import type { ArticleEdit } from '../../src/core/model/schema.ts';
import { en } from '../../src/site/i18n/en.ts';
import { fr } from '../../src/site/i18n/fr.ts';

const repeat = (line: number, paragraphs: number): ArticleEdit => ({
  kind: 'repeated-paragraphs',
  line,
  removed: Array.from({ length: paragraphs }, (_, index) => `Paragraph ${index + 1}.`),
});

describe('describeEdits', () => {
  it('lists each repeated block, the headline repeat and character edits in their sentences', () => {
    const note = describeEdits(
      [
        { kind: 'repeated-title', line: 3, removed: ['Headline'] },
        repeat(12, 5),
        { kind: 'removed-characters', line: 4, removed: ['U+0007 ×3 (lines 4, 9, 12)'] },
        { kind: 'decoded-entities', line: 1, removed: ['&#163; → £ (line 1)'] },
      ],
      en,
    );
    expect(note.removals).toEqual([
      'a repeated copy of the headline (line 3)',
      'a repeated block of 5 paragraphs (from line 12)',
      'control or invisible characters that cannot be shown: U+0007 ×3 (lines 4, 9, 12)',
    ]);
    expect(note.rewrites).toEqual(['HTML character references decoded: &#163; → £ (line 1)']);
  });

  it('sums up many repeated blocks in one phrase, so a hostile file cannot make the note huge', () => {
    const edits = Array.from({ length: 50_000 }, (_, index) => repeat(10 + index * 7, 2));
    const note = describeEdits(edits, en);
    expect(note.removals).toEqual([
      '50000 repeated blocks, 100000 paragraphs in all (the first from line 10)',
    ]);
    expect(note.rewrites).toEqual([]);
  });

  it('still lists the blocks one by one up to the limit', () => {
    const edits = Array.from({ length: MAX_LISTED_REPEATS }, (_, index) => repeat(index + 1, 1));
    expect(describeEdits(edits, en).removals).toEqual([
      'a repeated block of 1 paragraph (from line 1)',
      'a repeated block of 1 paragraph (from line 2)',
      'a repeated block of 1 paragraph (from line 3)',
    ]);
  });

  it('says nothing when nothing was edited', () => {
    expect(describeEdits([], en)).toEqual({ removals: [], rewrites: [] });
  });

  it('keeps the pipeline’s wording of character entries in English, lines, counts and summed-up kinds too', () => {
    const entries = [
      'U+0007 ×3 (lines 4, 9, 12)',
      'U+0090 (line 5)',
      'U+001B ×40 (lines 1, 2, 3, 4, 5 and 35 more)',
      '3 other kinds ×9 (lines 7, 8)',
      'an entry of another shape',
    ];
    expect(describeEdits([{ kind: 'removed-characters', line: 1, removed: entries }], en).removals).toEqual([
      `control or invisible characters that cannot be shown: ${entries.join(', ')}`,
    ]);
  });

  it('writes the note in French, the pipeline’s character entries reworded', () => {
    const note = describeEdits(
      [
        { kind: 'repeated-title', line: 3, removed: ['Headline'] },
        repeat(12, 1),
        {
          kind: 'removed-characters',
          line: 4,
          removed: [
            'U+0007 ×3 (lines 4, 9, 12)',
            '3 other kinds (line 1234)',
            'U+001B ×9 (lines 1, 2, 3, 4, 5 and 1 more)',
          ],
        },
        { kind: 'decoded-entities', line: 1, removed: ['&#163; → £ (line 1)'] },
      ],
      fr,
    );
    expect(note.removals).toEqual([
      'une copie répétée du titre (ligne 3)',
      'un bloc répété de 1 paragraphe (à partir de la ligne 12)',
      'des caractères de contrôle ou invisibles qui ne peuvent pas être affichés\u00a0: U+0007 ×3 (lignes 4, 9, 12), ' +
        '3 autres sortes (ligne 1\u202f234), U+001B ×9 (lignes 1, 2, 3, 4, 5 et 1 autre)',
    ]);
    expect(note.rewrites).toEqual(['des références de caractères HTML décodées\u00a0: &#163; → £ (ligne 1)']);
    expect(
      describeEdits(
        Array.from({ length: 4 }, (_, index) => repeat(index + 2, 2)),
        fr,
      ).removals,
    ).toEqual(['4 blocs répétés, 8 paragraphes en tout (le premier à partir de la ligne 2)']);
  });
});
