import { describe, expect, test } from 'vitest';
import { counted, pageLabel, plural } from '../../src/site/format.ts';
import { en } from '../../src/site/i18n/en.ts';
import { fr } from '../../src/site/i18n/fr.ts';

describe('plural', () => {
  test('returns the singular for exactly one and the plural otherwise, zero included', () => {
    expect(plural(1, 'article')).toBe('article');
    expect(plural(0, 'article')).toBe('articles');
    expect(plural(2, 'article')).toBe('articles');
  });

  test('returns the irregular plural when given one', () => {
    expect(plural(3, 'story', 'stories')).toBe('stories');
    expect(plural(1, 'story', 'stories')).toBe('story');
  });
});

describe('counted', () => {
  test('writes the number before the noun', () => {
    expect(counted(1, 'article')).toBe('1 article');
    expect(counted(3, 'article')).toBe('3 articles');
    expect(counted(0, 'report')).toBe('0 reports');
    expect(counted(2, 'story', 'stories')).toBe('2 stories');
  });
});

describe('pageLabel', () => {
  test('says nothing on the first page', () => {
    expect(pageLabel({ number: 1, count: 5 }, en)).toBe('');
    expect(pageLabel({ number: 1, count: 1 }, en)).toBe('');
    expect(pageLabel({ number: 1, count: 5 }, fr)).toBe('');
  });

  test('names the page and the count on later pages', () => {
    expect(pageLabel({ number: 2, count: 5 }, en)).toBe(', page 2 of 5');
    expect(pageLabel({ number: 5, count: 5 }, en)).toBe(', page 5 of 5');
    expect(pageLabel({ number: 2, count: 5 }, fr)).toBe(', page 2 sur 5');
  });
});
