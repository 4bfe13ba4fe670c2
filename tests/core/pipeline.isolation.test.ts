/**
 * One file's failure stays that file's: whatever the parser or the record step throws, that
 * file is rejected with `internal error: <message>` and every other file is published. The
 * parser and `toArticle` are wrapped (vi.mock) so that texts holding a marker throw — any
 * exception, not only today's known ones.
 */
import { describe, expect, test, vi } from 'vitest';
import { runPipeline } from '../../src/core/pipeline.ts';
import type { InputFile, ReadResult } from '../../src/core/read-file.ts';
import { strictModeFailure } from '../../src/core/model/report.ts';
import type * as ParseModule from '../../src/core/ingest/parse.ts';
import type * as ArticleModule from '../../src/core/article.ts';
import type * as CorpusModule from '../../src/core/corpus/corpus.ts';
import type * as TopicsModule from '../../src/core/corpus/topics.ts';

vi.mock('../../src/core/ingest/parse.ts', async (importOriginal) => {
  const real = await importOriginal<typeof ParseModule>();
  return {
    ...real,
    parseArticle: (text: string) => {
      if (text.includes('THROWS-RANGE')) throw new RangeError('Maximum call stack size exceeded');
      // A message holding a terminal escape and a line break, as one quoting the file might.
      if (text.includes('THROWS-ESCAPE')) throw new Error('bad \u001b[2J title\nforged line');
      if (text.includes('THROWS-LONG')) throw new Error(`quoted ${'x'.repeat(100_000)}`);
      if (text.includes('THROWS-STRING')) throw 'a bare string';
      if (text.includes('THROWS-OPAQUE'))
        throw {
          toString() {
            throw new Error('no text either');
          },
        };
      return real.parseArticle(text);
    },
  };
});

vi.mock('../../src/core/article.ts', async (importOriginal) => {
  const real = await importOriginal<typeof ArticleModule>();
  return {
    ...real,
    toArticle: (...args: Parameters<typeof real.toArticle>) => {
      if (args[0].title.includes('Record Fails')) throw new TypeError('cannot complete the record');
      return real.toArticle(...args);
    },
  };
});

vi.mock('../../src/core/corpus/corpus.ts', async (importOriginal) => {
  const real = await importOriginal<typeof CorpusModule>();
  return {
    ...real,
    organiseCorpus: (...args: Parameters<typeof real.organiseCorpus>) => {
      if (args[0].some((article) => article.title.includes('Corpus Breaks')))
        throw new RangeError('Maximum call stack size exceeded');
      return real.organiseCorpus(...args);
    },
  };
});

vi.mock('../../src/core/corpus/topics.ts', async (importOriginal) => {
  const real = await importOriginal<typeof TopicsModule>();
  return {
    ...real,
    assignTopics: (...args: Parameters<typeof real.assignTopics>) => {
      if (args[0].some((article) => article.title.includes('Topics Break')))
        throw new Error('topics \u001b[31mfailed');
      return real.assignTopics(...args);
    },
  };
});

const OPTIONS = { basePath: '/', maxFileBytes: 1024 * 1024 };

function file(path: string, text: string): InputFile {
  return { path, bytes: new TextEncoder().encode(text) };
}

const GOOD = [
  file('good/one.txt', 'Harbour bridge to close\n\nThe bridge will close for six weeks of repairs.\n'),
  file('good/two.txt', 'Festival moves to the park\n\nThe festival will move to the riverside park.\n'),
];

function outcomes(files: InputFile[], parseCache?: Map<string, ReadResult>) {
  const { report, articles } = runPipeline(files, [], { ...OPTIONS, parseCache });
  return {
    articles,
    report,
    byFile: new Map(report.inputs.map((input) => [input.file, input])),
  };
}

describe('runPipeline: one file throwing', () => {
  test('rejects the file whose parse throws, with "internal error:" and the message, and publishes the others', () => {
    const { byFile, articles } = outcomes([
      ...GOOD,
      file('bad.txt', 'Headline\n\nTHROWS-RANGE in the body.\n'),
    ]);
    expect(byFile.get('bad.txt')).toStrictEqual({
      file: 'bad.txt',
      outcome: 'rejected',
      reason: 'internal error: Maximum call stack size exceeded (please report this file)',
      warnings: [],
    });
    expect(byFile.get('good/one.txt')?.outcome).toBe('published');
    expect(byFile.get('good/two.txt')?.outcome).toBe('published');
    expect(articles.map((article) => article.sourceFile).sort()).toStrictEqual([
      'good/one.txt',
      'good/two.txt',
    ]);
  });

  test('escapes control characters of the message visibly and keeps it on one line', () => {
    const { byFile } = outcomes([...GOOD, file('bad.txt', 'Headline\n\nTHROWS-ESCAPE\n')]);
    expect(byFile.get('bad.txt')?.reason).toBe(
      'internal error: bad \\x1b[2J title\\x0aforged line (please report this file)',
    );
  });

  test('cuts a long message to 300 characters', () => {
    const { byFile } = outcomes([...GOOD, file('bad.txt', 'Headline\n\nTHROWS-LONG\n')]);
    const reason = byFile.get('bad.txt')?.reason ?? '';
    expect(reason.startsWith(`internal error: quoted ${'x'.repeat(200)}`)).toBe(true);
    expect(reason).toContain('…');
    expect(reason.length).toBeLessThan(360);
  });

  test('reports a thrown non-error by its text, and one without any text as "unknown error"', () => {
    const { byFile } = outcomes([
      ...GOOD,
      file('string.txt', 'Headline\n\nTHROWS-STRING\n'),
      file('opaque.txt', 'Headline\n\nTHROWS-OPAQUE\n'),
    ]);
    expect(byFile.get('string.txt')?.reason).toBe('internal error: a bare string (please report this file)');
    expect(byFile.get('opaque.txt')?.reason).toBe('internal error: unknown error (please report this file)');
    expect(byFile.get('good/one.txt')?.outcome).toBe('published');
  });

  test('rejects the file whose record step throws, keeping its parse warnings', () => {
    const { byFile } = outcomes([...GOOD, file('record.txt', 'Record Fails Here\n\nA body paragraph.\n')]);
    expect(byFile.get('record.txt')?.outcome).toBe('rejected');
    expect(byFile.get('record.txt')?.reason).toBe(
      'internal error: cannot complete the record (please report this file)',
    );
    expect(byFile.get('good/two.txt')?.outcome).toBe('published');
  });

  test('with the parse cache: rejects the file, caches the good files only, and tries the bad one again', () => {
    const cache = new Map<string, ReadResult>();
    const files = [...GOOD, file('bad.txt', 'Headline\n\nTHROWS-RANGE\n')];
    const first = outcomes(files, cache);
    expect(first.byFile.get('bad.txt')?.reason).toMatch(/^internal error: /);
    expect(cache.size).toBe(2);
    const second = outcomes(files, cache);
    expect(second.byFile.get('bad.txt')?.reason).toMatch(/^internal error: /);
    expect(second.byFile.get('good/one.txt')?.outcome).toBe('published');
  });

  test('STRICT=1 still fails the build on such a rejection, naming the file', () => {
    const { report } = outcomes([...GOOD, file('bad.txt', 'Headline\n\nTHROWS-RANGE\n')]);
    const failure = strictModeFailure(report);
    expect(failure).toContain('bad.txt');
    expect(failure).toContain('internal error: Maximum call stack size exceeded');
  });
});

describe('runPipeline: a corpus stage throwing (last resort)', () => {
  const twins = [
    file('a.txt', 'Corpus Breaks Here\n\nThe bridge will close for six weeks of repairs.\n'),
    file('b.txt', 'Corpus Breaks Here\n\nThe bridge will close for six weeks of repairs.\n'),
  ];

  test('publishes every article as its own story and says why in the warnings', () => {
    const { articles, stories, redirects, report, warnings } = runPipeline([...GOOD, ...twins], [], OPTIONS);
    expect(articles.map((article) => article.sourceFile)).toStrictEqual([
      'a.txt',
      'b.txt',
      'good/two.txt',
      'good/one.txt',
    ]);
    expect(articles.map((article) => article.story)).toStrictEqual(articles.map((article) => article.slug));
    expect(stories.map((story) => story.articles)).toStrictEqual(articles.map((article) => [article.slug]));
    expect(redirects).toStrictEqual([]);
    expect(report.inputs.map((input) => input.outcome)).toStrictEqual([
      'published',
      'published',
      'published',
      'published',
    ]);
    expect(warnings).toStrictEqual([
      'Duplicates and stories were skipped: every article stands alone in this build (internal error: Maximum call stack size exceeded); please report this.',
    ]);
  });

  test('publishes the articles without topics when topics throw, the message escaped', () => {
    const { articles, warnings } = runPipeline(
      [...GOOD, file('t.txt', 'Topics Break Here\n\nKabul and Kabul again.\n')],
      [],
      OPTIONS,
    );
    expect(articles).toHaveLength(3);
    expect(articles.every((article) => article.topics.length === 0)).toBe(true);
    expect(warnings).toStrictEqual([
      'Topics were skipped in this build (internal error: topics \\x1b[31mfailed); please report this.',
    ]);
  });

  test('has no warnings when every stage succeeds', () => {
    expect(runPipeline(GOOD, [], OPTIONS).warnings).toStrictEqual([]);
  });
});
