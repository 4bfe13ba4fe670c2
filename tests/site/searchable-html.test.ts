/**
 * What of a page goes to the search index: `<html>` and the `data-pagefind-body` element, found
 * by a tag scanner that untrusted attribute values, comments and scripts cannot mislead — and,
 * with the real Pagefind, the same index as the whole pages give.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, test } from 'vitest';
import { searchableHtml } from '../../src/site/searchable-html.ts';

const HEAD = '<!doctype html><html lang="fr" dir="ltr"><head><title>T</title></head><body>';
const wrap = (body: string): string => `<!doctype html><html lang="fr" dir="ltr"><body>${body}</body></html>`;

describe('searchableHtml', () => {
  test('keeps the html tag and the marked element, and nothing around them', () => {
    const article =
      '<article lang="fr" data-pagefind-body data-pagefind-filter="topic:x"><h1>Titre</h1><p>Texte.</p></article>';
    const html = `${HEAD}<header><nav>Accueil</nav></header><main>${article}<aside>Autres</aside></main></body></html>`;
    expect(searchableHtml(html)).toBe(wrap(article));
  });

  test('attribute values holding ">" or a closing tag do not end the element', () => {
    const article =
      '<article data-pagefind-body data-pagefind-meta="title:a > b </article> c" title=\'</article>\'>' +
      '<p data-x="<article>">x</p></article>';
    expect(searchableHtml(`${HEAD}${article}<p>after</p></body></html>`)).toBe(wrap(article));
  });

  test('elements of the same name inside it are counted', () => {
    const article = '<article data-pagefind-body><article><p>inner</p></article><p>outer</p></article>';
    expect(searchableHtml(`${HEAD}${article}<article>other</article></body></html>`)).toBe(wrap(article));
  });

  test('comments and the raw text of scripts are not read as tags', () => {
    const article =
      '<div data-pagefind-body><script>if (a < b) "</div>";</script><!-- </div> --><p>x</p></div>';
    const html = `${HEAD}<!-- <div data-pagefind-body> --><script>"<div data-pagefind-body>"</script>${article}</body></html>`;
    expect(searchableHtml(html)).toBe(wrap(article));
  });

  test('a page without the mark gives nothing to index', () => {
    expect(
      searchableHtml(
        `${HEAD}<p data-pagefind-bodyx>no</p><script>"data-pagefind-body"</script></body></html>`,
      ),
    ).toBe(undefined);
  });

  test('two marked elements, or one never closed: the whole page', () => {
    const two = `${HEAD}<div data-pagefind-body>a</div><div data-pagefind-body>b</div></body></html>`;
    const unclosed = `${HEAD}<div data-pagefind-body><p>a</p></body></html>`;
    expect(searchableHtml(two)).toBe(two);
    expect(searchableHtml(unclosed)).toBe(unclosed);
  });

  test('finds exactly the marked element in generated pages (property, fixed seed)', () => {
    // Attribute values of any characters but the quote around them; text as the site escapes it.
    const text = fc.string().map((value) => value.replaceAll('&', '&amp;').replaceAll('<', '&lt;'));
    const value = fc.string().map((raw) => raw.replaceAll('"', '&quot;'));
    const name = fc.constantFrom('div', 'p', 'article', 'section', 'span', 'aside');
    const element: fc.Memo<string> = fc.memo((depth) =>
      fc
        .tuple(name, value, fc.array(depth > 1 ? fc.oneof(text, element(depth - 1)) : text, { maxLength: 3 }))
        .map(([tag, attribute, children]) => `<${tag} title="${attribute}">${children.join('')}</${tag}>`),
    );
    fc.assert(
      fc.property(
        fc.array(element(3), { maxLength: 3 }),
        element(3),
        fc.array(element(3), { maxLength: 3 }),
        (before, marked, after) => {
          const body = marked.replace(/^<(\w+)/, '<$1 data-pagefind-body');
          const html = `${HEAD}${before.join('')}${body}${after.join('')}</body></html>`;
          expect(searchableHtml(html)).toBe(wrap(body));
        },
      ),
      { seed: 20261130, numRuns: 300 },
    );
  });
});

describe('the index Pagefind builds from it', () => {
  const folders: string[] = [];
  afterAll(async () => {
    await pagefind.close();
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  });

  async function indexFiles(pages: { sourcePath: string; content: string }[]): Promise<Map<string, string>> {
    const folder = await mkdtemp(join(tmpdir(), 'dispatch-searchable-'));
    folders.push(folder);
    const { index } = await pagefind.createIndex({});
    if (!index) throw new Error('Pagefind did not start');
    for (const page of pages) await index.addHTMLFile(page);
    await index.writeFiles({ outputPath: folder });
    await index.deleteIndex();
    const files = (await readdir(folder, { recursive: true, withFileTypes: true })).filter((entry) =>
      entry.isFile(),
    );
    return new Map(
      await Promise.all(
        files.map(async (entry) => {
          const path = join(entry.parentPath, entry.name);
          return [path.slice(folder.length + 1), (await readFile(path)).toString('base64')] as const;
        }),
      ),
    );
  }

  test('is the index of the whole pages, byte for byte', async () => {
    const page = (lang: string, title: string, topic: string, text: string): string =>
      `<!doctype html><html lang="${lang}"><head><title>${title} — Site</title><meta property="og:image" content="/x.png"></head>` +
      `<body><header><nav><a href="/">Home</a> <a href="/topics/">Topics</a></nav></header><main>` +
      `<article lang="${lang}" data-pagefind-body data-pagefind-sort="date:2025-01-0${title.length % 9}">` +
      `<h1 data-pagefind-meta="title">${title}</h1><p class="meta" data-pagefind-ignore>By someone</p>` +
      `<p>${text}</p><nav data-pagefind-ignore><a data-pagefind-filter="topic" href="/t/">${topic}</a></nav></article>` +
      `<aside>Related: other words entirely</aside></main><footer>Footer words</footer></body></html>`;
    const pages = [
      {
        sourcePath: 'articles/a/index.html',
        content: page('en', 'Harbour bridge reopens', 'Harbour', 'The bridge reopened on Monday.'),
      },
      {
        sourcePath: 'articles/b/index.html',
        content: page('fr', 'Le pont rouvre', 'Port', 'Le pont a rouvert lundi.'),
      },
      {
        sourcePath: 'articles/c/index.html',
        content: page('en', 'Ferry sinks', 'Harbour', 'Divers searched the wreck.'),
      },
    ];
    const trimmed = pages.map((entry) => ({ ...entry, content: searchableHtml(entry.content) ?? '' }));
    expect(trimmed.every((entry) => entry.content.length < 600)).toBe(true);
    const whole = await indexFiles(pages);
    expect(whole.size).toBeGreaterThan(5);
    expect(await indexFiles(trimmed)).toEqual(whole);
  }, 60_000);
});
