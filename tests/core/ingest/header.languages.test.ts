/**
 * parseHeaderLine in the article's language: labels ("Publié le", "Veröffentlicht am",
 * "Publicado el", "Aggiornato il"), "on"-words before a bare date, bylines with Par/Von/Por/Door,
 * and prose that merely starts with a date or with "by".
 */
import { describe, expect, test } from 'vitest';
import { parseHeaderLine } from '../../../src/core/ingest/header.ts';

describe('parseHeaderLine: dates in other languages', () => {
  test('returns the date of a bare date after its "on" word', () => {
    expect(parseHeaderLine('le 2 février 2024', 'fr')).toEqual({ date: '2024-02-02', warnings: [] });
    expect(parseHeaderLine('Le 2 février 2024', 'fr')).toEqual({ date: '2024-02-02', warnings: [] });
    expect(parseHeaderLine('am 15. Oktober 2024', 'de')).toEqual({ date: '2024-10-15', warnings: [] });
    expect(parseHeaderLine('el 7 de enero de 2024', 'es')).toEqual({ date: '2024-01-07', warnings: [] });
  });

  test('returns the date of a bare date in words, with its weekday and time', () => {
    expect(parseHeaderLine('7 de enero de 2024', 'es')).toEqual({ date: '2024-01-07', warnings: [] });
    expect(parseHeaderLine('Martes, 7 de enero de 2024', 'es')).toEqual({ date: '2024-01-07', warnings: [] });
    expect(parseHeaderLine('15. Oktober 2024', 'de')).toEqual({ date: '2024-10-15', warnings: [] });
    expect(parseHeaderLine('Dienstag, 15. Oktober 2024, 10:30 Uhr', 'de')).toEqual({
      date: '2024-10-15T10:30:00',
      warnings: [],
    });
  });

  test('returns the date after a publication label', () => {
    expect(parseHeaderLine('Publié le 2 février 2024', 'fr')).toEqual({ date: '2024-02-02', warnings: [] });
    expect(parseHeaderLine('Publié : 2 février 2024', 'fr')).toEqual({ date: '2024-02-02', warnings: [] });
    expect(parseHeaderLine('Veröffentlicht am 15. Oktober 2024', 'de')).toEqual({
      date: '2024-10-15',
      warnings: [],
    });
    expect(parseHeaderLine('Publicado el 8 de enero de 2024', 'es')).toEqual({
      date: '2024-01-08',
      warnings: [],
    });
    expect(parseHeaderLine('Pubblicato il 12 marzo 2024', 'it')).toEqual({
      date: '2024-03-12',
      warnings: [],
    });
    expect(parseHeaderLine('Publicado em 3 de março de 2024', 'pt')).toEqual({
      date: '2024-03-03',
      warnings: [],
    });
    expect(parseHeaderLine('Gepubliceerd op 3 maart 2024', 'nl')).toEqual({
      date: '2024-03-03',
      warnings: [],
    });
  });

  test('returns Russian and Chinese dates, with the Russian year abbreviation', () => {
    expect(parseHeaderLine('12 марта 2024 г.', 'ru')).toEqual({ date: '2024-03-12', warnings: [] });
    expect(parseHeaderLine('2024年3月12日', 'zh')).toEqual({ date: '2024-03-12', warnings: [] });
    expect(parseHeaderLine('2024年3月12日 08:30', 'zh')).toEqual({
      date: '2024-03-12T08:30:00',
      warnings: [],
    });
  });

  test('keeps the time after a French label', () => {
    expect(parseHeaderLine('Publié le 2 février 2024 à 10h30', 'fr')).toEqual({
      date: '2024-02-02T10:30:00',
      warnings: [],
    });
  });

  test('returns an update label’s date as updated, not as the publication date', () => {
    expect(parseHeaderLine('Mis à jour le 3 février 2024', 'fr')).toEqual({
      updated: '2024-02-03',
      warnings: [],
    });
    expect(parseHeaderLine('MIS À JOUR LE 3 FÉVRIER 2024', 'fr')).toEqual({
      updated: '2024-02-03',
      warnings: [],
    });
    expect(parseHeaderLine('Aggiornato il 12 marzo 2024', 'it')).toEqual({
      updated: '2024-03-12',
      warnings: [],
    });
    expect(parseHeaderLine('Zuletzt aktualisiert am 16. Oktober 2024', 'de')).toEqual({
      updated: '2024-10-16',
      warnings: [],
    });
    expect(parseHeaderLine('Actualizado el 9 de enero de 2024', 'es')).toEqual({
      updated: '2024-01-09',
      warnings: [],
    });
    expect(parseHeaderLine('Atualizado em 4 de março de 2024', 'pt')).toEqual({
      updated: '2024-03-04',
      warnings: [],
    });
  });

  test('returns the date and the byline of one line', () => {
    expect(parseHeaderLine('Publié le 2 février 2024 | Par Jean Dupont et Claire Martin', 'fr')).toEqual({
      date: '2024-02-02',
      authors: ['Jean Dupont', 'Claire Martin'],
      warnings: [],
    });
    expect(parseHeaderLine('Publicado el 7 de enero de 2024 por Ana Ruiz', 'es')).toEqual({
      date: '2024-01-07',
      authors: ['Ana Ruiz'],
      warnings: [],
    });
  });

  test('returns undefined for a French date in an English header: the month is not English', () => {
    expect(parseHeaderLine('2 février 2024', 'en')).toBeUndefined();
    expect(parseHeaderLine('Publié le 2 février 2024', 'en')).toBeUndefined();
    expect(parseHeaderLine('Veröffentlicht am 15. Oktober 2024', 'en')).toBeUndefined();
  });

  test('reads a header in any language when the article’s language is not known', () => {
    expect(parseHeaderLine('Veröffentlicht am 15. Oktober 2024')).toEqual({
      date: '2024-10-15',
      warnings: [],
    });
  });

  test('returns undefined for a day that does not exist', () => {
    expect(parseHeaderLine('Publié le 31 février 2024', 'fr')).toBeUndefined();
  });

  test('returns undefined for prose that starts with a date', () => {
    expect(
      parseHeaderLine(
        'Le 2 février 2024, la métropole de Lyon a inauguré une nouvelle ligne de tramway',
        'fr',
      ),
    ).toBeUndefined();
    expect(
      parseHeaderLine('2 février 2024 : la ville de Lyon a voté un nouveau budget pour les écoles', 'fr'),
    ).toBeUndefined();
    expect(
      parseHeaderLine('Am 15. Oktober 2024 legte ein Streik den Fernverkehr in ganz Deutschland lahm', 'de'),
    ).toBeUndefined();
  });
});

describe('parseHeaderLine: bylines in other languages', () => {
  test('returns the authors of "Par … et …", "Von … und …", "Por … y …" and "Door … en …"', () => {
    expect(parseHeaderLine('Par Jean Dupont et Claire Martin', 'fr')).toEqual({
      authors: ['Jean Dupont', 'Claire Martin'],
      warnings: [],
    });
    expect(parseHeaderLine('Von Anna Schmidt und Peter Braun', 'de')).toEqual({
      authors: ['Anna Schmidt', 'Peter Braun'],
      warnings: [],
    });
    expect(parseHeaderLine('Por Ana Ruiz y Luis Gómez', 'es')).toEqual({
      authors: ['Ana Ruiz', 'Luis Gómez'],
      warnings: [],
    });
    expect(parseHeaderLine('Door Jan de Vries en Piet Jansen', 'nl')).toEqual({
      authors: ['Jan de Vries', 'Piet Jansen'],
      warnings: [],
    });
  });

  test('returns undefined for prose that starts with a lowercase word after "Par" or "Por"', () => {
    expect(parseHeaderLine('Par exemple, le maire a dit non', 'fr')).toBeUndefined();
    expect(parseHeaderLine('Por fin llegó el invierno a Madrid', 'es')).toBeUndefined();
  });
});

describe('parseHeaderLine: in other languages', () => {
  test('returns undefined for German prose that starts with "Von" and a noun', () => {
    expect(parseHeaderLine('Von Montag an wird im Fernverkehr gestreikt', 'de')).toBeUndefined();
  });
});
