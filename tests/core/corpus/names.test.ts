/** Candidate names in article text (findNames) and the key two spellings of a name share (nameKey). */
import { describe, expect, test } from 'vitest';
import { findNames, nameKey } from '../../../src/core/corpus/names.ts';

const names = (text: string): string[] => findNames(text).map((mention) => mention.name);

describe('findNames', () => {
  test('returns runs of capitalised words, one mention per occurrence, in order', () => {
    expect(findNames('Anna Berg visited Kabul and Kabul again.')).toStrictEqual([
      { name: 'Anna Berg', titled: false },
      { name: 'Kabul', titled: false },
      { name: 'Kabul', titled: false },
    ]);
  });

  test('returns the name after a title, marked as titled', () => {
    expect(findNames('President Joe Biden met Mr Smith in Geneva.')).toStrictEqual([
      { name: 'Joe Biden', titled: true },
      { name: 'Smith', titled: true },
      { name: 'Geneva', titled: false },
    ]);
    expect(findNames('Prime Minister Keir Starmer and Dr Ann Lee')).toStrictEqual([
      { name: 'Keir Starmer', titled: true },
      { name: 'Ann Lee', titled: true },
    ]);
  });

  test('returns what follows the last title word of a run of descriptions', () => {
    expect(findNames('Afghan Foreign Minister Amir Khan Muttaqi spoke.')).toStrictEqual([
      { name: 'Amir Khan Muttaqi', titled: true },
    ]);
  });

  test('returns names joined by lowercase connectors whole', () => {
    expect(names('The Bank of England, Leonardo da Vinci and Ali bin Hassan')).toStrictEqual([
      'Bank of England',
      'Leonardo da Vinci',
      'Ali bin Hassan',
    ]);
  });

  test('returns names without a possessive, ending a name at it', () => {
    expect(names('Russia’s Gazprom cut supplies')).toStrictEqual(['Russia', 'Gazprom']);
    expect(names("I saw Britain's envoy")).toStrictEqual(['Britain']);
  });

  test('returns names without a leading "the" or other function word', () => {
    expect(names('The Taliban entered Kabul.')).toStrictEqual(['Taliban', 'Kabul']);
    expect(names('In Herat the police waited')).toStrictEqual(['Herat']);
  });

  test('returns names ended at punctuation, brackets and quotes', () => {
    expect(names('In Kabul, Herat and Kandahar')).toStrictEqual(['Kabul', 'Herat', 'Kandahar']);
    expect(names('Kabul said: Herat')).toStrictEqual(['Kabul', 'Herat']);
    expect(names('Anna Berg (Mayor) spoke of "Kabul" today')).toStrictEqual(['Anna Berg', 'Kabul']);
  });

  test('returns only the capitalised part of a hyphenated compound', () => {
    expect(names('Taliban-led government')).toStrictEqual(['Taliban']);
  });

  test('returns acronyms of two to six capitals, but not shouted words or headlines', () => {
    expect(names('NATO and UNESCO met the BBC')).toStrictEqual(['NATO', 'UNESCO', 'BBC']);
    expect(names('BREAKING NEWS from ELSEWHERE today')).toStrictEqual([]);
    expect(names('BREAKING: Kabul')).toStrictEqual(['Kabul']);
  });

  test('returns names of up to five words, and none of a longer capitalised run', () => {
    expect(names('Alpha Beta Gamma Delta Epsilon')).toStrictEqual(['Alpha Beta Gamma Delta Epsilon']);
    expect(names('Alpha Beta Gamma Delta Epsilon Zeta')).toStrictEqual([]);
  });

  test('returns no name for calendar words, generic nouns, lone capitals or function words', () => {
    expect(names('On Monday in July the Government said')).toStrictEqual([]);
    expect(names('I think A is fine')).toStrictEqual([]);
    expect(names('The')).toStrictEqual([]);
    expect(names('')).toStrictEqual([]);
  });

  test('returns names in any Latin script, with inner apostrophes kept', () => {
    expect(names('Zoë Ångström met Jane O’Brien and ÉCOLE Polytechnique')).toStrictEqual([
      'Zoë Ångström',
      'Jane O’Brien',
      'ÉCOLE Polytechnique',
    ]);
  });

  test('returns a name split where a word over 40 characters stands in it', () => {
    const long = 'Abcdefghijklmnopqrstuvwxyzabcdefghijklmno';
    expect(long).toHaveLength(41);
    expect(names(`Amir Khan ${long} Muttaqi`)).toStrictEqual(['Amir Khan', 'Muttaqi']);
  });
});

describe('nameKey', () => {
  test('returns the name in lower case, without dots, with single spaces', () => {
    expect(nameKey('BBC')).toBe('bbc');
    expect(nameKey('U.N.')).toBe('un');
    expect(nameKey('Bank  of\tEngland')).toBe('bank of england');
  });

  test('returns the same key for spellings that differ only in case, dots and spacing', () => {
    expect(nameKey('U.S. Army')).toBe('us army');
    expect(nameKey('US  Army')).toBe('us army');
    expect(nameKey('us army')).toBe('us army');
  });

  test('returns different keys for different names', () => {
    expect(nameKey('Anna Berg')).toBe('anna berg');
    expect(nameKey('Anna-Berg')).toBe('anna-berg');
  });
});
