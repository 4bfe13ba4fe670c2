import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { decodeText } from '../../../src/core/ingest/decode.ts';
import { parseArticle } from '../../../src/core/ingest/parse.ts';

// Each folder holds an input file and the article we expect, written by hand.
const root = join(import.meta.dirname, '../../fixtures/parse');
const cases = readdirSync(root).sort();

describe('parseArticle on fixture files', () => {
  test('has fixture cases to run', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  test.each(cases)('%s', (name) => {
    const input = readFileSync(join(root, name, 'input.txt'));
    const expected: unknown = JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8'));
    expect(parseArticle(decodeText(input).text)).toEqual(expected);
  });
});
