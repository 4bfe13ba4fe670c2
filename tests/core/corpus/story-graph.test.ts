/**
 * The candidate graph of the story grouping (neighbourLinks): each report's nearest neighbours
 * by cosine, found through an inverted index of heaviest terms, time-decayed, as undirected
 * links, strongest first. The vectors are hand-made: their cosines are worked out in comments.
 */
import { describe, expect, test } from 'vitest';
import { DEFAULT_STORY_OPTIONS, type StoryLink } from '../../../src/core/corpus/stories.ts';
import { neighbourLinks } from '../../../src/core/corpus/story-graph.ts';
import { vector } from '../../support/vectors.ts';

/**
 * Four reports: cos(0, 1) = 0.6·0.8 + 0.8·0.6 = 0.96, cos(2, 3) = 0.8, cos(0, 3) = 0.8·0.6 = 0.48,
 * cos(1, 3) = 0.6·0.6 = 0.36; reports 0 and 1 share nothing with report 2.
 */
const FOUR = [
  vector({ 0: 0.6, 1: 0.8 }),
  vector({ 0: 0.8, 1: 0.6 }),
  vector({ 2: 1 }),
  vector({ 1: 0.6, 2: 0.8 }),
];
const UNDATED = [Number.NaN, Number.NaN, Number.NaN, Number.NaN];

/** Links with similarities to 6 places, for comparing with literals. */
const rounded = (links: StoryLink[]): [number, number, number][] =>
  links.map(({ a, b, similarity }) => [a, b, Math.round(similarity * 1e6) / 1e6]);

describe('neighbourLinks', () => {
  test('returns each pair at or above minLink once, lower index first, strongest first', () => {
    expect(rounded(neighbourLinks(FOUR, UNDATED, DEFAULT_STORY_OPTIONS))).toStrictEqual([
      [0, 1, 0.96],
      [2, 3, 0.8],
      [0, 3, 0.48],
      [1, 3, 0.36],
    ]);
  });

  test('returns no link weaker than minLink', () => {
    const options = { ...DEFAULT_STORY_OPTIONS, minLink: 0.5 };
    expect(rounded(neighbourLinks(FOUR, UNDATED, options))).toStrictEqual([
      [0, 1, 0.96],
      [2, 3, 0.8],
    ]);
  });

  test('returns only each report’s `neighbours` nearest, a link kept when either end lists the other', () => {
    // Nearest of 0: 1; of 1: 0; of 2: 3; of 3: 2. The 0–3 and 1–3 links are nobody's nearest.
    const options = { ...DEFAULT_STORY_OPTIONS, neighbours: 1 };
    expect(rounded(neighbourLinks(FOUR, UNDATED, options))).toStrictEqual([
      [0, 1, 0.96],
      [2, 3, 0.8],
    ]);
    // Two each: 3 lists 2 and 0 (0.8, 0.48); 1 lists 0 and 3 (0.96, 0.36).
    expect(rounded(neighbourLinks(FOUR, UNDATED, { ...options, neighbours: 2 }))).toStrictEqual([
      [0, 1, 0.96],
      [2, 3, 0.8],
      [0, 3, 0.48],
      [1, 3, 0.36],
    ]);
  });

  test('returns similarities decayed by the days between two dated reports, and not when one is undated', () => {
    // Reports 0 and 1 are 30 days apart: 0.96 × e⁻¹ = 0.353164. Report 3 is undated.
    const days = [0, 30, Number.NaN, Number.NaN];
    expect(rounded(neighbourLinks(FOUR, days, DEFAULT_STORY_OPTIONS))).toStrictEqual([
      [2, 3, 0.8],
      [0, 3, 0.48],
      [1, 3, 0.36],
      [0, 1, 0.353164],
    ]);
  });

  test('returns no link between reports so far apart that the decay takes them under minLink', () => {
    // 90 days at a scale of 30: 0.96 × e⁻⁹ = 0.000118.
    const days = [0, 90, Number.NaN, Number.NaN];
    const pairs = neighbourLinks(FOUR, days, DEFAULT_STORY_OPTIONS).map(({ a, b }) => [a, b]);
    expect(pairs).toStrictEqual([
      [2, 3],
      [0, 3],
      [1, 3],
    ]);
  });

  test('finds candidates only through the reports a term’s posting list keeps (maxPostings)', () => {
    // With one posting per term, term 0 keeps report 1 (0.8 > 0.6), term 1 keeps report 0 (0.8)
    // and term 2 keeps report 2 (1): report 1 finds 0 through term 1, report 3 finds 2 and 0,
    // but no report finds the 1–3 pair, whose only shared term (1) lists report 0.
    const options = { ...DEFAULT_STORY_OPTIONS, maxPostings: 1 };
    expect(rounded(neighbourLinks(FOUR, UNDATED, options))).toStrictEqual([
      [0, 1, 0.96],
      [2, 3, 0.8],
      [0, 3, 0.48],
    ]);
  });

  test('keeps in a full posting list the reports where the term weighs most, not the first ones', () => {
    // Term 0 weighs 0.2 in report 0, 0.8 in report 1 and 0.6 in report 2; with two postings a
    // term, its list keeps reports 1 and 2. Each report asks by its heaviest term only: report 0
    // by term 5, which no other report has, so the 0–1 pair (0.2 · 0.8 = 0.16) is never found.
    const reports = [vector({ 0: 0.2, 5: 0.979796 }), vector({ 0: 0.8, 1: 0.6 }), vector({ 0: 0.6, 1: 0.8 })];
    const options = { ...DEFAULT_STORY_OPTIONS, maxPostings: 2, queryTerms: 1 };
    expect(rounded(neighbourLinks(reports, [Number.NaN, Number.NaN, Number.NaN], options))).toStrictEqual([
      [1, 2, 0.96],
    ]);
    // With room for all three, report 1 finds report 0 through term 0.
    expect(
      rounded(neighbourLinks(reports, [Number.NaN, Number.NaN, Number.NaN], { ...options, maxPostings: 3 })),
    ).toStrictEqual([
      [1, 2, 0.96],
      [0, 1, 0.16],
    ]);
  });

  test('looks candidates up by each report’s `queryTerms` heaviest terms only', () => {
    // With one query term, report 0 asks by term 1 (0.8) and finds 1 and 3; report 1 asks by
    // term 0 and finds 0; reports 2 and 3 ask by term 2 and find each other. The 1–3 pair shares
    // only term 1, by which neither of them asks.
    const one = { ...DEFAULT_STORY_OPTIONS, queryTerms: 1 };
    expect(rounded(neighbourLinks(FOUR, UNDATED, one))).toStrictEqual([
      [0, 1, 0.96],
      [2, 3, 0.8],
      [0, 3, 0.48],
    ]);
  });

  test('computes exact cosines only for the `candidates` best partial scores of each report', () => {
    // Partial dot products over the query terms: report 0 scores 1 at 0.96 and 3 at 0.48; report 1
    // scores 0 at 0.96 and 3 at 0.36; report 3 scores 2 at 0.8, 0 at 0.48 and 1 at 0.36. With one
    // candidate each, only the best of each is linked.
    const options = { ...DEFAULT_STORY_OPTIONS, candidates: 1 };
    expect(rounded(neighbourLinks(FOUR, UNDATED, options))).toStrictEqual([
      [0, 1, 0.96],
      [2, 3, 0.8],
    ]);
  });

  test('returns ties in order of their first, then second report', () => {
    const same = [vector({ 0: 1 }), vector({ 0: 1 }), vector({ 0: 1 })];
    expect(
      rounded(neighbourLinks(same, [Number.NaN, Number.NaN, Number.NaN], DEFAULT_STORY_OPTIONS)),
    ).toStrictEqual([
      [0, 1, 1],
      [0, 2, 1],
      [1, 2, 1],
    ]);
  });

  test('returns no links for reports without terms, or for no reports', () => {
    expect(
      neighbourLinks([vector({}), vector({})], [Number.NaN, Number.NaN], DEFAULT_STORY_OPTIONS),
    ).toStrictEqual([]);
    expect(neighbourLinks([], [], DEFAULT_STORY_OPTIONS)).toStrictEqual([]);
  });
});
