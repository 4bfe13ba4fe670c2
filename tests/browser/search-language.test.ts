import { describe, expect, test } from 'vitest';
import { chooseSearchLanguage } from '../../src/browser/search-language.ts';

const SITE = ['en', 'fr', 'ar', 'pt-BR'];

describe('chooseSearchLanguage', () => {
  test('returns the language the URL asks for when the site has it, whatever the reader prefers', () => {
    expect(chooseSearchLanguage(SITE, 'ar', ['fr-FR', 'en'], 'en')).toBe('ar');
  });

  test('matches the URL’s language without regard to case, and by its base language', () => {
    expect(chooseSearchLanguage(SITE, 'PT-br', [], 'en')).toBe('pt-BR');
    expect(chooseSearchLanguage(SITE, 'pt', [], 'en')).toBe('pt-BR');
    expect(chooseSearchLanguage(SITE, 'fr-CA', [], 'en')).toBe('fr');
  });

  test('returns the reader’s first preferred language the site has, when the URL names none', () => {
    expect(chooseSearchLanguage(SITE, null, ['de-DE', 'fr-FR', 'en'], 'en')).toBe('fr');
    expect(chooseSearchLanguage(SITE, null, ['en-GB', 'fr'], 'fr')).toBe('en');
  });

  test('passes over a URL language the site does not have and uses the reader’s', () => {
    expect(chooseSearchLanguage(SITE, 'ja', ['ar-EG'], 'en')).toBe('ar');
  });

  test('returns the site’s default when neither the URL nor the reader names a language it has', () => {
    expect(chooseSearchLanguage(SITE, null, ['de', 'ja'], 'fr')).toBe('fr');
    expect(chooseSearchLanguage(SITE, '', [], 'en')).toBe('en');
  });

  test('prefers an exact match over a base-language match among the site’s languages', () => {
    expect(chooseSearchLanguage(['pt', 'pt-BR'], 'pt-BR', [], 'pt')).toBe('pt-BR');
    expect(chooseSearchLanguage(['pt-BR', 'pt'], 'pt', [], 'pt-BR')).toBe('pt');
  });
});
