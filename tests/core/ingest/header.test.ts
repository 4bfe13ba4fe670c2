import { describe, expect, test } from 'vitest';
import { parseHeaderLine } from '../../../src/core/ingest/header.ts';

describe('parseHeaderLine', () => {
  test('returns date and author from the founding "date … By …" line, without the full stop', () => {
    expect(parseHeaderLine('date 2025-07-11 By CIC International Affairs.')).toEqual({
      date: '2025-07-11',
      authors: ['CIC International Affairs'],
      warnings: [],
    });
  });

  test('returns a date from labelled and bare ISO lines', () => {
    expect(parseHeaderLine('Published: 2024-02-29')).toEqual({ date: '2024-02-29', warnings: [] });
    expect(parseHeaderLine('2025-01-05')).toEqual({ date: '2025-01-05', warnings: [] });
  });

  test('keeps a full timestamp, with its offset', () => {
    expect(parseHeaderLine('date 2025-07-11T09:30:00Z')).toEqual({
      date: '2025-07-11T09:30:00Z',
      warnings: [],
    });
    expect(parseHeaderLine('Posted 2025-07-11 09:30+0200')).toEqual({
      date: '2025-07-11T09:30:00+02:00',
      warnings: [],
    });
  });

  test('reads "11 July 2025", "July 11, 2025" and a weekday with a time and zone', () => {
    expect(parseHeaderLine('11 July 2025')).toEqual({ date: '2025-07-11', warnings: [] });
    expect(parseHeaderLine('July 11, 2025')).toEqual({ date: '2025-07-11', warnings: [] });
    expect(parseHeaderLine('Published: Friday, 11 July 2025 10:30 GMT')).toEqual({
      date: '2025-07-11T10:30:00Z',
      warnings: [],
    });
  });

  test('returns an "Updated:" line as updated, not as the publication date', () => {
    expect(parseHeaderLine('Updated: July 12, 2025 09:15 BST')).toEqual({
      updated: '2025-07-12T09:15:00+01:00',
      warnings: [],
    });
    expect(parseHeaderLine('Last updated on 12 July 2025')).toEqual({ updated: '2025-07-12', warnings: [] });
  });

  test('returns no date and a warning when the date is impossible', () => {
    expect(parseHeaderLine('date 2025-13-45')).toEqual({
      warnings: ['Ignored the impossible date “2025-13-45” in the header.'],
    });
    expect(parseHeaderLine('date 2025-02-30 By Desk')).toEqual({
      authors: ['Desk'],
      warnings: ['Ignored the impossible date “2025-02-30” in the header.'],
    });
  });

  test('returns no date for a day and month without a year, which would have to be guessed', () => {
    expect(parseHeaderLine('11 July')).toBeUndefined();
  });

  test('returns authors and outlet apart from the common byline forms', () => {
    expect(parseHeaderLine('By Jane Doe')).toEqual({ authors: ['Jane Doe'], warnings: [] });
    expect(parseHeaderLine('By Jane Doe and Sam Roe')).toEqual({
      authors: ['Jane Doe', 'Sam Roe'],
      warnings: [],
    });
    expect(parseHeaderLine('By Jane Doe, Reuters')).toEqual({
      authors: ['Jane Doe'],
      source: 'Reuters',
      warnings: [],
    });
    expect(parseHeaderLine('Jane Doe | The Guardian')).toEqual({
      authors: ['Jane Doe'],
      source: 'The Guardian',
      warnings: [],
    });
    expect(parseHeaderLine('July 11, 2025, By Jane Doe, BBC News')).toEqual({
      date: '2025-07-11',
      authors: ['Jane Doe'],
      source: 'BBC News',
      warnings: [],
    });
  });

  test('returns undefined for prose, a wire dateline, a sentence starting with "By", and headlines', () => {
    expect(
      parseHeaderLine('In a groundbreaking development, Russia has become the first country.'),
    ).toBeUndefined();
    expect(
      parseHeaderLine('KABUL, July 12 (Reuters) - The Taliban welcomed the decision on Saturday.'),
    ).toBeUndefined();
    expect(parseHeaderLine('July 11, 2025 was a day few in Kabul will forget.')).toBeUndefined();
    expect(
      parseHeaderLine('by and large the market held steady through the afternoon session'),
    ).toBeUndefined();
    expect(parseHeaderLine('Bypass plan approved')).toBeUndefined();
    expect(parseHeaderLine('RUSSIA BECOMES THE FIRST COUNTRY')).toBeUndefined();
    expect(parseHeaderLine('Council approves new park | Local news')).toBeUndefined();
  });

  test('returns undefined for a relative time, rather than a date counted from a reference day', () => {
    expect(parseHeaderLine('3 days ago')).toBeUndefined();
    expect(parseHeaderLine('Published: 2 weeks ago')).toBeUndefined();
    expect(parseHeaderLine('Updated: 5 minutes ago')).toBeUndefined();
  });
});
