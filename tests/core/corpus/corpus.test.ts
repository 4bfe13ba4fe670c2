/**
 * Corpus fixtures (tests/fixtures/corpus/<case>/): small hand-written corpora with the
 * duplicates, alternative headlines and stories we expect, written by hand in expected.json.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEFAULT_MAX_FILE_BYTES, runPipeline, type PipelineResult } from '../../../src/core/pipeline.ts';

interface Expected {
  /** Duplicate file → canonical file. */
  duplicates: Record<string, string>;
  /** Canonical file → the alternative headlines it shows. */
  alsoPublishedAs: Record<string, string[]>;
  /** Every story of two or more articles, as sorted file lists. */
  stories?: string[][];
  /** Pairs of files that must not share a story. */
  apart?: [string, string][];
}

const root = join(import.meta.dirname, '../../fixtures/corpus');
const cases = readdirSync(root).sort();

function build(name: string): PipelineResult {
  const dir = join(root, name);
  const files = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((path) => path.endsWith('.txt'))
    .map((path) => ({ path, bytes: readFileSync(join(dir, path)) }));
  return runPipeline(files, [], { basePath: '/', maxFileBytes: DEFAULT_MAX_FILE_BYTES });
}

describe.each(cases)('corpus fixture %s', (name) => {
  const expected = JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8')) as Expected;
  const result = build(name);
  const fileOf = new Map(result.articles.map((article) => [article.slug, article.sourceFile]));
  const fileOfUrl = (url: string | undefined): string | undefined => fileOf.get(url?.split('/').at(-2) ?? '');

  test('merges exactly the expected duplicates into the expected canonical file', () => {
    const duplicates = Object.fromEntries(
      result.report.inputs
        .filter((input) => input.outcome === 'duplicate')
        .map((input) => [input.file, fileOfUrl(input.duplicateOf)]),
    );
    expect(duplicates).toEqual(expected.duplicates);
  });

  test('shows the alternative headlines of merged duplicates on the canonical article', () => {
    const alternatives = Object.fromEntries(
      result.articles
        .filter((article) => article.alsoPublishedAs.length > 0)
        .map((article) => [article.sourceFile, article.alsoPublishedAs.map((item) => item.title)]),
    );
    expect(alternatives).toEqual(expected.alsoPublishedAs);
  });

  test('groups stories as expected', () => {
    const stories = result.stories
      .filter((story) => story.articles.length > 1)
      .map((story) => story.articles.map((slug) => fileOf.get(slug) ?? slug).sort());
    if (expected.stories) expect(stories).toEqual(expected.stories);
    for (const [a, b] of expected.apart ?? []) {
      expect(stories.some((files) => files.includes(a) && files.includes(b))).toBe(false);
    }
    // Every published article is in exactly one story.
    const inStories = result.stories.flatMap((story) => story.articles).sort();
    expect(inStories).toEqual(result.articles.map((article) => article.slug).sort());
  });
});
