/**
 * Control characters, noncharacters and scraper leftovers in the fixture site
 * (tests/fixtures/site/hostile/control-characters.txt, windows-1252-undefined-bytes.txt) never
 * reach any output: the feed and sitemaps are read with a real XML parser, and every built
 * page, feed, sitemap, JSON file, JSON-LD block and Pagefind record is scanned character by
 * character.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { allStrings, forbiddenIn } from '../support/forbidden-characters.ts';
import { decodeEntities, jsonLd, readPage } from '../support/html.ts';

const CONTROLS = 'articles/1-8m-fine-for-northwind-radio-over-late-night-phone-in/';
const CONTROLS_TITLE = '£1.8m fine for Northwind Radio over late-night phone-in';
const WINDOWS_1252 = 'articles/councils-5m-harbour-plan-approved/';
const WINDOWS_1252_TITLE = 'Council’s £5m harbour plan approved';

const sites: Record<string, string> = {};
const xml = new XMLParser({ isArray: (name) => ['item', 'url', 'sitemap', 'category'].includes(name) });

beforeAll(() => {
  const dirs = inject('siteDirs');
  for (const name of ['root', 'news']) {
    const dir = dirs[name];
    if (!dir) throw new Error(`the ${name} fixture site was not built`);
    sites[name] = dir;
  }
});

/** True for well-formed XML; otherwise the validator's message, so a failure says what is wrong. */
function wellFormed(text: string): true | string {
  try {
    return SyntaxValidator.validate(text);
  } catch (error) {
    return String(error);
  }
}

/** Every built file a reader, a feed reader or a crawler gets as text, site-relative. */
function textFiles(site: string): string[] {
  return readdirSync(site, { recursive: true })
    .map(String)
    .filter((file) => /\.(html|xml|json|txt)$/.test(file) || file === '_headers')
    .sort();
}

function withoutFileNames(key: string, value: unknown): unknown {
  return key === 'file' ? undefined : value;
}

/** The built page of a content file, found by the URL the build report gives it. */
function pageOf(site: string, file: string): string {
  const report = JSON.parse(readFileSync(join(site, 'build-report.json'), 'utf8')) as {
    inputs: { file: string; url?: string }[];
  };
  const url = report.inputs.find((input) => input.file === file)?.url ?? '';
  return `${url.replace(/^\/(news\/)?/, '')}index.html`;
}

/** The decompressed Pagefind records: one JSON document per indexed page. */
function pagefindRecords(site: string): { file: string; text: string }[] {
  const folder = join(site, 'pagefind/fragment');
  return readdirSync(folder).map((file) => ({
    file: `pagefind/fragment/${file}`,
    text: gunzipSync(readFileSync(join(folder, file)))
      .toString('utf8')
      .replace(/^pagefind_dcd/, ''),
  }));
}

describe.each(['root', 'news'])('hostile characters in the %s site', (name) => {
  const site = (): string => sites[name] ?? '';

  test('the feeds are well-formed and their items read back clean, references decoded', () => {
    // The site's feed holds the 50 newest articles; the hostile files' section feed holds them all.
    const main = readFileSync(join(site(), 'rss.xml'), 'utf8');
    expect(wellFormed(main)).toBe(true);
    expect(forbiddenIn(main)).toEqual([]);
    const text = readFileSync(join(site(), 'sections/hostile/rss.xml'), 'utf8');
    expect(wellFormed(text)).toBe(true);
    const feed = xml.parse(text) as {
      rss: { channel: { item: { title: string; link: string; description: string; category?: string[] }[] } };
    };
    const items = feed.rss.channel.item;
    const byLink = (path: string) => items.find((item) => item.link.endsWith(`/${path}`));
    expect(byLink(CONTROLS)).toMatchObject({ title: CONTROLS_TITLE, category: ['Northwind Wire'] });
    expect(byLink(CONTROLS)?.description).toMatch(/^The regulator fined Northwind Radio £1\.8m on Thursday/);
    expect(byLink(WINDOWS_1252)?.title).toBe(WINDOWS_1252_TITLE);
    expect(forbiddenIn(allStrings(items).join('\n'))).toEqual([]);
  });

  test('every sitemap is well-formed XML', () => {
    const sitemaps = textFiles(site()).filter((file) => /^sitemap.*\.xml$/.test(file));
    expect(sitemaps.length).toBeGreaterThanOrEqual(2);
    for (const file of sitemaps) {
      expect([file, wellFormed(readFileSync(join(site(), file), 'utf8'))]).toEqual([file, true]);
    }
  });

  test('no built page, feed, sitemap, JSON file or header file holds a forbidden character', () => {
    const files = textFiles(site());
    const hostile = ['control-characters.txt', 'windows-1252-undefined-bytes.txt'].map((file) =>
      pageOf(site(), `hostile/${file}`),
    );
    expect(files).toEqual(expect.arrayContaining(['rss.xml', 'build-report.json', ...hostile]));
    for (const file of files) {
      const text = readFileSync(join(site(), file), 'utf8');
      // JSON may write a character as a \u escape, so its parsed values are scanned. A report's
      // `file` is the name on disk, which may hold any byte but `/` and NUL: it stays true.
      const scanned = file.endsWith('.json')
        ? allStrings(JSON.parse(text, withoutFileNames)).join('\n')
        : text;
      expect([file, forbiddenIn(scanned)]).toEqual([file, []]);
    }
  });

  test('no JSON-LD block holds a forbidden character, even as a \\u escape', () => {
    for (const file of textFiles(site()).filter((path) => path.endsWith('.html'))) {
      const blocks = jsonLd(readFileSync(join(site(), file), 'utf8'));
      expect([file, forbiddenIn(allStrings(blocks).join('\n'))]).toEqual([file, []]);
    }
    const headline = jsonLd(readPage(site(), CONTROLS))[0]?.['headline'];
    expect(headline).toBe(CONTROLS_TITLE);
  });

  test('no Pagefind record holds a forbidden character', () => {
    const records = pagefindRecords(site());
    const controls = records.find((record) => record.text.includes('Northwind Radio'));
    expect(controls).toBeDefined();
    for (const { file, text } of records) {
      expect([file, forbiddenIn(text + allStrings(JSON.parse(text)).join('\n'))]).toEqual([file, []]);
    }
  });
});

describe('the article with control characters and HTML references (root site)', () => {
  const page = (): string => readPage(sites['root'] ?? '', CONTROLS);

  test('shows the decoded headline, and decoded markup only as escaped text', () => {
    expect(page()).toMatch(new RegExp(`<h1[^>]*>${CONTROLS_TITLE.replace('.', '\\.')}</h1>`));
    // rehype-stringify escapes `<` in text as &#x3C;.
    expect(page()).toContain('said &#x3C;script>alert(1)&#x3C;/script> on air');
    expect(page().replace(/="[^"]*"/g, '=""')).not.toContain('<script>alert');
  });

  test('lists what was removed, replaced and decoded, with lines, in the editing note', () => {
    const note = decodeEntities(/<aside class="edit-note"[\s\S]*?<\/aside>/.exec(page())?.[0] ?? '');
    expect(note).toContain('U+0007 (line 5)');
    expect(note).toContain('U+FFFE (line 5)');
    expect(note).toContain('U+202E (line 14)');
    expect(note).toContain('U+000C → line break (line 8)');
    expect(note).toContain('&#163; → £ (line 5)');
    expect(note).toContain('&lt; → < ×2 (line 10)');
    // Made by YAML escapes in the front matter, after the text's own clean-up: still an edit.
    expect(note).toContain('U+0007, U+0085 (front matter “source”)');
  });

  test('is reported with its clean title', () => {
    const report = JSON.parse(readFileSync(join(sites['root'] ?? '', 'build-report.json'), 'utf8')) as {
      inputs: { file: string; outcome: string; title?: string; warnings: string[] }[];
    };
    const entry = report.inputs.find((input) => input.file === 'hostile/control-characters.txt');
    expect(entry).toMatchObject({ outcome: 'published', title: CONTROLS_TITLE });
    const windows = report.inputs.find((input) => input.file === 'hostile/windows-1252-undefined-bytes.txt');
    expect(windows).toMatchObject({ outcome: 'published', title: WINDOWS_1252_TITLE });
  });
});
