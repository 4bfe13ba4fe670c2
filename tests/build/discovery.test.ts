/**
 * Feeds, sitemap, robots.txt, page metadata, listings and page weight of the built fixture
 * sites (tests/support/global-setup.ts builds them).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import {
  allMatches,
  builtPageFiles,
  jsonLd,
  MIN_ROOT_FIXTURE_PAGES,
  readPage,
  ROOT_FIXTURE_PAGES,
} from '../support/html.ts';
import { THEME_SCRIPT } from '../../src/browser/inline-scripts.ts';
import { REGISTER_SERVICE_WORKER_SCRIPT } from '../../src/browser/register-service-worker.ts';

interface ReportInput {
  file: string;
  outcome: string;
  url?: string;
  redirectFrom?: string;
}

let root: string;
let news: string;
const published = (site: string): string[] =>
  (JSON.parse(readFileSync(join(site, 'build-report.json'), 'utf8')) as { inputs: ReportInput[] }).inputs
    .filter((input) => input.outcome === 'published')
    .map((input) => input.url ?? '');
const redirects = (site: string): string[] =>
  (JSON.parse(readFileSync(join(site, 'build-report.json'), 'utf8')) as { inputs: ReportInput[] }).inputs
    .filter((input) => input.outcome === 'duplicate')
    .map((input) => input.redirectFrom ?? '');

const ARTICLE = 'articles/russia-becomes-the-first-country-in-the-world-to-recognize-taliban-government/';
const xml = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ['item', 'url', 'sitemap'].includes(name),
});

/** True for well-formed XML; otherwise the validator's message, so a failure says what is wrong. */
function wellFormed(text: string): true | string {
  try {
    return SyntaxValidator.validate(text);
  } catch (error) {
    return String(error);
  }
}

beforeAll(() => {
  const dirs = inject('siteDirs');
  if (!dirs['root'] || !dirs['news']) throw new Error('the fixture sites were not built');
  root = dirs['root'];
  news = dirs['news'];
});

/** Items of an RSS feed as a real XML parser reads them. */
interface RssItem {
  link: string;
  'content:encoded'?: string;
}

function rssItems(site: string, path: string): RssItem[] {
  const text = readFileSync(join(site, path), 'utf8');
  expect(wellFormed(text)).toBe(true);
  const feed = xml.parse(text) as { rss: { '@_version': string; channel: { item?: RssItem[] } } };
  expect(feed.rss['@_version']).toBe('2.0');
  return feed.rss.channel.item ?? [];
}

describe('rss.xml', () => {
  test('holds every published article of a small site, each with its full text (root site)', () => {
    const items = rssItems(root, 'rss.xml');
    expect(items.map((item) => item.link).sort()).toEqual(
      published(root)
        .map((url) => `https://news.example.org${url}`)
        .sort(),
    );
    const founding = items.find((item) => item.link.endsWith(ARTICLE));
    expect(founding?.['content:encoded']).toContain('<p id="p1">');
  });

  test('holds the 50 newest articles of a larger site (news site)', () => {
    const items = rssItems(news, 'rss.xml');
    expect(published(news).length).toBeGreaterThan(50);
    expect(items).toHaveLength(50);
    for (const item of items) expect(item['content:encoded']).toMatch(/^<p id="p1">/);
  });

  test('is announced on every page for feed readers, as RSS and as JSON Feed', () => {
    const page = readPage(root, ARTICLE);
    expect(page).toContain(
      '<link rel="alternate" type="application/rss+xml" title="Dispatch — all articles" href="https://news.example.org/rss.xml">',
    );
    expect(page).toContain(
      '<link rel="alternate" type="application/feed+json" title="Dispatch — all articles" href="https://news.example.org/feed.json">',
    );
  });
});

describe('feeds for every listing', () => {
  const LISTINGS = ['topics/taliban/', 'sources/example-wire/', 'sections/sub/'];

  test('each section, topic and source has an RSS feed of its own articles, announced on its page', () => {
    for (const listing of LISTINGS) {
      const items = rssItems(root, `${listing}rss.xml`);
      expect(items.length).toBeGreaterThan(0);
      const page = readPage(root, listing);
      for (const item of items)
        expect(page).toContain(`href="${item.link.replace('https://news.example.org', '')}"`);
      expect(page).toContain(`type="application/rss+xml" title="Dispatch — `);
      expect(page).toContain(`href="https://news.example.org/${listing}rss.xml"`);
      expect(page).toContain(`href="https://news.example.org/${listing}feed.json"`);
    }
  });

  test('beside each RSS feed a JSON Feed 1.1 with the same items and the required fields', () => {
    for (const listing of ['', ...LISTINGS]) {
      const feed = JSON.parse(readFileSync(join(news, listing, 'feed.json'), 'utf8')) as {
        version: string;
        title: string;
        feed_url: string;
        items: { id: string; url: string; content_html?: string; content_text?: string }[];
      };
      expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
      expect(feed.title).toMatch(/^Dispatch/);
      expect(feed.feed_url).toBe(`https://example.org/news/${listing}feed.json`);
      const rss = rssItems(news, `${listing}rss.xml`).map((item) => item.link);
      expect(feed.items.map((item) => item.url)).toEqual(rss);
      for (const item of feed.items) {
        expect(item.id).toBe(item.url);
        expect(item.content_html ?? item.content_text).toBeTruthy();
      }
    }
  });

  test('feeds.opml lists every feed, each of which exists', () => {
    const text = readFileSync(join(news, 'feeds.opml'), 'utf8');
    expect(wellFormed(text)).toBe(true);
    const urls = allMatches(text, /xmlUrl="([^"]+)"/g);
    expect(urls).toEqual(
      expect.arrayContaining([
        'https://example.org/news/rss.xml',
        'https://example.org/news/sections/generated/rss.xml',
      ]),
    );
    for (const url of urls)
      expect(existsSync(join(news, url.replace('https://example.org/news/', '')))).toBe(true);
    const rssFiles = readdirSync(news, { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('rss.xml'));
    expect(urls.length).toBe(rssFiles.length);
  });
});

describe('sitemap', () => {
  test.each(['root', 'news'])('lists every published article once and no redirect (%s site)', (name) => {
    const site = name === 'root' ? root : news;
    const origin = name === 'root' ? 'https://news.example.org' : 'https://example.org';
    const indexText = readFileSync(join(site, 'sitemap-index.xml'), 'utf8');
    expect(wellFormed(indexText)).toBe(true);
    const index = xml.parse(indexText) as { sitemapindex: { sitemap: { loc: string }[] } };
    const locs = index.sitemapindex.sitemap.flatMap((entry) => {
      const file = entry.loc.slice(entry.loc.lastIndexOf('/') + 1);
      const text = readFileSync(join(site, file), 'utf8');
      expect(wellFormed(text)).toBe(true);
      return (xml.parse(text) as { urlset: { url: { loc: string }[] } }).urlset.url.map((url) => url.loc);
    });
    const articles = locs.filter((loc) => loc.includes('/articles/'));
    expect(articles.sort()).toEqual(
      published(site)
        .map((url) => `${origin}${url}`)
        .sort(),
    );
    expect(new Set(locs).size).toBe(locs.length);
    for (const redirect of redirects(site)) expect(locs).not.toContain(`${origin}${redirect}`);
    expect(redirects(site).length).toBeGreaterThan(0);
  });

  test('is named in robots.txt by its absolute URL', () => {
    expect(readFileSync(join(news, 'robots.txt'), 'utf8')).toContain(
      'Sitemap: https://example.org/news/sitemap-index.xml',
    );
  });
});

describe('page metadata', () => {
  const meta = (html: string, key: string): string | undefined =>
    new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1];

  test('gives an article Open Graph and Twitter cards, a title with the site name and breadcrumbs', () => {
    const html = readPage(root, ARTICLE);
    const title = 'Russia Becomes the First Country in the World to Recognize Taliban Government';
    expect(html).toContain(`<title>${title} — Dispatch</title>`);
    expect(meta(html, 'og:type')).toBe('article');
    expect(meta(html, 'og:title')).toBe(title);
    expect(meta(html, 'og:url')).toBe(`https://news.example.org/${ARTICLE}`);
    expect(meta(html, 'og:site_name')).toBe('Dispatch');
    expect(meta(html, 'article:published_time')).toBe('2025-07-11');
    expect(meta(html, 'twitter:card')).toBe('summary');
    expect(meta(html, 'description')?.length).toBeGreaterThan(20);
    expect(html).toMatch(/<html lang="en"/);
    const breadcrumb = allMatches(html, /<script type="application\/ld\+json">([\s\S]*?)<\/script>/)
      .map((text) => JSON.parse(text) as { '@type': string; itemListElement?: { item: string }[] })
      .find((data) => data['@type'] === 'BreadcrumbList');
    expect(breadcrumb?.itemListElement?.map((item) => item.item)).toEqual([
      'https://news.example.org/',
      `https://news.example.org/${ARTICLE}`,
    ]);
  });

  test('gives listing pages absolute canonical URLs under the base path', () => {
    expect(readPage(news, 'archive/')).toContain(
      '<link rel="canonical" href="https://example.org/news/archive/">',
    );
  });
});

describe('listings', () => {
  test('paginate the home page at page/2/ and on, each story once across pages', () => {
    const pages = ['', 'page/2/', 'page/3/'].filter((page) => existsSync(join(news, page, 'index.html')));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const links = pages.flatMap((page) =>
      allMatches(readPage(news, page), /<h2 class="summary__title"[^>]*><a href="([^"]+)"/),
    );
    expect(new Set(links).size).toBe(links.length);
    expect(readPage(news, '')).toContain('href="/news/page/2/" rel="next"');
    expect(readPage(news, 'page/2/')).toContain('href="/news/" rel="prev"');
  });

  test('have a source page for each outlet named and none for articles without one', () => {
    expect(readPage(root, 'sources/')).toContain('href="/sources/example-wire/"');
    expect(readPage(root, 'sources/example-wire/')).toContain('Wire briefing: markets');
    expect(readPage(root, 'sources/')).toMatch(/\d+ articles do not name a source/);
  });

  test('have an archive by year and month that includes undated articles', () => {
    const archive = readPage(root, 'archive/');
    expect(archive).toContain('href="/archive/2025/07/"');
    expect(archive).toContain('href="/archive/undated/"');
    expect(readPage(root, 'archive/2025/07/')).toContain(`href="/${ARTICLE}"`);
    expect(readPage(root, 'archive/undated/')).toContain(
      'href="/articles/russias-historic-recognition-of-taliban-government-a-shift-in-geopolitical-dynamics/"',
    );
  });

  test('have topic pages for the founding story’s people, places and organisations', () => {
    const topics = readPage(root, 'topics/');
    for (const topic of ['russia', 'afghanistan', 'taliban', 'kabul']) {
      expect(topics).toContain(`href="/topics/${topic}/"`);
      expect(readPage(root, `topics/${topic}/`)).toContain(`href="/${ARTICLE}"`);
    }
    expect(readPage(root, ARTICLE)).toContain('href="/topics/taliban/"');
  });
});

describe('sections', () => {
  const FERRY = 'articles/harbour-ferry-returns-after-refit/';

  test('are listed in the header of every page, one link per top-level folder with articles', () => {
    for (const page of ['', 'topics/', ARTICLE, 'sections/sub/']) {
      const nav = /<nav class="section-nav" aria-label="Sections">(.*?)<\/nav>/s.exec(
        readPage(root, page),
      )?.[1];
      expect(allMatches(nav ?? '', /href="([^"]+)"/g)).toEqual([
        '/sections/hostile/',
        '/sections/international/',
        '/sections/non-latin/',
        '/sections/sub/',
      ]);
    }
    expect(readPage(root, 'sections/sub/')).toContain('href="/sections/sub/" aria-current="page"');
    expect(readPage(news, '')).toContain('href="/news/sections/generated/"');
  });

  test('have a page listing their articles by story', () => {
    const sub = readPage(root, 'sections/sub/');
    expect(sub).toContain('<h1 class="page-title">Sub</h1>');
    expect(sub).toContain(`href="/${FERRY}"`);
    expect(sub).not.toContain(`href="/${ARTICLE}"`);
  });

  test('are named on an article page, in its JSON-LD, its breadcrumb and its search filters', () => {
    const ferry = readPage(root, FERRY);
    expect(ferry).toContain('<a href="/sections/sub/">Sub</a>');
    const [article, crumbs] = jsonLd(ferry);
    expect(article?.['articleSection']).toBe('Sub');
    expect(crumbs?.['itemListElement']).toEqual([
      expect.objectContaining({ position: 1 }),
      { '@type': 'ListItem', position: 2, name: 'Sub', item: 'https://news.example.org/sections/sub/' },
      expect.objectContaining({ position: 3, item: `https://news.example.org/${FERRY}` }),
    ]);
    expect(ferry).toContain('data-pagefind-filter="section[data-section], year[data-year]');
    expect(ferry).toContain('data-section="Sub"');
  });

  test('are absent from an article at the top of the content folder', () => {
    const founding = readPage(root, ARTICLE);
    expect(jsonLd(founding)[0]).not.toHaveProperty('articleSection');
    expect(founding).not.toContain('data-section=');
  });
});

describe('related reading', () => {
  test('lists at most five existing articles of other stories under an article, on some pages', () => {
    const report = JSON.parse(readFileSync(join(news, 'build-report.json'), 'utf8')) as {
      inputs: (ReportInput & { story?: string })[];
    };
    const storyOf = new Map(
      report.inputs.filter((input) => input.outcome === 'published').map((input) => [input.url, input.story]),
    );
    let withRelated = 0;
    for (const [url, story] of storyOf) {
      const html = readPage(news, (url ?? '').replace('/news/', ''));
      const aside = /<aside class="coverage related"[^>]*>(.*?)<\/aside>/s.exec(html)?.[1];
      if (!aside) continue;
      withRelated += 1;
      const links = allMatches(aside, /href="([^"]+)"/g);
      expect(links.length).toBeGreaterThan(0);
      expect(links.length).toBeLessThanOrEqual(5);
      for (const link of links) {
        expect(storyOf.has(link)).toBe(true);
        expect([url, link, storyOf.get(link) === story]).toEqual([url, link, false]);
      }
    }
    expect(withRelated).toBeGreaterThan(10);
  });
});

describe('search index attributes', () => {
  test('weigh the headline and dek above the body and give every article a date sort key', () => {
    const html = readPage(root, 'articles/wire-briefing-markets/');
    expect(html).toMatch(/<h1 class="article__title" data-pagefind-meta="title" data-pagefind-weight="10">/);
    const undated = readPage(
      root,
      'articles/russias-historic-recognition-of-taliban-government-a-shift-in-geopolitical-dynamics/',
    );
    expect(undated).toMatch(/<p class="article__dek" data-pagefind-weight="5">/);
    expect(undated).toContain('data-pagefind-sort="date:0000-00-00"');
    expect(undated).toContain('data-year="Undated"');
    expect(html).toContain('data-pagefind-sort="date:2025-08-04"');
    expect(html).toContain('data-source="Example Wire"');
  });
});

describe('page weight', () => {
  test('an article page is at most 14 KB gzipped, HTML and CSS together, and loads no script', () => {
    // No script file: the only scripts are inline, the theme script and the service worker's
    // registration (offline reading), which must stay at most 1 KB.
    const html = readPage(root, ARTICLE);
    const styles = allMatches(html, /<link rel="stylesheet" href="\/([^"]+)"/);
    const css = styles.map((path) => readFileSync(join(root, path)));
    const bytes = [Buffer.from(html), ...css].reduce(
      (sum, part) => sum + gzipSync(part, { level: 9 }).length,
      0,
    );
    expect(styles.length).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(14 * 1024);
    expect(allMatches(html, /<script[^>]+src="([^"]+)"/)).toEqual([]);
    const runnable = [...html.matchAll(/<script((?:\s[^>]*)?)>([\s\S]*?)<\/script>/g)]
      .filter((match) => !/\stype=/.test(match[1] ?? ''))
      .map((match) => ({ attributes: (match[1] ?? '').trim(), text: match[2] ?? '' }));
    expect(runnable.map((script) => script.attributes)).toEqual(['', 'data-sw="/sw.js"']);
    expect(runnable[0]?.text).toBe(THEME_SCRIPT);
    expect(runnable[1]?.text).toBe(REGISTER_SERVICE_WORKER_SCRIPT);
    expect(Buffer.byteLength(runnable[1]?.text ?? '')).toBeLessThanOrEqual(1024);
  });

  test('no built page refers to another origin for a script, style, font or image', () => {
    const pages = builtPageFiles(root);
    // The loop checks nothing if the list is empty or short.
    expect(pages.length).toBeGreaterThanOrEqual(MIN_ROOT_FIXTURE_PAGES);
    expect(pages).toEqual(expect.arrayContaining([...ROOT_FIXTURE_PAGES]));
    for (const page of pages) {
      const html = readFileSync(join(root, page), 'utf8');
      expect([page, allMatches(html, /<(?:script|img|iframe)[^>]+src="(https?:[^"]+)"/)]).toEqual([page, []]);
      expect([
        page,
        allMatches(html, /<link rel="(?:stylesheet|preload|icon)"[^>]+href="(https?:[^"]+)"/),
      ]).toEqual([page, []]);
    }
  });
});
