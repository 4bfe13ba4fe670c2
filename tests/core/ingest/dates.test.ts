/**
 * findDateAtStart: dates written many ways at the start of a header line, and what is not a
 * date (no year, not at the start, a day that does not exist, a date relative to "now").
 */
import { describe, expect, test } from 'vitest';
import { findDateAtStart } from '../../../src/core/ingest/dates.ts';

describe('findDateAtStart: ISO dates and timestamps', () => {
  test('returns the date, its text and the index past it when given an ISO date', () => {
    expect(findDateAtStart('2025-07-11')).toStrictEqual({ value: '2025-07-11', text: '2025-07-11', end: 10 });
    expect(findDateAtStart('2025-07-11 | Politics')).toStrictEqual({
      value: '2025-07-11',
      text: '2025-07-11',
      end: 10,
    });
  });

  test('returns a timestamp with seconds added and a Z kept when given a UTC time', () => {
    expect(findDateAtStart('2025-07-11T10:30Z rest')).toStrictEqual({
      value: '2025-07-11T10:30:00Z',
      text: '2025-07-11T10:30Z',
      end: 17,
    });
  });

  test('returns the offset with a colon when given one without, and drops fractions of a second', () => {
    expect(findDateAtStart('2025-07-11 10:30:15+0200')).toStrictEqual({
      value: '2025-07-11T10:30:15+02:00',
      text: '2025-07-11 10:30:15+0200',
      end: 24,
    });
    expect(findDateAtStart('2025-07-11T10:30:15.123-05:00')).toStrictEqual({
      value: '2025-07-11T10:30:15-05:00',
      text: '2025-07-11T10:30:15.123-05:00',
      end: 29,
    });
  });

  test('returns a local timestamp without offset when the source gives none', () => {
    expect(findDateAtStart('2025-07-11 10:30')?.value).toBe('2025-07-11T10:30:00');
  });

  test('returns 29 February in a leap year', () => {
    expect(findDateAtStart('2024-02-29')?.value).toBe('2024-02-29');
  });

  test('returns a problem and no value when given a day that does not exist', () => {
    expect(findDateAtStart('2025-02-30')).toStrictEqual({
      text: '2025-02-30',
      end: 10,
      problem: 'Ignored the impossible date “2025-02-30” in the header.',
    });
    expect(findDateAtStart('2025-02-29')).toStrictEqual({
      text: '2025-02-29',
      end: 10,
      problem: 'Ignored the impossible date “2025-02-29” in the header.',
    });
    expect(findDateAtStart('2025-13-01')?.problem).toBe(
      'Ignored the impossible date “2025-13-01” in the header.',
    );
  });

  test('returns a problem and no value when given a time that does not exist', () => {
    expect(findDateAtStart('2025-07-11T25:00')).toStrictEqual({
      text: '2025-07-11T25:00',
      end: 16,
      problem: 'Ignored the impossible time “2025-07-11T25:00” in the header.',
    });
    expect(findDateAtStart('2025-07-11T10:61')?.problem).toBe(
      'Ignored the impossible time “2025-07-11T10:61” in the header.',
    );
  });

  test('returns undefined when the digits run on, or have no hyphens', () => {
    expect(findDateAtStart('2025-07-111')).toBeUndefined();
    expect(findDateAtStart('20250711')).toBeUndefined();
  });
});

describe('findDateAtStart: dates in words', () => {
  test('returns the day when given day-month-year and month-day-year', () => {
    expect(findDateAtStart('11 July 2025')).toStrictEqual({
      value: '2025-07-11',
      text: '11 July 2025',
      end: 12,
    });
    expect(findDateAtStart('July 11, 2025')).toStrictEqual({
      value: '2025-07-11',
      text: 'July 11, 2025',
      end: 13,
    });
    expect(findDateAtStart('11 Jul 2025')?.value).toBe('2025-07-11');
    expect(findDateAtStart('Jul 11 2025')?.value).toBe('2025-07-11');
    expect(findDateAtStart('11th July 2025')?.value).toBe('2025-07-11');
    expect(findDateAtStart('2025/07/11')?.value).toBe('2025-07-11');
  });

  test('returns the date after a weekday, and its time and zone when given them', () => {
    expect(findDateAtStart('Friday, 11 July 2025 10:30 GMT | Updated')).toStrictEqual({
      value: '2025-07-11T10:30:00Z',
      text: 'Friday, 11 July 2025 10:30 GMT',
      end: 30,
    });
    expect(findDateAtStart('Fri 11 July 2025')).toStrictEqual({
      value: '2025-07-11',
      text: 'Fri 11 July 2025',
      end: 16,
    });
    expect(findDateAtStart('Sat, 12 Jul 2025 08:00:00 +0000')?.value).toBe('2025-07-12T08:00:00Z');
    expect(findDateAtStart('11 July 2025 10:30 +0100')?.value).toBe('2025-07-11T10:30:00+01:00');
    expect(findDateAtStart('11 July 2025, 10:30 BST')?.value).toBe('2025-07-11T10:30:00+01:00');
    expect(findDateAtStart('July 11th, 2025, 3:45 pm')?.value).toBe('2025-07-11T15:45:00');
  });

  test('returns only the date when more text follows it on the line', () => {
    expect(findDateAtStart('11 July 2025 by Jane Doe')).toStrictEqual({
      value: '2025-07-11',
      text: '11 July 2025',
      end: 12,
    });
    const found = findDateAtStart(`11 July 2025 ${'and more '.repeat(200_000)}`);
    expect(found).toStrictEqual({ value: '2025-07-11', text: '11 July 2025', end: 12 });
  });
});

describe('findDateAtStart: what is not a date', () => {
  test('returns undefined when the year, or the day, is missing', () => {
    expect(findDateAtStart('11 July')).toBeUndefined();
    expect(findDateAtStart('July 2025')).toBeUndefined();
    expect(findDateAtStart('Monday')).toBeUndefined();
  });

  test('returns undefined when the date does not open the text', () => {
    expect(findDateAtStart('Published on 11 July 2025')).toBeUndefined();
    expect(findDateAtStart('  11 July 2025')).toBeUndefined();
  });

  test('returns undefined for words, an empty text and a day that does not exist', () => {
    expect(findDateAtStart('The council met')).toBeUndefined();
    expect(findDateAtStart('')).toBeUndefined();
    expect(findDateAtStart('31 June 2025')).toBeUndefined();
  });

  test('returns undefined for words that are dates only relative to today', () => {
    expect(findDateAtStart('Today')).toBeUndefined();
    expect(findDateAtStart('Yesterday')).toBeUndefined();
    expect(findDateAtStart('tomorrow at 5pm')).toBeUndefined();
  });

  test('returns undefined for a time span from now, rather than a date counted from a reference day', () => {
    expect(findDateAtStart('3 days ago')).toBeUndefined();
    expect(findDateAtStart('one day ago')).toBeUndefined();
    expect(findDateAtStart('2 weeks ago')).toBeUndefined();
    expect(findDateAtStart('5 minutes ago')).toBeUndefined();
    expect(findDateAtStart('in 3 days')).toBeUndefined();
    expect(findDateAtStart('2 days from now')).toBeUndefined();
  });
});
