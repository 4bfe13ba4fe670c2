/**
 * Properties of the parser on hostile input (fixed seed): files glued together from the
 * adversarial building blocks never make it throw or take more than linear time, and the linear
 * typographic quotes give exactly what the `smartquotes` library gives.
 */
import fc from 'fast-check';
import smartquotes from 'smartquotes';
import { describe, expect, test } from 'vitest';
import { decodeText } from '../../../src/core/ingest/decode.ts';
import { parseArticle } from '../../../src/core/ingest/parse.ts';
import { typographicQuotes } from '../../../src/core/text/quotes.ts';
import { MAX_TITLE_LENGTH } from '../../../src/core/ingest/title.ts';
import { BUILDING_BLOCKS } from '../../support/adversarial.ts';

const SEED = 20_261_122;
/** Coarse: 10 ms a kilobyte is 10 s a megabyte, a hundred times what linear parsing takes. */
const budgetMs = (bytes: number): number => 500 + (10 * bytes) / 1024;
const encoder = new TextEncoder();

describe('typographic quotes', () => {
  // Every character one of the rules looks at: quotes, digits, ASCII and other letters (ſ and
  // the Kelvin sign fold to ASCII under some case rules), spaces, line breaks and punctuation.
  const character = fc.constantFrom(...`"'‘’“”«»\`´aZq019 \n.-(ſ\u212Aé`);
  const text = fc.array(character, { maxLength: 80 }).map((characters) => characters.join(''));

  test('give exactly what smartquotes gives (property, fixed seed)', () => {
    fc.assert(
      fc.property(text, (input) => {
        expect(typographicQuotes(input)).toBe(smartquotes.string(input));
      }),
      { seed: SEED, numRuns: 5000 },
    );
  });

  test('give exactly what smartquotes gives on prose with quotes (examples)', () => {
    for (const input of [
      `He said "it's the '90s" and left.`,
      `'Quoted,' she said, "twice" -- and 'again'.`,
      `The 5' 10" player's "best" year was '93.`,
      `“Already curly” and "straight" and 'single' and rock 'n' roll.`,
    ]) {
      expect(typographicQuotes(input)).toBe(smartquotes.string(input));
    }
  });
});

describe('parseArticle on files glued from adversarial blocks', () => {
  const piece = fc.record({
    block: fc.constantFrom(...BUILDING_BLOCKS),
    bytes: fc.integer({ min: 1, max: 64 * 1024 }),
    separator: fc.constantFrom('', ' ', '\n', '\n\n'),
  });
  const file = fc
    .array(piece, { minLength: 1, maxLength: 8 })
    .map((pieces) => pieces.map(({ block, bytes, separator }) => block.make(bytes) + separator).join(''));

  test('never throws, stays within a linear time budget, and returns an article or a rejection (property, fixed seed)', () => {
    fc.assert(
      fc.property(file, (text) => {
        const bytes = encoder.encode(text);
        const start = performance.now();
        const result = parseArticle(decodeText(bytes).text);
        expect(performance.now() - start).toBeLessThan(budgetMs(bytes.length));
        if ('rejected' in result) {
          expect(result.rejected).toMatch(/^The file /);
        } else {
          expect(result.title.trim()).not.toBe('');
          expect(result.title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
          expect(result.paragraphs.length).toBeGreaterThan(0);
        }
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});
