/**
 * The last guards where article text leaves the site as XML or inline JSON: even a record that
 * still held a control character or noncharacter gives a well-formed feed and a clean page.
 */
import { getRssString } from '@astrojs/rss';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { describe, expect, test } from 'vitest';
import { feedItems } from '../../src/site/feed.ts';
import { jsonForScript } from '../../src/site/json-ld.ts';
import { makeArticle } from '../support/articles.ts';

const HOSTILE =
  'Bell\u0007 \u0000nul \u001Besc \u007Fdel \u0085nel \u0090c1 \uFFFE\uFFFF \uD800 \u{1FFFE} \u202Eevil';

function wellFormed(text: string): true | string {
  try {
    return SyntaxValidator.validate(text);
  } catch (error) {
    return String(error);
  }
}

describe('feedItems', () => {
  test('removes every character that would make the feed ill-formed, from every text field', () => {
    const [item] = feedItems(
      [
        makeArticle({
          slug: 'bell',
          title: `T ${HOSTILE}`,
          description: `D ${HOSTILE}`,
          source: `S ${HOSTILE}`,
        }),
      ],
      {
        articleUrl: (slug) => `https://example.org/articles/${slug}/`,
        bodyHtml: () => `<p>B ${HOSTILE}</p>`,
      },
    );
    const clean = 'Bell nul esc del nel c1    evil';
    expect(item).toMatchObject({
      title: `T ${clean}`,
      description: `D ${clean}`,
      content: `<p>B ${clean}</p>`,
      categories: [`S ${clean}`],
    });
  });

  test('gives a well-formed RSS document a real XML parser reads back', async () => {
    const xml = await getRssString({
      title: 'Dispatch',
      description: 'News',
      site: 'https://example.org/',
      items: feedItems([makeArticle({ slug: 'bell', title: `Title ${HOSTILE}` })], {
        articleUrl: (slug) => `https://example.org/${slug}/`,
        bodyHtml: () => '<p>Body &amp; text</p>',
      }),
    });
    expect(wellFormed(xml)).toBe(true);
    const feed = new XMLParser().parse(xml) as { rss: { channel: { item: { title: string } } } };
    expect(feed.rss.channel.item.title).toBe('Title Bell nul esc del nel c1    evil');
  });
});

describe('jsonForScript', () => {
  test('writes DEL, C1 controls, noncharacters and bidi overrides as \\u escapes, keeping the value', () => {
    const value = { headline: 'a\u007F\u0085\u009F\uFDD0\uFFFE\u{10FFFF}\u202E\u2066</script>b' };
    const text = jsonForScript(value);
    expect(text).toBe(
      '{"headline":"a\\u007f\\u0085\\u009f\\ufdd0\\ufffe\\udbff\\udfff\\u202e\\u2066\\u003c/script\\u003eb"}',
    );
    expect(JSON.parse(text)).toEqual(value);
  });
});
