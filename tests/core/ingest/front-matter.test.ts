import { describe, expect, test } from 'vitest';
import { splitFrontMatter } from '../../../src/core/ingest/front-matter.ts';

describe('splitFrontMatter', () => {
  test('returns every supported field and blanks the front matter lines in the body', () => {
    const text = [
      '---',
      'title: "Ministers: a “new phase”"',
      'date: 2025-07-11',
      'updated: July 12, 2025',
      'author: [Jane Doe, Sam Roe]',
      'source: Reuters',
      'section: World',
      'tags: Afghanistan, Russia',
      'slug: russia-taliban',
      '---',
      'Body line',
    ].join('\n');
    expect(splitFrontMatter(text)).toEqual({
      frontMatter: {
        title: 'Ministers: a “new phase”',
        date: '2025-07-11',
        updated: '2025-07-12',
        authors: ['Jane Doe', 'Sam Roe'],
        source: 'Reuters',
        section: 'World',
        tags: ['Afghanistan', 'Russia'],
        slug: 'russia-taliban',
      },
      body: `${'\n'.repeat(10)}Body line`,
      warnings: [],
      edits: [],
    });
  });

  test('returns the text unchanged when it does not start with ---', () => {
    expect(splitFrontMatter('Title\n---\nx: 1\n---\n')).toEqual({
      frontMatter: {},
      body: 'Title\n---\nx: 1\n---\n',
      warnings: [],
      edits: [],
    });
  });

  test('ignores invalid YAML with a warning, and keeps its lines out of the body', () => {
    const result = splitFrontMatter('---\ntitle: [unclosed\n---\nBody');
    expect(result.frontMatter).toEqual({});
    expect(result.body).toBe('\n\n\nBody');
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/^The front matter is not valid YAML and was ignored/);
  });

  test('ignores an impossible date and a field of the wrong type, with a warning each', () => {
    expect(splitFrontMatter('---\ndate: 2025-13-45\ntitle: {a: 1}\nsource: AP\n---\nBody')).toEqual({
      frontMatter: { source: 'AP' },
      body: '\n\n\n\n\nBody',
      warnings: [
        'The front matter field “title” has an unexpected type and was ignored.',
        'The front matter date “2025-13-45” is not a real date and was ignored.',
      ],
      edits: [],
    });
  });
});

describe('splitFrontMatter with an over-long title', () => {
  test('shortens a title over 200 characters at a word boundary, with a warning', () => {
    const long = 'Long words here '.repeat(20).trim();
    const { frontMatter, warnings } = splitFrontMatter(`---\ntitle: ${long}\n---\nBody`);
    const kept = frontMatter.title?.replace(/…$/, '') ?? '';
    expect(frontMatter.title?.length).toBeLessThanOrEqual(200);
    expect(frontMatter.title?.endsWith('…')).toBe(true);
    // What is kept is the start of the title, ending at a whole word.
    expect(long.startsWith(kept)).toBe(true);
    expect(long.charAt(kept.length)).toBe(' ');
    expect(warnings).toEqual(['The front matter title is longer than 200 characters and was shortened.']);
  });
});

describe('splitFrontMatter on hostile front matter', () => {
  test('reports YAML warnings (a few) instead of printing them, quoting the file, to the log', () => {
    const printed: unknown[] = [];
    const listener = (warning: unknown) => printed.push(warning);
    process.on('warning', listener);
    const tags = Array.from({ length: 50 }, (_, index) => `k${index}: !tag${index} x`).join('\n');
    const result = splitFrontMatter(`---\ntitle: !foo Report\n${tags}\n---\nBody`);
    process.off('warning', listener);
    expect(result.frontMatter.title).toBe('Report');
    expect(result.warnings).toHaveLength(3);
    expect(result.warnings[0]).toMatch(/^The front matter has a YAML warning: Unresolved tag: !foo/);
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        expect(printed).toEqual([]);
        resolve();
      }),
    );
  });

  test('shortens over-long fields and over-long lists, with a warning each', () => {
    const long = 'Wire '.repeat(100).trim();
    const tags = Array.from({ length: 80 }, (_, index) => `t${index}`).join(', ');
    const result = splitFrontMatter(`---\nsource: ${long}\ntags: ${tags}\n---\nBody`);
    expect(result.frontMatter.source?.length).toBeLessThanOrEqual(200);
    expect(result.frontMatter.tags).toHaveLength(50);
    expect(result.warnings).toEqual([
      'The front matter field “source” is longer than 200 characters and was shortened.',
      'The front matter field “tags” lists more than 50 items; the rest were ignored.',
    ]);
  });
});
