/**
 * typographicQuotes: straight quotes made typographic by smartquotes' rules, in linear time
 * (tests/core/ingest/parse.adversarial-properties.test.ts compares it with the library itself).
 */
import { describe, expect, test } from 'vitest';
import { typographicQuotes } from '../../../src/core/text/quotes.ts';

describe('typographicQuotes', () => {
  test('returns text without straight quotes unchanged, and the empty text as it is', () => {
    expect(typographicQuotes('No quotes here, only words.')).toBe('No quotes here, only words.');
    expect(typographicQuotes('(“Hi” and ‘bye’)')).toBe('(“Hi” and ‘bye’)');
    expect(typographicQuotes('')).toBe('');
  });

  test('returns opening and closing double quotes around a quotation', () => {
    expect(typographicQuotes('"Hello," she said.')).toBe('“Hello,” she said.');
    expect(typographicQuotes('"Yes" and "no"')).toBe('“Yes” and “no”');
    expect(typographicQuotes('He said: "It is fine."')).toBe('He said: “It is fine.”');
  });

  test('returns single quotes nested in double quotes', () => {
    expect(typographicQuotes(`"She said 'no'"`)).toBe('“She said ‘no’”');
    expect(typographicQuotes(`'quoted'`)).toBe('‘quoted’');
  });

  test('returns a right single quote for apostrophes inside and at the end of words', () => {
    expect(typographicQuotes("It's")).toBe('It’s');
    expect(typographicQuotes('He said: "It\'s fine."')).toBe('He said: “It’s fine.”');
    expect(typographicQuotes("the boys' room")).toBe('the boys’ room');
    expect(typographicQuotes("James' car")).toBe('James’ car');
  });

  test('returns a right single quote for elisions at the start of a word', () => {
    expect(typographicQuotes("in '93")).toBe('in ’93');
    expect(typographicQuotes("the '90s")).toBe('the ’90s');
    expect(typographicQuotes("'Tis the season")).toBe('’Tis the season');
    expect(typographicQuotes("rock 'n' roll")).toBe('rock ‘n’ roll');
  });

  test('returns primes for feet and inches, and for quotes that close nothing', () => {
    expect(typographicQuotes(`5'10"`)).toBe('5′10″');
    expect(typographicQuotes('a 6" pipe')).toBe('a 6″ pipe');
    expect(typographicQuotes("'''")).toBe('‴');
    expect(typographicQuotes("x''")).toBe('x″');
    expect(typographicQuotes('"')).toBe('″');
    expect(typographicQuotes("'")).toBe('′');
  });

  test('returns a closing double quote after a digit when a quotation is open, and a prime when none is', () => {
    expect(typographicQuotes('"Call 999"')).toBe('“Call 999”');
    expect(typographicQuotes('He wrote "page 12".')).toBe('He wrote “page 12”.');
    expect(typographicQuotes('a 12" record')).toBe('a 12″ record');
  });

  test('returns a closing quote for a straight quote that follows another opening quote', () => {
    expect(typographicQuotes('"a "b" c"')).toBe('“a “b” c”');
  });

  test('returns a long run of opening quotes in linear time (the regular expression took seconds)', () => {
    const text = '"a '.repeat(70_000);
    const started = performance.now();
    const result = typographicQuotes(text);
    const elapsed = performance.now() - started;
    expect(result).toBe('“a '.repeat(70_000));
    expect(elapsed).toBeLessThan(2_000);
  });

  test('returns the closing quote after a long run of opening single quotes in linear time', () => {
    const text = `${'‘a '.repeat(70_000)}'`;
    const started = performance.now();
    const result = typographicQuotes(text);
    const elapsed = performance.now() - started;
    expect(result).toBe(`${'‘a '.repeat(70_000)}’`);
    expect(elapsed).toBeLessThan(2_000);
  });
});
