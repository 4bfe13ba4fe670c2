/** Topic listings for `topics/` and `topics/{slug}/`: each topic with its articles. */
import { compareNewestFirst } from '../../core/model/order.ts';
import type { StoredArticle, Topic } from '../../core/model/schema.ts';
import { compareStrings } from '../../core/text/text.ts';

export interface TopicListing {
  topic: Topic;
  /** Its articles, newest first, undated last. */
  articles: StoredArticle[];
}

/**
 * Groups articles by topic.
 *
 * @param articles - every published article, with topics assigned
 * @returns topics with at least one article, most covered first, then by name
 */
export function topicListings(articles: readonly StoredArticle[]): TopicListing[] {
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
        compareStrings(a.topic.slug, b.topic.slug),
    );
}

/**
 * Topic listings split by kind, for the topics index: places, people, organisations.
 *
 * @param listings - from {@link topicListings}
 * @param labels - each kind's heading ("People", "Places", "Organisations")
 */
export function topicsByKind(
  listings: readonly TopicListing[],
  labels: { readonly [Kind in Topic['kind']]: string },
): { label: string; listings: TopicListing[] }[] {
  return (['place', 'person', 'organisation'] as const)
    .map((kind) => ({
      label: labels[kind],
      listings: listings.filter((item) => item.topic.kind === kind),
    }))
    .filter((group) => group.listings.length > 0);
}

/** A topic is a search filter when at least this many articles have it. */
export const MIN_ARTICLES_FOR_FILTER = 2;
/**
 * At most this many topics are search filters, the most covered ones: the filter list is
 * downloaded with the first search, so its size must not grow with the corpus (on the BBC
 * corpus, 1,137 topics with two or more articles made a 20 KB filter file).
 */
export const MAX_TOPIC_FILTERS = 150;

/**
 * Topics worth offering as search filters: a filter narrows a list of results, which a topic
 * of a single article cannot do, and every value costs download size in the first search.
 *
 * @param articles - every published article, with topics assigned
 * @returns topic slugs
 */
export function searchableTopics(articles: readonly StoredArticle[]): Set<string> {
  return new Set(
    topicListings(articles)
      .filter((listing) => listing.articles.length >= MIN_ARTICLES_FOR_FILTER)
      .slice(0, MAX_TOPIC_FILTERS)
      .map((listing) => listing.topic.slug),
  );
}
