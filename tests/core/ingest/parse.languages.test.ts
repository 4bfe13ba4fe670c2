/**
 * parseArticle and the article's language: detected from the text (front matter wins), header
 * dates read in it, `lang` returned when known; toArticle falls back to the site's language.
 * The ten articles in tests/fixtures/languages are read end to end.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { toArticle } from '../../../src/core/article.ts';
import { decodeText } from '../../../src/core/ingest/decode.ts';
import { parseArticle } from '../../../src/core/ingest/parse.ts';
import type { ParsedArticle } from '../../../src/core/model/schema.ts';

const languages = join(import.meta.dirname, '../../fixtures/languages');

function parsed(text: string): ParsedArticle {
  const result = parseArticle(text);
  if ('rejected' in result) throw new Error(result.rejected);
  return result;
}

const FRENCH_BODY = [
  'La métropole de Lyon a inauguré vendredi une nouvelle ligne de tramway reliant la gare de la Part-Dieu à l’aéroport, après trois ans de travaux.',
  'Les rames circuleront toutes les dix minutes, de cinq heures du matin à minuit.',
];
const french = (...header: string[]): string =>
  [...header, '', 'Lyon inaugure une ligne de tramway', '', FRENCH_BODY.join('\n\n')].join('\n');

describe('parseArticle: the tests/fixtures/languages articles', () => {
  test.each([
    [
      'ar-aqaba-desalination.txt',
      'ar',
      '2024-03-12',
      undefined,
      'افتتاح محطة جديدة لتحلية المياه في العقبة',
      3,
    ],
    ['ar-aqaba-plant-starts.txt', 'ar', '2024-03-13', undefined, 'محطة العقبة لتحلية المياه تبدأ العمل', 3],
    [
      'de-bahnstreik.txt',
      'de',
      '2024-10-15',
      'Anna Schmidt',
      'Bahnstreik legt den Fernverkehr in Deutschland lahm',
      3,
    ],
    ['en-lyon-tram.txt', 'en', '2024-02-02', undefined, 'Lyon opens tram line to its airport', 3],
    [
      'es-madrid-bajo-cero.txt',
      'es',
      '2024-01-08',
      undefined,
      'Madrid amanece bajo cero por segundo día consecutivo',
      3,
    ],
    [
      'es-ola-de-frio.txt',
      'es',
      '2024-01-07',
      undefined,
      'La ola de frío deja temperaturas bajo cero en Madrid',
      3,
    ],
    [
      'fr-lyon-tramway-premiers-voyageurs.txt',
      'fr',
      '2024-02-02',
      undefined,
      'Lyon : le nouveau tramway de l’aéroport accueille ses premiers voyageurs',
      3,
    ],
    [
      'fr-lyon-tramway.txt',
      'fr',
      '2024-02-02',
      'Jean Dupont et Claire Martin',
      'La métropole de Lyon inaugure une nouvelle ligne de tramway',
      4,
    ],
    ['he-haifa-light-rail.txt', 'he', '2024-04-07', undefined, 'רכבת קלה חדשה נפתחה בחיפה', 3],
    [
      'pt-sao-paulo-ciclovias.txt',
      'pt-BR',
      '2024-03-03',
      undefined,
      'São Paulo amplia a rede de ciclovias',
      3,
    ],
  ])(
    '%s: returns lang %s, date %s, byline %s, its headline and paragraphs',
    (file, lang, date, byline, title, count) => {
      const article = parsed(decodeText(readFileSync(join(languages, file))).text);
      expect(article.lang).toBe(lang);
      expect(article.date).toBe(date);
      expect(article.byline).toBe(byline);
      expect(article.title).toBe(title);
      expect(article.paragraphs).toHaveLength(count);
      expect(article.warnings).toStrictEqual([]);
    },
  );
});

describe('parseArticle: language and header dates', () => {
  test('returns the detected language and reads the header date in it', () => {
    expect(parsed(french('Publié le 2 février 2024'))).toEqual({
      title: 'Lyon inaugure une ligne de tramway',
      date: '2024-02-02',
      authors: [],
      tags: [],
      lang: 'fr',
      paragraphs: FRENCH_BODY,
      edits: [],
      warnings: [],
    });
  });

  test('returns a French byline joined with "et" and the update date from a "Mis à jour" line', () => {
    const article = parsed(
      french(
        'Publié le 2 février 2024',
        'Mis à jour le 3 février 2024',
        'Par Jean Dupont, Claire Martin et Luc Bernard',
      ),
    );
    expect(article).toMatchObject({
      date: '2024-02-02',
      updated: '2024-02-03',
      authors: ['Jean Dupont', 'Claire Martin', 'Luc Bernard'],
      byline: 'Jean Dupont, Claire Martin et Luc Bernard',
      lang: 'fr',
    });
  });

  test('reads the header in the front matter’s language, not the detected one', () => {
    // The text is French, but the editor says English: "Publié le …" is then no header.
    const article = parsed(['---', 'lang: en', '---', french('Publié le 2 février 2024')].join('\n'));
    expect(article.lang).toBe('en');
    expect(article.date).toBeUndefined();
    expect(article.title).toBe('Publié le 2 février 2024');
    expect(article.paragraphs[0]).toBe('Lyon inaugure une ligne de tramway');
  });

  test('returns the front matter language over the detected one', () => {
    const article = parsed(['---', 'lang: it', '---', french()].join('\n'));
    expect(article.lang).toBe('it');
    expect(article.title).toBe('Lyon inaugure une ligne de tramway');
  });

  test('returns the detected language, and a warning, when the front matter language is no tag', () => {
    const article = parsed(['---', 'lang: klingon!', '---', french()].join('\n'));
    expect(article.lang).toBe('fr');
    expect(article.warnings).toStrictEqual([
      'The front matter language “klingon!” is not a language tag (such as en or pt-BR) and was ignored.',
    ]);
  });

  test('reads an English header date in a French article', () => {
    expect(parsed(french('Published: 11 July 2025'))).toMatchObject({ date: '2025-07-11', lang: 'fr' });
  });

  test('returns no date for a French month name in an English article', () => {
    const text = [
      '2 février 2024',
      '',
      'Lyon opens tram line to its airport',
      '',
      'Lyon opened a new tram line on Friday linking the station with the airport, after three years of work.',
      '',
      'The city plans two more lines by 2030.',
    ].join('\n');
    const article = parsed(text);
    expect(article.lang).toBe('en');
    expect(article.date).toBeUndefined();
  });

  test('keeps French prose that starts with a date as a paragraph', () => {
    const lead =
      'Le 2 février 2024, la métropole de Lyon a inauguré une nouvelle ligne de tramway reliant la gare à l’aéroport.';
    const article = parsed(['Lyon inaugure une ligne de tramway', '', lead, '', FRENCH_BODY[1]].join('\n'));
    expect(article.date).toBeUndefined();
    expect(article.paragraphs).toStrictEqual([lead, FRENCH_BODY[1]]);
  });

  test('reads a German header under the headline, with the time of day', () => {
    const text = [
      'Streik bei der Bahn: Pendler warten vergeblich',
      'Dienstag, 15. Oktober 2024, 10:30 Uhr',
      'Von Anna Schmidt und Peter Braun',
      '',
      'Die Lokführergewerkschaft hat am Dienstag bundesweit zu einem Streik aufgerufen. Hunderttausende Pendler mussten auf Busse ausweichen.',
    ].join('\n');
    expect(parsed(text)).toMatchObject({
      title: 'Streik bei der Bahn: Pendler warten vergeblich',
      date: '2024-10-15T10:30:00',
      authors: ['Anna Schmidt', 'Peter Braun'],
      byline: 'Anna Schmidt und Peter Braun',
      lang: 'de',
    });
  });

  test('returns Chinese and Russian articles with their language', () => {
    expect(
      parsed(
        '北京地铁新线路开通运营\n\n北京地铁十九号线今天正式开通运营，全长二十二公里，连接市中心和南部新城。市民表示，新线路将大大缩短通勤时间。',
      ).lang,
    ).toBe('zh');
    expect(
      parsed(
        'Московский метрополитен открыл новую станцию\n\nВ Москве во вторник открылась новая станция метро на Большой кольцевой линии, сообщили в мэрии города.',
      ).lang,
    ).toBe('ru');
  });

  test('returns no language for an article too short to tell', () => {
    const article = parsed('Lyon\n\nLe tram roule.');
    expect(article.lang).toBeUndefined();
    expect('lang' in article).toBe(false);
  });
});

describe('toArticle: the article’s language', () => {
  test('returns the parsed language, or the site’s when the text did not tell', () => {
    const identity = { sourceFile: 'world/lyon.txt', slug: 'lyon' };
    expect(toArticle(parsed(french()), identity, 'de').lang).toBe('fr');
    expect(toArticle(parsed('Lyon\n\nLe tram roule.'), identity, 'de').lang).toBe('de');
    expect(toArticle(parsed('Lyon\n\nLe tram roule.'), identity).lang).toBe('en');
  });
});

describe('parseArticle: in other languages', () => {
  test('keeps a German lead paragraph that opens with "Von Montag an"', () => {
    const lead = 'Von Montag an wird im Fernverkehr gestreikt, teilte die Gewerkschaft am Abend mit.';
    const text = [
      'Streik bei der Bahn: Pendler warten vergeblich',
      '',
      lead,
      '',
      'Die Bahn rechnet mit erheblichen Ausfällen im ganzen Land und bittet die Fahrgäste um Geduld.',
    ].join('\n');
    const article = parsed(text);
    expect(article.paragraphs[0]).toBe(lead);
    expect(article.authors).toStrictEqual([]);
    expect(article.source).toBeUndefined();
  });
});
