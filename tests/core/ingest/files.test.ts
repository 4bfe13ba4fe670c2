import { describe, expect, test } from 'vitest';
import {
  classifyPath,
  classifySpecialEntry,
  unreadableFileReason,
  type LinkTarget,
} from '../../../src/core/ingest/files.ts';

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

describe('classifySpecialEntry', () => {
  test('rejects what is named like an article and ignores the rest, whatever the entry is', () => {
    const link = { kind: 'link', target: { kind: 'file' } } as const;
    expect(classifySpecialEntry('desk/story.txt', link).outcome).toBe('rejected');
    expect(classifySpecialEntry('desk/notes.md', link).outcome).toBe('ignored');
    expect(classifySpecialEntry('.story.txt', { kind: 'fifo' }).outcome).toBe('ignored');
    expect(classifySpecialEntry('story.txt~', { kind: 'socket' }).outcome).toBe('ignored');
    expect(classifySpecialEntry('STORY.TXT', { kind: 'block-device' }).outcome).toBe('rejected');
  });

  test('names the link target, or the error that hid it, and what to do', () => {
    const reason = (target: LinkTarget) => classifySpecialEntry('a.txt', { kind: 'link', target }).reason;
    expect(reason({ kind: 'unreachable', code: 'EACCES' })).toBe(
      'A symbolic link whose target cannot be reached (EACCES): links are not followed, since one could reach outside the content folder; remove it.',
    );
    expect(reason({ kind: 'other' })).toMatch(
      /^A symbolic link to something that is neither a file nor a folder: /,
    );
    expect(reason({ kind: 'folder' })).toMatch(/move or copy the folder itself into the content folder\.$/);
  });
});

describe('unreadableFileReason', () => {
  test('names the code and its description, and says what to do', () => {
    expect(unreadableFileReason({ code: 'EMFILE', description: 'too many open files' })).toBe(
      'The file could not be read (EMFILE: too many open files): check the disk, or copy the file into the content folder again.',
    );
    expect(unreadableFileReason({ code: undefined, description: 'boom' })).toMatch(
      /\(internal error: boom\)/,
    );
  });
});
