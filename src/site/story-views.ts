/**
 * Read models for pages, built once per build from the collections: each story's reports, the
 * headline that names it, its outlets, and the order of stories on the home, topic and source
 * pages. Pages only look things up.
 */
import type { StoredArticle, Story } from '../core/model/schema.ts';
import { sameNameKey } from '../core/text/slug.ts';
import { bestByScore, headlineScores, wordRarity } from './story-headline.ts';
import { siteLinks } from '../core/model/routes.ts';
import { compareStrings } from '../core/text/text.ts';
import type { Messages } from './i18n/index.ts';

export interface StoryView {
  story: Story;
  /**
   * Its reports, most relevant first: newest first, undated last; reports of the same date
   * (and the undated ones) by how representative their headline is, then by slug.
   */
  articles: StoredArticle[];
  /** Its reports as a timeline: oldest first, undated last (same date: as in `articles`). */
  timeline: StoredArticle[];
  /** The newest report: its date places the story in listings. */
  latest: StoredArticle;
  /** The report whose headline names the story: the one its other reports share most words with. */
  lead: StoredArticle;
  /** The outlets that reported it, each once (most reports first, then by name). */
  outlets: string[];
  /** Each report's position in `articles`, by slug. */
  rank: ReadonlyMap<string, number>;
}

/**
 * Joins stories with their articles, names each story by its most representative headline
 * and orders them for the home page by {@link compareStories}.
 *
 * @param stories - every story
 * @param articles - every published article
 */
export function storyViews(stories: readonly Story[], articles: readonly StoredArticle[]): StoryView[] {
  const bySlug = new Map(articles.map((article) => [article.slug, article]));
  const rarity = wordRarity(articles);
  const views = stories.flatMap((story) => {
    const members = story.articles.flatMap((slug) => bySlug.get(slug) ?? []);
    if (members.length === 0) return [];
    return [viewOf(story, members, headlineScores(members, rarity))];
  });
  return views.sort(compareStories);
}

/**
 * The order of stories in every listing of stories: by the date of their newest report,
 * newest first (dates compared as calendar days), stories without any dated report last;
 * then bigger stories first — more reports, then more outlets; then by story id, which is
 * stable from build to build. Never by title.
 */
export function compareStories(a: StoryView, b: StoryView): number {
  const dayA = a.latest.date?.slice(0, 10);
  const dayB = b.latest.date?.slice(0, 10);
  if (dayA !== dayB) {
    if (dayA === undefined) return 1;
    if (dayB === undefined) return -1;
    return dayA < dayB ? 1 : -1;
  }
  return (
    b.articles.length - a.articles.length ||
    b.outlets.length - a.outlets.length ||
    compareStrings(a.story.id, b.story.id)
  );
}

/**
 * Story views by story id, for pages that look a story up from an article.
 *
 * @param views - from {@link storyViews}
 */
export function viewsById(views: readonly StoryView[]): Map<string, StoryView> {
  return new Map(views.map((view) => [view.story.id, view]));
}

/** At most this many other reports are listed under an article; the story page has them all. */
export const COVERAGE_LIMIT = 10;

export interface Coverage {
  /** The story's id, for the link to its page. */
  storyId: string;
  /** Up to {@link COVERAGE_LIMIT} other reports, most relevant first. */
  articles: StoredArticle[];
  /** Other reports not listed. */
  more: number;
}

/**
 * The other reports of an article's story, for "Other coverage": the most relevant ones
 * (newest first, then the most representative), at most {@link COVERAGE_LIMIT}, so a page
 * costs the same however big its story is.
 *
 * @param article - the article being shown
 * @param views - story views by story id
 */
export function otherCoverage(article: StoredArticle, views: ReadonlyMap<string, StoryView>): Coverage {
  const view = views.get(article.story);
  if (!view) return { storyId: article.story, articles: [], more: 0 };
  const shown = view.articles
    .slice(0, COVERAGE_LIMIT + 1)
    .filter((other) => other.slug !== article.slug)
    .slice(0, COVERAGE_LIMIT);
  return {
    storyId: view.story.id,
    articles: shown,
    more: Math.max(0, view.articles.length - 1 - shown.length),
  };
}

export interface StoryGroup {
  view: StoryView;
  /** The listing's reports in this story, in the story's order (most relevant first). */
  articles: StoredArticle[];
}

/**
 * A listing's articles (a topic's, a source's) grouped by story, the groups in the order of
 * {@link compareStories}: the same ranking as the home page, judged on the whole story.
 *
 * @param articles - the listing's articles
 * @param views - story views by story id
 */
export function storyGroups(
  articles: readonly StoredArticle[],
  views: ReadonlyMap<string, StoryView>,
): StoryGroup[] {
  const groups = new Map<string, StoryGroup>();
  for (const article of articles) {
    const known = views.get(article.story);
    const view = known?.rank.has(article.slug) ? known : soloView(article);
    const group = groups.get(view.story.id) ?? { view, articles: [] };
    group.articles.push(article);
    groups.set(view.story.id, group);
  }
  return [...groups.values()]
    .map((group) => ({
      view: group.view,
      articles: group.articles.sort(
        (a, b) => (group.view.rank.get(a.slug) ?? 0) - (group.view.rank.get(b.slug) ?? 0),
      ),
    }))
    .sort((a, b) => compareStories(a.view, b.view));
}

/** The line under a listed report that leads to its story. */
export interface StoryLine {
  /** Address of the story's page. */
  url: string;
  reports: number;
  /** Its outlets, most reports first. */
  outlets: readonly string[];
  /** Date of the story's newest report, when that is not the report shown. */
  latest?: string | undefined;
}

/**
 * The story line for a listing that shows `shown` for the story: none for a story of one
 * report (it has no page of its own).
 *
 * @param basePath - `/` or `/news/`
 * @param view - the story
 * @param shown - the report the listing shows; the story's lead by default
 */
export function storyLine(basePath: string, view: StoryView, shown = view.lead): StoryLine | undefined {
  if (view.articles.length < 2) return undefined;
  return {
    url: siteLinks(basePath).story(view.story.id),
    reports: view.articles.length,
    outlets: view.outlets,
    latest: view.latest.slug !== shown.slug && view.latest.date ? view.latest.date : undefined,
  };
}

/** Outlets are named in a story line up to this many; beyond it, only counted. */
const NAMED_OUTLETS = 3;

/**
 * "from 1 outlet (Reuters)", "from 2 outlets (BBC News, Reuters)", "from 7 outlets"; nothing
 * when no outlet is known.
 *
 * @param outlets - the story's outlets
 * @param ui - the interface strings
 */
export function outletsText(outlets: readonly string[], ui: Messages): string | undefined {
  if (outlets.length === 0) return undefined;
  return ui.story.fromOutlets(outlets.length, outlets.length <= NAMED_OUTLETS ? outlets : undefined);
}

function viewOf(story: Story, members: StoredArticle[], scores: ReadonlyMap<string, number>): StoryView {
  const score = (article: StoredArticle): number => scores.get(article.slug) ?? 0;
  const sameDate = (a: StoredArticle, b: StoredArticle): number =>
    score(b) - score(a) || compareStrings(a.slug, b.slug);
  const articles = [...members].sort((a, b) => compareDates(a.date, b.date, -1) || sameDate(a, b));
  const timeline = [...members].sort((a, b) => compareDates(a.date, b.date) || sameDate(a, b));
  // On a tie (one report, or no shared words) the corpus's choice, the story's first report.
  const first = members.find((article) => article.slug === story.id);
  const lead = bestByScore(first ? [first, ...timeline] : timeline, scores);
  return {
    story,
    articles,
    timeline,
    latest: articles[0] ?? lead,
    lead,
    outlets: outletsOf(members),
    rank: new Map(articles.map((article, index) => [article.slug, index])),
  };
}

function soloView(article: StoredArticle): StoryView {
  const story = { id: article.slug, title: article.title, articles: [article.slug], sources: [] };
  return viewOf(story, [article], new Map());
}

/** Dates ascending (`direction` 1) or descending (-1); undated after every dated one either way. */
function compareDates(a: string | undefined, b: string | undefined, direction: 1 | -1 = 1): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -direction : direction;
}

function outletsOf(members: readonly StoredArticle[]): string[] {
  const outlets = new Map<string, { name: string; reports: number }>();
  for (const { source } of members) {
    if (!source) continue;
    const key = sameNameKey(source);
    const outlet = outlets.get(key) ?? { name: source, reports: 0 };
    outlet.reports += 1;
    outlets.set(key, outlet);
  }
  return [...outlets.values()]
    .sort((a, b) => b.reports - a.reports || compareStrings(a.name, b.name))
    .map((outlet) => outlet.name);
}
