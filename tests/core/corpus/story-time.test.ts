/** Time in the story grouping: day numbers, the gap between two spans of days, and its decay. */
import { describe, expect, test } from 'vitest';
import { dayNumber, decay, gapDays } from '../../../src/core/corpus/story-time.ts';

describe('dayNumber', () => {
  test('returns days since 1970-01-01', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('1969-12-31')).toBe(-1);
    // 2000-01-01 is day 10,957; 2025-01-01 is 9,132 days later (25 years, 7 of them leap years).
    expect(dayNumber('2025-01-01')).toBe(20_089);
    expect(dayNumber('2025-07-11')).toBe(20_280);
  });

  test('returns the written day of a timestamp, whatever its time and offset', () => {
    expect(dayNumber('2025-07-11T23:59:59-05:00')).toBe(20_280);
    expect(dayNumber('2025-07-11T00:30:00+14:00')).toBe(20_280);
    expect(dayNumber('2025-07-11T12:00')).toBe(20_280);
  });

  test('returns NaN when there is no date', () => {
    expect(dayNumber(undefined)).toBeNaN();
    expect(dayNumber('')).toBeNaN();
    expect(dayNumber('not a date')).toBeNaN();
  });
});

describe('gapDays', () => {
  test('returns the days between two single days, in either order', () => {
    expect(gapDays(10, 10, 13, 13)).toBe(3);
    expect(gapDays(13, 13, 10, 10)).toBe(3);
    expect(gapDays(10, 10, 10, 10)).toBe(0);
  });

  test('returns the days between the end of the earlier span and the start of the later one', () => {
    expect(gapDays(10, 12, 20, 22)).toBe(8);
    expect(gapDays(20, 22, 10, 12)).toBe(8);
  });

  test('returns 0 when the spans overlap or one holds the other', () => {
    expect(gapDays(10, 20, 15, 25)).toBe(0);
    expect(gapDays(10, 30, 15, 16)).toBe(0);
    expect(gapDays(10, 15, 15, 20)).toBe(0);
  });

  test('returns 0 when either side is undated', () => {
    expect(gapDays(Number.NaN, Number.NaN, 10, 10)).toBe(0);
    expect(gapDays(10, 10, Number.NaN, Number.NaN)).toBe(0);
    expect(gapDays(Number.NaN, Number.NaN, Number.NaN, Number.NaN)).toBe(0);
  });
});

describe('decay', () => {
  test('returns exp(−(gap / scale)²): 1 for no gap, 1/e at the scale, e⁻⁴ at twice it', () => {
    expect(decay(0, 30)).toBe(1);
    expect(decay(15, 30)).toBeCloseTo(0.778801, 6);
    expect(decay(30, 30)).toBeCloseTo(0.367879, 6);
    expect(decay(60, 30)).toBeCloseTo(0.0183156, 7);
    expect(decay(3, 30)).toBeCloseTo(0.99005, 6);
  });

  test('returns 1 for a negative gap and for an infinite scale (no decay)', () => {
    expect(decay(-5, 30)).toBe(1);
    expect(decay(365, Number.POSITIVE_INFINITY)).toBe(1);
  });
});
