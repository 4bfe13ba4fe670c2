/** Topic listings for `topics/` and `topics/{slug}/`: each topic with its articles. */
import { compareNewestFirst } from '../dates.ts';
import type { Article, Topic } from '../schema.ts';

export interface TopicListing {
  topic: Topic;
  /** Its articles, newest first, undated last. */
  articles: Article[];
}

/**
 * Groups articles by topic.
 *
 * @param articles - every published article, with topics assigned
 * @returns topics with at least one article, most covered first, then by name
 */
export function topicListings(articles: readonly Article[]): TopicListing[] {
  const groups = new Map<string, TopicListing>();
  for (const article of articles) {
    for (const topic of article.topics) {
      const listing = groups.get(topic.slug) ?? { topic, articles: [] };
      listing.articles.push(article);
      groups.set(topic.slug, listing);
    }
  }
  return [...groups.values()]
    .map((listing) => ({ ...listing, articles: listing.articles.sort(compareNewestFirst) }))
    .sort(
      (a, b) =>
        b.articles.length - a.articles.length ||
        a.topic.name.localeCompare(b.topic.name, 'en', { sensitivity: 'base' }) ||
        (a.topic.slug < b.topic.slug ? -1 : 1),
    );
}

const KIND_LABEL: Record<Topic['kind'], string> = {
  person: 'People',
  place: 'Places',
  organisation: 'Organisations',
};

/**
 * Topic listings split by kind, for the topics index: people, places, organisations.
 *
 * @param listings - from {@link topicListings}
 */
export function topicsByKind(
  listings: readonly TopicListing[],
): { label: string; listings: TopicListing[] }[] {
  return (['place', 'person', 'organisation'] as const)
    .map((kind) => ({
      label: KIND_LABEL[kind],
      listings: listings.filter((item) => item.topic.kind === kind),
    }))
    .filter((group) => group.listings.length > 0);
}
