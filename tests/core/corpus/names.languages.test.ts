/**
 * Names in other languages (src/core/corpus/names.ts): nameRules(lang) adds the language's stop
 * words, month and weekday names and personal titles to the English ones.
 */
import { describe, expect, test } from 'vitest';
import { findNames, nameRules } from '../../../src/core/corpus/names.ts';

const names = (text: string, lang: string): string[] =>
  findNames(text, nameRules(lang)).map((mention) => mention.name);

describe('nameRules', () => {
  test('returns the French month and weekday names, lowercased, as no names', () => {
    const { notNames } = nameRules('fr');
    for (const word of ['janvier', 'février', 'mars', 'août', 'décembre', 'lundi', 'mercredi', 'dimanche']) {
      expect(notNames.has(word)).toBe(true);
    }
  });

  test('returns the German, Spanish and Japanese calendar words of the platform', () => {
    for (const word of ['montag', 'märz', 'oktober']) expect(nameRules('de').notNames.has(word)).toBe(true);
    for (const word of ['enero', 'martes']) expect(nameRules('es').notNames.has(word)).toBe(true);
    for (const word of ['3月', '火曜日']) expect(nameRules('ja').notNames.has(word)).toBe(true);
  });

  test('keeps the English rules in every language: English titles, stop words and generic nouns', () => {
    const french = nameRules('fr');
    expect(french.titles.has('president')).toBe(true);
    expect(french.stopWords.has('the')).toBe(true);
    expect(french.notNames.has('government')).toBe(true);
    expect(french.notNames.has('january')).toBe(true);
  });

  test('adds each language’s titles and stop words to its own rules only', () => {
    expect(nameRules('fr').titles.has('mme')).toBe(true);
    expect(nameRules('de').titles.has('herr')).toBe(true);
    expect(nameRules('es').titles.has('alcalde')).toBe(true);
    expect(nameRules('en').titles.has('herr')).toBe(false);
    expect(nameRules('en').stopWords.has('les')).toBe(false);
    expect(nameRules('fr').stopWords.has('les')).toBe(true);
    expect(nameRules('de').stopWords.has('die')).toBe(true);
  });

  test('returns the rules of the base language for a regional tag', () => {
    expect(nameRules('fr-CA').titles.has('mme')).toBe(true);
    expect(nameRules('pt-BR').titles.has('prefeito')).toBe(true);
    expect(nameRules('en-GB')).toBe(nameRules('en'));
  });
});

describe('findNames with the rules of a language', () => {
  test('returns no name for French month and weekday names', () => {
    const text = 'Février a été froid. En Mars, Lundi et Dimanche, Lyon a voté.';
    expect(names(text, 'fr')).toStrictEqual(['Lyon']);
    // With English rules, the same words are names: the French calendar is what removes them.
    expect(names(text, 'en')).toContain('Février');
  });

  test('returns no name for German weekdays and months, and strips a leading article', () => {
    expect(names('Am Montag, im Oktober, kam Die Deutsche Bahn zu spät.', 'de')).toStrictEqual([
      'Deutsche Bahn',
    ]);
  });

  test('strips a leading French article from a name', () => {
    expect(names('La Banque de France a parlé.', 'fr')).toStrictEqual(['Banque de France']);
  });

  test('marks a name after a French title as a person’s: M., Mme, Président', () => {
    expect(findNames('M. Dupont a rencontré Mme Claire Martin à Lyon.', nameRules('fr'))).toStrictEqual([
      { name: 'Dupont', titled: true },
      { name: 'Claire Martin', titled: true },
      { name: 'Lyon', titled: false },
    ]);
    expect(findNames('Le Président Macron est arrivé.', nameRules('fr'))).toStrictEqual([
      { name: 'Macron', titled: true },
    ]);
  });

  test('marks a name after a German title as a person’s, but not under English rules', () => {
    expect(findNames('Herr Weber traf Bundeskanzlerin Anna Berg.', nameRules('de'))).toStrictEqual([
      { name: 'Weber', titled: true },
      { name: 'Anna Berg', titled: true },
    ]);
    expect(findNames('Herr Weber', nameRules('en'))).toStrictEqual([{ name: 'Herr Weber', titled: false }]);
  });

  test('returns German capitalised nouns as candidates: telling them from names is the topics’ work', () => {
    expect(names('Die Regierung und die Lokführergewerkschaft GDL streiten.', 'de')).toStrictEqual([
      'Regierung',
      'Lokführergewerkschaft GDL',
    ]);
  });
});

describe('findNames: in other languages', () => {
  test('marks a name after a lowercase French title as a person’s', () => {
    const mentions = findNames('Selon le président Macron, rien ne change.', nameRules('fr'));
    expect(mentions.find((mention) => mention.name === 'Macron')).toStrictEqual({
      name: 'Macron',
      titled: true,
    });
  });

  test('marks a name after "Sra." as a person’s', () => {
    const mentions = findNames('La Sra. Ruiz habló.', nameRules('es'));
    expect(mentions.find((mention) => mention.name === 'Ruiz')).toStrictEqual({ name: 'Ruiz', titled: true });
  });
});
