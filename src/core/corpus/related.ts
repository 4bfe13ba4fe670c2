/**
 * Related reading: for each article, up to five articles of other stories that are most like
 * it — the same people, places and organisations (rare names weigh most in the TF-IDF vectors)
 * and similar words. Chosen from the story grouping's nearest-neighbour links (stories.ts), so
 * it adds no comparison of the corpus: linear in the number of links.
 */
import type { StoryLink } from './stories.ts';

/** Related articles shown under an article at most. */
export const RELATED_LIMIT = 5;

/**
 * The related articles of each document: its linked documents in other stories, most similar
 * first (ties by index, so the choice is stable), at most `limit`.
 *
 * @param links - the nearest-neighbour links (each pair once, either direction)
 * @param storyOf - each document's story (any key; equal keys are one story)
 * @param limit - related articles per document at most
 * @returns per document, the indexes of its related documents
 */
export function relatedDocuments(
  links: readonly StoryLink[],
  storyOf: readonly unknown[],
  limit = RELATED_LIMIT,
): number[][] {
  const candidates: { other: number; similarity: number }[][] = storyOf.map(() => []);
  for (const { a, b, similarity } of links) {
    if (storyOf[a] === storyOf[b]) continue;
    candidates[a]?.push({ other: b, similarity });
    candidates[b]?.push({ other: a, similarity });
  }
  return candidates.map((list) => {
    const seen = new Set<number>();
    return list
      .sort((x, y) => y.similarity - x.similarity || x.other - y.other)
      .filter(({ other }) => !seen.has(other) && seen.add(other))
      .slice(0, limit)
      .map(({ other }) => other);
  });
}
