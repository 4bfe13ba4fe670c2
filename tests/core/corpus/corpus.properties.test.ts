/**
 * Properties of the corpus stage (fixed seed): the outcome depends only on the articles, not
 * on the order they arrive in, and running it again on its own output changes nothing.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findDuplicateGroups } from '../../../src/core/corpus/duplicates.ts';
import { organiseCorpus } from '../../../src/core/corpus/corpus.ts';
import { DEFAULT_MAX_FILE_BYTES, runPipeline } from '../../../src/core/pipeline.ts';
import type { Article } from '../../../src/core/model/schema.ts';

fc.configureGlobal({ seed: 20_261_122, numRuns: 200 });

const SENTENCES = [
  'The council voted on Tuesday to approve the new budget for the coming year.',
  'Officials from both countries met in Geneva for a second round of talks on trade.',
  'The harbour bridge will close for six weeks while engineers replace its bearings.',
  'Shares in the mining company fell sharply after it cut its profit forecast.',
  'The festival will move to the riverside park, organisers said on Monday.',
  'Police closed the motorway for three hours after a lorry overturned near the junction.',
  'The museum will reopen in spring with a new gallery devoted to maritime history.',
  'Farmers warned that the dry summer would push up the price of vegetables.',
];
const TITLES = [
  'Budget approved',
  'Talks resume',
  'Bridge to close',
  'Shares fall',
  'Festival moves',
  'Motorway closed',
];

// Articles built from a few shared sentences, so exact copies, near copies and stories occur.
const article = fc.record({
  title: fc.constantFrom(...TITLES),
  sentences: fc.array(fc.constantFrom(...SENTENCES), { minLength: 3, maxLength: 7 }),
});
const corpus = fc.array(article, { minLength: 1, maxLength: 12 });
/** A corpus and a random permutation of its positions (any of the n! orders). */
const corpusAndOrder = corpus.chain((items) =>
  fc.tuple(
    fc.constant(items),
    fc.shuffledSubarray([...items.keys()], { minLength: items.length, maxLength: items.length }),
  ),
);

function toArticles(items: { title: string; sentences: string[] }[]): Article[] {
  const files = items.map((item, index) => ({
    path: `f${String(index).padStart(2, '0')}.txt`,
    bytes: new TextEncoder().encode(`${item.title}\n\n${item.sentences.join('\n\n')}\n`),
  }));
  // Run only decode → parse → slugs here, by passing each file alone, then organise together.
  return files.flatMap(
    (file) => runPipeline([file], [], { basePath: '/', maxFileBytes: DEFAULT_MAX_FILE_BYTES }).articles,
  );
}

const summary = (result: ReturnType<typeof organiseCorpus>) => ({
  published: result.published.map((a) => a.sourceFile).sort(),
  duplicates: result.duplicates.map((d) => `${d.article.sourceFile}>${d.canonical}`).sort(),
  stories: result.stories.map((s) => s.articles.join(',')).sort(),
});

describe('organiseCorpus (properties)', () => {
  test('gives the same result whatever the order of the articles', () => {
    fc.assert(
      fc.property(corpusAndOrder, ([items, order]) => {
        const articles = toArticles(items).map((a, index) => ({ ...a, slug: `a${index}` }));
        expect(articles).toHaveLength(items.length);
        const shuffled = order.map((index) => articles[index] as Article);
        expect(summary(organiseCorpus(shuffled))).toEqual(summary(organiseCorpus(articles)));
      }),
    );
  });

  test('is idempotent: organising the published articles again merges and regroups nothing new', () => {
    fc.assert(
      fc.property(corpus, (items) => {
        const articles = toArticles(items).map((a, index) => ({ ...a, slug: `a${index}` }));
        const once = organiseCorpus(articles);
        const twice = organiseCorpus(once.published);
        expect(twice.duplicates).toEqual([]);
        expect(summary(twice).published).toEqual(summary(once).published);
        expect(summary(twice).stories).toEqual(summary(once).stories);
      }),
    );
  });

  test('accounts for every article: published or merged into a published one', () => {
    fc.assert(
      fc.property(corpus, (items) => {
        const articles = toArticles(items).map((a, index) => ({ ...a, slug: `a${index}` }));
        const result = organiseCorpus(articles);
        const published = new Set(result.published.map((a) => a.slug));
        expect(result.published.length + result.duplicates.length).toBe(articles.length);
        for (const duplicate of result.duplicates) expect(published.has(duplicate.canonical)).toBe(true);
      }),
    );
  });
});

describe('findDuplicateGroups', () => {
  const body = SENTENCES.join(' ');

  test('merges copies that differ in case, quotes and spacing', () => {
    expect(
      findDuplicateGroups([body, body.toUpperCase().replace(/ /g, '  '), SENTENCES[0] ?? '']).groups,
    ).toEqual([[0, 1]]);
  });

  test('merges a copy with one sentence removed, and keeps the verified similarity', () => {
    const { groups, pairs } = findDuplicateGroups([body, SENTENCES.slice(1).join(' ')]);
    expect(groups).toEqual([[0, 1]]);
    expect(pairs[0]?.similarity).toBeGreaterThan(0.8);
  });

  test('does not merge texts sharing only half their sentences', () => {
    const half = SENTENCES.slice(0, 4).join(' ');
    const other = [
      ...SENTENCES.slice(0, 4).reverse(),
      'A wholly different closing paragraph about gardening in the rain.',
    ].join(' ');
    expect(findDuplicateGroups([`${half} ${SENTENCES.slice(4).join(' ')}`, other]).groups).toEqual([]);
  });
});
