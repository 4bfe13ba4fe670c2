/**
 * The shape of the site's translation table: every string of the interface (navigation, dates,
 * counts, page texts, the search page and what its script says), so a site in another language
 * is a setting (SITE_LANG), not a fork. One object per language (en.ts, fr.ts) implements it;
 * index.ts picks one. Article text is never translated: only the frame around it.
 *
 * Counted phrases are functions choosing their form with the language's plural rules
 * ({@link pluralRules}); dates use the language's locale. Strings are plain text: pages escape
 * them like any other text.
 */
import type { Topic } from '../../core/model/schema.ts';

/**
 * A sentence with links in it, in order: plain text, and links by name with their text. The
 * page supplies each name's address, so a translation may move a link within its sentence.
 */
export type LinkedText<Name extends string> = readonly (string | LinkPart<Name>)[];

export interface LinkPart<Name extends string> {
  readonly link: Name;
  readonly text: string;
}

/**
 * Pagefind Component UI's own strings, by its translation keys, passed to its `setTranslations`
 * so the result count, the filter pane and the status lines speak the site's language.
 * `[COUNT]`, `[SEARCH_TERM]` and `[DIFFERENT_TERM]` are filled in by Pagefind.
 */
export interface PagefindStrings {
  readonly placeholder: string;
  readonly clear_search: string;
  readonly load_more: string;
  readonly search_label: string;
  readonly filters_label: string;
  readonly zero_results: string;
  readonly many_results: string;
  readonly one_result: string;
  readonly total_zero_results: string;
  readonly total_one_result: string;
  readonly total_many_results: string;
  readonly alt_search: string;
  readonly search_suggestion: string;
  readonly searching: string;
  readonly results_label: string;
  readonly error_search: string;
  readonly filter_selected_one: string;
  readonly filter_selected_many: string;
  readonly input_hint: string;
  readonly loading: string;
}

/** The search filters the site defines (see search-attributes.ts), by their Pagefind name. */
export type SearchFilter = 'section' | 'year' | 'source' | 'topic';

/**
 * What the search page's script needs to say, handed to it by the page as JSON in a `data-*`
 * attribute: the script is one bundle for every language and imports no table.
 */
export interface SearchScriptMessages {
  /** Shown when Pagefind could not be loaded. */
  readonly loadFailed: string;
  /** Shown in `astro dev` when there is no index yet. */
  readonly needsBuild: string;
  /** Names of the filter groups in the filter pane (Pagefind shows the raw name otherwise). */
  readonly filters: { readonly [Name in SearchFilter]: string };
  readonly pagefind: PagefindStrings;
}

export interface Messages {
  /** The language of this table, a BCP 47 tag (`en`, `fr`). */
  readonly lang: string;
  /** Open Graph locale of a site in this language that names no region (`en_GB`, `fr_FR`). */
  readonly ogLocale: string;

  /** A whole number in running text: "1234" (en), "1 234" (fr). */
  number(value: number): string;
  /** "11 July 2025" for `2025-07-11` or any timestamp written on that day. */
  date(isoDate: string): string;
  /** "July 2025": an archive month's name, as a heading. */
  month(year: number, month: number): string;
  /** "1 article", "3 articles". */
  articles(count: number): string;
  /** "1 report", "3 reports": the articles of a story. */
  reports(count: number): string;
  /** "1 outlet", "3 outlets". */
  outlets(count: number): string;
  /** "4 min read". */
  minRead(minutes: number): string;
  /** ", page 2 of 5" after a listing's title on its later pages. */
  pageOf(page: number, pages: number): string;
  /** Between the items of a list whose items may hold commas: "; " (headlines, edits). */
  readonly separator: string;

  readonly site: {
    /** The site's description: the home page's meta description, the footer, the site feed. */
    readonly description: string;
    /** The home page's heading, and its title after the site's name. */
    readonly latestNews: string;
    /** "page 2" beside the heading of the home page's later pages. */
    page(page: number): string;
    /** The site-wide feed's name after the site's ("Dispatch — all articles"). */
    readonly allArticles: string;
    /** The OPML list's title after the site's name ("Dispatch — every feed"). */
    readonly everyFeed: string;
    readonly skipToContent: string;
  };

  readonly nav: {
    /** Accessible name of the main navigation. */
    readonly main: string;
    readonly latest: string;
    readonly topics: string;
    readonly sources: string;
    readonly archive: string;
    /** Accessible name of the section navigation. */
    readonly sections: string;
    /** Accessible name of the footer's navigation. */
    readonly more: string;
    readonly rssFeed: string;
    readonly allFeeds: string;
    /** Accessible name of the header's search form. */
    readonly siteSearch: string;
    /** Label and placeholder of the header's search box. */
    readonly searchArticles: string;
    /** The search buttons' text. */
    readonly search: string;
    readonly darkTheme: string;
  };

  readonly pagination: {
    /** Accessible name of the page links. */
    readonly label: string;
    readonly newer: string;
    readonly older: string;
    /** Read before a page's number by screen readers ("Page 3"). */
    readonly page: string;
  };

  readonly article: {
    /** "By Jane Doe and Sam Roe". */
    byline(names: string): string;
    readonly undated: string;
    /** Before the date of an update ("Updated 12 July 2025"). */
    readonly updated: string;
    /** The printed page's last line: where it came from. */
    printedFrom(url: string): string;
    readonly share: string;
    /** Said once the address has been copied for sharing. */
    readonly linkCopied: string;
    /** Accessible name and hidden heading of the topic links. */
    readonly topics: string;
    /** The link to the article's outlet's page. */
    moreFrom(source: string): string;
    /** Before the headlines of merged duplicates. */
    alsoPublishedAs(count: number): string;
    /** After the headlines shown, for the ones left out ("and 3 other headlines"). */
    otherHeadlines(count: number): string;
    readonly otherCoverage: string;
    /** Under a story's other reports, when some are not listed. */
    coverageMore(count: number): LinkedText<'story'>;
    /** The link to the story's page when every report is listed. */
    allReports(count: number): string;
    readonly related: string;
    /** The text of a merged duplicate's redirect page; `title` is the kept article's headline. */
    moved(title: string): LinkedText<'article'>;
  };

  /** The editing note: what the pipeline removed from or changed in an article's source. */
  readonly edits: {
    /** Accessible name of the note. */
    readonly label: string;
    /** `list`: the removals, joined. */
    removed(list: string): string;
    changed(list: string): string;
    repeatedTitle(line: number): string;
    repeatedDek(line: number): string;
    repeatedParagraphs(paragraphs: number, line: number): string;
    removedCharacters(entries: string): string;
    replacedCharacters(entries: string): string;
    decodedEntities(entries: string): string;
    /** Many repeated blocks, summed up. */
    repeatedBlocks(blocks: number, paragraphs: number, firstLine: number): string;
    /** Where a character edit happened: "(line 4)", "(lines 4, 9 and 3 more)". */
    atLines(lines: readonly number[], more: number): string;
    /** An entry summing up the kinds of characters not listed one by one. */
    otherKinds(count: number): string;
  };

  readonly story: {
    /** The link from a listed report to its story. */
    reportsOnStory(count: number): string;
    /** The story's outlets after that link; `names` when there are few enough to list. */
    fromOutlets(count: number, names: readonly string[] | undefined): string;
    /** Before the date of the story's newest report ("latest 11 July 2025"). */
    readonly latest: string;
    /** "and 3 more in the story", under a listing's story card. */
    moreInStory(count: number): string;
    /** "3 reports from 2 outlets"; just the reports when no outlet is known. */
    reportsFrom(reports: number, outlets: number): string;
    /** The story page's kicker above its headline. */
    readonly eyebrow: string;
    /** The story page's meta description. */
    description(reportsFrom: string, lead: string): string;
    /** The outlets that reported it, under its headline. */
    outletList(outlets: readonly string[]): string;
    /** The home page of a site without articles. */
    readonly noArticles: string;
  };

  readonly topics: {
    readonly title: string;
    readonly description: string;
    readonly none: string;
    /** A topic's kind, on its page. */
    readonly kinds: { readonly [Kind in Topic['kind']]: string };
    /** Headings of the topics index, by kind. */
    readonly groups: { readonly [Kind in Topic['kind']]: string };
    /** A topic page's meta description; `articles` is the counted phrase. */
    pageDescription(articles: string, name: string): string;
    feedDescription(name: string): string;
  };

  readonly sources: {
    readonly title: string;
    readonly description: string;
    readonly none: string;
    /** The note on articles that name no outlet. */
    unattributed(count: number): string;
    readonly eyebrow: string;
    pageDescription(reports: string, name: string): string;
    feedDescription(name: string): string;
  };

  readonly sections: {
    readonly eyebrow: string;
    pageDescription(articles: string, name: string): string;
    feedDescription(name: string): string;
  };

  readonly archive: {
    readonly title: string;
    readonly description: string;
    /** The archive's heading for the undated articles. */
    readonly undated: string;
    /** The link to them. */
    withoutDate(count: number): string;
    readonly none: string;
    readonly undatedTitle: string;
    undatedDescription(articles: string): string;
    /** A month page's meta description; `month` as {@link Messages.month} writes it. */
    monthDescription(count: number, month: string): string;
  };

  readonly notFound: {
    readonly title: string;
    readonly text: string;
    /** Accessible name of its search form. */
    readonly searchLabel: string;
    readonly inputLabel: string;
    readonly home: string;
  };

  /** The page the service worker shows offline for a page this device has not saved. */
  readonly offline: {
    readonly title: string;
    readonly description: string;
    readonly text: string;
    readonly stillAvailable: LinkedText<'home' | 'search'>;
  };

  readonly search: {
    readonly title: string;
    readonly description: string;
    /** Accessible name of the search form, and the label of its box. */
    readonly label: string;
    readonly placeholder: string;
    /** Accessible name of the filter pane. */
    readonly filtersLabel: string;
    readonly order: string;
    readonly bestMatch: string;
    readonly newestFirst: string;
    /** Label of the control that picks the language searched, when articles are in several. */
    readonly language: string;
    readonly nothingMatched: string;
    readonly browse: LinkedText<'topics' | 'sources' | 'archive'>;
    readonly needsJavaScript: LinkedText<'home' | 'topics' | 'archive'>;
    /** A result without a title. */
    readonly untitled: string;
    /** The year filter's value for articles without a date. */
    readonly undated: string;
    readonly script: SearchScriptMessages;
  };
}

/** The forms of a counted phrase by plural category; `other` is required, the rest optional. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * The plural chooser of a language (Intl.PluralRules): `choose(count, forms)` is the form for
 * `count`, `other` when the language's category for it has no form of its own.
 *
 * @param lang - a BCP 47 tag
 */
export function pluralRules(lang: string): (count: number, forms: PluralForms) => string {
  const rules = new Intl.PluralRules(lang);
  return (count, forms) => forms[rules.select(count)] ?? forms.other;
}

/** A part of a {@link LinkedText} with its address: text alone, or the text of a link. */
export interface ResolvedPart {
  readonly text: string;
  readonly href?: string;
}

/**
 * Gives each link of a sentence its address.
 *
 * @param text - the sentence, from the table
 * @param hrefs - the address of each of its link names
 */
export function withLinks<Name extends string>(
  text: LinkedText<Name>,
  hrefs: Readonly<Record<Name, string>>,
): ResolvedPart[] {
  return text.map((part) =>
    typeof part === 'string' ? { text: part } : { text: part.text, href: hrefs[part.link] },
  );
}
