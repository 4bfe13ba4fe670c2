/**
 * Issue 14, point 4, in the built root fixture site: the home page ranks stories by their
 * newest report (undated after dated), then by size, then by story id — never by title; a
 * story page is headed by its most representative headline, counts its reports and lists
 * them oldest first, undated last; topic pages rank stories the same way.
 */
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { allMatches, decodeEntities, readPage } from '../support/html.ts';

const STORY = 'russia-becomes-the-first-country-in-the-world-to-recognize-taliban-government';
const RECOGNITION = `/articles/${STORY}/`;
const HISTORIC =
  '/articles/russias-historic-recognition-of-taliban-government-a-shift-in-geopolitical-dynamics/';

let site: string;

beforeAll(() => {
  const dir = inject('siteDirs')['root'];
  if (!dir) throw new Error('the root fixture site was not built');
  site = dir;
});

const headlineLinks = (html: string): string[] =>
  allMatches(html, /<h2 class="summary__title"[^>]*><a href="([^"]+)"/);

describe('the home page', () => {
  test('ranks stories by their newest report, dated before undated, then by story id, never title', () => {
    expect(headlineLinks(readPage(site, ''))).toEqual([
      '/articles/wire-briefing-markets/', // 4 August 2025
      HISTORIC, // the founding story: its newest report is of 11 July 2025
      '/articles/breaking-title-script-alert-title-script-news/', // 1 March 2025
      '/articles/etc-passwd/', // 1 February 2025
      '/articles/ren-min-ri-bao-ping-lun-cheng-shi-gong-gong-jiao-tong-de-xin-bian-hua/', // 6 Nov 2024
      '/articles/xin-hua-she-bao-dao-zhang-jiang-liu-yu-ying-lai-feng-shou-ji-jie/', // 5 Nov 2024
      '/articles/bahnstreik-legt-den-fernverkehr-in-deutschland-lahm/', // 15 October 2024
      '/articles/rkhvt-klh-hdsh-nfthh-vhyfh/', // 7 April 2024 (Hebrew)
      '/articles/afttah-mhtt-jdydt-lthlyt-almyah-fy-aleqbt/', // Arabic story, newest 13 March 2024
      '/articles/sao-paulo-amplia-a-rede-de-ciclovias/', // 3 March 2024
      // Two stories newest on 2 February 2024, by story id: the French reports of the Lyon tram
      // are one story, the English report of the same event another (stories are per language).
      '/articles/la-metropole-de-lyon-inaugure-une-nouvelle-ligne-de-tramway/',
      '/articles/lyon-opens-tram-line-to-its-airport/',
      '/articles/la-ola-de-frio-deja-temperaturas-bajo-cero-en-madrid/', // Spanish story, 8 January 2024
      // Undated stories of one report each, by story id.
      '/articles/1-8m-fine-for-northwind-radio-over-late-night-phone-in/',
      '/articles/cafe-owners-protest-unfair-rent-rises/',
      '/articles/councils-5m-harbour-plan-approved/',
      '/articles/harbour-ferry-returns-after-refit/',
    ]);
  });

  test('shows a story under its representative headline, with its report count and newest date', () => {
    const html = readPage(site, '');
    expect(html).toContain(`<a href="${HISTORIC}">Russia’s Historic Recognition of Taliban Government`);
    expect(html).toMatch(
      new RegExp(
        `<a href="/stories/${STORY}/">2 reports on this story</a>.{0,120}latest <time datetime="2025-07-11">`,
      ),
    );
  });
});

describe('a story page', () => {
  test('is titled by the most representative headline and says how many reports it has', () => {
    const html = readPage(site, `stories/${STORY}/`);
    const headings = allMatches(html, /<h1[^>]*>([\s\S]*?)<\/h1>/).map(decodeEntities);
    expect(headings).toEqual([
      'Russia’s Historic Recognition of Taliban Government: A Shift in Geopolitical Dynamics',
    ]);
    expect(html).toMatch(/<title>Russia’s Historic Recognition of Taliban Government/);
    // No outlet is named by either report: the count is of reports only.
    expect(html).toContain('<p class="eyebrow">Story · 2 reports</p>');
    expect(html).not.toContain('outlet');
  });

  test('lists the reports as a timeline, oldest first, undated last', () => {
    expect(headlineLinks(readPage(site, `stories/${STORY}/`))).toEqual([RECOGNITION, HISTORIC]);
  });
});

describe('other coverage under an article', () => {
  test('links the story’s other report and the whole story', () => {
    const html = readPage(site, RECOGNITION.slice(1));
    const coverage = /<aside class="coverage"[\s\S]*?<\/aside>/.exec(html)?.[0] ?? '';
    expect(allMatches(coverage, /<li><a href="([^"]+)"/)).toEqual([HISTORIC]);
    expect(coverage).toContain(`<a href="/stories/${STORY}/">All 2 reports, as a timeline</a>`);
  });
});

describe('a topic page', () => {
  test('lists the founding story once, with a link to the story and its other report', () => {
    const html = readPage(site, 'topics/taliban/');
    expect(html).toContain(`<a href="/stories/${STORY}/">2 reports on this story</a>`);
    expect(allMatches(html, new RegExp(`<a href="/stories/${STORY}/">`, 'g'))).toHaveLength(1);
    expect(html).toContain(`href="${RECOGNITION}"`);
    expect(html).toContain(`href="${HISTORIC}"`);
    // Both reports still count as the topic's articles ("2 articles", with its space).
    expect(html).toContain('· Organisation · 2 articles</p>');
  });
});
