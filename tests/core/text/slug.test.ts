import slugify from '@sindresorhus/slugify';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  assignNameSlugs,
  assignSlugs,
  baseSlug,
  nameSlug,
  sameNameKey,
} from '../../../src/core/text/slug.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe('baseSlug', () => {
  test('returns lowercase ASCII words joined by hyphens, dropping apostrophes', () => {
    expect(
      baseSlug('Russia’s Historic Recognition of Taliban Government: A Shift in Geopolitical Dynamics'),
    ).toBe('russias-historic-recognition-of-taliban-government-a-shift-in-geopolitical-dynamics');
  });

  test('transliterates accents and drops symbols and markup', () => {
    expect(baseSlug('Café owners protest “unfair” rent rises')).toBe('cafe-owners-protest-unfair-rent-rises');
    expect(baseSlug('Breaking </title><script>alert(1)</script>')).toBe(
      'breaking-title-script-alert-1-script',
    );
  });

  test('cuts a long slug at a hyphen, at most 96 characters', () => {
    const slug = baseSlug('Word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(96);
    expect(slug).toMatch(/^(word-)*word$/);
  });

  test('gives a title with no letters or digits "article" and a stable hash of the title', () => {
    expect(baseSlug('“…” — !!!')).toMatch(/^article-[a-z0-9]{8}$/);
    expect(baseSlug('“…” — !!!')).toBe(baseSlug('“…” — !!!'));
    expect(baseSlug('🔥🔥')).not.toBe(baseSlug('“…” — !!!'));
  });
});

describe('slugs of titles in other scripts (issue 13, finding 7)', () => {
  test('romanizes Chinese, Japanese and Korean titles syllable by syllable', () => {
    expect(baseSlug('新华社')).toBe('xin-hua-she');
    expect(baseSlug('人民日报 报道')).toBe('ren-min-ri-bao-bao-dao');
    expect(baseSlug('東京 2025')).toBe('dong-jing-2025');
    expect(baseSlug('한국일보')).toBe('han-gug-il-bo');
  });

  test('romanizes Thai, Hebrew and Devanagari titles, and letters slugify drops inside a Cyrillic word', () => {
    expect(baseSlug('ไทยรัฐ')).toBe('aithyrath');
    expect(baseSlug('הארץ היום')).toBe('hrts-hyvm');
    expect(baseSlug('भारत')).toBe('bhart');
    expect(baseSlug('Ђоковић побеђује')).toBe('djokovic-pobedjuje');
  });

  test('keeps the Arabic, Cyrillic and Greek slugs slugify always gave', () => {
    expect(baseSlug('Москва сегодня')).toBe('moskva-segodnya');
    expect(baseSlug('Αθήνα σήμερα')).toBe('athina-simera');
    expect(baseSlug('الجزيرة نت')).toBe('aljzyrt-nt');
  });

  test('gives two titles entirely in non-Latin scripts two different slugs', () => {
    const slugs = assignSlugs([
      { key: 'a.txt', title: '新华社报道' },
      { key: 'b.txt', title: 'ข่าวไทย' },
      { key: 'c.txt', title: 'שלום' },
    ]);
    expect([...slugs.values()].every((slug) => SLUG.test(slug) && !slug.startsWith('article'))).toBe(true);
    expect(new Set(slugs.values()).size).toBe(3);
  });

  test('leaves the slug of every Latin-script title exactly as it was (property, fixed seed)', () => {
    // The slug rule before non-Latin scripts were romanized: URLs of existing articles must not move.
    const previousSlug = (title: string): string => {
      const slug = slugify(title.replace(/[’'‘`]/g, ''), { lowercase: true, decamelize: false })
        .replace(/[^a-z0-9-]/g, '')
        .replace(/-{2,}/g, '-')
        .replace(/^-|-$/g, '');
      return slug.length > 0 && slug.length <= 96 ? slug : 'too long or empty';
    };
    const latinTitle = fc.string({
      unit: fc.constantFrom(..."aBz09 -’'.,:;!?&()“”«»éÉçñßøłŁąÅœæ—–€$%".split('')),
      minLength: 1,
      maxLength: 80,
    });
    fc.assert(
      fc.property(latinTitle, (title) => {
        const before = previousSlug(title);
        if (before !== 'too long or empty') expect(baseSlug(title)).toBe(before);
      }),
      { seed: 1313, numRuns: 500 },
    );
  });

  test('always returns [a-z0-9-] of at most 96 characters, whatever the text (property, fixed seed)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (title) => {
        const slug = baseSlug(title);
        expect(slug).toMatch(SLUG);
        expect(slug.length).toBeLessThanOrEqual(96);
      }),
      { seed: 1313, numRuns: 300 },
    );
  });

  test('slugs a 1 MB title of CJK and symbols in well under 10 s', () => {
    const started = performance.now();
    const slug = baseSlug('新华社🔥 ไทย '.repeat(100_000));
    expect(slug).toMatch(SLUG);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe('nameSlug and sameNameKey', () => {
  test('keep slugify’s defaults for Latin names and romanize the rest', () => {
    expect(nameSlug('TechCrunch', 'source')).toBe('tech-crunch');
    expect(nameSlug('新华社', 'source')).toBe('xin-hua-she');
    expect(nameSlug('★★★', 'topic')).toMatch(/^topic-[a-z0-9]{8}$/);
  });

  test('treat names that differ only in case, width or spacing as one name, and nothing else', () => {
    expect(sameNameKey('  BBC   News ')).toBe(sameNameKey('bbc news'));
    expect(sameNameKey('ＢＢＣ News')).toBe(sameNameKey('bbc news'));
    expect(sameNameKey('BBC-News')).not.toBe(sameNameKey('bbc news'));
    expect(sameNameKey('新華社')).not.toBe(sameNameKey('新华社'));
  });
});

describe('assignNameSlugs', () => {
  const byKey = (names: readonly string[]) => new Map(names.map((name) => [sameNameKey(name), name]));

  test('gives every distinct name a distinct slug; the first key in code-point order keeps the base', () => {
    const slugs = assignNameSlugs(byKey(['新華社', '新华社', 'BBC-News', 'BBC News', '📰', '🗞️']), 'source');
    expect(slugs.get('bbc news')).toBe('bbc-news');
    expect(slugs.get('bbc-news')).toMatch(/^bbc-news-[a-z0-9]{8}$/);
    // U+534E (华) sorts before U+83EF (華).
    expect(slugs.get('新华社')).toBe('xin-hua-she');
    expect(slugs.get('新華社')).toMatch(/^xin-hua-she-[a-z0-9]{8}$/);
    expect(slugs.get('📰')).toMatch(/^source-[a-z0-9]{8}$/);
    expect(new Set(slugs.values()).size).toBe(6);
  });

  test('depends on the set of names only, never on their order (property, fixed seed)', () => {
    const names = fc.uniqueArray(
      fc.constantFrom('新华社', '新華社', '人民日报', 'BBC', 'bbc!', 'B.B.C.', '📰', '⭐', 'ไทย'),
      {
        minLength: 1,
      },
    );
    /** Names and a random permutation of their positions (any of the n! orders). */
    const namesAndOrder = names.chain((list) =>
      fc.tuple(
        fc.constant(list),
        fc.shuffledSubarray([...list.keys()], { minLength: list.length, maxLength: list.length }),
      ),
    );
    fc.assert(
      fc.property(namesAndOrder, ([list, order]) => {
        const shuffled = order.map((index) => list[index] as string);
        const slugs = assignNameSlugs(byKey(list), 'source');
        expect(assignNameSlugs(byKey(shuffled), 'source')).toEqual(slugs);
        expect(new Set(slugs.values()).size).toBe(slugs.size);
      }),
      { seed: 1313, numRuns: 200 },
    );
  });
});

describe('assignSlugs', () => {
  test('gives articles with the same title -2, -3 in order of their file path', () => {
    const slugs = assignSlugs([
      { key: 'b.txt', title: 'Election night' },
      { key: 'c.txt', title: 'Election Night' },
      { key: 'a.txt', title: 'Election night!' },
    ]);
    expect(Object.fromEntries(slugs)).toEqual({
      'a.txt': 'election-night',
      'b.txt': 'election-night-2',
      'c.txt': 'election-night-3',
    });
  });

  test('never takes a slug that another title produces on its own', () => {
    const slugs = assignSlugs([
      { key: 'a.txt', title: 'Election' },
      { key: 'b.txt', title: 'Election' },
      { key: 'c.txt', title: 'Election 2' },
    ]);
    expect(Object.fromEntries(slugs)).toEqual({
      'a.txt': 'election',
      'b.txt': 'election-3',
      'c.txt': 'election-2',
    });
  });
});

describe('assignSlugs at scale', () => {
  test('numbers 20,000 articles with one title in order, without retrying every number (coarse guard)', () => {
    const items = Array.from({ length: 20_000 }, (_, index) => ({
      key: `desk/${String(index).padStart(5, '0')}.txt`,
      title: 'Morning briefing',
    }));
    const started = performance.now();
    const slugs = assignSlugs(items);
    // Quadratic numbering took about 20 s here; linear takes milliseconds.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(slugs.get('desk/00000.txt')).toBe('morning-briefing');
    expect(slugs.get('desk/00001.txt')).toBe('morning-briefing-2');
    expect(slugs.get('desk/19999.txt')).toBe('morning-briefing-20000');
    expect(new Set(slugs.values()).size).toBe(20_000);
  });
});
