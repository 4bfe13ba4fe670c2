/**
 * The front matter's `lang:` (or `language:`) field, and dates written in words in front matter:
 * in its language when it gives one, else in any language the date parser reads.
 */
import { describe, expect, test } from 'vitest';
import { splitFrontMatter } from '../../../src/core/ingest/front-matter.ts';

const read = (...fields: string[]) => splitFrontMatter(['---', ...fields, '---', 'Body.'].join('\n'));

describe('splitFrontMatter: lang', () => {
  test('returns the canonical tag of a language written in any case or with an underscore', () => {
    expect(read('lang: FR')).toMatchObject({ frontMatter: { lang: 'fr' }, warnings: [] });
    expect(read('lang: pt_br')).toMatchObject({ frontMatter: { lang: 'pt-BR' }, warnings: [] });
    expect(read('lang: en-gb')).toMatchObject({ frontMatter: { lang: 'en-GB' }, warnings: [] });
    expect(read('lang: "de"')).toMatchObject({ frontMatter: { lang: 'de' }, warnings: [] });
  });

  test('returns the language from a `language:` field too, and `lang:` when both are given', () => {
    expect(read('language: es').frontMatter).toStrictEqual({ lang: 'es' });
    expect(read('lang: en-gb', 'language: fr').frontMatter).toStrictEqual({ lang: 'en-GB' });
  });

  test('returns no language and a warning naming the value when it is not a language tag', () => {
    expect(read('lang: klingon!')).toEqual({
      frontMatter: {},
      body: '\n\n\nBody.',
      warnings: [
        'The front matter language “klingon!” is not a language tag (such as en or pt-BR) and was ignored.',
      ],
      edits: [],
    });
    expect(read('lang: 42').warnings).toStrictEqual([
      'The front matter language “42” is not a language tag (such as en or pt-BR) and was ignored.',
    ]);
  });

  test('returns no language and a type warning for a list', () => {
    expect(read('lang: [fr, de]')).toMatchObject({
      frontMatter: {},
      warnings: ['The front matter field “lang” has an unexpected type and was ignored.'],
    });
  });

  test('keeps the other fields when the language is rejected', () => {
    expect(read('lang: klingon!', 'title: Un titre', 'date: 2024-02-02').frontMatter).toStrictEqual({
      title: 'Un titre',
      date: '2024-02-02',
    });
  });
});

describe('splitFrontMatter: dates in words in other languages', () => {
  test('returns a German date when no language is given', () => {
    expect(read('date: 15. Oktober 2024')).toMatchObject({
      frontMatter: { date: '2024-10-15' },
      warnings: [],
    });
  });

  test('returns French, Spanish and Chinese dates, and a French update, when no language is given', () => {
    expect(read('date: 2 février 2024').frontMatter).toStrictEqual({ date: '2024-02-02' });
    expect(read('date: 7 de enero de 2024').frontMatter).toStrictEqual({ date: '2024-01-07' });
    expect(read('date: 2024年3月12日').frontMatter).toStrictEqual({ date: '2024-03-12' });
    expect(read('updated: 3 février 2024').frontMatter).toStrictEqual({ updated: '2024-02-03' });
  });

  test('returns a date in the front matter’s own language, and an English one', () => {
    expect(read('lang: de', 'date: 15. Oktober 2024').frontMatter).toStrictEqual({
      lang: 'de',
      date: '2024-10-15',
    });
    expect(read('lang: pt-BR', 'date: 3 de março de 2024').frontMatter).toStrictEqual({
      lang: 'pt-BR',
      date: '2024-03-03',
    });
    expect(read('lang: fr', 'date: 11 July 2025').frontMatter).toStrictEqual({
      lang: 'fr',
      date: '2025-07-11',
    });
  });

  test('returns no date and a warning for a date in another language than the one given', () => {
    expect(read('lang: en', 'date: 15. Oktober 2024')).toMatchObject({
      frontMatter: { lang: 'en' },
      warnings: ['The front matter date “15. Oktober 2024” is not a real date and was ignored.'],
    });
    expect(read('lang: es', 'date: 2 février 2024').frontMatter).toStrictEqual({ lang: 'es' });
  });

  test('returns no date when words follow the date', () => {
    expect(read('date: 2 février 2024 à Lyon')).toMatchObject({
      frontMatter: {},
      warnings: ['The front matter date “2 février 2024 à Lyon” is not a real date and was ignored.'],
    });
  });
});
