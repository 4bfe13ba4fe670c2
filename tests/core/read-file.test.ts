/** Reading one article file on its own: the limits, the rejections, the digest and the cache key. */
import { describe, expect, test } from 'vitest';
import {
  contentDigest,
  MAX_PARAGRAPHS,
  parseCacheKey,
  readArticleFile,
  type InputFile,
} from '../../src/core/read-file.ts';

const MIB = 1024 * 1024;
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const file = (text: string, extra: Partial<InputFile> = {}): InputFile => ({
  path: 'article.txt',
  bytes: encode(text),
  ...extra,
});

const ARTICLE = [
  'Council approves the budget',
  'By Jane Doe',
  '11 July 2025',
  '',
  'The council voted on Tuesday to approve the new budget.',
  '',
  'Spending on schools rises by a fifth.',
  '',
].join('\n');

/** A headline and `count` distinct one-line paragraphs. */
const manyParagraphs = (count: number): string =>
  `Council approves the budget\n\n${Array.from({ length: count }, (_, index) => `${index}`).join('\n\n')}\n`;

describe('readArticleFile', () => {
  test('returns the parsed article when given a normal article', () => {
    expect(readArticleFile(file(ARTICLE), MIB)).toStrictEqual({
      title: 'Council approves the budget',
      date: '2025-07-11',
      byline: 'Jane Doe',
      authors: ['Jane Doe'],
      lang: 'en',
      tags: [],
      paragraphs: [
        'The council voted on Tuesday to approve the new budget.',
        'Spending on schools rises by a fifth.',
      ],
      edits: [],
      warnings: [],
    });
  });

  test('returns a rejection with both sizes in MiB when the stated size is over the limit', () => {
    expect(readArticleFile(file(ARTICLE, { size: 3.5 * MIB }), MIB)).toStrictEqual({
      rejected: 'The file is 3.5 MiB, over the 1.0 MiB limit; split it or raise MAX_FILE_BYTES.',
    });
  });

  test('returns a rejection with sizes in KiB or bytes when they are smaller', () => {
    expect(readArticleFile(file(ARTICLE, { size: 3 * 1024 }), 2048)).toStrictEqual({
      rejected: 'The file is 3.0 KiB, over the 2.0 KiB limit; split it or raise MAX_FILE_BYTES.',
    });
    // ARTICLE is 149 bytes long; no size is stated, so the length of the bytes is the size.
    expect(encode(ARTICLE).length).toBe(149);
    expect(readArticleFile(file(ARTICLE), 148)).toStrictEqual({
      rejected: 'The file is 149 bytes, over the 148 bytes limit; split it or raise MAX_FILE_BYTES.',
    });
  });

  test('returns the article when its size equals the limit exactly', () => {
    const result = readArticleFile(file(ARTICLE), 149);
    expect('rejected' in result).toBe(false);
  });

  test('returns "The file is empty." when given no bytes', () => {
    expect(readArticleFile(file(''), MIB)).toStrictEqual({ rejected: 'The file is empty.' });
  });

  test('returns a binary rejection when the bytes hold a NUL', () => {
    const bytes = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00);
    expect(readArticleFile({ path: 'photo.txt', bytes }, MIB)).toStrictEqual({
      rejected: 'The file is binary (it contains NUL bytes), not text; export the article as plain text.',
    });
    expect(readArticleFile(file(`${ARTICLE}\u0000`), MIB)).toStrictEqual({
      rejected: 'The file is binary (it contains NUL bytes), not text; export the article as plain text.',
    });
  });

  test('returns the article when given UTF-16 with its byte-order mark, whose zero bytes are no sign of binary', () => {
    const text = 'Council approves the budget\n\nThe council voted on Tuesday.\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let index = 0; index < text.length; index += 1) bytes[2 + index * 2] = text.charCodeAt(index);
    const result = readArticleFile({ path: 'utf16.txt', bytes }, MIB);
    expect(result).toMatchObject({
      title: 'Council approves the budget',
      paragraphs: ['The council voted on Tuesday.'],
    });
  });

  test('returns the parser’s rejection when the text holds no article', () => {
    expect(readArticleFile(file('   \n\n  \n'), MIB)).toStrictEqual({
      rejected: 'The file has no text (it is empty or only whitespace).',
    });
  });

  test('returns a rejection with the count when the file has more than 50,000 paragraphs', () => {
    expect(MAX_PARAGRAPHS).toBe(50_000);
    expect(readArticleFile(file(manyParagraphs(50_001)), 8 * MIB)).toStrictEqual({
      rejected:
        'The file has 50,001 paragraphs, more than the 50,000 one article page can hold; split it into articles.',
    });
  });

  test('returns the article when it has exactly 50,000 paragraphs', () => {
    const result = readArticleFile(file(manyParagraphs(50_000)), 8 * MIB);
    expect('paragraphs' in result && result.paragraphs.length).toBe(50_000);
  });
});

describe('contentDigest', () => {
  test('returns the SHA-256 of the bytes in base64url, without padding', () => {
    expect(contentDigest(encode('abc'))).toBe('ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0');
    expect(contentDigest(new Uint8Array(0))).toBe('47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU');
  });
});

describe('parseCacheKey', () => {
  test('returns the digest of the bytes, their length and the limit', () => {
    expect(parseCacheKey(file('abc'), 100)).toBe('ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0:3:100');
  });

  test('returns the given digest instead of hashing the bytes again', () => {
    expect(parseCacheKey(file('abc', { digest: 'known-digest' }), 100)).toBe('known-digest:3:100');
  });

  test('returns the stated size instead of the length of the bytes read', () => {
    expect(parseCacheKey(file('abc', { digest: 'd', size: 9 * MIB }), 100)).toBe('d:9437184:100');
  });

  test('returns different keys for other bytes, another size or another limit, and the same for another path', () => {
    const key = parseCacheKey(file('abc'), 100);
    expect(parseCacheKey(file('abd'), 100)).not.toBe(key);
    expect(parseCacheKey(file('abc', { size: 4 }), 100)).not.toBe(key);
    expect(parseCacheKey(file('abc'), 101)).not.toBe(key);
    expect(parseCacheKey({ path: 'elsewhere/other.txt', bytes: encode('abc') }, 100)).toBe(key);
  });
});
