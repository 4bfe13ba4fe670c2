import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { INTERNATIONAL_SECTION } from '../support/fixture-site.ts';
import {
  allMatches,
  builtPageFiles,
  decodeEntities,
  isRedirectPage,
  jsonLd,
  MIN_ROOT_FIXTURE_PAGES,
  readPage,
  ROOT_FIXTURE_PAGES,
} from '../support/html.ts';

// Built once by tests/support/global-setup.ts from content/ + tests/fixtures/site/.
let site: string;
let report: { inputs: Record<string, unknown>[]; stories: unknown[] };
// The founding articles form one story, named after its first (dated) report.
const STORY = 'russia-becomes-the-first-country-in-the-world-to-recognize-taliban-government';
const RECOGNITION = 'articles/russia-becomes-the-first-country-in-the-world-to-recognize-taliban-government/';
const HISTORIC =
  'articles/russias-historic-recognition-of-taliban-government-a-shift-in-geopolitical-dynamics/';

beforeAll(() => {
  const dir = inject('siteDirs')['root'];
  if (!dir) throw new Error('the root fixture site was not built');
  site = dir;
  report = JSON.parse(readFileSync(join(site, 'build-report.json'), 'utf8')) as typeof report;
});

/** The articles in other languages the fixture sites file under INTERNATIONAL_SECTION. */
const LANGUAGE_FIXTURES = readdirSync(join(import.meta.dirname, '../fixtures/languages'));

const input = (file: string): Record<string, unknown> | undefined =>
  report.inputs.find((entry) => entry['file'] === file);

describe('build-report.json', () => {
  test('lists every file in the content folder exactly once', () => {
    expect(report.inputs.map((entry) => entry['file']).sort()).toEqual(
      [
        '.hidden-draft.txt',
        '000_e029bdb3274fdf84.txt',
        '001_31f1dcf5b4a59989.txt',
        'binary-image.txt',
        'budget.txt~',
        'copies/recognition-reposted.txt',
        'empty.txt',
        'hostile/front-matter-injection.txt',
        'hostile/script-injection.txt',
        'hostile/control-characters.txt',
        'hostile/windows-1252-undefined-bytes.txt',
        ...LANGUAGE_FIXTURES.map((file) => `${INTERNATIONAL_SECTION}/${file}`),
        'latin1-cafe.txt',
        'non-latin/peoples-daily.txt',
        'non-latin/xinhua.txt',
        'notes.md',
        'sub/Harbour Ferry [final] copy.TXT',
        'wire-briefing.txt',
      ].sort(),
    );
  });

  test('records the founding articles as published with their URL and metadata', () => {
    expect(input('001_31f1dcf5b4a59989.txt')).toEqual({
      file: '001_31f1dcf5b4a59989.txt',
      outcome: 'published',
      url: `/${RECOGNITION}`,
      warnings: [],
      title: 'Russia Becomes the First Country in the World to Recognize Taliban Government',
      date: '2025-07-11',
      byline: 'CIC International Affairs',
      paragraphs: 10,
      story: STORY,
    });
    expect(input('000_e029bdb3274fdf84.txt')).toMatchObject({
      outcome: 'published',
      url: `/${HISTORIC}`,
      paragraphs: 7,
      story: STORY,
    });
    expect(input('000_e029bdb3274fdf84.txt')).not.toHaveProperty('date');
  });

  test('rejects empty and binary files with a reason a person can act on', () => {
    expect(input('empty.txt')).toMatchObject({ outcome: 'rejected', reason: 'The file is empty.' });
    expect(input('binary-image.txt')).toMatchObject({ outcome: 'rejected' });
    expect(String(input('binary-image.txt')?.['reason'])).toMatch(/binary/);
  });

  test('ignores hidden files, editor backups and other extensions, saying why', () => {
    expect(input('.hidden-draft.txt')).toMatchObject({ outcome: 'ignored' });
    expect(String(input('.hidden-draft.txt')?.['reason'])).toMatch(/Hidden/);
    expect(String(input('budget.txt~')?.['reason'])).toMatch(/backup/);
    expect(String(input('notes.md')?.['reason'])).toMatch(/Not a \.txt file/);
  });

  test('reads .TXT case-insensitively in sub-folders and keeps odd file names out of URLs', () => {
    expect(input('sub/Harbour Ferry [final] copy.TXT')).toMatchObject({
      outcome: 'published',
      url: '/articles/harbour-ferry-returns-after-refit/',
    });
  });

  test('decodes a Windows-1252 file without replacement characters', () => {
    expect(input('latin1-cafe.txt')).toMatchObject({
      outcome: 'published',
      title: 'Café owners protest “unfair” rent rises',
    });
  });
});

describe('duplicates', () => {
  const DUPLICATE_SLUG = 'moscow-recognises-taliban-rule-in-a-first-for-any-country';

  test('are reported as duplicates of the canonical article', () => {
    expect(input('copies/recognition-reposted.txt')).toMatchObject({
      outcome: 'duplicate',
      duplicateOf: `/${RECOGNITION}`,
      title: 'Moscow recognises Taliban rule in a first for any country',
    });
  });

  test('keep their headline on the canonical page as "Also published as"', () => {
    expect(readPage(site, RECOGNITION)).toMatch(
      /Also published as:\s*<q>Moscow recognises Taliban rule in a first for any country<\/q>/,
    );
  });

  test('leave a redirect to the canonical page at the address they would have had', () => {
    const html = readPage(site, `articles/${DUPLICATE_SLUG}/`);
    expect(html).toContain(`<meta http-equiv="refresh" content="0; url=/${RECOGNITION}">`);
    expect(html).toContain(`<link rel="canonical" href="https://news.example.org/${RECOGNITION}">`);
    expect(html).not.toContain('data-pagefind-body');
  });
});

describe('stories', () => {
  test('give the founding articles one story page listing both reports, newest first', () => {
    const html = readPage(site, `stories/${STORY}/`);
    const links = allMatches(html, /<h2 class="summary__title"[^>]*><a href="([^"]+)"/);
    expect(links).toEqual([`/${RECOGNITION}`, `/${HISTORIC}`]);
    expect(html).toContain('Story · 2 reports');
  });

  test('link each article to the other coverage of its story', () => {
    const html = readPage(site, HISTORIC);
    expect(html).toContain('Other coverage of this story');
    expect(html).toContain(`<a href="/${RECOGNITION}">Russia Becomes the First Country`);
  });

  test('are listed in the report with their article URLs', () => {
    expect(report.stories).toContainEqual({ id: STORY, articles: [`/${RECOGNITION}`, `/${HISTORIC}`] });
  });
});

describe('metadata on the page', () => {
  test('shows author and outlet apart, with the date from a labelled line', () => {
    const url = String(input('wire-briefing.txt')?.['url']);
    expect(url).toBe('/articles/wire-briefing-markets/');
    const html = readPage(site, url.slice(1));
    expect(html).toContain('<span class="article-meta__byline">By Jane Doe</span>');
    expect(html).toContain('<a class="article-meta__source" href="/sources/example-wire/">Example Wire</a>');
    expect(html).toContain('<time datetime="2025-08-04">4 August 2025</time>');
  });

  test('takes the slug from front matter, made safe: no path can escape articles/', () => {
    expect(input('hostile/front-matter-injection.txt')).toMatchObject({
      outcome: 'published',
      url: '/articles/etc-passwd/',
      date: '2025-02-01',
    });
  });
});

describe('article page', () => {
  test('has exactly one h1, the title', () => {
    const html = readPage(site, RECOGNITION);
    expect(allMatches(html, /<h1[^>]*>([\s\S]*?)<\/h1>/)).toEqual([
      'Russia Becomes the First Country in the World to Recognize Taliban Government',
    ]);
  });

  test('shows the date in words with a machine-readable datetime, and the byline', () => {
    const html = readPage(site, RECOGNITION);
    expect(html).toContain('<time datetime="2025-07-11">11 July 2025</time>');
    expect(html).toContain('By CIC International Affairs');
  });

  test('shows the sign-off as a sign-off, outside the body paragraphs', () => {
    const html = readPage(site, RECOGNITION);
    expect(html).toMatch(/<p class="article__signoff"[^>]*>CIC PRESS TEAM<\/p>/);
    const body = /<div class="article__body"[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
    expect(allMatches(body, /<p id="p\d+">/)).toHaveLength(10);
    expect(body).not.toContain('CIC PRESS TEAM');
  });

  test('marks an undated article as undated, with the dek and the note on removed text', () => {
    const html = readPage(site, HISTORIC);
    const header = /<header class="article__header"[^>]*>([\s\S]*?)<\/header>/.exec(html)?.[1] ?? '';
    expect(header).not.toContain('<time');
    expect(header).toContain('Undated');
    expect(html).toMatch(/<p class="article__dek"[^>]*>Russia officially acknowledges Taliban rule/);
    expect(html).toContain('a repeated copy of the headline (line 4)');
    expect(html).toContain('a repeated block of 5 paragraphs (from line 12)');
  });

  test('carries a NewsArticle JSON-LD with absolute URL, and datePublished only when known', () => {
    const [dated] = jsonLd(readPage(site, RECOGNITION));
    expect(dated).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Russia Becomes the First Country in the World to Recognize Taliban Government',
      datePublished: '2025-07-11',
      author: [{ '@type': 'Organization', name: 'CIC International Affairs' }],
      url: `https://news.example.org/${RECOGNITION}`,
    });
    const [undated] = jsonLd(readPage(site, HISTORIC));
    expect(undated).toMatchObject({ '@type': 'NewsArticle', url: `https://news.example.org/${HISTORIC}` });
    expect(undated).not.toHaveProperty('datePublished');
    expect(undated).not.toHaveProperty('author');
    expect(String(undated?.['description'])).toBe(
      'Russia officially acknowledges Taliban rule, marking a significant geopolitical shift in Afghanistan and beyond.',
    );
  });

  test('is the only kind of page with data-pagefind-body, exactly once', () => {
    const pages = builtPageFiles(site);
    // The loop checks nothing if the list is empty or short.
    expect(pages.length).toBeGreaterThanOrEqual(MIN_ROOT_FIXTURE_PAGES);
    expect(pages).toEqual(expect.arrayContaining([...ROOT_FIXTURE_PAGES]));
    expect(pages.filter((page) => page.startsWith('articles/')).length).toBeGreaterThanOrEqual(10);
    for (const page of pages) {
      const html = readFileSync(join(site, page), 'utf8');
      // Elements carrying the attribute (the theme script mentions it in a selector).
      const count = allMatches(html, /<[a-z]+(\s[^>]*?)?\sdata-pagefind-body[\s>]/).length;
      const isArticle = page.startsWith('articles/') && !isRedirectPage(html);
      expect([page, count]).toEqual([page, isArticle ? 1 : 0]);
    }
  });
});

describe('hostile article text', () => {
  const hostile = (): string => {
    const url = String(input('hostile/script-injection.txt')?.['url']);
    return readPage(site, url.slice(1));
  };

  test('is published, with markup shown as text', () => {
    const html = hostile();
    // Straight quotes become typographic ones; everything else is exactly as written.
    expect(decodeEntities(html)).toContain('Breaking </title><script>alert(‘title’)</script> news');
    expect(html).toContain('&lt;script&gt;alert');
  });

  test('never reaches the page as markup: no injected element or handler', () => {
    // Inside a quoted attribute value `<` is inert text; look only at markup outside values.
    const html = hostile().replace(/="[^"]*"/g, '=""');
    expect(html).not.toMatch(/<script>alert/);
    expect(html).not.toMatch(/<img src=x/);
    expect(html).not.toMatch(/<svg onload/);
    expect(html).not.toMatch(/<a href="javascript:/);
    // The JSON-LD cannot be closed early by article text.
    expect(jsonLd(hostile())[0]?.['headline']).toBe('Breaking </title><script>alert(‘title’)</script> news');
  });
});

describe('site pages', () => {
  test('home lists each story once, newest first, undated last, with its number of reports', () => {
    const html = readPage(site, '');
    const links = allMatches(html, /<h2 class="summary__title"[^>]*><a href="([^"]+)"/);
    expect(links.slice(0, 4)).toEqual([
      '/articles/wire-briefing-markets/',
      `/${HISTORIC}`,
      '/articles/breaking-title-script-alert-title-script-news/',
      '/articles/etc-passwd/',
    ]);
    // The founding articles are one story: shown once, placed by its newest report (11 July)
    // under its most representative headline (see tests/build/stories.test.ts).
    expect(links).not.toContain(`/${RECOGNITION}`);
    expect(html).toContain(
      `<a href="/stories/${RECOGNITION.slice('articles/'.length)}">2 reports on this story</a>`,
    );
  });

  test('has a search page, a 404 page with a search form, and a Pagefind index of the articles', () => {
    expect(readPage(site, 'search/')).toContain('<h1');
    expect(readPage(site, '404.html')).toMatch(/<form[^>]+action="\/search\/"/);
    const entry = JSON.parse(readFileSync(join(site, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    // One index per language, each with its own stemming: every article in exactly one.
    const published = report.inputs.filter((item) => item['outcome'] === 'published').length;
    const counts = Object.fromEntries(
      Object.entries(entry.languages).map(([language, index]) => [language, index.page_count]),
    );
    expect(counts).toEqual({ ar: 2, de: 1, en: 10, es: 2, fr: 2, he: 1, 'pt-br': 1, zh: 2 });
    expect(Object.values(counts).reduce((sum, count) => sum + count, 0)).toBe(published);
  });
});

describe('site built under BASE_PATH=/news/', () => {
  test('prefixes every internal link and asset with /news/', () => {
    const newsSite = inject('siteDirs')['news'];
    if (!newsSite) throw new Error('the /news/ fixture site was not built');
    for (const page of ['', RECOGNITION, 'search/', '404.html']) {
      const html = readPage(newsSite, page);
      const urls = allMatches(html, /(?:href|src|action)="(\/[^"]*)"/);
      expect(urls.length).toBeGreaterThan(2);
      for (const url of urls) expect(url).toMatch(/^\/news\//);
    }
    expect(readPage(newsSite, RECOGNITION)).toContain(
      `<link rel="canonical" href="https://example.org/news/${RECOGNITION}">`,
    );
    expect(existsSync(join(newsSite, 'pagefind/pagefind.js'))).toBe(true);
  });
});
