/**
 * The site's read models: everything a page shows, built once per build from the pipeline's
 * published articles, stories and redirects. Pages and components look things up here; none of
 * them groups, sorts or paginates articles itself.
 */
import { articleLanguages, type ArticleLanguage } from './languages.ts';
import { buildArchive, type Archive } from './listings/archive.ts';
import { paginate, type Page } from './listings/pagination.ts';
import { sectionListings, sourceListings, type SourceListing } from './listings/source-listings.ts';
import {
  searchableTopics,
  topicListings,
  topicsByKind,
  type TopicListing,
} from './listings/topic-listings.ts';
import { routes } from '../core/model/routes.ts';
import type { Redirect, StoredArticle, Story, Topic } from '../core/model/schema.ts';
import { feedSpec, type FeedSpec } from './feed.ts';
import type { Messages } from './i18n/index.ts';
import {
  otherCoverage,
  storyGroups,
  storyViews,
  viewsById,
  type Coverage,
  type StoryGroup,
  type StoryView,
} from './story-views.ts';

/** What the pipeline hands to the site. */
export interface SiteData {
  /** Every published article. */
  articles: readonly StoredArticle[];
  /** Every story, single-report ones included. */
  stories: readonly Story[];
  /** The addresses of merged duplicates. */
  redirects: readonly Redirect[];
}

export interface ListingSizes {
  /** Stories per page of a listing of stories (home, topic, source). */
  storiesPerPage: number;
  /** Articles per page of a listing of articles (archive). */
  articlesPerPage: number;
  /** Items per feed (the newest articles). */
  feedItems: number;
  /** The site's name, which titles its feeds. */
  name: string;
}

/** A feed a page announces: see routes.rssFeed / routes.jsonFeed for its two addresses. */
export interface FeedLink {
  title: string;
  /** The listing route the feed belongs to. */
  listing: string;
}

export interface ArticlePage {
  article: StoredArticle;
  /** The other reports of its story, most relevant first. */
  coverage: Coverage;
  /** Up to five articles of other stories most like it (see core/corpus/related.ts). */
  related: StoredArticle[];
}

export interface TopicPage {
  /** The listing's own feed (its title and listing route), for `<link rel="alternate">`. */
  feed: FeedLink;
  topic: Topic;
  /** The topic's articles in all. */
  total: number;
  page: Page<StoryGroup>;
}

/** A page of an outlet's (source) or a desk's (section) stories. */
export interface NamedPage {
  /** The listing's own feed (its title and listing route), for `<link rel="alternate">`. */
  feed: FeedLink;
  name: string;
  slug: string;
  /** The outlet's or section's articles in all. */
  total: number;
  page: Page<StoryGroup>;
}

export interface MonthPage {
  /** "July 2025", in the interface language. */
  label: string;
  /** `YYYY/MM`. */
  path: string;
  total: number;
  page: Page<StoredArticle>;
}

export interface SiteModel {
  /** Every published article, as loaded. */
  articles: readonly StoredArticle[];
  /** The home listing's pages: one entry per story, ranked (see compareStories). */
  home: Page<StoryView>[];
  /** Stories of two or more reports: each has a page. */
  storyPages: StoryView[];
  articlePages: ArticlePage[];
  redirects: readonly Redirect[];
  /** Slugs of the topics offered as search filters. */
  filterableTopics: ReadonlySet<string>;
  /** The languages the articles are written in, the most used first: searched one at a time. */
  languages: ArticleLanguage[];
  topics: {
    /** The topics index: people, places, organisations, most covered first. */
    byKind: { label: string; listings: TopicListing[] }[];
    pages: TopicPage[];
  };
  sources: {
    /** The sources index, by name. */
    listings: SourceListing[];
    /** Articles that name no source. */
    unattributed: number;
    pages: NamedPage[];
  };
  sections: {
    /** The sections, by name: the header's section navigation (empty: no navigation). */
    listings: SourceListing[];
    /** Each section's stories, ranked as on the home page. */
    pages: NamedPage[];
  };
  /** The site's feed first, then one per section, topic and source (see feed.ts). */
  feeds: FeedSpec[];
  archive: {
    index: Archive;
    monthPages: MonthPage[];
    /** None when every article is dated. */
    undatedPages: Page<StoredArticle>[];
  };
}

/**
 * Builds every read model of the site.
 *
 * @param data - the pipeline's published articles, stories and redirects
 * @param sizes - items per page of listings, and the site's name
 * @param ui - the interface strings: feed descriptions, month names, topic kinds
 */
export function buildSiteModel(data: SiteData, sizes: ListingSizes, ui: Messages): SiteModel {
  const { articles } = data;
  const views = storyViews(data.stories, articles);
  const bySlug = new Map(articles.map((article) => [article.slug, article]));
  const byId = viewsById(views);
  const byStory = (members: readonly StoredArticle[]): Page<StoryGroup>[] =>
    paginate(storyGroups(members, byId), sizes.storiesPerPage);
  const topics = topicListings(articles);
  const sources = sourceListings(articles);
  const archive = buildArchive(articles);
  const sections = sectionListings(articles);
  const feedOf = (listing: string, name: string, description: string, members: readonly StoredArticle[]) =>
    feedSpec(listing, `${sizes.name} — ${name}`, description, members, sizes.feedItems);
  const siteFeed = feedSpec(routes.home, sizes.name, ui.site.description, articles, sizes.feedItems);
  const sectionFeeds = sections.map((section) =>
    feedOf(
      routes.section(section.slug),
      section.name,
      ui.sections.feedDescription(section.name),
      section.articles,
    ),
  );
  const topicFeeds = topics.map(({ topic, articles: members }) =>
    feedOf(routes.topic(topic.slug), topic.name, ui.topics.feedDescription(topic.name), members),
  );
  const sourceFeeds = sources.map((source) =>
    feedOf(routes.source(source.slug), source.name, ui.sources.feedDescription(source.name), source.articles),
  );
  const link = (spec: FeedSpec): FeedLink => ({ title: spec.title, listing: spec.listing });
  // An outlet's or a desk's stories, page by page, each page naming the listing's feed (`feeds`
  // holds one feed per listing, in the same order).
  const namedPages = (listings: readonly SourceListing[], feeds: readonly FeedSpec[]): NamedPage[] =>
    listings.flatMap((listing, index) =>
      byStory(listing.articles).map((page) => ({
        name: listing.name,
        slug: listing.slug,
        total: listing.articles.length,
        page,
        feed: link(feeds[index] as FeedSpec),
      })),
    );
  return {
    articles,
    home: paginate(views, sizes.storiesPerPage),
    storyPages: views.filter((view) => view.articles.length > 1),
    articlePages: articles.map((article) => ({
      article,
      coverage: otherCoverage(article, byId),
      related: article.related.flatMap((slug) => bySlug.get(slug) ?? []),
    })),
    redirects: data.redirects,
    filterableTopics: searchableTopics(articles),
    languages: articleLanguages(articles),
    topics: {
      byKind: topicsByKind(topics, ui.topics.groups),
      pages: topics.flatMap(({ topic, articles: members }, index) =>
        byStory(members).map((page) => ({
          topic,
          total: members.length,
          page,
          feed: link(topicFeeds[index] as FeedSpec),
        })),
      ),
    },
    sources: {
      listings: sources,
      unattributed: articles.length - sources.reduce((sum, source) => sum + source.articles.length, 0),
      pages: namedPages(sources, sourceFeeds),
    },
    feeds: [siteFeed, ...sectionFeeds, ...topicFeeds, ...sourceFeeds],
    sections: {
      listings: sections,
      pages: namedPages(sections, sectionFeeds),
    },
    archive: {
      index: archive,
      monthPages: archive.years.flatMap((year) =>
        year.months.flatMap((month) =>
          paginate(month.articles, sizes.articlesPerPage).map((page) => ({
            label: ui.month(month.year, month.month),
            path: month.path,
            total: month.articles.length,
            page,
          })),
        ),
      ),
      undatedPages: archive.undated.length > 0 ? paginate(archive.undated, sizes.articlesPerPage) : [],
    },
  };
}
