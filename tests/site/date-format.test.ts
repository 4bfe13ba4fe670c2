import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { formatLongDate, formatMonth } from '../../src/site/date-format.ts';

const DATES_MODULE = new URL('../../src/site/date-format.ts', import.meta.url).href;

/**
 * Formats each date in a fresh Node process whose `TZ` is `timeZone`, as on a build machine
 * abroad: the module (and any formatter it builds at import) is loaded under that zone, which
 * changing `process.env.TZ` in this process could not do for a formatter already built.
 * Also returns the zone the process really ran in, so a zone that did not apply is caught.
 */
function inTimeZone(timeZone: string, dates: string[]): { zone: string; formatted: string[] } {
  const script = `
    const { formatLongDate } = await import(${JSON.stringify(DATES_MODULE)});
    const dates = ${JSON.stringify(dates)};
    console.log(JSON.stringify({
      zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      formatted: dates.map((date) => formatLongDate(date, 'en-GB')),
    }));
  `;
  const output = execFileSync(process.execPath, ['--input-type=module', '--eval', script], {
    env: { ...process.env, TZ: timeZone },
    encoding: 'utf8',
  });
  return JSON.parse(output) as { zone: string; formatted: string[] };
}

describe('formatLongDate', () => {
  test('returns "11 July 2025" when given the date 2025-07-11', () => {
    expect(formatLongDate('2025-07-11', 'en-GB')).toBe('11 July 2025');
  });

  test('returns the same day when given a date while the machine is far from UTC', () => {
    expect(inTimeZone('America/Los_Angeles', ['2025-07-11', '2025-01-01'])).toEqual({
      zone: 'America/Los_Angeles',
      formatted: ['11 July 2025', '1 January 2025'],
    });
    expect(inTimeZone('Pacific/Kiritimati', ['2025-07-11'])).toEqual({
      zone: 'Pacific/Kiritimati',
      formatted: ['11 July 2025'],
    });
    expect(inTimeZone('Pacific/Pago_Pago', ['2025-01-01'])).toEqual({
      zone: 'Pacific/Pago_Pago',
      formatted: ['1 January 2025'],
    });
  });

  test('returns the day of a UTC timestamp when given one at either end of the day', () => {
    expect(formatLongDate('2025-07-11T00:00:00Z', 'en-GB')).toBe('11 July 2025');
    expect(formatLongDate('2025-07-11T23:59:59Z', 'en-GB')).toBe('11 July 2025');
    expect(inTimeZone('America/Los_Angeles', ['2025-07-11T00:00:00Z'])).toEqual({
      zone: 'America/Los_Angeles',
      formatted: ['11 July 2025'],
    });
    expect(inTimeZone('Asia/Tokyo', ['2025-07-11T23:59:59.999Z'])).toEqual({
      zone: 'Asia/Tokyo',
      formatted: ['11 July 2025'],
    });
  });

  test('returns the written day when given a timestamp without offset while the machine is not on UTC', () => {
    // The header parser keeps "2025-07-11 23:30" as the local timestamp "2025-07-11T23:30".
    expect(inTimeZone('America/New_York', ['2025-07-11T23:30'])).toEqual({
      zone: 'America/New_York',
      formatted: ['11 July 2025'],
    });
    expect(inTimeZone('Pacific/Auckland', ['2025-07-11T08:00:00'])).toEqual({
      zone: 'Pacific/Auckland',
      formatted: ['11 July 2025'],
    });
  });

  test('returns the written day when given a timestamp whose offset puts the UTC instant on another day', () => {
    expect(formatLongDate('2025-07-11T00:30:00+02:00', 'en-GB')).toBe('11 July 2025');
    expect(formatLongDate('2025-07-11T22:00:00-05:00', 'en-GB')).toBe('11 July 2025');
  });
});

describe('formatLongDate in another locale', () => {
  test('writes the day, the month’s name and the year as the locale does', () => {
    expect(formatLongDate('2025-07-11', 'fr-FR')).toBe('11 juillet 2025');
    expect(formatLongDate('2025-07-11T23:59:59Z', 'fr-FR')).toBe('11 juillet 2025');
    expect(formatLongDate('2025-07-11', 'en-US')).toBe('July 11, 2025');
  });
});

describe('formatMonth', () => {
  test('names months in words, in the locale given', () => {
    expect(formatMonth(2025, 7, 'en-GB')).toBe('July 2025');
    expect(formatMonth(2023, 12, 'en-GB')).toBe('December 2023');
    expect(formatMonth(2024, 1, 'en-GB')).toBe('January 2024');
    expect(formatMonth(2025, 8, 'fr-FR')).toBe('août 2025');
  });
});
