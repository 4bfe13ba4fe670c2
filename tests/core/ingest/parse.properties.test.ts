/**
 * Property-based tests of the ingestion stages with fast-check. The seed is fixed so a
 * failure reproduces; fast-check prints the shrunk counter-example.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeText } from '../../../src/core/ingest/decode.ts';
import { smartenPunctuation, smartenQuotes } from '../../../src/core/text/normalize.ts';
import { parseArticle } from '../../../src/core/ingest/parse.ts';
import type { ParsedArticle } from '../../../src/core/model/schema.ts';

fc.configureGlobal({ seed: 20_261_122, numRuns: 300 });

const VOCABULARY = [
  'the',
  'minister',
  'said',
  'on',
  'Tuesday',
  'that',
  'talks',
  'in',
  'Kabul',
  'would',
  'continue',
  'after',
  'a',
  'long',
  'meeting',
  'with',
  'officials',
  'from',
  'Moscow',
  'and',
  'Geneva',
  'about',
  'trade',
  'energy',
  'security',
  'it’s',
  'was',
  'not',
  'clear',
  'when',
  'council',
  'budget',
  'rose',
];
const word = fc.constantFrom(...VOCABULARY);
const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const sentence = fc
  .array(word, { minLength: 8, maxLength: 18 })
  .map((words) => `${capitalise(words.join(' '))}.`);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((sentences) => sentences.join(' '));
const headline = fc
  .array(word, { minLength: 3, maxLength: 9 })
  .map((words) => words.map(capitalise).join(' '));
const body = fc.uniqueArray(paragraph, { minLength: 2, maxLength: 7 });

/** Words of a text, lower case, with apostrophes unified, for "no word invented" checks. */
const wordsOf = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/[‘’']/g, "'")
    .match(/[\p{L}\p{N}]+/gu) ?? [];

const isArticle = (result: ParsedArticle | { rejected: string }): result is ParsedArticle =>
  !('rejected' in result);

describe('parseArticle (properties)', () => {
  test('never throws, and returns an article with a bounded title and non-empty paragraphs or a reason', () => {
    const messy = fc.array(
      fc.oneof(fc.string({ maxLength: 120 }), fc.constantFrom('', '\n', '\r\n', ' ', 'TITLE', '"')),
      {
        maxLength: 30,
      },
    );
    fc.assert(
      fc.property(messy, (parts) => {
        const result = parseArticle(parts.join('\n'));
        if (!isArticle(result)) {
          expect(result.rejected.length).toBeGreaterThan(10);
          return;
        }
        expect(result.title.trim().length).toBeGreaterThan(0);
        expect(result.title.length).toBeLessThanOrEqual(200);
        expect(result.paragraphs.length).toBeGreaterThan(0);
        for (const text of result.paragraphs) {
          expect(text.trim()).toBe(text);
          expect(text).not.toContain('\n');
          expect(text.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  test('invents no word: every word shown occurs in the source', () => {
    const source = fc
      .tuple(headline, body)
      .map(([title, paragraphs]) => [title, '', ...paragraphs.flatMap((p) => [p, ''])].join('\n'));
    fc.assert(
      fc.property(source, (text) => {
        const result = parseArticle(text);
        if (!isArticle(result)) return;
        const known = new Set(wordsOf(text));
        const shown = [
          result.title,
          result.dek ?? '',
          result.signoff ?? '',
          result.byline ?? '',
          ...result.paragraphs,
        ];
        for (const shownWord of wordsOf(shown.join(' '))) expect(known).toContain(shownWord);
      }),
    );
  });

  test('round-trips a headline and distinct paragraphs separated by blank lines', () => {
    fc.assert(
      fc.property(headline, body, (title, paragraphs) => {
        const text = [title, '', ...paragraphs.flatMap((p) => [p, ''])].join('\n');
        // Random words are in whatever language they resemble, or none: only the rest is exact.
        const { lang, ...parsed } = parseArticle(text) as ParsedArticle;
        expect(lang === undefined || /^[a-z]{2,3}$/.test(lang)).toBe(true);
        expect(parsed).toEqual({
          title,
          authors: [],
          tags: [],
          paragraphs: paragraphs.map(smartenPunctuation),
          edits: [],
          warnings: [],
        });
      }),
    );
  });

  test('removes a pasted second copy of a block of paragraphs and records exactly that block', () => {
    fc.assert(
      fc.property(headline, body, fc.nat(), (title, paragraphs, seed) => {
        const start = seed % (paragraphs.length - 1);
        const block = paragraphs.slice(start, start + 2);
        const text = [title, '', ...paragraphs, ...block].join('\n');
        const result = parseArticle(text);
        expect(isArticle(result) && result.paragraphs).toEqual(paragraphs);
        expect(isArticle(result) && result.edits).toEqual([
          { kind: 'repeated-paragraphs', line: 3 + paragraphs.length, removed: block },
        ]);
      }),
    );
  });

  test('gives the same article whatever the line endings', () => {
    fc.assert(
      fc.property(headline, body, (title, paragraphs) => {
        const lf = [title, '', ...paragraphs.flatMap((p) => [p, ''])].join('\n');
        expect(parseArticle(lf.replace(/\n/g, '\r\n'))).toEqual(parseArticle(lf));
        expect(parseArticle(lf.replace(/\n/g, '\r'))).toEqual(parseArticle(lf));
      }),
    );
  });
});

describe('smartenQuotes (properties)', () => {
  test('changes nothing but quote characters', () => {
    const stripQuotes = (text: string): string => text.replace(/["'‘’“”′″]/g, '');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        expect(stripQuotes(smartenQuotes(text))).toBe(stripQuotes(text));
      }),
    );
  });
});

describe('decodeText (properties)', () => {
  test('round-trips any UTF-8 text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        // A leading U+FEFF would be read as a byte-order mark, by design.
        fc.pre(!text.startsWith('\uFEFF'));
        expect(decodeText(new TextEncoder().encode(text)).text).toBe(text);
      }),
    );
  });

  test('never shows U+FFFD for bytes that do not spell it', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const spellsReplacement = Buffer.from(bytes).includes(Buffer.from([0xef, 0xbf, 0xbd]));
        if (!spellsReplacement) expect(decodeText(bytes).text).not.toContain('\uFFFD');
      }),
    );
  });
});
