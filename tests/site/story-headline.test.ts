import { describe, expect, test } from 'vitest';
import { headlineScores, representativeReport, wordRarity, words } from '../../src/site/story-headline.ts';

const report = (
  slug: string,
  title: string,
  description = '',
): { slug: string; title: string; description: string } => ({
  slug,
  title,
  description,
});

describe('words', () => {
  test('are lower-cased content words without function words, possessives or plural s', () => {
    expect(words("The Mayor's bridges: cracks and closures, says Ostrava's council")).toEqual([
      'mayor',
      'bridge',
      'crack',
      'closure',
      'ostrava',
      'council',
    ]);
  });

  test('keep numbers and letters of any script, and drop one-letter words', () => {
    expect(words('Flight MH370: a 2014 search — Zürich 東京')).toEqual([
      'flight',
      'mh370',
      '2014',
      'search',
      'zürich',
      '東京',
    ]);
  });

  test('leave words ending in ss, us and is whole', () => {
    expect(words('Press bus crisis')).toEqual(['press', 'bus', 'crisis']);
  });
});

describe('headline scores', () => {
  const rarity = wordRarity([
    ...Array.from({ length: 20 }, (_, index) =>
      report(`x${index}`, `New report on week ${index}`, 'New figures this week.'),
    ),
  ]);

  test('are 0 for a story of one report', () => {
    expect(headlineScores([report('a', 'Anything at all')], rarity)).toEqual(new Map([['a', 0]]));
  });

  test('rank the headline sharing rare names with the other reports above a generic one', () => {
    const story = [
      report('generic', 'New report this week', 'The Quarnby oil company faces a tax bill.'),
      report('named', 'Quarnby oil tax bill grows', 'Quarnby must pay more tax, a court rules.'),
      report('third', 'Court backs Quarnby tax claim', 'The oil firm Quarnby lost its appeal on the bill.'),
    ];
    const scores = headlineScores(story, rarity);
    expect(scores.get('named')).toBeGreaterThan(scores.get('third') ?? 1);
    expect(scores.get('third')).toBeGreaterThan(scores.get('generic') ?? 1);
    for (const score of scores.values()) {
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1 + 1e-9);
    }
    expect(representativeReport(story, rarity).slug).toBe('named');
  });

  test('do not reward a headline for being long', () => {
    const story = [
      report('long', 'Quarnby tax and also the weather, football results, markets and a recipe for soup'),
      report('short', 'Quarnby tax ruling', 'The Quarnby tax ruling was upheld.'),
      report('third', 'Quarnby ruling upheld', 'Judges upheld the Quarnby tax ruling.'),
    ];
    expect(representativeReport(story, rarity).slug).toBe('short');
  });

  test('choose the first report on a tie, so the caller decides', () => {
    const story = [report('b', 'Quince harvest'), report('a', 'Violin recital')];
    expect(representativeReport(story, rarity).slug).toBe('b');
    expect(representativeReport([...story].reverse(), rarity).slug).toBe('a');
  });
});
