import { describe, expect, test } from 'vitest';
import { articleLanguages, defaultSearchLanguage } from '../../src/site/languages.ts';

const articles = (...langs: string[]) => langs.map((lang) => ({ lang }));

describe('articleLanguages', () => {
  test('lists each language once with its article count, the most used first, ties by tag', () => {
    const languages = articleLanguages(articles('fr', 'en', 'fr', 'de', 'ar', 'fr', 'en'));
    expect(languages.map(({ tag, count }) => [tag, count])).toEqual([
      ['fr', 3],
      ['en', 2],
      ['ar', 1],
      ['de', 1],
    ]);
  });

  test('names each language in itself, capitalised, and gives its writing direction', () => {
    const languages = articleLanguages(articles('fr', 'ar', 'he', 'pt-BR', 'en'));
    const byTag = Object.fromEntries(languages.map((language) => [language.tag, language]));
    expect(byTag['fr']).toMatchObject({ name: 'Français', dir: 'ltr' });
    expect(byTag['ar']).toMatchObject({ name: 'العربية', dir: 'rtl' });
    expect(byTag['he']).toMatchObject({ name: 'עברית', dir: 'rtl' });
    expect(byTag['pt-BR']).toMatchObject({ name: 'Português (Brasil)', dir: 'ltr' });
    expect(byTag['en']).toMatchObject({ name: 'English', dir: 'ltr' });
  });

  test('returns no languages for no articles', () => {
    expect(articleLanguages([])).toEqual([]);
  });
});

describe('defaultSearchLanguage', () => {
  const languages = articleLanguages(articles('fr', 'fr', 'en', 'pt-BR'));

  test('returns the site’s language when articles are written in it, even if another has more', () => {
    expect(defaultSearchLanguage(languages, 'en')).toBe('en');
  });

  test('matches the site’s language by its base language', () => {
    expect(defaultSearchLanguage(languages, 'pt')).toBe('pt-BR');
    expect(defaultSearchLanguage(languages, 'fr-CA')).toBe('fr');
  });

  test('returns the most used language when no article is in the site’s language', () => {
    expect(defaultSearchLanguage(languages, 'de')).toBe('fr');
  });

  test('returns the site’s language when there are no articles', () => {
    expect(defaultSearchLanguage([], 'de')).toBe('de');
  });
});
