/** The site's identity, in one place. */
export const SITE = {
  name: 'Dispatch',
  description: 'News reports, de-duplicated and grouped into stories, searchable in your browser.',
  /** Language of the site and of the articles, for `<html lang>` and search stemming. */
  lang: 'en',
} as const;
