/**
 * SITE_LANG=fr: the fixture site built with its interface in French (tests/support/fixture-site.ts,
 * the root site's content). Every page says `<html lang="fr">`, its interface text is the French
 * table's, and no English interface string is left; the feeds and the search page follow.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { fr } from '../../src/site/i18n/fr.ts';
import type { SearchScriptMessages } from '../../src/site/i18n/index.ts';
import {
  allMatches,
  builtPageFiles,
  decodeEntities,
  isRedirectPage,
  MIN_ROOT_FIXTURE_PAGES,
  readPage,
  ROOT_FIXTURE_PAGES,
} from '../support/html.ts';

const RECOGNITION = 'articles/russia-becomes-the-first-country-in-the-world-to-recognize-taliban-government/';
const HISTORIC =
  'articles/russias-historic-recognition-of-taliban-government-a-shift-in-geopolitical-dynamics/';
const MERGED = 'articles/moscow-recognises-taliban-rule-in-a-first-for-any-country/';

/**
 * English interface strings, as the English site writes them: none may appear on a French page.
 * (Words that French writes the same, "Sources" or "Pages", are not listed.)
 */
const ENGLISH = [
  'Skip to content',
  'Latest news',
  '>Latest<',
  'min read',
  'Search articles',
  'Site search',
  'Dark theme',
  '>Topics<',
  '>Archive<',
  'RSS feed',
  'All feeds',
  'Undated',
  '>By ',
  'Updated',
  'reports on this story',
  'latest <',
  'Share this article',
  'Link copied',
  'Printed from',
  'More from',
  'Also published as',
  'Other coverage of this story',
  'as a timeline',
  'see the whole story',
  'Related reading',
  'Editing note',
  'Removed from the source file',
  'Changed from the source file',
  'a repeated copy',
  'cannot be shown',
  'Newer',
  'Older',
  'aria-label="Main"',
  'aria-label="More"',
  'Page not found',
  'There is no page at this address',
  'Search the articles',
  'Go to the latest news',
  'Search every article',
  'Best match',
  'Newest first',
  'Nothing matched',
  'You can also browse',
  'needs JavaScript',
  'Untitled',
  'This article has moved',
  'No articles yet',
  'all articles',
  'en_GB',
  ' articles in ',
  'whose source gives no date',
  'do not name a source',
];

let site: string;

beforeAll(() => {
  const dir = inject('siteDirs')['fr'];
  if (!dir) throw new Error('the fr fixture site was not built');
  site = dir;
});

/** A page's interface: its HTML without the article's own text and the structured data. */
function interfaceOf(html: string): string {
  return decodeEntities(
    html
      .replace(/<div class="article__body">[\s\S]*?<\/div>/g, '')
      .replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/g, ''),
  );
}

describe('a site with SITE_LANG=fr', () => {
  test('writes every page in French: <html lang="fr"> (<body lang="fr"> around an article in another language) and the French Open Graph locale', () => {
    const pages = builtPageFiles(site);
    expect(pages).toEqual(expect.arrayContaining([...ROOT_FIXTURE_PAGES]));
    expect(pages.length).toBeGreaterThanOrEqual(MIN_ROOT_FIXTURE_PAGES);
    for (const page of pages) {
      const html = readPage(site, page);
      const article = /<article class="article" lang="([^"]+)"/.exec(html)?.[1];
      const expected =
        article === undefined || article === 'fr'
          ? /^<!DOCTYPE html><html lang="fr"[ >]/i
          : new RegExp(`^<!DOCTYPE html><html lang="${article}"[ >].*<body lang="fr">`, 'is');
      expect([page, html]).toEqual([page, expect.stringMatching(expected)]);
      if (!isRedirectPage(html))
        expect([page, html]).toEqual([page, expect.stringContaining('content="fr_FR"')]);
    }
  });

  test('leaves no English interface string on any page', () => {
    const found: string[] = [];
    for (const page of builtPageFiles(site)) {
      const html = interfaceOf(readPage(site, page));
      for (const english of ENGLISH) if (html.includes(english)) found.push(`${page}: ${english}`);
    }
    expect(found).toEqual([]);
  });

  test('the home page: skip link, navigation, heading, French dates, reading time and story lines', () => {
    const home = decodeEntities(readPage(site, ''));
    for (const text of [
      '<title>Dispatch — Dernières actualités</title>',
      '<a class="skip-link" href="#main">Aller au contenu</a>',
      '<nav aria-label="Principale">',
      '<a href="/">Actualités</a>',
      '<a href="/topics/">Thèmes</a>',
      '<a href="/archive/">Archives</a>',
      'placeholder="Rechercher des articles"',
      '<button type="submit">Rechercher</button>',
      'Thème sombre',
      '<nav class="section-nav" aria-label="Rubriques">',
      '<h1 class="page-title">Dernières actualités</h1>',
      '<time datetime="2025-08-04">4 août 2025</time>',
      '<time datetime="2025-03-01">1er mars 2025</time>',
      '<span>1\u00a0min de lecture</span>',
      '<span class="article-meta__undated">Sans date</span>',
      '<span class="article-meta__byline">Par Jane Doe</span>',
      '>2 articles sur ce sujet</a>',
      ' · dernier article le <time datetime="2025-07-11">11 juillet 2025</time>',
      '<a href="/rss.xml">Flux RSS</a>',
      `<p>Dispatch — ${fr.site.description}</p>`,
      'title="Dispatch — tous les articles"',
    ]) {
      expect(home).toContain(text);
    }
  });

  test('an article: meta line, sharing, printing, coverage, merged headlines, topics', () => {
    const article = decodeEntities(readPage(site, RECOGNITION));
    for (const text of [
      '<span class="article-meta__byline">Par CIC International Affairs</span>',
      '<time datetime="2025-07-11">11 juillet 2025</time>',
      '<span>2\u00a0min de lecture</span>',
      'data-share-copied="Lien copié"',
      'Partager cet article',
      'Imprimé depuis https://news.example.org/' + RECOGNITION,
      '<nav class="article-topics" aria-label="Thèmes" data-pagefind-ignore>',
      'Également publié sous le titre\u00a0: <q>Moscow recognises Taliban rule in a first for any country</q>',
      '<h2 id="coverage-title">Autres articles sur ce sujet</h2>',
      '<span>Sans date</span>',
      'Les 2 articles, dans l’ordre chronologique</a>',
      'data-date="11 juillet 2025"',
    ]) {
      expect(article).toContain(text);
    }
    // Undated articles are filed under the French filter value.
    expect(readPage(site, HISTORIC)).toContain('data-year="Sans date"');
  });

  test('the editing note, its sentences and the pipeline’s line numbers, in French', () => {
    const note = decodeEntities(
      readPage(site, 'articles/1-8m-fine-for-northwind-radio-over-late-night-phone-in/'),
    );
    expect(note).toContain('<aside class="edit-note" aria-label="Note d’édition" data-pagefind-ignore>');
    expect(note).toContain(
      'Retiré du fichier source\u00a0: des caractères de contrôle ou invisibles qui ne peuvent pas être affichés\u00a0: U+0007 (ligne 5)',
    );
    expect(note).toContain('Modifié par rapport au fichier source\u00a0: ');
  });

  test('the search page: its form, order switch, help and the script’s words', () => {
    const search = readPage(site, 'search/');
    const text = decodeEntities(search);
    for (const expected of [
      '<title>Recherche — Dispatch</title>',
      '<h1 class="page-title">Recherche</h1>',
      'aria-label="Rechercher des articles"',
      'placeholder="Rechercher des articles, des personnes, des lieux…"',
      '<aside class="search__filters" aria-label="Filtres">',
      '<legend>Ordre</legend>',
      ' Pertinence</label>',
      ' Plus récents d’abord</label>',
      `<p>${fr.search.nothingMatched}</p>`,
      '<p>Vous pouvez aussi parcourir les <a href="/topics/">thèmes</a>, les <a href="/sources/">sources</a> ou les <a href="/archive/">archives</a>.</p>',
      'nécessite JavaScript. Vous pouvez tout de même parcourir les <a href="/">dernières actualités</a>, les <a href="/topics/">thèmes</a> et les <a href="/archive/">archives</a>.',
      'default("Sans titre")',
    ]) {
      expect(text).toContain(expected);
    }
    const [messages] = allMatches(search, /data-search-messages="([^"]*)"/);
    expect(JSON.parse(decodeEntities(messages ?? '')) as SearchScriptMessages).toEqual(fr.search.script);
  });

  test('the 404 page', () => {
    const notFound = decodeEntities(readPage(site, '404.html'));
    for (const text of [
      '<title>Page introuvable — Dispatch</title>',
      '<a class="skip-link" href="#main">Aller au contenu</a>',
      '<h1 class="page-title">Page introuvable</h1>',
      fr.notFound.text,
      'aria-label="Rechercher plutôt"',
      '<label for="notfound-q">Rechercher dans les articles</label>',
      '<a href="/">Voir les dernières actualités</a>',
    ]) {
      expect(notFound).toContain(text);
    }
  });

  test('listings: archive months, counts, page descriptions', () => {
    const archive = decodeEntities(readPage(site, 'archive/'));
    expect(archive).toContain('<h1 class="page-title">Archives</h1>');
    expect(archive).toContain('Juillet 2025</a>');
    expect(archive).toContain('<h2 id="undated">Sans date</h2>');
    expect(decodeEntities(readPage(site, 'archive/2025/07/'))).toContain(
      '<meta name="description" content="1 article publié en juillet 2025.">',
    );
    expect(decodeEntities(readPage(site, 'sources/'))).toContain(
      '<p class="note">16 articles ne nomment pas leur source et ne sont pas listés ici.</p>',
    );
    expect(decodeEntities(readPage(site, 'topics/taliban/'))).toContain(' · Organisation · 2 articles');
    expect(decodeEntities(readPage(site, 'sections/sub/'))).toContain(
      '<p class="eyebrow">Rubrique · 1 article</p>',
    );
  });

  test('the redirect left at a merged duplicate’s address', () => {
    expect(decodeEntities(readPage(site, MERGED))).toContain(
      '<p>Cet article a été déplacé\u00a0: <a href="/',
    );
  });

  test('the feeds name their language, and are described in it', () => {
    const rss = readFileSync(join(site, 'rss.xml'), 'utf8');
    expect(rss).toContain('<language>fr</language>');
    expect(rss).toContain(`<description>${fr.site.description}</description>`);
    const json = JSON.parse(readFileSync(join(site, 'feed.json'), 'utf8')) as Record<string, unknown>;
    expect([json['language'], json['description']]).toEqual(['fr', fr.site.description]);
    const topicFeed = JSON.parse(readFileSync(join(site, 'topics/taliban/feed.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(topicFeed['description']).toBe('Les derniers articles du thème «\u202fTaliban\u202f».');
    expect(readFileSync(join(site, 'feeds.opml'), 'utf8')).toContain(
      '<title>Dispatch — tous les flux</title>',
    );
  });
});
