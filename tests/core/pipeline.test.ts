import { Buffer } from 'node:buffer';
import { describe, expect, test } from 'vitest';
import { parseFiles, runPipeline, type IgnoredFile } from '../../src/core/pipeline.ts';
import type { InputFile, ReadResult } from '../../src/core/read-file.ts';
import { serializeReport, type BuildReport } from '../../src/core/model/report.ts';

const MIB = 1024 * 1024;
const OPTIONS = { basePath: '/news/', maxFileBytes: MIB };

const ELECTION_UK = [
  'Election night',
  'By Jane Doe',
  '2025-07-11',
  '',
  'Voters queued for hours outside the town hall.',
  '',
  'Counting began at once.',
  '',
].join('\n');

const ELECTION_WORLD = [
  'Election night',
  '',
  'A recount was ordered in the north.',
  '',
  'Results are due on Friday.',
  '',
  'Observers called the vote fair.',
  '',
].join('\n');

function file(path: string, text: string): InputFile {
  return { path, bytes: Buffer.from(text, 'utf8') };
}

function urlsByFile(report: BuildReport): Record<string, string | undefined> {
  return Object.fromEntries(report.inputs.map((input) => [input.file, input.url]));
}

describe('runPipeline', () => {
  test('returns the file as rejected with "The file is empty." when it has no bytes', () => {
    const { articles, report } = runPipeline([{ path: 'empty.txt', bytes: new Uint8Array(0) }], [], OPTIONS);
    expect(articles).toStrictEqual([]);
    expect(report).toStrictEqual({
      inputs: [{ file: 'empty.txt', outcome: 'rejected', reason: 'The file is empty.', warnings: [] }],
      stories: [],
    });
  });

  test('returns the file as rejected with a reason mentioning binary when it contains NUL bytes', () => {
    const bytes = Buffer.from([0x45, 0x6c, 0x65, 0x63, 0x00, 0x00, 0x74, 0x69, 0x6f, 0x6e, 0x0a]);
    const { articles, report } = runPipeline([{ path: 'photo.txt', bytes }], [], OPTIONS);
    expect(articles).toStrictEqual([]);
    expect(report.inputs).toHaveLength(1);
    expect(report.inputs[0]?.file).toBe('photo.txt');
    expect(report.inputs[0]?.outcome).toBe('rejected');
    expect(report.inputs[0]?.reason).toMatch(/binary/i);
  });

  test('returns the file as rejected with the size, the limit and MAX_FILE_BYTES when its size is over the limit', () => {
    const big = { ...file('big.txt', ELECTION_UK), size: 3.5 * MIB };
    const { articles, report } = runPipeline([big], [], OPTIONS);
    expect(articles).toStrictEqual([]);
    expect(report.inputs).toStrictEqual([
      {
        file: 'big.txt',
        outcome: 'rejected',
        reason: 'The file is 3.5 MiB, over the 1.0 MiB limit; split it or raise MAX_FILE_BYTES.',
        warnings: [],
      },
    ]);
  });

  test('returns a reason stating the actual limit and MAX_FILE_BYTES when the limit is far below 1 MiB', () => {
    const big = { ...file('big.txt', ELECTION_UK), size: 500 };
    const { report } = runPipeline([big], [], { basePath: '/', maxFileBytes: 100 });
    expect(report.inputs[0]?.outcome).toBe('rejected');
    const reason = report.inputs[0]?.reason ?? '';
    expect(reason).toContain('MAX_FILE_BYTES');
    // A 100-byte limit must be stated as such, not rounded to "0.0 MiB".
    expect(reason).toMatch(/\b100\b/);
  });

  test('returns the file as rejected when its bytes alone are over the limit and no size is given', () => {
    const { report } = runPipeline([file('long.txt', ELECTION_UK)], [], { basePath: '/', maxFileBytes: 20 });
    expect(report.inputs[0]?.outcome).toBe('rejected');
    expect(report.inputs[0]?.reason).toContain('MAX_FILE_BYTES');
  });

  test('returns the file as published when its size equals the limit exactly', () => {
    const { report } = runPipeline([{ ...file('uk.txt', ELECTION_UK), size: MIB }], [], OPTIONS);
    expect(report.inputs[0]?.outcome).toBe('published');
  });

  test('returns the file as rejected with the parser reason when it holds only whitespace', () => {
    const { report } = runPipeline([file('blank.txt', ' \n\t\n  \n')], [], OPTIONS);
    expect(report.inputs).toStrictEqual([
      {
        file: 'blank.txt',
        outcome: 'rejected',
        reason: 'The file has no text (it is empty or only whitespace).',
        warnings: [],
      },
    ]);
  });

  test('returns ignored files with outcome ignored and their reason when they are passed in', () => {
    const ignored: IgnoredFile[] = [
      { path: 'notes.md', reason: 'Not a .txt file: only .txt files are read as articles.' },
      { path: 'story.txt~', reason: 'Editor backup or temporary file.' },
    ];
    const { articles, report } = runPipeline([], ignored, OPTIONS);
    expect(articles).toStrictEqual([]);
    expect(report).toStrictEqual({
      inputs: [
        {
          file: 'notes.md',
          outcome: 'ignored',
          reason: 'Not a .txt file: only .txt files are read as articles.',
          warnings: [],
        },
        { file: 'story.txt~', outcome: 'ignored', reason: 'Editor backup or temporary file.', warnings: [] },
      ],
      stories: [],
    });
  });

  test('returns a published entry with url, title, date, byline and paragraph count when the article has them', () => {
    const { report } = runPipeline([file('uk/election.txt', ELECTION_UK)], [], OPTIONS);
    expect(report.inputs).toStrictEqual([
      {
        file: 'uk/election.txt',
        outcome: 'published',
        url: '/news/articles/election-night/',
        story: 'election-night',
        warnings: [],
        title: 'Election night',
        date: '2025-07-11',
        byline: 'Jane Doe',
        paragraphs: 2,
      },
    ]);
  });

  test('returns a published entry without date and byline keys when the article has neither', () => {
    const { report } = runPipeline([file('world/election.txt', ELECTION_WORLD)], [], OPTIONS);
    expect(report.inputs).toStrictEqual([
      {
        file: 'world/election.txt',
        outcome: 'published',
        url: '/news/articles/election-night/',
        story: 'election-night',
        warnings: [],
        title: 'Election night',
        paragraphs: 3,
      },
    ]);
  });

  test('returns the parser warnings on the published entry when the file has no headline', () => {
    const text =
      'Rain fell across the county on Sunday and rivers rose to their highest level in a decade. Roads were closed.\n';
    const { report } = runPipeline([file('rain.txt', text)], [], { basePath: '/', maxFileBytes: MIB });
    expect(report.inputs).toStrictEqual([
      {
        file: 'rain.txt',
        outcome: 'published',
        url: '/articles/rain-fell-across-the-county-on-sunday-and-rivers-rose-to-their-highest-level-in-a-decade/',
        story: 'rain-fell-across-the-county-on-sunday-and-rivers-rose-to-their-highest-level-in-a-decade',
        warnings: ['No headline was found; the title was taken from the first sentence.'],
        title: 'Rain fell across the county on Sunday and rivers rose to their highest level in a decade',
        paragraphs: 1,
      },
    ]);
  });

  test('returns slugs x and x-2 by file path when two articles have the same title', () => {
    const files = [file('world/election.txt', ELECTION_WORLD), file('uk/election.txt', ELECTION_UK)];
    const { articles, report } = runPipeline(files, [], OPTIONS);
    expect(articles.map((article) => [article.slug, article.sourceFile])).toStrictEqual([
      ['election-night', 'uk/election.txt'],
      ['election-night-2', 'world/election.txt'],
    ]);
    expect(urlsByFile(report)).toStrictEqual({
      'uk/election.txt': '/news/articles/election-night/',
      'world/election.txt': '/news/articles/election-night-2/',
    });
  });

  test('returns the same slug for each path when the files are given in reverse order', () => {
    const files = [file('world/election.txt', ELECTION_WORLD), file('uk/election.txt', ELECTION_UK)];
    const expected = {
      'uk/election.txt': '/news/articles/election-night/',
      'world/election.txt': '/news/articles/election-night-2/',
    };
    expect(urlsByFile(runPipeline(files, [], OPTIONS).report)).toStrictEqual(expected);
    expect(urlsByFile(runPipeline([...files].reverse(), [], OPTIONS).report)).toStrictEqual(expected);
  });

  test('returns URLs under the root when basePath is "/"', () => {
    const { report } = runPipeline([file('uk/election.txt', ELECTION_UK)], [], {
      basePath: '/',
      maxFileBytes: MIB,
    });
    expect(report.inputs[0]?.url).toBe('/articles/election-night/');
  });

  test('returns report inputs sorted by file path in code-point order when given in any order', () => {
    const files: InputFile[] = [
      file('world/election.txt', ELECTION_WORLD),
      { path: 'empty.txt', bytes: new Uint8Array(0) },
      file('uk/election.txt', ELECTION_UK),
      { path: 'Z.txt', bytes: Buffer.from([0x00, 0x01]) },
    ];
    const ignored: IgnoredFile[] = [
      { path: 'notes.md', reason: 'Not a .txt file: only .txt files are read as articles.' },
      { path: '.drafts/a.txt', reason: 'Hidden file or folder (its name starts with a dot).' },
    ];
    const expected = [
      '.drafts/a.txt',
      'Z.txt',
      'empty.txt',
      'notes.md',
      'uk/election.txt',
      'world/election.txt',
    ];
    const forward = runPipeline(files, ignored, OPTIONS).report;
    const backward = runPipeline([...files].reverse(), [...ignored].reverse(), OPTIONS).report;
    expect(forward.inputs.map((input) => input.file)).toStrictEqual(expected);
    expect(backward.inputs.map((input) => input.file)).toStrictEqual(expected);
    expect(forward.inputs.map((input) => input.outcome)).toStrictEqual([
      'ignored',
      'rejected',
      'rejected',
      'ignored',
      'published',
      'published',
    ]);
  });
});

describe('the parse cache', () => {
  // Digests given with the files make every cache key a literal: `{digest}:{size}:{limit}`.
  const budget = { ...file('budget.txt', 'Budget vote\n\nThe council voted.\n'), digest: 'digest-budget' };
  const park = { ...file('park.txt', 'Park opens\n\nThe park opened.\n'), digest: 'digest-park' };
  const bridge = { ...file('bridge.txt', 'Bridge closes\n\nThe bridge closed.\n'), digest: 'digest-bridge' };
  const empty = { path: 'empty.txt', bytes: new Uint8Array(0), digest: 'digest-empty' };

  test('holds, after a run, exactly the readings of that run’s files, and forgets files no longer present', () => {
    expect([budget.bytes.length, park.bytes.length, bridge.bytes.length]).toStrictEqual([32, 29, 34]);
    const cache = new Map<string, ReadResult>([['digest-gone:10:1048576', { rejected: 'An old reading.' }]]);

    runPipeline([budget, park, empty], [], { ...OPTIONS, parseCache: cache });
    expect([...cache.keys()].sort()).toStrictEqual([
      'digest-budget:32:1048576',
      'digest-empty:0:1048576',
      'digest-park:29:1048576',
    ]);
    expect(cache.get('digest-empty:0:1048576')).toStrictEqual({ rejected: 'The file is empty.' });
    expect(cache.get('digest-budget:32:1048576')).toMatchObject({
      title: 'Budget vote',
      paragraphs: ['The council voted.'],
    });
    const budgetReading = cache.get('digest-budget:32:1048576');

    const { articles } = runPipeline([budget, bridge], [], { ...OPTIONS, parseCache: cache });
    expect([...cache.keys()].sort()).toStrictEqual(['digest-bridge:34:1048576', 'digest-budget:32:1048576']);
    // The unchanged file's reading is the one kept from the first run, not a new one.
    expect(cache.get('digest-budget:32:1048576')).toBe(budgetReading);
    expect(articles.map((article) => article.title).sort()).toStrictEqual(['Bridge closes', 'Budget vote']);
  });

  test('holds the new reading of a file whose bytes changed, and not the old one', () => {
    const cache = new Map<string, ReadResult>();
    parseFiles([budget], { maxFileBytes: MIB, parseCache: cache });
    const edited = {
      ...file('budget.txt', 'Budget vote\n\nThe council voted again.\n'),
      digest: 'digest-edited',
    };
    const { articles } = parseFiles([edited], { maxFileBytes: MIB, parseCache: cache });
    expect([...cache.keys()]).toStrictEqual(['digest-edited:38:1048576']);
    expect(articles.map((article) => article.paragraphs)).toStrictEqual([['The council voted again.']]);
  });

  test('holds nothing after a run with no files', () => {
    const cache = new Map<string, ReadResult>([
      ['digest-budget:32:1048576', { rejected: 'An old reading.' }],
    ]);
    parseFiles([], { maxFileBytes: MIB, parseCache: cache });
    expect(cache.size).toBe(0);
  });
});

describe('runPipeline on a file of endless tiny paragraphs', () => {
  test('rejects it with the count, rather than make a page of hundreds of thousands of paragraphs', () => {
    const lines = Array.from({ length: 60_000 }, (_, index) => `${index}`);
    const flood = file('flood.txt', `Council approves the budget\n\n${lines.join('\n\n')}\n`);
    const { articles, report } = runPipeline([flood, file('uk.txt', ELECTION_UK)], [], {
      ...OPTIONS,
      maxFileBytes: 8 * MIB,
    });
    expect(articles.map((article) => article.sourceFile)).toEqual(['uk.txt']);
    expect(report.inputs[0]).toStrictEqual({
      file: 'flood.txt',
      outcome: 'rejected',
      reason:
        'The file has 60,000 paragraphs, more than the 50,000 one article page can hold; split it into articles.',
      warnings: [],
    });
  });
});

describe('serializeReport', () => {
  test('returns two-space-indented JSON ending with a newline, inputs sorted by file', () => {
    const report: BuildReport = {
      inputs: [
        { file: 'b.txt', outcome: 'rejected', reason: 'The file is empty.', warnings: [] },
        { file: 'a.md', outcome: 'ignored', reason: 'Not a .txt file.', warnings: [] },
      ],
      stories: [],
    };
    expect(serializeReport(report)).toBe(
      [
        '{',
        '  "inputs": [',
        '    {',
        '      "file": "a.md",',
        '      "outcome": "ignored",',
        '      "reason": "Not a .txt file.",',
        '      "warnings": []',
        '    },',
        '    {',
        '      "file": "b.txt",',
        '      "outcome": "rejected",',
        '      "reason": "The file is empty.",',
        '      "warnings": []',
        '    }',
        '  ],',
        '  "stories": []',
        '}',
        '',
      ].join('\n'),
    );
  });

  test('returns the same text when inputs and stories come in a different order', () => {
    const a = { file: 'a.txt', outcome: 'published' as const, url: '/articles/a/', warnings: [] };
    const b = { file: 'b.txt', outcome: 'ignored' as const, reason: 'Hidden.', warnings: [] };
    const c = { file: 'c/d.txt', outcome: 'rejected' as const, reason: 'Empty.', warnings: ['w'] };
    const s1 = { id: 'story-1', articles: ['a.txt'] };
    const s2 = { id: 'story-2', articles: ['c/d.txt'] };
    const first = serializeReport({ inputs: [a, b, c], stories: [s1, s2] });
    const second = serializeReport({ inputs: [c, a, b], stories: [s2, s1] });
    expect(second).toBe(first);
    expect(first.endsWith('}\n')).toBe(true);
    expect(first.indexOf('"a.txt"')).toBeLessThan(first.indexOf('"b.txt"'));
    expect(first.indexOf('"b.txt"')).toBeLessThan(first.indexOf('"c/d.txt"'));
    expect(first.indexOf('"story-1"')).toBeLessThan(first.indexOf('"story-2"'));
  });

  test('returns the same text for a pipeline run when the files are given in reverse order', () => {
    const files = [
      file('world/election.txt', ELECTION_WORLD),
      file('uk/election.txt', ELECTION_UK),
      { path: 'empty.txt', bytes: new Uint8Array(0) },
    ];
    const ignored = [
      { path: 'x.md', reason: 'Not a .txt file.' },
      { path: 'a.md', reason: 'Not a .txt file.' },
    ];
    const forward = serializeReport(runPipeline(files, ignored, OPTIONS).report);
    const backward = serializeReport(
      runPipeline([...files].reverse(), [...ignored].reverse(), OPTIONS).report,
    );
    expect(backward).toBe(forward);
    expect(forward.endsWith('\n')).toBe(true);
  });
});
