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
} as const;
