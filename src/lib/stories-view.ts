/**
 * Read models for pages, built once per build from the collections: articles by slug, each
 * story's articles, the order of stories on the home page. Pages only look things up.
 */
import { compareNewestFirst } from './dates.ts';
import type { StoredArticle, Story } from './schema.ts';

export interface StoryView {
  story: Story;
  /** Its articles, newest first, undated last. */
  articles: StoredArticle[];
  /** The newest report, shown for the story in listings. */
  latest: StoredArticle;
}

/**
 * Joins stories with their articles and orders them for the home page: by their newest
 * report, newest first, undated stories last.
 *
 * @param stories - every story
 * @param articles - every published article
 */
export function storyViews(stories: readonly Story[], articles: readonly StoredArticle[]): StoryView[] {
  const bySlug = new Map(articles.map((article) => [article.slug, article]));
  const views = stories.flatMap((story) => {
    const members = story.articles.flatMap((slug) => bySlug.get(slug) ?? []).sort(compareNewestFirst);
    const latest = members[0];
    return latest ? [{ story, articles: members, latest }] : [];
  });
  return views.sort((a, b) => compareNewestFirst(a.latest, b.latest));
}

/**
 * The other articles of an article's story, newest first.
 *
 * @param article - the article being shown
 * @param views - story views by story id
 */
export function otherCoverage(
  article: StoredArticle,
  views: ReadonlyMap<string, StoryView>,
): StoredArticle[] {
  return (views.get(article.story)?.articles ?? []).filter((other) => other.slug !== article.slug);
}
