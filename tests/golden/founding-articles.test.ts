/**
 * The two articles the project was founded on, parsed exactly as issue #2 specifies.
 * Expected values live in tests/fixtures/founding/*.expected.json, written by hand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEFAULT_MAX_FILE_BYTES, runPipeline } from '../../src/core/pipeline.ts';
import type { Article } from '../../src/core/model/schema.ts';

interface Expected {
  title: string;
  dek?: string;
  date?: string;
  byline?: string;
  signoff?: string;
  paragraphStarts: string[];
  edits: { kind: string; line: number; count: number }[];
}

const root = join(import.meta.dirname, '../..');
const FILES = ['000_e029bdb3274fdf84.txt', '001_31f1dcf5b4a59989.txt'];
const { articles, stories, report } = runPipeline(
  FILES.map((path) => ({ path, bytes: readFileSync(join(root, 'content', path)) })),
  [],
  { basePath: '/', maxFileBytes: DEFAULT_MAX_FILE_BYTES },
);

describe.each(FILES)('founding article %s', (file) => {
  const expected = JSON.parse(
    readFileSync(join(root, 'tests/fixtures/founding', file.replace('.txt', '.expected.json')), 'utf8'),
  ) as Expected;
  const article = (): Article => {
    const found = articles.find((candidate) => candidate.sourceFile === file);
    if (!found) throw new Error(`${file} was not published`);
    return found;
  };

  test('has the expected title, dek, date, byline and sign-off (absent ones absent)', () => {
    const { title, dek, date, byline, signoff } = article();
    const picked = Object.fromEntries(
      Object.entries({ title, dek, date, byline, signoff }).filter(([, value]) => value !== undefined),
    );
    const fields = Object.fromEntries(
      Object.entries(expected).filter(([key]) => key !== 'paragraphStarts' && key !== 'edits'),
    );
    expect(picked).toEqual(fields);
  });

  test('has exactly the expected body paragraphs, in order', () => {
    const { paragraphs } = article();
    expect(paragraphs).toHaveLength(expected.paragraphStarts.length);
    paragraphs.forEach((paragraph, index) =>
      expect(paragraph.startsWith(expected.paragraphStarts[index] ?? '∅')).toBe(true),
    );
  });

  test('records exactly the removed repeats', () => {
    expect(article().edits.map(({ kind, line, removed }) => ({ kind, line, count: removed.length }))).toEqual(
      expected.edits,
    );
  });

  test('has no straight quotes left in any shown text', () => {
    const { title, dek = '', signoff = '', paragraphs } = article();
    expect([title, dek, signoff, ...paragraphs].join('\n')).not.toMatch(/["']/);
  });

  test('changes no word of the source: its words are the source’s words in order', () => {
    const source = readFileSync(join(root, 'content', file), 'utf8');
    const words = (text: string): string[] => text.replace(/[’']/g, "'").match(/[\p{L}\p{N}']+/gu) ?? [];
    const sourceWords = words(source).join(' ');
    for (const paragraph of article().paragraphs) expect(sourceWords).toContain(words(paragraph).join(' '));
  });
});

describe('founding articles together', () => {
  test('both are published, with distinct slugs', () => {
    expect(articles.map((article) => article.slug).sort()).toEqual([
      'russia-becomes-the-first-country-in-the-world-to-recognize-taliban-government',
      'russias-historic-recognition-of-taliban-government-a-shift-in-geopolitical-dynamics',
    ]);
  });

  test('form one story of two reports, and neither is a duplicate', () => {
    expect(
      stories.filter((story) => story.articles.length > 1).map((story) => story.articles.sort()),
    ).toEqual([
      [
        'russia-becomes-the-first-country-in-the-world-to-recognize-taliban-government',
        'russias-historic-recognition-of-taliban-government-a-shift-in-geopolitical-dynamics',
      ],
    ]);
    expect(report.inputs.map((input) => input.outcome)).toEqual(['published', 'published']);
  });
});
