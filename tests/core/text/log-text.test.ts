import { describe, expect, test } from 'vitest';
import { escapeForLog, escapeLinesForLog } from '../../../src/core/text/log-text.ts';
import { serializeReport, strictModeFailure, type BuildReport } from '../../../src/core/model/report.ts';

/** Anything a terminal could act on, other than the line breaks a message means to have. */
// eslint-disable-next-line no-control-regex -- the very characters this test looks for
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

describe('escapeForLog', () => {
  test.each([
    ['clear\u001b[2J.txt', 'clear\\x1b[2J.txt'],
    ['csi\u009b31m.txt', 'csi\\x9b31m.txt'],
    ['bell\u0007 del\u007f nul\u0000', 'bell\\x07 del\\x7f nul\\x00'],
    ['two\nlines\r\ttab', 'two\\x0alines\\x0d\\x09tab'],
    ['invoice\u202etxt.exe', 'invoice\\u202etxt.exe'],
    ['isolate\u2066x\u2069 mark\u200f', 'isolate\\u2066x\\u2069 mark\\u200f'],
    ['zero\u200bwidth\ufeff', 'zero\\u200bwidth\\ufeff'],
    ['line\u2028para\u2029', 'line\\u2028para\\u2029'],
    ['win-1252 \u0081\u008d\u008f\u0090\u009d', 'win-1252 \\x81\\x8d\\x8f\\x90\\x9d'],
    ['nonchar \ufffe\uffff', 'nonchar \\ufffe\\uffff'],
    ['nonchar \ufdd0 \u{1fffe} \u{10ffff}', 'nonchar \\ufdd0 \\u{1fffe} \\u{10ffff}'],
    ['lone \ud800 surrogate', 'lone \\ud800 surrogate'],
    ['tag \u{e0041}', 'tag \\u{e0041}'],
  ])('escapes %j visibly', (raw, escaped) => {
    expect(escapeForLog(raw)).toBe(escaped);
  });

  test('keeps printable text of every script as it is, backslashes included', () => {
    const text = 'Café «naïve» — 新华社 — Ελληνικά — עברית — 🎉 C:\\x1b literally.txt';
    expect(escapeForLog(text)).toBe(text);
  });

  test('keeps the line breaks of a message when asked to, escaping within each line', () => {
    expect(escapeLinesForLog('first\u001b[H\nsecond\u202e')).toBe('first\\x1b[H\nsecond\\u202e');
  });
});

describe('strictModeFailure', () => {
  test('lists each rejected file on one line, its name and reason escaped', () => {
    const report: BuildReport = {
      inputs: [
        {
          file: 'forged\n[OK] all published.txt',
          outcome: 'rejected',
          reason: 'The file is empty.',
          warnings: [],
        },
        {
          file: 'clear\u001b[2J\u001b[H.txt',
          outcome: 'rejected',
          reason: 'Title \u009b31m red.',
          warnings: [],
        },
        { file: 'gpj\u202e.txt', outcome: 'published', warnings: [] },
      ],
      stories: [],
    };
    const message = strictModeFailure(report) ?? '';
    expect(message.split('\n')).toEqual([
      'STRICT=1: 2 files were rejected; fix or remove them, or build without STRICT:',
      '  - forged\\x0a[OK] all published.txt: The file is empty.',
      '  - clear\\x1b[2J\\x1b[H.txt: Title \\x9b31m red.',
    ]);
    expect(message).not.toMatch(RAW_CONTROL);
  });

  test('fails on a corpus stage that failed, even when no file was rejected', () => {
    const report: BuildReport = {
      inputs: [{ file: 'a.txt', outcome: 'published', warnings: [] }],
      stories: [],
    };
    expect(strictModeFailure(report)).toBeUndefined();
    expect(
      strictModeFailure(report, ['Stories could not be grouped (internal error: boom); please report this.']),
    ).toBe(
      'STRICT=1: a corpus stage failed; fix or remove them, or build without STRICT:\n' +
        '  - Stories could not be grouped (internal error: boom); please report this.',
    );
  });
});

describe('serializeReport', () => {
  test('keeps the real name, every control, bidi control and noncharacter spelled out as \\u', () => {
    const file = 'clear\u001b[2J \u009b \u202e \u0081 \u007f \u2028 \uFFFE \u{10FFFF}.txt';
    const report: BuildReport = {
      inputs: [{ file, outcome: 'rejected', reason: 'The file is empty.', warnings: [] }],
      stories: [],
    };
    const json = serializeReport(report);
    expect(json).toContain(
      '"clear\\u001b[2J \\u009b \\u202e \\u0081 \\u007f \\u2028 \\ufffe \\udbff\\udfff.txt"',
    );
    expect((JSON.parse(json) as BuildReport).inputs[0]?.file).toBe(file);
  });
});
