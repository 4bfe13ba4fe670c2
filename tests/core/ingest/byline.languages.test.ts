/**
 * Bylines in other languages: "Par … et …", "Von … und …", "Por … y …", and authors joined the
 * way a byline reads in the article's language (formatAuthors).
 */
import { describe, expect, test } from 'vitest';
import { formatAuthors, parseByline } from '../../../src/core/ingest/byline.ts';

describe('parseByline in other languages', () => {
  test('returns the authors of "Par Jean Dupont et Claire Martin" without "Par"', () => {
    expect(parseByline('Par Jean Dupont et Claire Martin')).toEqual({
      authors: ['Jean Dupont', 'Claire Martin'],
    });
    expect(parseByline('PAR Jean Dupont')).toEqual({ authors: ['Jean Dupont'] });
  });

  test('returns the authors of German, Spanish, Italian, Dutch and Swedish bylines', () => {
    expect(parseByline('Von Anna Schmidt und Peter Braun')).toEqual({
      authors: ['Anna Schmidt', 'Peter Braun'],
    });
    expect(parseByline('Por Ana Ruiz, Luis Gómez y Marta Díaz')).toEqual({
      authors: ['Ana Ruiz', 'Luis Gómez', 'Marta Díaz'],
    });
    expect(parseByline('Giulia Bianchi e Marco Rossi')).toEqual({
      authors: ['Giulia Bianchi', 'Marco Rossi'],
    });
    expect(parseByline('Door Jan de Vries en Piet Jansen')).toEqual({
      authors: ['Jan de Vries', 'Piet Jansen'],
    });
    expect(parseByline('Av Eva Berg och Lars Holm')).toEqual({ authors: ['Eva Berg', 'Lars Holm'] });
  });

  test('keeps a non-Latin name whole', () => {
    expect(parseByline('Par Leïla Benali et Zoé Nguyễn')).toEqual({
      authors: ['Leïla Benali', 'Zoé Nguyễn'],
    });
  });

  test('keeps an outlet named with a French, German or Spanish article apart', () => {
    expect(parseByline('Par Jean Dupont, Le Monde')).toEqual({
      authors: ['Jean Dupont'],
      source: 'Le Monde',
    });
    expect(parseByline('Von Anna Schmidt, Der Spiegel')).toEqual({
      authors: ['Anna Schmidt'],
      source: 'Der Spiegel',
    });
    expect(parseByline('Por Ana Ruiz, El País')).toEqual({ authors: ['Ana Ruiz'], source: 'El País' });
  });
});

describe('formatAuthors in the article’s language', () => {
  const three = ['Jean Dupont', 'Claire Martin', 'Anna Schmidt'];

  test('joins English authors in British English: no comma before "and"', () => {
    expect(formatAuthors(three, 'en')).toBe('Jean Dupont, Claire Martin and Anna Schmidt');
    expect(formatAuthors(three)).toBe('Jean Dupont, Claire Martin and Anna Schmidt');
    expect(formatAuthors(['Jane Doe', 'Sam Roe'], 'en')).toBe('Jane Doe and Sam Roe');
  });

  test('joins French authors with "et", German with "und", Spanish with "y"', () => {
    expect(formatAuthors(three, 'fr')).toBe('Jean Dupont, Claire Martin et Anna Schmidt');
    expect(formatAuthors(['Jean Dupont', 'Claire Martin'], 'fr')).toBe('Jean Dupont et Claire Martin');
    expect(formatAuthors(three, 'de')).toBe('Jean Dupont, Claire Martin und Anna Schmidt');
    expect(formatAuthors(['Ana Ruiz', 'Luis Gómez'], 'es')).toBe('Ana Ruiz y Luis Gómez');
    expect(formatAuthors(['Beatriz Souza', 'Rafael Lima'], 'pt-BR')).toBe('Beatriz Souza e Rafael Lima');
  });

  test('follows a regional English tag written in front matter', () => {
    expect(formatAuthors(three, 'en-US')).toBe('Jean Dupont, Claire Martin, and Anna Schmidt');
  });

  test('returns one author as written and no authors as an empty string, in any language', () => {
    expect(formatAuthors(['Jean Dupont'], 'fr')).toBe('Jean Dupont');
    expect(formatAuthors([], 'de')).toBe('');
  });

  test('joins in British English for a tag the platform rejects, instead of throwing', () => {
    expect(formatAuthors(three, 'en-')).toBe('Jean Dupont, Claire Martin and Anna Schmidt');
  });
});
