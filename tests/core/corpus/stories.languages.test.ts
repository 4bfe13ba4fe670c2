/**
 * Stories per language (src/core/corpus/stories.ts): reports are grouped only with reports in
 * their own base language, each language with its own stop words and IDF; clusters and links come
 * back as indexes into the whole list, clusters sorted and ordered by their first index.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { groupStories, storiesAndLinks, type StoryDocument } from '../../../src/core/corpus/stories.ts';
import { parseArticle } from '../../../src/core/ingest/parse.ts';
import { baseLanguage } from '../../../src/core/text/language.ts';

const root = join(import.meta.dirname, '../../fixtures/languages');
const files = readdirSync(root)
  .filter((file) => file.endsWith('.txt'))
  .sort();

/** The fixture articles as story documents, in file-name order. */
const fixtures: StoryDocument[] = files.map((file) => {
  const article = parseArticle(readFileSync(join(root, file), 'utf8'));
  if ('rejected' in article) throw new Error(`${file}: ${article.rejected}`);
  return {
    title: article.title,
    body: article.paragraphs.join('\n'),
    date: article.date,
    lang: article.lang,
  };
});
const named = (clusters: number[][]): string[][] =>
  clusters.map((cluster) => cluster.map((index) => files[index] ?? ''));

/** One report, told identically whatever language it is labelled with. */
const BRIDGE_REPORT = {
  title: 'Lyon Rhône bridge reopens after repairs',
  body: 'The Pont Lafayette over the Rhône in Lyon reopened on Friday after eight months of repairs, mayor Grégory Doucet said.',
  date: '2024-02-02',
};

describe('storiesAndLinks per language: the fixture articles', () => {
  test('returns one story per event and language: the two French Lyon reports together, the English one apart', () => {
    expect(named(groupStories(fixtures))).toStrictEqual([
      ['ar-aqaba-desalination.txt', 'ar-aqaba-plant-starts.txt'],
      ['de-bahnstreik.txt'],
      ['en-lyon-tram.txt'],
      ['es-madrid-bajo-cero.txt', 'es-ola-de-frio.txt'],
      ['fr-lyon-tramway-premiers-voyageurs.txt', 'fr-lyon-tramway.txt'],
      ['he-haifa-light-rail.txt'],
      ['pt-sao-paulo-ciclovias.txt'],
    ]);
  });

  test('returns links only between reports in the same language, as indexes into the whole list', () => {
    const { links } = storiesAndLinks(fixtures);
    expect(links.length).toBeGreaterThan(0);
    for (const { a, b, similarity } of links) {
      expect(a).not.toBe(b);
      expect(fixtures[a]).toBeDefined();
      expect(fixtures[b]).toBeDefined();
      expect(baseLanguage(fixtures[a]?.lang ?? 'en')).toBe(baseLanguage(fixtures[b]?.lang ?? 'en'));
      expect(similarity).toBeGreaterThan(0);
    }
    const pairs = links.map(({ a, b }) => [files[a], files[b]].sort().join(' + '));
    expect(pairs).toContain('fr-lyon-tramway-premiers-voyageurs.txt + fr-lyon-tramway.txt');
    expect(pairs).toContain('ar-aqaba-desalination.txt + ar-aqaba-plant-starts.txt');
    expect(pairs).toContain('es-madrid-bajo-cero.txt + es-ola-de-frio.txt');
  });
});

describe('storiesAndLinks per language: constructed cases', () => {
  test('never puts reports in different languages in one story, even with identical words and date', () => {
    const labelled = (lang: string | undefined): StoryDocument => ({ ...BRIDGE_REPORT, lang });
    // The same report twice in one language is one story: the texts are what joins them.
    expect(groupStories([labelled('en'), labelled('en')])).toStrictEqual([[0, 1]]);
    const { clusters, links } = storiesAndLinks([
      labelled('en'),
      labelled('fr'),
      labelled('de'),
      labelled('ar'),
    ]);
    expect(clusters).toStrictEqual([[0], [1], [2], [3]]);
    expect(links).toStrictEqual([]);
  });

  test('groups reports by base language: pt-BR with pt, en-GB and an unlabelled report with en', () => {
    const labelled = (lang: string | undefined): StoryDocument => ({ ...BRIDGE_REPORT, lang });
    expect(groupStories([labelled('pt-BR'), labelled('pt')])).toStrictEqual([[0, 1]]);
    expect(groupStories([labelled('en-GB'), labelled(undefined), labelled('en')])).toStrictEqual([[0, 1, 2]]);
  });

  test('orders clusters by their first index across languages, each cluster sorted', () => {
    // Interleaved: 0 fr, 1 en, 2 fr, 3 de, 4 en. Languages are clustered one after another
    // (de, en, fr), so the order must be restored afterwards.
    const documents = [
      { ...BRIDGE_REPORT, lang: 'fr' },
      { ...BRIDGE_REPORT, lang: 'en' },
      { ...BRIDGE_REPORT, lang: 'fr' },
      { ...BRIDGE_REPORT, lang: 'de' },
      { ...BRIDGE_REPORT, lang: 'en' },
    ];
    expect(groupStories(documents)).toStrictEqual([[0, 2], [1, 4], [3]]);
  });

  test('gives every document exactly one story', () => {
    const documents = [...fixtures, { ...BRIDGE_REPORT, lang: 'fr' }, { ...BRIDGE_REPORT, lang: 'zh' }];
    const seen = groupStories(documents)
      .flat()
      .sort((a, b) => a - b);
    expect(seen).toStrictEqual(documents.map((_, index) => index));
  });

  test('weighs French words without French stop words: reports sharing only function words are two stories', () => {
    const reports = [
      {
        title: 'Les pompiers dans une usine pour un incendie',
        body: 'Les pompiers sont intervenus dans une usine pour un incendie qui était dans les entrepôts, avec des renforts qui sont venus pour les aider dans leur travail et pour leur sécurité.',
      },
      {
        title: 'Les élèves dans une chorale pour un concert',
        body: 'Les élèves sont partis dans une chorale pour un concert qui était dans les églises, avec des parents qui sont venus pour les écouter dans leur tournée et pour leur plaisir.',
      },
    ];
    expect(groupStories(reports.map((report) => ({ ...report, lang: 'fr' })))).toStrictEqual([[0], [1]]);
    // Weighed as English, "les", "dans", "pour", "qui" count as content words and join them.
    expect(groupStories(reports.map((report) => ({ ...report, lang: 'en' })))).toStrictEqual([[0, 1]]);
  });

  test('groups two Chinese reports of one event through word segmentation, apart from other news', () => {
    const chinese: StoryDocument[] = [
      {
        title: '北京地铁新线路开通运营',
        body: '北京地铁十九号线今天正式开通运营，全长二十二公里，连接市中心和南部新城。市民表示，新线路将大大缩短通勤时间。',
      },
      {
        title: '北京地铁十九号线开通 市民通勤更方便',
        body: '今天上午，北京地铁十九号线开通运营。这条线路连接市中心和南部新城，全长二十二公里，乘客通勤时间将明显缩短。',
      },
      {
        title: '上海举办国际电影节',
        body: '第二十六届上海国际电影节今天开幕，来自五十多个国家的四百多部电影将在二十多家影院放映。',
      },
      {
        title: '广州迎来强降雨天气',
        body: '广州市气象台发布暴雨预警，预计未来三天全市将出现强降雨，部分地区可能发生内涝。',
      },
    ].map((document) => ({ ...document, date: '2024-05-01' }));
    expect(groupStories(chinese.map((document) => ({ ...document, lang: 'zh' })))).toStrictEqual([
      [0, 1],
      [2],
      [3],
    ]);
    expect(groupStories(chinese.map((document) => ({ ...document, lang: 'zh-Hans' })))).toStrictEqual([
      [0, 1],
      [2],
      [3],
    ]);
    // Unsegmented, each run of characters between punctuation is one "word", and the two
    // reports share none.
    expect(groupStories(chinese.map((document) => ({ ...document, lang: 'en' })))).toStrictEqual([
      [0],
      [1],
      [2],
      [3],
    ]);
  });
});
