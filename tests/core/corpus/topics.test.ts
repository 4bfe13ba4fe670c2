import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findNames } from '../../../src/core/corpus/names.ts';
import { assignTopics, type TopicInput } from '../../../src/core/corpus/topics.ts';
import { DEFAULT_MAX_FILE_BYTES, parseFiles } from '../../../src/core/pipeline.ts';

const names = (text: string) => findNames(text).map((mention) => mention.name);
const topicNames = (result: ReturnType<typeof assignTopics>, slug: string) =>
  (result.byArticle.get(slug) ?? []).map((topic) => topic.name);

describe('findNames', () => {
  test('strips possessives, a leading "the" and trailing punctuation', () => {
    expect(names('Russia’s envoy met the Taliban in Kabul.')).toEqual(['Russia', 'Taliban', 'Kabul']);
  });

  test('takes the name after a title and remembers the title as evidence of a person', () => {
    expect(findNames('Afghan Foreign Minister Amir Khan Muttaqi spoke.')).toEqual([
      { name: 'Amir Khan Muttaqi', titled: true },
    ]);
  });

  test('keeps connectors inside names but ends a name at punctuation and compounds', () => {
    expect(names('The Bank of England and the BBC. However, Taliban-led Afghanistan')).toEqual([
      'Bank of England',
      'BBC',
      'However',
      'Taliban',
      'Afghanistan',
    ]);
  });

  test('ignores shouted headlines, calendar words and lone capitals', () => {
    expect(names('RUSSIA BECOMES THE FIRST COUNTRY on Monday in July, said I.')).toEqual([]);
  });
});

function article(slug: string, title: string, paragraphs: string[]): TopicInput {
  return { slug, title, paragraphs };
}

describe('assignTopics', () => {
  const corpus = [
    article('a', 'Talks in Kabul', [
      'President Vladimir Putin spoke about Russia. Putin said Russia would help Russia.',
      'However, the envoy in Kabul said little about Moscow.',
    ]),
    article('b', 'Trade news', [
      'Russia and Kabul signed a deal. Russia welcomed it.',
      'Vladimir Putin was not there; Moscow sent a note. However it ends, however.',
    ]),
  ];
  const result = assignTopics(corpus);

  test('keeps names mentioned twice, counting the headline, and merges a surname into the full name', () => {
    // a: Russia three times; Kabul in the headline and the body; Putin by full name and surname.
    expect(topicNames(result, 'a')).toEqual(['Russia', 'Kabul', 'Vladimir Putin']);
    expect(topicNames(result, 'b')).toEqual(['Russia']);
  });

  test('classifies people, places and organisations', () => {
    expect(result.topics.map((topic) => [topic.name, topic.kind, topic.slug])).toEqual([
      ['Kabul', 'place', 'kabul'],
      ['Russia', 'place', 'russia'],
      ['Vladimir Putin', 'person', 'vladimir-putin'],
    ]);
  });

  test('drops a one-off mention, a sentence-opening common word and a name only one article knows', () => {
    const all = result.topics.map((topic) => topic.name);
    // Moscow: once in each article; "However": also written in lowercase; Trade: only in b's headline.
    expect(all).not.toContain('Moscow');
    expect(all).not.toContain('However');
    expect(all).not.toContain('Trade');
  });

  test('gives two topics with the same slug but different kinds distinct slugs', () => {
    // "Sao Paulo" (after a title: a person) and "São Paulo" (a place) are two names, two keys,
    // and both spell the slug sao-paulo.
    const clash = assignTopics([
      article('x', 'Report', [
        'President Sao Paulo spoke. Sao Paulo smiled.',
        'Residents of São Paulo voted. São Paulo counted.',
      ]),
      article('y', 'Other', [
        'Sao Paulo said nothing. Sao Paulo left.',
        'São Paulo voted again. São Paulo counted.',
      ]),
    ]);
    expect(clash.topics.map((topic) => [topic.name, topic.kind, topic.slug])).toEqual([
      ['Sao Paulo', 'person', 'sao-paulo'],
      ['São Paulo', 'place', 'sao-paulo-place'],
    ]);
    expect(new Set(clash.topics.map((topic) => topic.slug)).size).toBe(2);
  });

  test('numbers the slugs of further names of the same kind that spell the same slug', () => {
    // Three spellings of one man, each a name of its own, all spelling jose-marti.
    const text = [
      'Mayor Jose Marti spoke. Jose Marti smiled.',
      'Mayor José Martí spoke. José Martí smiled.',
      'Mayor José Marti spoke. José Marti smiled.',
    ].join(' ');
    const clash = assignTopics([article('x', 'Report', [text]), article('y', 'Other', [text])]);
    expect(clash.topics.map((topic) => [topic.name, topic.kind, topic.slug])).toEqual([
      ['Jose Marti', 'person', 'jose-marti'],
      ['José Marti', 'person', 'jose-marti-person'],
      ['José Martí', 'person', 'jose-marti-person-2'],
    ]);
    expect(new Set(clash.topics.map((topic) => topic.slug)).size).toBe(3);
  });

  test('does not depend on the order of the articles (property, fixed seed)', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(corpus, { minLength: corpus.length }), (shuffled) => {
        const again = assignTopics(shuffled);
        expect(again.topics).toEqual(result.topics);
        expect([...again.byArticle.entries()].sort()).toEqual([...result.byArticle.entries()].sort());
      }),
      { seed: 20261122, numRuns: 200 },
    );
  });
});

describe('the founding articles', () => {
  test('yield Russia, Afghanistan, Taliban and Kabul as topics', () => {
    const dir = join(import.meta.dirname, '../../../content');
    const files = readdirSync(dir)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => ({ path: name, bytes: readFileSync(join(dir, name)) }));
    const { articles } = parseFiles(files, { maxFileBytes: DEFAULT_MAX_FILE_BYTES });
    const { topics } = assignTopics(articles);
    expect(topics).toEqual(
      expect.arrayContaining([
        { name: 'Russia', slug: 'russia', kind: 'place' },
        { name: 'Afghanistan', slug: 'afghanistan', kind: 'place' },
        { name: 'Taliban', slug: 'taliban', kind: 'organisation' },
        { name: 'Kabul', slug: 'kabul', kind: 'place' },
      ]),
    );
  });
});
