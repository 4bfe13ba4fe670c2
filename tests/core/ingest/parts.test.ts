/** The parts around an article's body: the dek under the headline, the sign-off, a derived title. */
import { describe, expect, test } from 'vitest';
import { deriveTitle, isDek, isSignoff } from '../../../src/core/ingest/parts.ts';

const BODY = [
  { text: 'The council voted on Tuesday to approve the new budget.' },
  { text: 'Spending on schools rises by a fifth.' },
];
const paragraphs = (first: string) => [{ text: first }, ...BODY];

describe('isDek', () => {
  test('returns true for one short sentence followed by the article', () => {
    expect(isDek(paragraphs('Schools and hospitals get more; roads get less.'))).toBe(true);
    expect(isDek(paragraphs('A vote that split the council'))).toBe(true);
  });

  test('returns false when fewer than two paragraphs follow the candidate', () => {
    expect(isDek([{ text: 'A vote that split the council.' }, { text: 'The council voted.' }])).toBe(false);
    expect(isDek([{ text: 'A vote that split the council.' }])).toBe(false);
    expect(isDek([])).toBe(false);
  });

  test('returns false for two sentences', () => {
    expect(isDek(paragraphs('The vote was close. It passed by one.'))).toBe(false);
  });

  test('returns false for a line that leads into the next, ending in a colon, semicolon or comma', () => {
    expect(isDek(paragraphs('The council said:'))).toBe(false);
    expect(isDek(paragraphs('The vote was close;'))).toBe(false);
    expect(isDek(paragraphs('On Tuesday,'))).toBe(false);
  });

  test('returns true for 30 words and false for 31', () => {
    const words = (count: number) => Array.from({ length: count }, () => 'word').join(' ');
    expect(isDek(paragraphs(words(30)))).toBe(true);
    expect(isDek(paragraphs(words(31)))).toBe(false);
  });

  test('returns true for 220 characters and false for 221', () => {
    // Ten words of 21 letters and the nine spaces between them are 219 characters; one letter more.
    const line = `${Array.from({ length: 10 }, () => 'x'.repeat(21)).join(' ')}y`;
    expect(line).toHaveLength(220);
    expect(isDek(paragraphs(line))).toBe(true);
    expect(isDek(paragraphs(`${line}z`))).toBe(false);
  });

  test('returns false for an empty first paragraph', () => {
    expect(isDek(paragraphs(''))).toBe(false);
  });
});

describe('isSignoff', () => {
  test('returns true for a short line in capitals', () => {
    expect(isSignoff('CIC PRESS TEAM')).toBe(true);
    expect(isSignoff('ENDS')).toBe(true);
  });

  test('returns true for a line opened by a dash', () => {
    expect(isSignoff('— Reuters')).toBe(true);
    expect(isSignoff('-- AP')).toBe(true);
    expect(isSignoff('– Jane Doe, Kabul')).toBe(true);
  });

  test('returns true for a reporting credit', () => {
    expect(isSignoff('Reporting by Jane Doe')).toBe(true);
    expect(isSignoff('Additional reporting by Sam Roe')).toBe(true);
    expect(isSignoff('Editing by Ann Lee')).toBe(true);
    expect(isSignoff('writing by Jane Doe')).toBe(true);
  });

  test('returns false for a sentence, even a short one or one in capitals', () => {
    expect(isSignoff('The vote passed.')).toBe(false);
    expect(isSignoff('THE VOTE PASSED.')).toBe(false);
    expect(isSignoff('Jane Doe')).toBe(false);
  });

  test('returns false for a line over six words or 60 characters, or with no word', () => {
    expect(isSignoff('CIC PRESS TEAM AND FOREIGN AFFAIRS DESK')).toBe(false);
    expect(isSignoff(`— ${'Reuters'.repeat(9)}`)).toBe(false);
    expect(isSignoff('—')).toBe(false);
    expect(isSignoff('')).toBe(false);
  });

  test('returns false for a dash with nothing after it but spaces', () => {
    expect(isSignoff('—   ')).toBe(false);
  });
});

describe('deriveTitle', () => {
  test('returns the first sentence without its full stop', () => {
    expect(deriveTitle('Rain fell across the north on Tuesday. Roads were closed.')).toBe(
      'Rain fell across the north on Tuesday',
    );
  });

  test('returns a first sentence ending in ? or ! with its mark', () => {
    expect(deriveTitle('What happens next? Nobody knows.')).toBe('What happens next?');
    expect(deriveTitle('Goal! The crowd rose.')).toBe('Goal!');
  });

  test('returns the whole paragraph when it has no sentence end', () => {
    expect(deriveTitle('Storm hits the coast')).toBe('Storm hits the coast');
  });

  test('returns a long first sentence cut at a word with an ellipsis, at most 120 characters', () => {
    const sentence =
      'The regional council voted late on Tuesday night to approve a new budget that raises spending on schools, hospitals and roads by a fifth over three years.';
    const title = deriveTitle(`${sentence} It passed by one vote.`);
    expect(title).toBe(
      'The regional council voted late on Tuesday night to approve a new budget that raises spending on schools, hospitals and…',
    );
    expect(title).toHaveLength(120);
  });

  test('returns the paragraph itself when its first "sentence" holds no letter or digit', () => {
    expect(deriveTitle('... Storm hits coast.')).toBe('... Storm hits coast.');
  });
});
