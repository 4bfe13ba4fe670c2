/**
 * findDateAtStart in the article's language: Spanish, German, French, Italian, Portuguese,
 * Russian and Chinese date forms, English after them, and no date read in a language the
 * article is not written in.
 */
import { describe, expect, test } from 'vitest';
import { DATE_LANGUAGES, findDateAtStart } from '../../../src/core/ingest/dates.ts';

describe('findDateAtStart: dates in the article’s language', () => {
  test('returns a Spanish date, with and without its weekday', () => {
    expect(findDateAtStart('7 de enero de 2024', 'es')).toStrictEqual({
      value: '2024-01-07',
      text: '7 de enero de 2024',
      end: 18,
    });
    expect(findDateAtStart('Martes, 7 de enero de 2024', 'es')).toStrictEqual({
      value: '2024-01-07',
      text: 'Martes, 7 de enero de 2024',
      end: 26,
    });
    expect(findDateAtStart('martes 7 de enero de 2024', 'es')?.value).toBe('2024-01-07');
  });

  test('returns a German date with the day’s full stop', () => {
    expect(findDateAtStart('15. Oktober 2024', 'de')).toStrictEqual({
      value: '2024-10-15',
      text: '15. Oktober 2024',
      end: 16,
    });
    expect(findDateAtStart('Mittwoch, 3. März 2024', 'de')?.value).toBe('2024-03-03');
  });

  test('keeps the time of a German date with "Uhr"', () => {
    expect(findDateAtStart('Dienstag, 15. Oktober 2024, 10:30 Uhr', 'de')).toStrictEqual({
      value: '2024-10-15T10:30:00',
      text: 'Dienstag, 15. Oktober 2024, 10:30 Uhr',
      end: 37,
    });
  });

  test('returns French dates, with a weekday, "1er" and a time written "10h30"', () => {
    expect(findDateAtStart('2 février 2024', 'fr')).toStrictEqual({
      value: '2024-02-02',
      text: '2 février 2024',
      end: 14,
    });
    expect(findDateAtStart('Mercredi 14 mars 2024', 'fr')?.value).toBe('2024-03-14');
    expect(findDateAtStart('1er février 2024', 'fr')?.value).toBe('2024-02-01');
    expect(findDateAtStart('14 mars 2024 à 18h30', 'fr')?.value).toBe('2024-03-14T18:30:00');
  });

  test('returns Italian, Portuguese, Russian and Chinese dates', () => {
    expect(findDateAtStart('12 marzo 2024', 'it')?.value).toBe('2024-03-12');
    expect(findDateAtStart('3 de março de 2024', 'pt')?.value).toBe('2024-03-03');
    expect(findDateAtStart('12 марта 2024', 'ru')?.value).toBe('2024-03-12');
    expect(findDateAtStart('2024年3月12日', 'zh')?.value).toBe('2024-03-12');
  });

  test('returns only the date when prose follows it', () => {
    expect(findDateAtStart('2 février 2024 la ville a voté', 'fr')).toStrictEqual({
      value: '2024-02-02',
      text: '2 février 2024',
      end: 14,
    });
  });

  test('reads a numeric date day first in French and German, month first in English', () => {
    expect(findDateAtStart('02/03/2024', 'fr')?.value).toBe('2024-03-02');
    expect(findDateAtStart('02/03/2024', 'de')?.value).toBe('2024-03-02');
    expect(findDateAtStart('02/03/2024', 'en')?.value).toBe('2024-02-03');
  });

  test('returns an English date in an article in another language (English is tried after)', () => {
    expect(findDateAtStart('11 July 2025', 'fr')?.value).toBe('2025-07-11');
    expect(findDateAtStart('11 July 2025', 'de')?.value).toBe('2025-07-11');
  });

  test('returns an English date for a language whose dates are not read', () => {
    expect(findDateAtStart('11 July 2025', 'ar')?.value).toBe('2025-07-11');
    expect(findDateAtStart('11 July 2025', 'tlh')?.value).toBe('2025-07-11');
  });
});

describe('findDateAtStart: what is not a date in another language', () => {
  test('returns undefined for a French, German or Spanish date in an English article', () => {
    expect(findDateAtStart('2 février 2024', 'en')).toBeUndefined();
    expect(findDateAtStart('15. Oktober 2024', 'en')).toBeUndefined();
    expect(findDateAtStart('7 de enero de 2024', 'en')).toBeUndefined();
  });

  test('reads a date in any language, English first, when the article’s language is not known', () => {
    expect(findDateAtStart('2 février 2024')?.value).toBe('2024-02-02');
    expect(findDateAtStart('15. Oktober 2024')?.value).toBe('2024-10-15');
    expect(findDateAtStart('11 July 2025')?.value).toBe('2025-07-11');
  });

  test('returns undefined for a French date in a Spanish article', () => {
    expect(findDateAtStart('2 février 2024', 'es')).toBeUndefined();
  });

  test('returns undefined for "le 2 février 2024": the "on" word is the header’s to remove', () => {
    expect(findDateAtStart('le 2 février 2024', 'fr')).toBeUndefined();
  });

  test('returns undefined without a year, and for a day that does not exist', () => {
    expect(findDateAtStart('2 février', 'fr')).toBeUndefined();
    expect(findDateAtStart('15. Oktober', 'de')).toBeUndefined();
    expect(findDateAtStart('Lundi 31 février 2024', 'fr')).toBeUndefined();
  });

  test('returns undefined for words that are dates only relative to today', () => {
    expect(findDateAtStart('hier', 'fr')).toBeUndefined();
    expect(findDateAtStart('heute', 'de')).toBeUndefined();
    expect(findDateAtStart('il y a 3 jours', 'fr')).toBeUndefined();
    expect(findDateAtStart('vor 3 Tagen', 'de')).toBeUndefined();
    expect(findDateAtStart('hace 3 días', 'es')).toBeUndefined();
  });
});

describe('DATE_LANGUAGES', () => {
  test('lists English first, then each language whose dates are read, once', () => {
    expect(DATE_LANGUAGES[0]).toBe('en');
    expect(new Set(DATE_LANGUAGES).size).toBe(DATE_LANGUAGES.length);
    for (const language of ['de', 'es', 'fr', 'it', 'pt', 'nl', 'ru', 'zh', 'ja']) {
      expect(DATE_LANGUAGES).toContain(language);
    }
    expect(DATE_LANGUAGES).not.toContain('ar');
  });
});
