/** The site's identity and listing sizes, in one place. */
export const SITE = {
  name: 'Dispatch',
  description: 'News reports, de-duplicated and grouped into stories, searchable in your browser.',
  /** Language of the site and of the articles, for `<html lang>` and search stemming. */
  lang: 'en',
  /** Open Graph locale matching `lang`. */
  locale: 'en_GB',
  /** Stories per home page. */
  storiesPerPage: 20,
  /** Articles per topic, source or archive page. */
  articlesPerPage: 30,
  /**
   * Items per feed: the newest articles, with their full text. Feed readers poll a feed, not
   * read an archive: 50 covers days of a busy desk, and a feed of full texts stays small.
   */
  feedItems: 50,
} as const;
