/**
 * The translation table: both languages complete (the `Messages` type makes a missing key a
 * compile error in en.ts or fr.ts; the walk below checks that nothing is empty and that every
 * function answers), plurals by each language's rules, dates in the language, French
 * typography, and how a site language picks its table.
 */
import { describe, expect, test } from 'vitest';
import { en } from '../../src/site/i18n/en.ts';
import { fr } from '../../src/site/i18n/fr.ts';
import {
  INTERFACE_LANGUAGES,
  messagesFor,
  openGraphLocale,
  withLinks,
  type Messages,
} from '../../src/site/i18n/index.ts';

/** Every registered table: a language added to index.ts is checked here without more ado. */
const TABLES: Record<string, Messages> = Object.fromEntries(
  INTERFACE_LANGUAGES.map((lang) => [lang, messagesFor(lang)]),
);

/**
 * Arguments to call each function of the table with, by its path. Every function must have an
 * entry: a function added to the table without one fails the completeness test.
 */
const SAMPLE_ARGUMENTS: Record<string, readonly unknown[]> = {
  number: [1234],
  date: ['2025-07-11'],
  month: [2025, 7],
  articles: [3],
  reports: [3],
  outlets: [2],
  minRead: [4],
  pageOf: [2, 5],
  'site.page': [2],
  'article.byline': ['Jane Doe'],
  'article.printedFrom': ['https://example.org/articles/a/'],
  'article.moreFrom': ['Reuters'],
  'article.alsoPublishedAs': [2],
  'article.otherHeadlines': [3],
  'article.coverageMore': [4],
  'article.allReports': [3],
  'article.moved': ['Harbour plan approved'],
  'edits.removed': ['U+0007 (line 3)'],
  'edits.changed': ['U+0092 → ’ (line 1)'],
  'edits.repeatedTitle': [3],
  'edits.repeatedDek': [4],
  'edits.repeatedParagraphs': [2, 12],
  'edits.removedCharacters': ['U+0007 (line 4)'],
  'edits.replacedCharacters': ['U+0092 → ’ (line 2)'],
  'edits.decodedEntities': ['&pound → £ (line 1)'],
  'edits.repeatedBlocks': [4, 9, 3],
  'edits.atLines': [[4, 9], 2],
  'edits.otherKinds': [3],
  'story.reportsOnStory': [3],
  'story.fromOutlets': [2, ['BBC News', 'Reuters']],
  'story.moreInStory': [2],
  'story.reportsFrom': [3, 2],
  'story.description': ['3 reports from 2 outlets', 'Russia recognises the Taliban.'],
  'story.outletList': [['BBC News', 'Reuters']],
  'topics.pageDescription': ['3 articles', 'Kabul'],
  'topics.feedDescription': ['Kabul'],
  'sources.unattributed': [2],
  'sources.pageDescription': ['3 reports', 'Reuters'],
  'sources.feedDescription': ['Reuters'],
  'sections.pageDescription': ['3 articles', 'Business'],
  'sections.feedDescription': ['Business'],
  'archive.withoutDate': [2],
  'archive.undatedDescription': ['2 articles'],
  'archive.monthDescription': [3, 'July 2025'],
};

/** Every value of a table, by its path, with functions called on their sample arguments. */
function entries(table: unknown, path = ''): [string, unknown][] {
  if (typeof table === 'function') {
    const args = SAMPLE_ARGUMENTS[path];
    if (!args) throw new Error(`no sample arguments for the function ${path}`);
    return [[path, (table as (...values: unknown[]) => unknown)(...args)]];
  }
  if (typeof table === 'object' && table !== null && !Array.isArray(table)) {
    return Object.entries(table).flatMap(([key, value]) => entries(value, path ? `${path}.${key}` : key));
  }
  return [[path, table]];
}

/** The text of a value: a string, or a sentence with links (LinkedText) as it reads. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    return value
      .map((part: unknown) => (typeof part === 'string' ? part : (part as { text: string }).text))
      .join('');
  }
  throw new Error(`not text: ${JSON.stringify(value)}`);
}

/** The link names of a sentence with links, in order. */
function linkNames(value: unknown): string[] {
  return Array.isArray(value)
    ? value.flatMap((part: unknown) => (typeof part === 'string' ? [] : [(part as { link: string }).link]))
    : [];
}

describe.each(Object.entries(TABLES))('the %s table', (lang, table) => {
  test('has every string non-empty and every function answering in words', () => {
    for (const [path, value] of entries(table)) {
      expect([path, textOf(value).trim() === '' || /undefined|NaN|\[object/.test(textOf(value))]).toEqual([
        path,
        false,
      ]);
    }
  });

  test('has the same keys, and the same links in each linked sentence, as English', () => {
    const own = new Map(entries(table));
    const english = entries(en);
    expect([...own.keys()].sort()).toEqual(english.map(([path]) => path).sort());
    for (const [path, value] of english)
      expect([path, linkNames(own.get(path))]).toEqual([path, linkNames(value)]);
  });

  test('names its language and an Open Graph locale of it', () => {
    expect(table.lang).toBe(lang);
    expect(table.ogLocale).toMatch(new RegExp(`^${lang}_[A-Z]{2}$`));
    expect(INTERFACE_LANGUAGES).toContain(lang);
  });

  test('words every string of the search script as JSON can carry it', () => {
    expect(JSON.parse(JSON.stringify(table.search.script))).toEqual(table.search.script);
  });
});

describe('plurals', () => {
  test.each([
    [0, '0 articles', '0 article'],
    [1, '1 article', '1 article'],
    [2, '2 articles', '2 articles'],
    [21, '21 articles', '21 articles'],
  ])('%i: "%s" in English, "%s" in French', (count, english, french) => {
    expect(en.articles(count)).toBe(english);
    expect(fr.articles(count)).toBe(french);
  });

  test.each([
    [0, '0 reports', '0 article'],
    [1, '1 report', '1 article'],
    [2, '2 reports', '2 articles'],
    [21, '21 reports', '21 articles'],
  ])('reports, %i: "%s", "%s"', (count, english, french) => {
    expect(en.reports(count)).toBe(english);
    expect(fr.reports(count)).toBe(french);
  });

  test.each([
    [0, '0 outlets', '0 média'],
    [1, '1 outlet', '1 média'],
    [2, '2 outlets', '2 médias'],
    [21, '21 outlets', '21 médias'],
  ])('outlets, %i: "%s", "%s"', (count, english, french) => {
    expect(en.outlets(count)).toBe(english);
    expect(fr.outlets(count)).toBe(french);
  });

  test('say reports and outlets together, and the unattributed articles, agreeing with the count', () => {
    expect([0, 1, 2, 21].map((count) => en.story.reportsFrom(count, 0))).toEqual([
      '0 reports',
      '1 report',
      '2 reports',
      '21 reports',
    ]);
    expect(en.story.reportsFrom(2, 1)).toBe('2 reports from 1 outlet');
    expect(en.story.reportsFrom(5, 3)).toBe('5 reports from 3 outlets');
    expect(fr.story.reportsFrom(2, 1)).toBe('2 articles d’un média');
    expect(fr.story.reportsFrom(5, 3)).toBe('5 articles de 3 médias');
    expect(en.sources.unattributed(1)).toBe('1 article does not name a source and is not listed here.');
    expect(en.sources.unattributed(21)).toBe('21 articles do not name a source and are not listed here.');
    expect(fr.sources.unattributed(1)).toBe('1 article ne nomme pas sa source et n’est pas listé ici.');
    expect(fr.sources.unattributed(2)).toBe(
      '2 articles ne nomment pas leur source et ne sont pas listés ici.',
    );
  });

  test('French counts of round millions take « de », numbers grouped by a thin space', () => {
    expect(fr.articles(1_000_000)).toBe('1\u202f000\u202f000 d’articles');
    expect(fr.outlets(2_000_000)).toBe('2\u202f000\u202f000 de médias');
    expect(fr.articles(1234)).toBe('1\u202f234 articles');
    // English numbers stay as they always were.
    expect(en.articles(1234)).toBe('1234 articles');
  });

  test('minutes of reading and page numbers', () => {
    expect(en.minRead(1)).toBe('1 min read');
    expect(en.minRead(21)).toBe('21 min read');
    expect(fr.minRead(2)).toBe('2\u00a0min de lecture');
    expect(en.pageOf(2, 5)).toBe(', page 2 of 5');
    expect(fr.pageOf(2, 5)).toBe(', page 2 sur 5');
  });
});

describe('dates', () => {
  test('are written in the language, whatever the time of day or offset', () => {
    expect(en.date('2025-07-11')).toBe('11 July 2025');
    expect(fr.date('2025-07-11')).toBe('11 juillet 2025');
    expect(fr.date('2025-07-11T23:30:00-05:00')).toBe('11 juillet 2025');
    expect(fr.date('2025-08-01')).toBe('1er août 2025');
    expect(fr.date('2025-08-21')).toBe('21 août 2025');
  });

  test('name months as headings, and lower-case in a sentence', () => {
    expect(en.month(2025, 7)).toBe('July 2025');
    expect(fr.month(2025, 7)).toBe('Juillet 2025');
    expect(en.archive.monthDescription(3, en.month(2025, 7))).toBe('3 articles from July 2025.');
    expect(fr.archive.monthDescription(1, fr.month(2025, 8))).toBe('1 article publié en août 2025.');
    expect(fr.archive.monthDescription(3, fr.month(2025, 7))).toBe('3 articles publiés en juillet 2025.');
  });
});

describe('French typography', () => {
  const french = entries(fr).map(([path, value]) => [path, textOf(value)] as const);

  test('puts a no-break space, never a plain one or none, before : ; ! ?', () => {
    // A colon inside an address or a code span is not punctuation of the sentence.
    const prose = (text: string): string => text.replace(/https?:\/\/\S+|`[^`]*`/g, '');
    const offending = french.filter(([, text]) => /(?:^|[^\u00a0\u202f])[:;!?]/u.test(prose(text)));
    expect(offending).toEqual([]);
    expect(fr.story.description('3 articles', 'Un résumé.')).toBe('3 articles\u00a0: Un résumé.');
    expect(fr.search.script.pagefind.search_suggestion).toMatch(/suivantes\u00a0:$/);
  });

  test('writes the typographic apostrophe and no straight quotes', () => {
    expect(french.filter(([, text]) => /['"]/.test(text))).toEqual([]);
    expect(fr.site.skipToContent).toBe('Aller au contenu');
    expect(fr.notFound.text).toContain('n’y a pas');
  });

  test('quotes names in guillemets with narrow no-break spaces inside', () => {
    expect(fr.topics.feedDescription('Iran')).toBe('Les derniers articles du thème «\u202fIran\u202f».');
  });
});

describe('messagesFor', () => {
  test('gives each interface language its table', () => {
    expect(messagesFor('en')).toBe(en);
    expect(messagesFor('fr')).toBe(fr);
    expect(INTERFACE_LANGUAGES).toEqual(['en', 'fr']);
  });

  test('matches a regional tag by its language: fr-CA and fr-BE are French, en-US English', () => {
    expect(messagesFor('fr-CA')).toBe(fr);
    expect(messagesFor('fr-BE')).toBe(fr);
    expect(messagesFor('en-US')).toBe(en);
  });

  test('falls back to English for a language without a table, or a tag that is not one', () => {
    expect(messagesFor('de')).toBe(en);
    expect(messagesFor('pt-BR')).toBe(en);
    expect(messagesFor('zh-Hant-TW')).toBe(en);
    expect(messagesFor('not a tag')).toBe(en);
    expect(messagesFor('')).toBe(en);
  });
});

describe('openGraphLocale', () => {
  test('is the tag’s own region, else the table’s, else where the language is most spoken', () => {
    expect(openGraphLocale('en')).toBe('en_GB');
    expect(openGraphLocale('fr')).toBe('fr_FR');
    expect(openGraphLocale('fr-CA')).toBe('fr_CA');
    expect(openGraphLocale('en-US')).toBe('en_US');
    expect(openGraphLocale('de')).toBe('de_DE');
    expect(openGraphLocale('pt-BR')).toBe('pt_BR');
    expect(openGraphLocale('es-419')).toBe('es_ES');
  });
});

describe('withLinks', () => {
  test('gives each link of a sentence its address, keeping the order and the text', () => {
    expect(
      withLinks(fr.search.browse, { topics: '/topics/', sources: '/sources/', archive: '/archive/' }),
    ).toEqual([
      { text: 'Vous pouvez aussi parcourir les ' },
      { text: 'thèmes', href: '/topics/' },
      { text: ', les ' },
      { text: 'sources', href: '/sources/' },
      { text: ' ou les ' },
      { text: 'archives', href: '/archive/' },
      { text: '.' },
    ]);
    expect(withLinks(en.article.coverageMore(3), { story: '/stories/a/' })).toEqual([
      { text: 'And 3 more — ' },
      { text: 'see the whole story', href: '/stories/a/' },
    ]);
  });
});
