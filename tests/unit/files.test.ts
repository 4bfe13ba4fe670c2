import { describe, expect, test } from 'vitest';
import { classifyPath } from '../../src/lib/ingest/files.ts';

const HIDDEN = { kind: 'ignored', reason: 'Hidden file or folder (its name starts with a dot).' };
const BACKUP = { kind: 'ignored', reason: 'Editor backup or temporary file.' };
const NOT_TXT = { kind: 'ignored', reason: 'Not a .txt file: only .txt files are read as articles.' };

describe('classifyPath', () => {
  test.each(['story.txt', 'STORY.TXT', 'Story.Txt', '001_31f1dcf5b4a59989.txt'])(
    'returns article when the file %j has a .txt extension in any case',
    (path) => {
      expect(classifyPath(path)).toStrictEqual({ kind: 'article' });
    },
  );

  test('returns article when a .txt file is nested in folders', () => {
    expect(classifyPath('world/2025/07/story.txt')).toStrictEqual({ kind: 'article' });
    expect(classifyPath('a b/c-d/e.TXT')).toStrictEqual({ kind: 'article' });
  });

  test('returns ignored as hidden when the file name starts with a dot', () => {
    expect(classifyPath('.story.txt')).toStrictEqual(HIDDEN);
    expect(classifyPath('world/.draft.txt')).toStrictEqual(HIDDEN);
    expect(classifyPath('.DS_Store')).toStrictEqual(HIDDEN);
  });

  test('returns ignored as hidden when a folder on the path starts with a dot', () => {
    expect(classifyPath('.git/story.txt')).toStrictEqual(HIDDEN);
    expect(classifyPath('world/.drafts/2025/story.txt')).toStrictEqual(HIDDEN);
  });

  test.each(['story.txt~', 'world/story.txt~', '#story.txt#', '#scratch#', 'story.txt.swp', 'story.TXT.SWP'])(
    'returns ignored as an editor backup when the file is %j',
    (path) => {
      expect(classifyPath(path)).toStrictEqual(BACKUP);
    },
  );

  test.each(['story.txt.swo', 'story.txt.bak', 'story.txt.tmp', 'story.txt.orig'])(
    'returns ignored as a temporary file when the file is %j',
    (path) => {
      expect(classifyPath(path)).toStrictEqual(BACKUP);
    },
  );

  test.each(['story.md', 'story.html', 'story.txt.gz', 'story', 'txt', 'storytxt', 'world/photo.jpg'])(
    'returns ignored as not a .txt file when the file is %j',
    (path) => {
      expect(classifyPath(path)).toStrictEqual(NOT_TXT);
    },
  );
});
