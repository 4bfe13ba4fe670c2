import { describe, expect, test } from 'vitest';
import { parseHeaderLine } from '../../src/lib/ingest/header.ts';

describe('parseHeaderLine', () => {
  test('returns date and byline from the founding "date … By …" line, without the full stop', () => {
    expect(parseHeaderLine('date 2025-07-11 By CIC International Affairs.')).toEqual({
      date: '2025-07-11',
      byline: 'CIC International Affairs',
      warnings: [],
    });
  });

  test('returns a date alone from a labelled or bare ISO date line', () => {
    expect(parseHeaderLine('Published: 2024-02-29')).toEqual({ date: '2024-02-29', warnings: [] });
    expect(parseHeaderLine('2025-01-05')).toEqual({ date: '2025-01-05', warnings: [] });
  });

  test('keeps a full timestamp', () => {
    expect(parseHeaderLine('date 2025-07-11T09:30:00Z')).toEqual({
      date: '2025-07-11T09:30:00Z',
      warnings: [],
    });
  });

  test('returns no date and a warning when the date is impossible', () => {
    expect(parseHeaderLine('date 2025-02-30 By Desk')).toEqual({
      byline: 'Desk',
      warnings: ['Ignored the impossible date “2025-02-30” in the header.'],
    });
  });

  test('returns a byline from a "By Name" line', () => {
    expect(parseHeaderLine('By Jane Doe and Sam Roe')).toEqual({
      byline: 'Jane Doe and Sam Roe',
      warnings: [],
    });
  });

  test('returns undefined for prose, a sentence starting with "By", and headlines', () => {
    expect(
      parseHeaderLine('In a groundbreaking development, Russia has become the first country.'),
    ).toBeUndefined();
    expect(
      parseHeaderLine('by and large the market held steady through the afternoon session'),
    ).toBeUndefined();
    expect(parseHeaderLine('Bypass plan approved')).toBeUndefined();
    expect(parseHeaderLine('RUSSIA BECOMES THE FIRST COUNTRY')).toBeUndefined();
  });
});
