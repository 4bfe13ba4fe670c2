/**
 * Issue 13, finding 7, in a built site: two outlets whose names are written in Chinese
 * (tests/fixtures/site/non-latin) get a page each, each listing its own article only, and each
 * article links to its own outlet; their article URLs are romanized, never `article`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { readPage } from '../support/html.ts';

let root: string;
let urls: Map<string, string>;

const XINHUA_TITLE = '新华社报道：长江流域迎来丰收季节';
const PEOPLES_DAILY_TITLE = '人民日报评论：城市公共交通的新变化';

beforeAll(() => {
  const site = inject('siteDirs')['root'];
  if (!site) throw new Error('the root fixture site was not built');
  root = site;
  const report = JSON.parse(readFileSync(join(root, 'build-report.json'), 'utf8')) as {
    inputs: { file: string; outcome: string; url?: string }[];
  };
  urls = new Map(report.inputs.flatMap((input) => (input.url ? [[input.file, input.url]] : [])));
});

describe('outlets and titles in Chinese', () => {
  test('publish both articles at romanized addresses', () => {
    expect(urls.get('non-latin/xinhua.txt')).toMatch(/^\/articles\/xin-hua-she-bao-dao-[a-z0-9-]+\/$/);
    expect(urls.get('non-latin/peoples-daily.txt')).toMatch(
      /^\/articles\/ren-min-ri-bao-ping-lun-[a-z0-9-]+\/$/,
    );
  });

  test('give each outlet its own page, listing its own article only', () => {
    const xinhua = readPage(root, 'sources/xin-hua-she/');
    const peoplesDaily = readPage(root, 'sources/ren-min-ri-bao/');
    expect(xinhua).toContain(XINHUA_TITLE);
    expect(xinhua).not.toContain(PEOPLES_DAILY_TITLE);
    expect(peoplesDaily).toContain(PEOPLES_DAILY_TITLE);
    expect(peoplesDaily).not.toContain(XINHUA_TITLE);
    const index = readPage(root, 'sources/');
    expect(index).toContain('href="/sources/xin-hua-she/"');
    expect(index).toContain('href="/sources/ren-min-ri-bao/"');
  });

  test('link each article to its own outlet’s page', () => {
    const xinhua = readPage(root, (urls.get('non-latin/xinhua.txt') ?? '').slice(1));
    const peoplesDaily = readPage(root, (urls.get('non-latin/peoples-daily.txt') ?? '').slice(1));
    expect(xinhua).toContain('href="/sources/xin-hua-she/"');
    expect(xinhua).not.toContain('href="/sources/ren-min-ri-bao/"');
    expect(peoplesDaily).toContain('href="/sources/ren-min-ri-bao/"');
    expect(peoplesDaily).not.toContain('href="/sources/xin-hua-she/"');
  });
});
