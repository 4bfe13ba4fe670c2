/**
 * The site's name and listing sizes, in one place. Its language is a setting (SITE_LANG,
 * src/core/config.ts), and its description and every other interface string come from the
 * translation table of that language (src/site/i18n/).
 */
export const SITE = {
  name: 'Dispatch',
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
