import { describe, expect, test } from 'vitest';
import { en } from '../../../src/site/i18n/en.ts';
import { fr } from '../../../src/site/i18n/fr.ts';
import {
  MAX_TOPIC_FILTERS,
  searchableTopics,
  topicListings,
  topicsByKind,
} from '../../../src/site/listings/topic-listings.ts';
import type { Topic } from '../../../src/core/model/schema.ts';
import { makeArticle } from '../../support/articles.ts';

const slugs = (items: readonly { slug: string }[]) => items.map((item) => item.slug);

const kabul: Topic = { name: 'Kabul', slug: 'kabul', kind: 'place' };
const taliban: Topic = { name: 'Taliban', slug: 'taliban', kind: 'organisation' };
const putin: Topic = { name: 'Vladimir Putin', slug: 'vladimir-putin', kind: 'person' };

describe('topicListings', () => {
  const listings = topicListings([
    makeArticle({ slug: 'a', date: '2025-07-01', topics: [kabul, taliban] }),
    makeArticle({ slug: 'b', date: '2025-07-05', topics: [taliban] }),
    makeArticle({ slug: 'c', topics: [putin, taliban] }),
  ]);

  test('lists the most covered topic first, each with its articles newest first', () => {
    expect(listings.map((listing) => [listing.topic.slug, slugs(listing.articles)])).toEqual([
      ['taliban', ['b', 'a', 'c']],
      ['kabul', ['a']],
      ['vladimir-putin', ['c']],
    ]);
  });

  test('orders topics of equal coverage by name, whatever their case', () => {
    const berlin: Topic = { name: 'berlin', slug: 'berlin', kind: 'place' };
    const athens: Topic = { name: 'Athens', slug: 'athens', kind: 'place' };
    const cairo: Topic = { name: 'Cairo', slug: 'cairo', kind: 'place' };
    const listed = topicListings([makeArticle({ slug: 'x', topics: [cairo, berlin, athens] })]);
    expect(listed.map((listing) => listing.topic.name)).toEqual(['Athens', 'berlin', 'Cairo']);
  });

  test('lists no topic that no article has', () => {
    expect(topicListings([makeArticle({ slug: 'x' })])).toEqual([]);
  });
});

describe('topicsByKind', () => {
  test('groups topics by kind for the index, places first', () => {
    const listings = topicListings([
      makeArticle({ slug: 'a', topics: [kabul, taliban] }),
      makeArticle({ slug: 'b', topics: [putin, taliban] }),
    ]);
    expect(
      topicsByKind(listings, en.topics.groups).map((group) => [
        group.label,
        group.listings.map((l) => l.topic.name),
      ]),
    ).toEqual([
      ['Places', ['Kabul']],
      ['People', ['Vladimir Putin']],
      ['Organisations', ['Taliban']],
    ]);
  });

  test('leaves out kinds without topics', () => {
    const listings = topicListings([makeArticle({ slug: 'a', topics: [taliban] })]);
    expect(topicsByKind(listings, en.topics.groups).map((group) => group.label)).toEqual(['Organisations']);
    expect(topicsByKind(listings, fr.topics.groups).map((group) => group.label)).toEqual(['Organisations']);
  });
});

describe('searchableTopics', () => {
  test('offers as search filters only topics that more than one article has', () => {
    const articles = [
      makeArticle({ slug: 'a', topics: [kabul, taliban] }),
      makeArticle({ slug: 'b', topics: [taliban] }),
    ];
    expect([...searchableTopics(articles)]).toEqual(['taliban']);
  });

  test('offers at most 150 topics, the most covered ones', () => {
    expect(MAX_TOPIC_FILTERS).toBe(150);
    // 150 topics in two articles each, and one more topic in three: it must be among the 150.
    const topics: Topic[] = Array.from({ length: 150 }, (_, index) => ({
      name: `Place ${String(index).padStart(3, '0')}`,
      slug: `place-${index}`,
      kind: 'place',
    }));
    const popular: Topic = { name: 'Zanzibar', slug: 'zanzibar', kind: 'place' };
    const articles = [
      makeArticle({ slug: 'a', topics: [...topics, popular] }),
      makeArticle({ slug: 'b', topics: [...topics, popular] }),
      makeArticle({ slug: 'c', topics: [popular] }),
    ];
    const offered = searchableTopics(articles);
    expect(offered.size).toBe(150);
    expect(offered.has('zanzibar')).toBe(true);
    // Of the equally covered ones, the last by name is the one left out.
    expect(offered.has('place-149')).toBe(false);
    expect(offered.has('place-148')).toBe(true);
    expect(offered.has('place-0')).toBe(true);
  });
});
