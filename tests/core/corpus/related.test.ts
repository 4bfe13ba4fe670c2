import { describe, expect, test } from 'vitest';
import { organiseCorpus } from '../../../src/core/corpus/corpus.ts';
import { relatedDocuments, RELATED_LIMIT } from '../../../src/core/corpus/related.ts';
import type { StoryLink } from '../../../src/core/corpus/stories.ts';
import { makeArticle } from '../../support/articles.ts';

const link = (a: number, b: number, similarity: number): StoryLink => ({ a, b, similarity });

describe('relatedDocuments', () => {
  test('takes linked documents of other stories, most similar first, in both directions', () => {
    // 0 and 1 are one story; 2, 3 and 4 are stories of their own.
    const related = relatedDocuments(
      [link(0, 1, 0.9), link(0, 2, 0.3), link(3, 0, 0.5), link(2, 4, 0.2), link(1, 4, 0.4)],
      ['s', 's', 'x', 'y', 'z'],
    );
    expect(related).toEqual([[3, 2], [4], [0, 4], [0], [1, 2]]);
  });

  test('breaks ties by index, lists each document once and keeps at most the limit', () => {
    const links = [7, 6, 5, 4, 3, 2, 1].map((other) => link(0, other, 0.5));
    expect(relatedDocuments([...links, link(0, 1, 0.5)], [0, 1, 2, 3, 4, 5, 6, 7])[0]).toEqual([
      1, 2, 3, 4, 5,
    ]);
    expect(RELATED_LIMIT).toBe(5);
    expect(relatedDocuments(links, [0, 1, 2, 3, 4, 5, 6, 7], 2)[0]).toEqual([1, 2]);
  });

  test('gives a document without links to other stories nothing', () => {
    expect(relatedDocuments([link(0, 1, 0.8)], ['s', 's', 't'])).toEqual([[], [], []]);
  });
});

describe('organiseCorpus related reading', () => {
  test('names, for each article, similar articles of other stories by slug, never its own story', () => {
    const corpus = organiseCorpus([
      makeArticle({
        slug: 'ferry-sinks',
        title: 'Ferry sinks off Kellport with 40 aboard',
        paragraphs: [
          'A ferry sank off Kellport harbour on Monday with 40 passengers aboard; all were rescued by lifeboats.',
          'Mayor Jonas Pold thanked the crews and said the harbour would stay closed until the wreck is raised.',
        ],
      }),
      makeArticle({
        slug: 'kellport-library',
        title: 'Kellport opens its new library',
        paragraphs: [
          'Kellport opened a new public library on Saturday, with 80,000 books and a reading garden.',
          'Mayor Jonas Pold cut the ribbon and said the building would host concerts and lectures.',
        ],
      }),
      makeArticle({
        slug: 'chess-final',
        title: 'Chess final ends in a draw after six hours',
        paragraphs: ['The world chess final ended in a draw after six hours of play in Reykjavik.'],
      }),
    ]);
    const bySlug = new Map(corpus.published.map((article) => [article.slug, article]));
    const ferry = bySlug.get('ferry-sinks');
    const library = bySlug.get('kellport-library');
    expect(ferry?.story).not.toBe(library?.story);
    expect(ferry?.related).toEqual(['kellport-library']);
    expect(library?.related).toEqual(['ferry-sinks']);
    expect(bySlug.get('chess-final')?.related).toEqual([]);
  });
});
