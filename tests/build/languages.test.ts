/**
 * Articles in any language (issue 16, part 2), in the built root fixture site: its
 * "international" section holds hand-written articles in French, German, Spanish, Portuguese,
 * Arabic and Hebrew (tests/fixtures/languages) beside the English ones. Each is marked with its
 * language (and direction), dated from a date written in its language, grouped into stories
 * with reports in its own language only, indexed by Pagefind in its language's index, and
 * offered by the search page's language control.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { allMatches, decodeEntities, jsonLd, readPage } from '../support/html.ts';

const ARABIC = 'articles/afttah-mhtt-jdydt-lthlyt-almyah-fy-aleqbt/';
const ARABIC_OTHER = 'articles/mhtt-aleqbt-lthlyt-almyah-tbda-aleml/';
const HEBREW = 'articles/rkhvt-klh-hdsh-nfthh-vhyfh/';
const FRENCH = 'articles/la-metropole-de-lyon-inaugure-une-nouvelle-ligne-de-tramway/';
const FRENCH_OTHER = 'articles/lyon-le-nouveau-tramway-de-laeroport-accueille-ses-premiers-voyageurs/';
const ENGLISH_LYON = 'articles/lyon-opens-tram-line-to-its-airport/';
const GERMAN = 'articles/bahnstreik-legt-den-fernverkehr-in-deutschland-lahm/';
const SPANISH = 'articles/la-ola-de-frio-deja-temperaturas-bajo-cero-en-madrid/';
const PORTUGUESE = 'articles/sao-paulo-amplia-a-rede-de-ciclovias/';
const ENGLISH = 'articles/russia-becomes-the-first-country-in-the-world-to-recognize-taliban-government/';

let site: string;

beforeAll(() => {
  const dir = inject('siteDirs')['root'];
  if (!dir) throw new Error('the root fixture site was not built');
  site = dir;
});

/** The attributes of the first element `tag` with class `className` on a page. */
function attributesOf(html: string, tag: string, className: string): string {
  return new RegExp(`<${tag} class="${className}"([^>]*)>`).exec(html)?.[1] ?? '';
}

describe('an article page', () => {
  test.each([
    [ARABIC, 'ar', 'rtl'],
    [HEBREW, 'he', 'rtl'],
    [FRENCH, 'fr', 'ltr'],
    [GERMAN, 'de', 'ltr'],
    [SPANISH, 'es', 'ltr'],
    [PORTUGUESE, 'pt-BR', 'ltr'],
  ])('%s is in its language and direction: <html lang>, the article element, JSON-LD', (page, lang, dir) => {
    const html = readPage(site, page);
    expect(html).toMatch(new RegExp(`^<!DOCTYPE html><html lang="${lang}"[ >]`, 'i'));
    expect(attributesOf(html, 'article', 'article')).toMatch(new RegExp(`^ lang="${lang}" dir="${dir}" `));
    // The site's own words stay English, and say so.
    expect(html).toContain('<body lang="en">');
    expect(html).toMatch(/<div class="interface-text" lang="en" dir="ltr">\s*<p class="article-meta"/);
    const article = jsonLd(html).find((data) => data['@type'] === 'NewsArticle');
    expect(article?.['inLanguage']).toBe(lang);
  });

  test('in the site’s language carries no extra marking', () => {
    const html = readPage(site, ENGLISH);
    expect(html).toMatch(/^<!DOCTYPE html><html lang="en"[ >]/i);
    expect(html).toContain('<body>');
    expect(html).not.toContain('interface-text');
    expect(attributesOf(html, 'article', 'article')).toMatch(/^ lang="en" dir="ltr" /);
  });

  test('is dated from a date written in its language', () => {
    for (const [page, date] of [
      [FRENCH, '2024-02-02'], // "Publié le 2 février 2024"
      [GERMAN, '2024-10-15'], // "Veröffentlicht am 15. Oktober 2024"
      [SPANISH, '2024-01-07'], // "7 de enero de 2024"
      [PORTUGUESE, '2024-03-03'], // front matter "3 de março de 2024"
    ] as const) {
      const article = jsonLd(readPage(site, page)).find((data) => data['@type'] === 'NewsArticle');
      expect([page, article?.['datePublished']]).toEqual([page, date]);
    }
  });

  test('credits the authors of a byline in its language, joined as that language joins them', () => {
    const french = decodeEntities(readPage(site, FRENCH));
    expect(french).toContain('Jean Dupont et Claire Martin');
    expect(decodeEntities(readPage(site, GERMAN))).toContain('Anna Schmidt');
  });
});

describe('stories and topics', () => {
  test('group reports of one event in one language, never across languages', () => {
    const coverage = (page: string): string[] =>
      allMatches(
        /<aside class="coverage"[\s\S]*?<\/aside>/.exec(readPage(site, page))?.[0] ?? '',
        /href="\/([^"]+)"/g,
      );
    expect(coverage(FRENCH)).toContain(FRENCH_OTHER);
    expect(coverage(ARABIC)).toContain(ARABIC_OTHER);
    // The English report of the Lyon tram is its own story.
    expect(coverage(FRENCH)).not.toContain(ENGLISH_LYON);
    expect(coverage(ENGLISH_LYON)).toEqual([]);
  });

  test('are shared across languages: Lyon is one topic for the French and English reports', () => {
    const links = allMatches(
      readPage(site, 'topics/lyon/'),
      /<h2 class="summary__title"[^>]*><a href="\/([^"]+)"/g,
    );
    expect(links).toEqual(expect.arrayContaining([ENGLISH_LYON]));
    expect(links.some((link) => link === FRENCH || link === FRENCH_OTHER)).toBe(true);
  });

  test('list a headline in another language marked with it, right to left where it is written so', () => {
    const home = readPage(site, '');
    expect(home).toMatch(new RegExp(`<h2 class="summary__title" lang="ar" dir="rtl"><a href="/${ARABIC}"`));
    expect(home).toMatch(new RegExp(`<h2 class="summary__title" lang="fr" dir="ltr"><a href="/${FRENCH}"`));
    // The founding story, in English as the interface is: no marking.
    expect(home).toMatch(/<h2 class="summary__title"><a href="\/articles\/russias-historic-recognition/);
  });
});

describe('feeds', () => {
  test('mark each RSS item with its language (dc:language), in a feed that declares the namespace', () => {
    const xml = readFileSync(join(site, 'sections/international/rss.xml'), 'utf8');
    const rss = new XMLParser().parse(xml) as {
      rss: { channel: { item: { link: string; 'dc:language': string }[] } };
    };
    const languages = Object.fromEntries(
      rss.rss.channel.item.map((item) => [item.link, item['dc:language']]),
    );
    expect(languages[`https://news.example.org/${HEBREW}`]).toBe('he');
    expect(languages[`https://news.example.org/${PORTUGUESE}`]).toBe('pt-BR');
    expect(xml).toContain('xmlns:dc="http://purl.org/dc/elements/1.1/"');
  });

  test('give each JSON Feed item its language', () => {
    const feed = JSON.parse(readFileSync(join(site, 'sections/international/feed.json'), 'utf8')) as {
      language: string;
      items: { url: string; language: string }[];
    };
    expect(feed.language).toBe('en');
    const item = feed.items.find(({ url }) => url === `https://news.example.org/${ARABIC}`);
    expect(item?.language).toBe('ar');
  });
});

describe('search', () => {
  test('Pagefind indexes each language separately', () => {
    const entry = JSON.parse(readFileSync(join(site, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.keys(entry.languages).sort()).toEqual(['ar', 'de', 'en', 'es', 'fr', 'he', 'pt-br', 'zh']);
  });

  test('the search page offers every language by its own name, with counts, the site’s first', () => {
    const html = readPage(site, 'search/');
    const select = /<select id="search-lang"[^>]*>([\s\S]*?)<\/select>/.exec(html);
    expect(select?.[0]).toContain('data-default="en"');
    const options = allMatches(select?.[1] ?? '', /<option value="([^"]+)"/g);
    expect(options).toEqual(['en', 'ar', 'es', 'fr', 'zh', 'de', 'he', 'pt-BR']);
    expect(decodeEntities(select?.[1] ?? '')).toContain('Français (2 articles)');
    expect(select?.[1]).toContain('<option value="ar" data-dir="rtl">العربية (2 articles)</option>');
    expect(html).toContain('<label for="search-lang">Search articles in</label>');
  });
});
