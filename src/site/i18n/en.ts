/** The interface in English (British spelling and dates): the default, and the model to translate. */
import { formatLongDate, formatMonth } from '../date-format.ts';
import { pluralRules, type Messages } from './messages.ts';

const choose = pluralRules('en');
const number = (value: number): string => String(value);
/** "1 article", "3 articles". */
const counted = (count: number, one: string, other = `${one}s`): string =>
  `${number(count)} ${choose(count, { one, other })}`;

export const en: Messages = {
  lang: 'en',
  ogLocale: 'en_GB',

  number,
  date: (isoDate) => formatLongDate(isoDate, 'en-GB'),
  month: (year, month) => formatMonth(year, month, 'en-GB'),
  articles: (count) => counted(count, 'article'),
  reports: (count) => counted(count, 'report'),
  outlets: (count) => counted(count, 'outlet'),
  minRead: (minutes) => `${number(minutes)} min read`,
  pageOf: (page, pages) => `, page ${number(page)} of ${number(pages)}`,
  separator: '; ',

  site: {
    description: 'News reports, de-duplicated and grouped into stories, searchable in your browser.',
    latestNews: 'Latest news',
    page: (page) => `page ${number(page)}`,
    allArticles: 'all articles',
    everyFeed: 'every feed',
    skipToContent: 'Skip to content',
  },

  nav: {
    main: 'Main',
    latest: 'Latest',
    topics: 'Topics',
    sources: 'Sources',
    archive: 'Archive',
    sections: 'Sections',
    more: 'More',
    rssFeed: 'RSS feed',
    allFeeds: 'All feeds (OPML)',
    siteSearch: 'Site search',
    searchArticles: 'Search articles',
    search: 'Search',
    darkTheme: 'Dark theme',
  },

  pagination: {
    label: 'Pages',
    newer: '← Newer',
    older: 'Older →',
    page: 'Page',
  },

  article: {
    byline: (names) => `By ${names}`,
    undated: 'Undated',
    updated: 'Updated',
    printedFrom: (url) => `Printed from ${url}`,
    share: 'Share this article',
    linkCopied: 'Link copied',
    topics: 'Topics',
    moreFrom: (source) => `More from ${source}`,
    alsoPublishedAs: () => 'Also published as:',
    otherHeadlines: (count) => `and ${counted(count, 'other headline')}`,
    otherCoverage: 'Other coverage of this story',
    coverageMore: (count) => [`And ${number(count)} more — `, { link: 'story', text: 'see the whole story' }],
    allReports: (count) => `All ${number(count)} reports, as a timeline`,
    related: 'Related reading',
    moved: (title) => ['This article has moved: ', { link: 'article', text: title }, '.'],
  },

  edits: {
    label: 'Editing note',
    removed: (list) => `Removed from the source file: ${list}.`,
    changed: (list) => `Changed from the source file: ${list}.`,
    repeatedTitle: (line) => `a repeated copy of the headline (line ${number(line)})`,
    repeatedDek: (line) => `a repeated copy of the standfirst (line ${number(line)})`,
    repeatedParagraphs: (paragraphs, line) =>
      `a repeated block of ${counted(paragraphs, 'paragraph')} (from line ${number(line)})`,
    removedCharacters: (entries) => `control or invisible characters that cannot be shown: ${entries}`,
    replacedCharacters: (entries) => `control characters replaced by what they stand for: ${entries}`,
    decodedEntities: (entries) => `HTML character references decoded: ${entries}`,
    repeatedBlocks: (blocks, paragraphs, firstLine) =>
      `${number(blocks)} repeated blocks, ${counted(paragraphs, 'paragraph')} in all (the first from line ${number(firstLine)})`,
    atLines: (lines, more) =>
      `(${choose(lines.length + more, { one: 'line', other: 'lines' })} ${lines.map(number).join(', ')}${
        more > 0 ? ` and ${number(more)} more` : ''
      })`,
    otherKinds: (count) => `${number(count)} other kinds`,
  },

  story: {
    reportsOnStory: (count) => `${en.reports(count)} on this story`,
    fromOutlets: (count, names) => `from ${en.outlets(count)}${names ? ` (${names.join(', ')})` : ''}`,
    latest: 'latest',
    moreInStory: (count) => `and ${number(count)} more in the story`,
    reportsFrom: (reports, outlets) =>
      outlets > 0 ? `${en.reports(reports)} from ${en.outlets(outlets)}` : en.reports(reports),
    eyebrow: 'Story',
    description: (reportsFrom, lead) => `${reportsFrom}: ${lead}`,
    outletList: (outlets) => `From ${outlets.join(', ')}.`,
    noArticles: 'No articles yet. Add text files to the content folder and build again.',
  },

  topics: {
    title: 'Topics',
    description: 'The people, places and organisations in the news, and every article about them.',
    none: 'No topics yet.',
    kinds: { person: 'Person', place: 'Place', organisation: 'Organisation' },
    groups: { person: 'People', place: 'Places', organisation: 'Organisations' },
    pageDescription: (articles, name) => `${articles} about ${name}.`,
    feedDescription: (name) => `The newest articles about ${name}.`,
  },

  sources: {
    title: 'Sources',
    description: 'The outlets whose reports this site publishes.',
    none: 'No article names its source yet.',
    unattributed: (count) =>
      choose(count, {
        one: `${number(count)} article does not name a source and is not listed here.`,
        other: `${number(count)} articles do not name a source and are not listed here.`,
      }),
    eyebrow: 'Source',
    pageDescription: (reports, name) => `${reports} from ${name}.`,
    feedDescription: (name) => `The newest reports from ${name}.`,
  },

  sections: {
    eyebrow: 'Section',
    pageDescription: (articles, name) => `${articles} in ${name}.`,
    feedDescription: (name) => `The newest articles in ${name}.`,
  },

  archive: {
    title: 'Archive',
    description: 'Every article by year and month.',
    undated: 'Undated',
    withoutDate: (count) => `${en.articles(count)} without a date`,
    none: 'No articles yet.',
    undatedTitle: 'Undated articles',
    undatedDescription: (articles) => `${articles} whose source gives no date.`,
    monthDescription: (count, month) => `${en.articles(count)} from ${month}.`,
  },

  notFound: {
    title: 'Page not found',
    text: 'There is no page at this address. It may have moved, or the link may be mistyped.',
    searchLabel: 'Search instead',
    inputLabel: 'Search the articles',
    home: 'Go to the latest news',
  },

  offline: {
    title: 'You are offline',
    description: 'This page has not been saved for reading offline.',
    text: 'This page has not been saved on this device, so it cannot be shown until you are back online.',
    stillAvailable: [
      'Pages you have read before still open, and so do ',
      { link: 'home', text: 'the latest news' },
      ' as you last saw it and ',
      { link: 'search', text: 'search' },
      '.',
    ],
  },

  search: {
    title: 'Search',
    description: 'Search every article by keyword.',
    label: 'Search articles',
    placeholder: 'Search articles, people, places…',
    filtersLabel: 'Filters',
    order: 'Order',
    bestMatch: 'Best match',
    newestFirst: 'Newest first',
    language: 'Search articles in',
    nothingMatched: 'Nothing matched. Check the spelling, use fewer or other words, or remove a filter.',
    browse: [
      'You can also browse ',
      { link: 'topics', text: 'topics' },
      ', ',
      { link: 'sources', text: 'sources' },
      ' or the ',
      { link: 'archive', text: 'archive' },
      '.',
    ],
    needsJavaScript: [
      'Search runs in your browser and needs JavaScript. You can still browse the ',
      { link: 'home', text: 'latest news' },
      ', ',
      { link: 'topics', text: 'topics' },
      ' and the ',
      { link: 'archive', text: 'archive' },
      '.',
    ],
    untitled: 'Untitled',
    undated: 'Undated',
    script: {
      loadFailed: 'Search could not be loaded. Please reload the page or try again later.',
      needsBuild: 'Search needs the index that `npm run build` writes; run a build, then reload this page.',
      filters: { section: 'Section', year: 'Year', source: 'Source', topic: 'Topic' },
      // Pagefind's own English, so the English site reads as it always has.
      pagefind: {
        placeholder: 'Search',
        clear_search: 'Clear',
        load_more: 'Load more results',
        search_label: 'Search this site',
        filters_label: 'Filters',
        zero_results: 'No results for [SEARCH_TERM]',
        many_results: '[COUNT] results for [SEARCH_TERM]',
        one_result: '[COUNT] result for [SEARCH_TERM]',
        total_zero_results: 'No results',
        total_one_result: '[COUNT] result',
        total_many_results: '[COUNT] results',
        alt_search: 'No results for [SEARCH_TERM]. Showing results for [DIFFERENT_TERM] instead',
        search_suggestion: 'No results for [SEARCH_TERM]. Try one of the following searches:',
        searching: 'Searching for [SEARCH_TERM]...',
        results_label: 'Search results',
        error_search: 'Search failed',
        filter_selected_one: '[COUNT] selected',
        filter_selected_many: '[COUNT] selected',
        input_hint: 'Results will appear as you type',
        loading: 'Loading',
      },
    },
  },
};
