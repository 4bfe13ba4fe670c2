/** The build report: its canonical order, its bytes, and the STRICT=1 verdict on it. */
import { describe, expect, test } from 'vitest';
import {
  orderReport,
  serializeReport,
  strictModeFailure,
  type BuildReport,
  type ReportInput,
} from '../../../src/core/model/report.ts';

const input = (
  file: string,
  outcome: ReportInput['outcome'],
  extra: Partial<ReportInput> = {},
): ReportInput => ({
  file,
  outcome,
  warnings: [],
  ...extra,
});

describe('orderReport', () => {
  test('returns inputs by file path in code-point order, not locale order', () => {
    const report: BuildReport = {
      inputs: [
        input('é.txt', 'published'),
        input('a/b.txt', 'published'),
        input('a.txt', 'rejected'),
        input('Z.txt', 'ignored'),
        input('b.txt', 'duplicate'),
      ],
      stories: [],
    };
    expect(orderReport(report).inputs.map((entry) => entry.file)).toStrictEqual([
      'Z.txt',
      'a.txt',
      'a/b.txt',
      'b.txt',
      'é.txt',
    ]);
  });

  test('returns stories by id, each with its articles in the order given', () => {
    const report: BuildReport = {
      inputs: [],
      stories: [
        { id: 'vote', articles: ['/b/', '/a/'] },
        { id: 'budget-2', articles: ['/c/'] },
        { id: 'budget', articles: ['/d/'] },
      ],
    };
    expect(orderReport(report).stories).toStrictEqual([
      { id: 'budget', articles: ['/d/'] },
      { id: 'budget-2', articles: ['/c/'] },
      { id: 'vote', articles: ['/b/', '/a/'] },
    ]);
  });

  test('returns new lists and leaves the given report as it was', () => {
    const inputs = [input('b.txt', 'published'), input('a.txt', 'published')];
    const stories = [
      { id: 'y', articles: ['/b/'] },
      { id: 'x', articles: ['/a/'] },
    ];
    const ordered = orderReport({ inputs, stories });
    expect(inputs.map((entry) => entry.file)).toStrictEqual(['b.txt', 'a.txt']);
    expect(stories.map((story) => story.id)).toStrictEqual(['y', 'x']);
    expect(ordered.inputs).not.toBe(inputs);
    expect(ordered.stories).not.toBe(stories);
  });
});

describe('serializeReport', () => {
  test('returns the ordered report as two-space-indented JSON with a final newline', () => {
    const report: BuildReport = {
      inputs: [
        input('b.txt', 'published', { url: '/articles/b/', title: 'B', paragraphs: 2, story: 'b' }),
        input('a.txt', 'duplicate', { duplicateOf: '/articles/b/', redirectFrom: '/articles/a/' }),
      ],
      stories: [{ id: 'b', articles: ['/articles/b/'] }],
    };
    expect(serializeReport(report)).toBe(
      [
        '{',
        '  "inputs": [',
        '    {',
        '      "file": "a.txt",',
        '      "outcome": "duplicate",',
        '      "warnings": [],',
        '      "duplicateOf": "/articles/b/",',
        '      "redirectFrom": "/articles/a/"',
        '    },',
        '    {',
        '      "file": "b.txt",',
        '      "outcome": "published",',
        '      "warnings": [],',
        '      "url": "/articles/b/",',
        '      "title": "B",',
        '      "paragraphs": 2,',
        '      "story": "b"',
        '    }',
        '  ],',
        '  "stories": [',
        '    {',
        '      "id": "b",',
        '      "articles": [',
        '        "/articles/b/"',
        '      ]',
        '    }',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
  });

  test('returns DEL, C1 controls, line separators, bidi controls and noncharacters spelled out as \\u escapes', () => {
    const file = 'a\u007fb\u0085c\u2028d\u2029e\u202ef\u2066g\ufdd0h\uffffi\u{1fffe}.txt';
    const text = serializeReport({ inputs: [input(file, 'ignored')], stories: [] });
    expect(text).toContain(
      '"file": "a\\u007fb\\u0085c\\u2028d\\u2029e\\u202ef\\u2066g\\ufdd0h\\uffffi\\ud83f\\udffe.txt"',
    );
    expect(JSON.parse(text)).toStrictEqual({ inputs: [input(file, 'ignored')], stories: [] });
  });

  test('returns C0 controls and lone surrogates escaped as JSON escapes them', () => {
    const file = 'tab\there\u0001\u001b[2J\ud800.txt';
    const text = serializeReport({ inputs: [input(file, 'ignored')], stories: [] });
    expect(text).toContain('"file": "tab\\there\\u0001\\u001b[2J\\ud800.txt"');
    expect(JSON.parse(text)).toStrictEqual({ inputs: [input(file, 'ignored')], stories: [] });
  });

  test('returns letters of any script, emoji and ZWJ sequences as they are', () => {
    const file = 'Café/新华社/\u{1f469}\u200d\u{1f4bb}.txt';
    const text = serializeReport({ inputs: [input(file, 'ignored')], stories: [] });
    expect(text).toContain(`"file": "${file}"`);
  });
});

describe('strictModeFailure', () => {
  test('returns undefined when nothing was rejected and no corpus stage failed', () => {
    const report: BuildReport = {
      inputs: [
        input('a.txt', 'published'),
        input('b.txt', 'duplicate'),
        input('c.md', 'ignored', { reason: 'Not a .txt file.' }),
      ],
      stories: [],
    };
    expect(strictModeFailure(report)).toBeUndefined();
    expect(strictModeFailure(report, [])).toBeUndefined();
  });

  test('returns a message naming the one rejected file and its reason', () => {
    const report: BuildReport = {
      inputs: [input('a.txt', 'published'), input('empty.txt', 'rejected', { reason: 'The file is empty.' })],
      stories: [],
    };
    expect(strictModeFailure(report)).toBe(
      'STRICT=1: 1 file was rejected; fix or remove them, or build without STRICT:\n  - empty.txt: The file is empty.',
    );
  });

  test('returns "rejected" as the reason of a rejected file that has none', () => {
    const report: BuildReport = { inputs: [input('x.txt', 'rejected')], stories: [] };
    expect(strictModeFailure(report)).toBe(
      'STRICT=1: 1 file was rejected; fix or remove them, or build without STRICT:\n  - x.txt: rejected',
    );
  });

  test('returns every rejected file, then every failed stage, when both happened', () => {
    const report: BuildReport = {
      inputs: [
        input('a.txt', 'rejected', { reason: 'The file is empty.' }),
        input('b.txt', 'rejected', { reason: 'The file is binary.' }),
      ],
      stories: [],
    };
    expect(strictModeFailure(report, ['Topics were skipped (internal error: \u001b[2J boom)'])).toBe(
      [
        'STRICT=1: 2 files were rejected and a corpus stage failed; fix or remove them, or build without STRICT:',
        '  - a.txt: The file is empty.',
        '  - b.txt: The file is binary.',
        '  - Topics were skipped (internal error: \\x1b[2J boom)',
      ].join('\n'),
    );
  });
});
